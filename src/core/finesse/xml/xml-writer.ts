// The one way out to XML: a tree of element names (constants in our code) and values (anything,
// escaped here) handed to fast-xml-parser's builder. Values are never concatenated into markup.
import { XMLBuilder } from 'fast-xml-parser';
import { escapeXmlText } from './xml-text.ts';

/** Element content in document order: text, nested elements, or repeated elements. */
export type XmlTree = { readonly [name: string]: XmlNodeContent };
export type XmlNodeContent = string | XmlTree | readonly XmlTree[] | readonly string[];

const builder = new XMLBuilder({
  ignoreAttributes: true,
  format: false,
  // Escaping is ours (escapeXmlText), so the builder must not escape a second time.
  processEntities: false,
  // Finesse writes empty values as <pendingState></pendingState>; keep that shape.
  suppressEmptyNode: false,
  tagValueProcessor: (_name: string, value: unknown) => escapeXmlText(String(value)),
});

/** Serializes one root element with its content. */
export function buildXml(root: string, content: XmlNodeContent): string {
  return builder.build({ [root]: content }) as string;
}

/** A nullable model value as element text (null is written as an empty element). */
export function textOrEmpty(value: string | number | null): string {
  return value === null ? '' : String(value);
}

/** Adds a field only when the value is present, for documents where Finesse omits absent fields. */
export function optionalFields(fields: Readonly<Record<string, string | null | undefined>>): XmlTree {
  const tree: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) tree[name] = value;
  }
  return tree;
}
