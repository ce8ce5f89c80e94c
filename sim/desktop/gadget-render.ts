// Turns a gadget's html Content into the iframe document, as Shindig's renderer does:
// __MSG_name__ from the message bundle, __UP_name__ from the user prefs (HTML-escaped, they come from URLs),
// __MODULE_ID__, and the container's feature script placed before the gadget's own markup.

/** The values one rendering uses. */
interface RenderInput {
  readonly content: string;
  readonly messages: ReadonlyMap<string, string>;
  readonly prefs: ReadonlyMap<string, string>;
  readonly moduleId: string;
  /** Markup the container puts before the content (the feature config and script tags). */
  readonly head: string;
  /** The spec's own absolute URL: relative URLs in the content resolve against it, as in Shindig. */
  readonly specUrl?: string;
}

/** URL attributes whose relative values are made absolute against the spec URL. */
const URL_ATTRIBUTE =
  /(<[A-Za-z][A-Za-z0-9-]*\s(?:[^>]*?\s)?(?:src|href|poster|action|background|data)\s*=\s*)(?:"([^"]*)"|'([^']*)')/g;

/**
 * Resolves relative URLs in src, href, poster, action, background and data attributes against the spec URL
 * (a gadget uploaded beside its files can say src="app.js"). Absolute URLs, scheme URLs (data:, javascript:),
 * fragments and hangman leftovers are kept; srcset and CSS url() are not rewritten.
 */
export function resolveContentUrls(html: string, specUrl: string): string {
  const base = new URL(specUrl);
  return html.replace(URL_ATTRIBUTE, (whole, start: string, double: string | undefined, single: string | undefined) => {
    const value = double ?? single ?? '';
    const quote = double !== undefined ? '"' : "'";
    if (value === '' || value.startsWith('#') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) || value.startsWith('//'))
      return whole;
    let resolved: string;
    try {
      resolved = new URL(value.replace(/&amp;/g, '&'), base).href;
    } catch {
      return whole;
    }
    // Same origin as the spec: keep the path only, so nothing else about the page changes.
    if (resolved.startsWith(`${base.origin}/`)) resolved = resolved.slice(base.origin.length);
    return `${start}${quote}${resolved.replace(/&/g, '&amp;').replace(new RegExp(quote, 'g'), quote === '"' ? '&#34;' : '&#39;')}${quote}`;
  });
}

/** Escapes a value for HTML text and attribute positions alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Substitutes the hangman variables. Messages go in as written (the administrator's bundle may hold markup,
 * as in Shindig); user prefs are escaped; unknown names become empty, as Shindig leaves them.
 */
export function substitute(
  text: string,
  messages: ReadonlyMap<string, string>,
  prefs: ReadonlyMap<string, string>,
  moduleId: string,
): string {
  return text
    .replace(/__MSG_([A-Za-z0-9_.-]+?)__/g, (_m, name: string) => messages.get(name) ?? '')
    .replace(/__UP_([A-Za-z0-9_.-]+?)__/g, (_m, name: string) => escapeHtml(prefs.get(name) ?? ''))
    .replace(/__MODULE_ID__/g, escapeHtml(moduleId));
}

/** The full iframe document: the content substituted, with the container's head markup first. */
export function renderGadgetDocument(input: RenderInput): string {
  const substituted = substitute(input.content, input.messages, input.prefs, input.moduleId);
  const body = input.specUrl ? resolveContentUrls(substituted, input.specUrl) : substituted;
  const headOpen = /<head(\s[^>]*)?>/i.exec(body);
  if (headOpen) {
    const at = headOpen.index + headOpen[0].length;
    return `${body.slice(0, at)}\n${input.head}${body.slice(at)}`;
  }
  const htmlOpen = /<html(\s[^>]*)?>/i.exec(body);
  if (htmlOpen) {
    const at = htmlOpen.index + htmlOpen[0].length;
    return `${body.slice(0, at)}<head>${input.head}</head>${body.slice(at)}`;
  }
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n${input.head}</head><body>\n${body}\n</body></html>\n`;
}

/** Embeds a value as JSON inside an html data block, safe against `</script>` and comment tricks. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
