// XML character data: decoding entity references on the way in, escaping on the way out.
// Only the five predefined XML entities and numeric character references exist here: Finesse never
// declares entities, and a document that tries to is refused before parsing (see xml-reader.ts).
import { replaceXmlIllegalChars } from '../../shared/xml-chars.ts';

/** Thrown by the decoder for a reference XML does not define; the reader turns it into MALFORMED_XML. */
export class UndefinedEntityError extends Error {
  constructor(readonly reference: string) {
    super(`undefined entity reference ${reference}`);
    this.name = 'UndefinedEntityError';
  }
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

// Longest reference we look at: "&#x10FFFF;" plus some slack for leading zeros.
const MAX_REFERENCE_LENGTH = 16;

/** Decodes &lt; &gt; &amp; &quot; &apos; and &#NN; / &#xHH; in one pass; any other reference throws. */
function decodeXmlText(text: string): string {
  let at = text.indexOf('&');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const end = text.indexOf(';', at + 1);
    if (end < 0 || end - at > MAX_REFERENCE_LENGTH) throw new UndefinedEntityError(shortReference(text, at));
    const name = text.slice(at + 1, end);
    out += text.slice(from, at) + decodeReference(name);
    from = end + 1;
    at = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

function decodeReference(name: string): string {
  if (Object.hasOwn(PREDEFINED, name)) return PREDEFINED[name] ?? '';
  if (name.startsWith('#')) {
    const hex = name[1] === 'x';
    const digits = name.slice(hex ? 2 : 1);
    if (digits.length > 0 && [...digits].every((c) => isDigit(c, hex))) {
      const codePoint = Number.parseInt(digits, hex ? 16 : 10);
      if (codePoint <= 0x10ffff) return String.fromCodePoint(codePoint);
    }
  }
  throw new UndefinedEntityError(`&${name.slice(0, MAX_REFERENCE_LENGTH)};`);
}

function isDigit(c: string, hex: boolean): boolean {
  return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}

function shortReference(text: string, at: number): string {
  return text.slice(at, at + MAX_REFERENCE_LENGTH);
}

/** The entity decoder handed to fast-xml-parser: it ignores declared entities, so none can ever expand. */
export const XML_TEXT_DECODER = {
  setExternalEntities: (_entities: Record<string, string>): void => {},
  addInputEntities: (_entities: Record<string, string>): void => {},
  reset: (): void => {},
  setXmlVersion: (_version: number): void => {},
  decode: decodeXmlText,
};

/**
 * Removes characters XML 1.0 cannot carry (shared/xml-chars.ts has the rule). Policy for the whole Finesse layer:
 * such characters are stripped, both from values read (Finesse's serializer has been known to pass CTI control
 * bytes through) and from values written, so a value always survives a write/read round trip minus those characters.
 */
export function stripIllegalXmlChars(text: string): string {
  return replaceXmlIllegalChars(text, '');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be normalized to LF by any XML reader; the reference keeps it.
  '\r': '&#xD;',
};

/** Escapes a value for element content; "]]>" cannot survive because every ">" is escaped. */
export function escapeXmlText(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? '');
}
