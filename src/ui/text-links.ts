// Customer text as parts to render: plain text, and http(s) links that are safe to show as links. Pure, with no
// Lit and no DOM, so it is unit-tested with hostile input. Nothing here is ever markup: a part's text is rendered
// as text, and a link's href is only ever an absolute http: or https: URL.

/** A piece of a message: text as is, or a link with the text it was written as. */
export type TextPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

/** Longer URLs stay text: nobody types them, and a browser may refuse them. */
export const MAX_LINK_LENGTH = 2048;

// "http://" or "https://" where a word starts, then everything up to white space or a character URLs never carry
// unescaped (quotes, angle brackets, back quote, braces, pipe, backslash, caret).
const CANDIDATE = /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"'`{}|\\^\p{Cc}]+/giu;

// Sentence punctuation that ends a link written in a sentence: "see https://example.com/a." links without the dot.
const TRAILING = /[.,;:!?*'"]+$/;

/** Cuts trailing punctuation off a candidate, and a closing bracket with no opening one inside it. */
function trim(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (url.endsWith(close) && count(url, open) < count(url, close)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** The URL when it is an absolute http(s) URL with a host; null otherwise. */
function safeHref(text: string): string | null {
  if (text.length > MAX_LINK_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  return url.href;
}

/** Splits text into text and http(s) link parts; every character of `text` is in exactly one part, in order. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  const pushText = (t: string): void => {
    if (t === '') return;
    const last = parts.at(-1);
    if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + t };
    else parts.push({ kind: 'text', text: t });
  };
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const written = trim(match[0]);
    const href = safeHref(written);
    if (href === null || written.length <= written.indexOf('//') + 2) continue;
    pushText(text.slice(at, start));
    parts.push({ kind: 'link', text: written, href });
    at = start + written.length;
  }
  pushText(text.slice(at));
  return parts;
}
