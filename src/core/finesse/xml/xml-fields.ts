// Reading typed fields out of a parsed Finesse element. Element names match case-insensitively
// (Finesse writes ReasonCode and reasonCode, ApiError and apiError). A field that is missing,
// empty where it must not be, or holds a value the model does not know stops decoding with a
// ParseError naming the element; the throw used for that never leaves decodeDocument.
import { err, ok } from '../../result.ts';
import type { Result } from '../../result.ts';
import type { ParseError, ParseErrorCode } from '../types.ts';
import { clip, isXmlMap, readXml } from './xml-reader.ts';
import type { XmlElement, XmlLimits, XmlValue } from './xml-reader.ts';
import { stripIllegalXmlChars } from './xml-text.ts';

class DecodeFailure extends Error {
  constructor(readonly error: ParseError) {
    super(error.message);
  }
}

/** Stops decoding with a typed error at the given element path. */
export function fail(code: ParseErrorCode, path: string, message: string): never {
  throw new DecodeFailure({ kind: 'parse', code, message, path });
}

/** Runs a decoder, turning its failure into a ParseError result. */
function decodeElement<T>(decode: () => T): Result<T, ParseError> {
  try {
    return ok(decode());
  } catch (error) {
    if (error instanceof DecodeFailure) return err(error.error);
    const detail = error instanceof Error ? error.message : String(error);
    return err({
      kind: 'parse',
      code: 'MALFORMED_XML',
      message: `The document could not be decoded: ${clip(detail, 160)}.`,
    });
  }
}

/** What a parser expects: the root element name and how to call the document in messages. */
interface DocumentSpec {
  readonly root: string;
  readonly doc: string;
}

/** Reads a document, checks its root, then decodes the root element. */
export function decodeDocument<T>(
  xml: string,
  limits: XmlLimits | undefined,
  spec: DocumentSpec,
  decode: (root: XmlElement) => T,
): Result<T, ParseError> {
  const read = readXml(xml, spec.doc, limits);
  if (!read.ok) return read;
  const root = read.value;
  if (root.name.toLowerCase() !== spec.root.toLowerCase()) {
    return err({
      kind: 'parse',
      code: 'WRONG_ROOT',
      message: `Expected a ${spec.doc} with root <${spec.root}> but the document is <${clip(root.name, 60)}>.`,
      path: clip(root.name, 60),
    });
  }
  return decodeElement(() => decode(root));
}

/** The child element with this name (any case), or undefined; a repeated single field is an error. */
export function child(parent: XmlElement, name: string): XmlElement | undefined {
  const map = parent.value;
  if (!isXmlMap(map)) return undefined;
  const key = findKey(Object.keys(map), name);
  if (key === undefined) return undefined;
  const value = map[key];
  if (value === undefined) return undefined;
  const path = `${parent.path}/${key}`;
  if (Array.isArray(value)) {
    fail('INVALID_VALUE', path, `The ${parent.doc} has more than one <${key}> in <${parent.name}> (${path}).`);
  }
  return { name: key, path, value, doc: parent.doc };
}

function findKey(keys: readonly string[], name: string): string | undefined {
  if (keys.includes(name)) return name;
  const lower = name.toLowerCase();
  return keys.find((key) => key.toLowerCase() === lower);
}

/** The text content of an element; an element holding child elements instead is an error. */
export function textOf(element: XmlElement): string {
  const value = element.value;
  if (typeof value === 'string') return stripIllegalXmlChars(value);
  return fail(
    'INVALID_VALUE',
    element.path,
    `The ${element.doc} has child elements inside <${element.name}> where text was expected (${element.path}).`,
  );
}

/** Free text, kept exactly as sent; absent or empty becomes null. */
export function optionalText(parent: XmlElement, name: string): string | null {
  const element = child(parent, name);
  if (element === undefined) return null;
  const text = textOf(element);
  return text === '' ? null : text;
}

/** A token (id, state, number, address): surrounding whitespace trimmed; absent or empty becomes null. */
export function optionalToken(parent: XmlElement, name: string): string | null {
  const text = optionalText(parent, name);
  if (text === null) return null;
  const token = text.trim();
  return token === '' ? null : token;
}

/** A token that must be present and non-empty. */
export function requiredToken(parent: XmlElement, name: string): string {
  const token = optionalToken(parent, name);
  return token ?? missing(parent, name);
}

/** Free text that must be present and non-empty (kept as sent). */
export function requiredText(parent: XmlElement, name: string): string {
  const text = optionalText(parent, name);
  return text ?? missing(parent, name);
}

/** Reports a required element as missing or empty. */
export function missing(parent: XmlElement, name: string): never {
  const path = `${parent.path}/${name}`;
  const element = child(parent, name);
  const what = element === undefined ? `has no <${name}> element` : `has an empty <${name}> element`;
  return fail('MISSING_FIELD', path, `The ${parent.doc} ${what} in <${parent.name}> (${path}).`);
}

/** Checks a token against the values the model knows; an unknown value is an error, never remapped. */
export function oneOf<T extends string>(
  parent: XmlElement,
  name: string,
  token: string,
  allowed: readonly T[],
  what: string,
): T {
  const known = allowed.find((value) => value === token);
  if (known !== undefined) return known;
  const path = `${parent.path}/${name}`;
  return fail(
    'INVALID_VALUE',
    path,
    `The ${parent.doc} has an unknown ${what} ${JSON.stringify(clip(token, 40))} in <${name}> (${path}); expected one of ${allowed.join(', ')}.`,
  );
}

/** A whole number written in decimal digits (optionally negative when allowed). */
export function integerOf(parent: XmlElement, name: string, token: string, allowNegative = false): number {
  const digits = allowNegative && token.startsWith('-') ? token.slice(1) : token;
  const value = Number(token);
  if (digits !== '' && [...digits].every((c) => c >= '0' && c <= '9') && Number.isSafeInteger(value)) return value;
  const path = `${parent.path}/${name}`;
  return fail(
    'INVALID_VALUE',
    path,
    `The ${parent.doc} has ${JSON.stringify(clip(token, 40))} in <${name}> where a whole number was expected (${path}).`,
  );
}

/** "true"/"false" in any case; absent or empty is false. */
export function optionalBoolean(parent: XmlElement, name: string): boolean {
  const token = optionalToken(parent, name);
  if (token === null) return false;
  const lower = token.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  const path = `${parent.path}/${name}`;
  return fail(
    'INVALID_VALUE',
    path,
    `The ${parent.doc} has ${JSON.stringify(clip(token, 40))} in <${name}> where true or false was expected (${path}).`,
  );
}

/** The repeated children named itemName of a container element (empty container: no items). */
export function itemsOf(container: XmlElement, itemName: string): XmlElement[] {
  const value = container.value;
  if (typeof value === 'string') {
    if (value.trim() === '') return [];
    return fail(
      'INVALID_VALUE',
      container.path,
      `The ${container.doc} has text inside <${container.name}> where <${itemName}> elements were expected (${container.path}).`,
    );
  }
  if (!isXmlMap(value)) return [];
  const key = findKey(Object.keys(value), itemName);
  if (key === undefined) return [];
  const items: XmlValue | undefined = value[key];
  // The reader's list paths make these arrays; anything else means a list path is missing there.
  if (!Array.isArray(items)) {
    return fail(
      'INVALID_VALUE',
      `${container.path}/${key}`,
      `The ${container.doc} has an unexpected <${key}> in <${container.name}>.`,
    );
  }
  return items.map((item: XmlValue, index: number) => ({
    name: key,
    path: `${container.path}/${key}[${index + 1}]`,
    value: item,
    doc: container.doc,
  }));
}

/** The items of an optional container child: <roles><role/>...</roles>; absent container: no items. */
export function listOf(parent: XmlElement, containerName: string, itemName: string): XmlElement[] {
  const container = child(parent, containerName);
  return container === undefined ? [] : itemsOf(container, itemName);
}

/** The last path segment of a Finesse URI ("/finesse/api/ReasonCode/16" -> "16"), or null. */
export function lastSegment(uri: string | null): string | null {
  if (uri === null) return null;
  const segments = uri.split('/').filter((segment) => segment !== '');
  return segments[segments.length - 1] ?? null;
}
