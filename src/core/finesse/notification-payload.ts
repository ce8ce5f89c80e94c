// What arrives on a finesse.api.* hub topic, read the way the Finesse desktop publishes it (docs/finesse-contract.md
// section 1, from Cisco's published finesse.js master publisher): `{ content, object }`, where `content` is the raw
// event as the notification service delivered it, the node path immediately followed by the document
// ("/finesse/api/User/1001<Update>…</Update>"; JSON events: the path followed by JSON), and `object` is Cisco's
// conversion of that document. The gadget reads `content` only: `object` is a lossy conversion whose details are
// not documented, so it is never trusted alone. Also accepted: a bare XML string, with or without the node path
// (what this project's harness published before; no Finesse release is known to send it).
import { err, ok, type Result } from '../result.ts';
import { DEFAULT_MAX_BYTES } from './xml/xml-reader.ts';
import { buildXml, type XmlNodeContent, type XmlTree } from './xml/xml-writer.ts';

/** A notification's document as XML text, and the node path it came with (null when it had none). */
interface NotificationDocument {
  readonly xml: string;
  readonly path: string | null;
}

/** A node path at the start of the content: "/finesse/api/User/1001/Dialogs". */
const LEADING_PATH = /^\/[^<{[\s]*/;
// Names a JSON document may give its fields if they are to be read as the same tree the XML would make.
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const MAX_JSON_DEPTH = 64;

/**
 * The XML document a hub payload carries, or why there is none, in words an administrator can act on (never the
 * payload itself: it may hold customer data).
 */
export function notificationDocumentOf(payload: unknown): Result<NotificationDocument, string> {
  let content: string;
  if (typeof payload === 'string') {
    content = payload;
  } else if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    const raw = (payload as { content?: unknown }).content;
    if (typeof raw !== 'string') {
      return err(
        'object' in payload
          ? 'it carried only a converted object and no raw content, which the gadget does not read'
          : 'it carried no content',
      );
    }
    content = raw;
  } else {
    return err(
      `it was ${payload === null ? 'null' : Array.isArray(payload) ? 'a list' : `a ${typeof payload}`}, not a Finesse notification`,
    );
  }
  const text = content.trim();
  if (text === '') return err('it was empty');
  const path = LEADING_PATH.exec(text)?.[0] ?? null;
  const document = path === null ? text : text.slice(path.length).trimStart();
  if (document.startsWith('<')) return ok({ xml: document, path });
  if (document.startsWith('{')) {
    const xml = jsonDocumentAsXml(document);
    return xml.ok ? ok({ xml: xml.value, path }) : xml;
  }
  return err(
    path === null
      ? 'it did not start with a node path or a document'
      : `nothing after its node path ${clipPath(path)} was XML or JSON`,
  );
}

/**
 * A JSON event (`{"Update":{"event":"PUT",…}}`) rewritten as the XML it stands for, so it passes the same parser
 * and the same limits as every XML notification. Values become element text; lists become repeated elements.
 */
function jsonDocumentAsXml(json: string): Result<string, string> {
  if (json.length > DEFAULT_MAX_BYTES) return err('its JSON document was larger than the gadget reads');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return err('its JSON document was not well-formed');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return err('its JSON document was not an object');
  const names = Object.keys(value);
  const [root] = names;
  if (names.length !== 1 || root === undefined || !ELEMENT_NAME.test(root)) {
    return err('its JSON document did not have exactly one top-level field naming the document');
  }
  const tree = jsonAsTree((value as Record<string, unknown>)[root], 0);
  return tree.ok ? ok(buildXml(root, tree.value)) : tree;
}

function jsonAsTree(value: unknown, depth: number): Result<XmlNodeContent, string> {
  if (depth > MAX_JSON_DEPTH) return err('its JSON document was nested too deeply');
  if (value === null || value === undefined) return ok('');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return ok(String(value));
  if (Array.isArray(value)) return err('its JSON document had a list where a field was expected');
  const tree: Record<string, XmlNodeContent> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (!ELEMENT_NAME.test(name)) return err('its JSON document had a field name XML cannot carry');
    if (Array.isArray(field)) {
      const items: XmlTree[] = [];
      const texts: string[] = [];
      for (const item of field) {
        const read = jsonAsTree(item, depth + 1);
        if (!read.ok) return read;
        if (typeof read.value === 'string') texts.push(read.value);
        else if (!Array.isArray(read.value)) items.push(read.value as XmlTree);
      }
      if (items.length > 0 && texts.length > 0) return err('its JSON document mixed text and objects in one list');
      tree[name] = items.length > 0 ? items : texts;
      continue;
    }
    const read = jsonAsTree(field, depth + 1);
    if (!read.ok) return read;
    tree[name] = read.value;
  }
  return ok(tree);
}

function clipPath(path: string): string {
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}
