// What the Finesse desktop publishes on a finesse.api.* hub topic for one notification (DESIGN section 3, from
// Cisco's published finesse.js master publisher): `{ content, object }`, where `content` is the raw event as the
// notification service delivered it, the node path immediately followed by the XML (or JSON), and `object` that
// document converted to a plain object, read by Cisco's library as `object.Update.data.user.state`.
// The conversion's finer points (empty elements, attributes, one child vs a list) are not documented: this one
// keeps text as strings, an empty element as "", attributes as "@name", and repeated siblings as an array.
import { XMLParser } from 'fast-xml-parser';

export interface FinesseHubPayload {
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
    const value: unknown = converter.parse(text, true);
    return value;
  } catch {
    return null;
  }
}

/** The hub payload for one notification on `node` (e.g. "/finesse/api/User/1001001"). */
export function notificationPayload(node: string, document: string): FinesseHubPayload {
  return { content: `${node}${document}`, object: notificationObject(document) };
}
