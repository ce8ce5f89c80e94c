// Reading received stanzas. Works on any DOM Element (the browser's, or @xmldom's under Node), so only the
// Element API both share is used: childNodes, localName, namespaceURI, getAttribute, textContent.

function namespaceOf(el: Element): string | null {
  return el.namespaceURI ?? el.getAttribute('xmlns');
}

/** The direct child elements named `name` (in namespace `ns` when given). */
export function childElements(el: Element, name: string, ns?: string): Element[] {
  const found: Element[] = [];
  for (let i = 0; i < el.childNodes.length; i += 1) {
    const node = el.childNodes[i];
    if (!node || node.nodeType !== 1) continue;
    const child = node as Element;
    const local = child.localName ?? child.nodeName;
    if (local === name && (ns === undefined || namespaceOf(child) === ns)) found.push(child);
  }
  return found;
}

/** The first direct child element named `name` (in namespace `ns` when given), or null. */
export function childElement(el: Element, name: string, ns?: string): Element | null {
  return childElements(el, name, ns)[0] ?? null;
}

/** The first direct child element in namespace `ns`, whatever its name. */
export function childInNamespace(el: Element, ns: string): Element | null {
  for (let i = 0; i < el.childNodes.length; i += 1) {
    const node = el.childNodes[i];
    if (node && node.nodeType === 1 && namespaceOf(node as Element) === ns) return node as Element;
  }
  return null;
}

/** The text of a direct child, or null when there is no such child. */
export function childText(el: Element, name: string, ns?: string): string | null {
  const child = childElement(el, name, ns);
  return child ? (child.textContent ?? '') : null;
}

/** An attribute, or null when absent or empty. */
export function attr(el: Element, name: string): string | null {
  const value = el.getAttribute(name);
  return value === null || value === '' ? null : value;
}

/** The bare JID (no resource), lower-cased as XMPP compares local parts and domains. */
export function bareJid(jid: string): string {
  const slash = jid.indexOf('/');
  return (slash < 0 ? jid : jid.slice(0, slash)).toLowerCase();
}

/** The resource of a full JID (for a room occupant, the nickname), or null. */
export function jidResource(jid: string): string | null {
  const slash = jid.indexOf('/');
  return slash < 0 ? null : jid.slice(slash + 1);
}

/** The local name of the first child element (an error's defined condition, say), or null. */
export function firstChildName(el: Element): string | null {
  for (let i = 0; i < el.childNodes.length; i += 1) {
    const node = el.childNodes[i];
    if (node && node.nodeType === 1) return (node as Element).localName ?? node.nodeName;
  }
  return null;
}
