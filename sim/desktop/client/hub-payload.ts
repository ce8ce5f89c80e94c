// What the Finesse desktop publishes on a finesse.api.* hub topic for one notification (docs/finesse-contract.md
// section 1, from Cisco's published finesse.js master publisher): `{ content, object }`, where `content` is the raw
// event as the notification service delivered it, the node path immediately followed by the XML (or JSON), and
// `object` that document converted to a plain object, read by Cisco's library as `object.Update.data.user.state`.
// The conversion follows the xml2json converter bundled in Cisco's finesse.js 10.5.1 (finesse.Converter): text
// stays a string, attributes become "@name", repeated siblings an array, and an empty element null.
import { XMLParser } from 'fast-xml-parser';

interface FinesseHubPayload {
  /** The node path followed by the document: "/finesse/api/User/1001<Update>…</Update>". */
  readonly content: string;
  /** The document as a plain object, or null when it could not be converted (the content still goes out). */
  readonly object: unknown;
}

const converter = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
});

/** Converts a notification document to the object Cisco's library hands its handlers; null when unreadable. */
export function notificationObject(document: string): unknown {
  const text = document.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }
  try {
    return emptyToNull(converter.parse(text, true));
  } catch {
    return null;
  }
}

/** The library's converter gives null for an element with no attributes and no content. */
function emptyToNull(value: unknown): unknown {
  if (value === '') return null;
  if (Array.isArray(value)) return value.map(emptyToNull);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.startsWith('@') ? v : emptyToNull(v)]));
  }
  return value;
}

/** The hub payload for one notification on `node` (e.g. "/finesse/api/User/1001001"). */
export function notificationPayload(node: string, document: string): FinesseHubPayload {
  return { content: `${node}${document}`, object: notificationObject(document) };
}
