// The one way into fast-xml-parser. Every Finesse document passes the same gates, in this order:
// empty -> size -> DTD/ENTITY declarations -> parse with depth and element-count limits, our own
// entity decoder and list paths -> well-formedness (the library's validator). The parser runs before
// the validator because it stops at the first element past a limit, while the validator always walks
// the whole document (100k nested elements cost it tens of milliseconds). Nothing thrown inside
// escapes: all of it becomes a typed ParseError.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MatcherView } from 'fast-xml-parser';
import { err, ok } from '../../result.ts';
import type { Result } from '../../result.ts';
import type { ParseError, ParseErrorCode } from '../types.ts';
import { UndefinedEntityError, XML_TEXT_DECODER } from './xml-text.ts';

/** Limits applied before and while parsing one document. */
export interface XmlLimits {
  /** Largest accepted document, in UTF-8 bytes (default 1 MiB). */
  readonly maxBytes?: number;
  /** Deepest accepted element nesting (default 64; real Finesse documents stay under 10). */
  readonly maxDepth?: number;
  /**
   * Most elements accepted in one document (default 10 000: a 300-member Team is about 4 000).
   * Bounds parse time: a 1 MiB document of empty elements would otherwise take ~200 ms.
   */
  readonly maxElements?: number;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_MAX_ELEMENTS = 10_000;

/** A parsed value as fast-xml-parser produces it with our options: text, an element map, or a list. */
export type XmlValue = string | XmlMap | readonly XmlValue[];
interface XmlMap {
  readonly [name: string]: XmlValue;
}

/** One element of a parsed document, with where it sits (for error messages). */
export interface XmlElement {
  /** The tag name as written in the document. */
  readonly name: string;
  /** Slash path from the root, e.g. "User/teams/Team[2]". */
  readonly path: string;
  readonly value: XmlValue;
  /** What the document is, for messages: "Finesse User document". */
  readonly doc: string;
}

// Elements that are lists in the Finesse model, as "parent.child" in lower case (tag case varies).
// The parser makes these arrays even when there is only one child, so a single <Dialog>, <role>
// or <CallVariable> never turns into a bare object.
const LIST_PATHS: ReadonlySet<string> = new Set([
  'roles.role',
  'teams.team',
  'users.user',
  'dialogs.dialog',
  'reasoncodes.reasoncode',
  'callvariables.callvariable',
  'participants.participant',
  'actions.action',
  'apierrors.apierror',
  'wrapupitems.wrapupitem',
  'actionparams.actionparam',
  'ctiservers.ctiserver',
]);

// Names that would reach Object.prototype if any code ever copied keys around; Finesse never uses them.
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// DTD declarations: Finesse never sends them, and refusing them up front closes entity expansion
// ("billion laughs") and external entities without depending on how the parser treats them.
const DTD_KEYWORDS = ['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION'] as const;

// Finesse documents carry data in elements, not attributes (an xml declaration or an xmlns at most). The
// validator is slow on attribute floods, so they are refused first by a cheap count of `="` and `='`.
const MAX_ATTRIBUTES = 1000;

/** Counts `="` and `='` up to `stopAt`; text may contain them too, which only makes the count an upper bound. */
function countAttributeLike(text: string, stopAt: number): number {
  let count = 0;
  for (let i = text.indexOf('='); i !== -1 && count < stopAt; i = text.indexOf('=', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x22 || next === 0x27) count += 1;
  }
  return count;
}

class DepthExceededError extends Error {}
class TooManyElementsError extends Error {}
class ForbiddenNameError extends Error {
  constructor(readonly tagName: string) {
    super(`forbidden element name ${tagName}`);
  }
}

/** Parses one document into its root element, or says precisely why it cannot. */
export function readXml(xml: string, doc: string, limits: XmlLimits = {}): Result<XmlElement, ParseError> {
  const maxBytes = positiveOr(limits.maxBytes, DEFAULT_MAX_BYTES);
  const maxDepth = positiveOr(limits.maxDepth, DEFAULT_MAX_DEPTH);
  const maxElements = positiveOr(limits.maxElements, DEFAULT_MAX_ELEMENTS);

  if (typeof xml !== 'string' || xml.trim() === '') {
    return fail('EMPTY', `The ${doc} is empty: Finesse sent no XML.`);
  }
  if (xml.length > maxBytes || utf8Length(xml) > maxBytes) {
    return fail('TOO_LARGE', `The ${doc} is larger than ${maxBytes} bytes and was not read.`);
  }
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const declaration = findDtdDeclaration(text);
  if (declaration !== null) {
    return fail(
      'FORBIDDEN_DTD',
      `The ${doc} contains a <!${declaration}> declaration; Finesse never sends one, so the document was refused.`,
    );
  }

  if (countAttributeLike(text, MAX_ATTRIBUTES + 1) > MAX_ATTRIBUTES) {
    return fail(
      'TOO_LARGE',
      `The ${doc} has more than ${MAX_ATTRIBUTES} attributes; Finesse documents use almost none, so it was not read.`,
    );
  }

  let parsed: unknown;
  try {
    parsed = createParser(maxDepth, maxElements).parse(text);
  } catch (error) {
    // A limit, a forbidden name or an undefined entity has its own message (and must not cost a
    // full validation pass); for plain syntax errors the validator's message, with line and column,
    // is the more useful one.
    const own =
      error instanceof DepthExceededError ||
      error instanceof TooManyElementsError ||
      error instanceof ForbiddenNameError ||
      error instanceof UndefinedEntityError ||
      error instanceof RangeError;
    return (own ? null : validationFailure(text, doc)) ?? fail(...describeFailure(error, doc, maxDepth, maxElements));
  }
  // The parser is lenient (a truncated document still yields a tree), so well-formedness is checked too.
  return validationFailure(text, doc) ?? rootOf(parsed, doc);
}

function validationFailure(text: string, doc: string): { readonly ok: false; readonly error: ParseError } | null {
  try {
    const valid = XMLValidator.validate(text);
    if (valid === true) return null;
    const { msg, line, col } = valid.err;
    return fail('MALFORMED_XML', `The ${doc} is not well-formed XML: ${clip(msg, 160)} (line ${line}, column ${col}).`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('MALFORMED_XML', `The ${doc} is not well-formed XML: ${clip(detail, 160)}.`);
  }
}

function createParser(maxDepth: number, maxElements: number): XMLParser {
  let elements = 0;
  return new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Everything stays a string ("0012" is a login id, not 12); decoders convert numeric fields.
    parseTagValue: false,
    parseAttributeValue: false,
    // Free text (labels, call variables) keeps its spaces; decoders trim the fields that are tokens.
    trimValues: false,
    // Entity handling is ours: only the predefined XML entities and character references decode.
    processEntities: true,
    htmlEntities: false,
    entityDecoder: XML_TEXT_DECODER,
    jPath: false,
    // Backstop only: updateTag below stops first, with our own error.
    maxNestedTags: maxDepth + 2,
    isArray: (tagName, where) => isListItem(tagName, where),
    updateTag: (tagName, where) => {
      if (typeof where !== 'string' && where.getDepth() > maxDepth) throw new DepthExceededError();
      if (++elements > maxElements) throw new TooManyElementsError();
      return tagName;
    },
    transformTagName: (tagName) => {
      if (FORBIDDEN_NAMES.has(tagName)) throw new ForbiddenNameError(tagName);
      return tagName;
    },
  });
}

function isListItem(tagName: string, where: string | MatcherView): boolean {
  if (typeof where === 'string') return false;
  const path = where.toArray();
  const parent = path[path.length - 2];
  return parent !== undefined && LIST_PATHS.has(`${parent}.${tagName}`.toLowerCase());
}

function rootOf(parsed: unknown, doc: string): Result<XmlElement, ParseError> {
  if (!isXmlMap(parsed)) return fail('MALFORMED_XML', `The ${doc} has no root element.`);
  const names = Object.keys(parsed).filter((name) => name !== '#text');
  const [name] = names;
  if (name === undefined) return fail('MALFORMED_XML', `The ${doc} has no root element.`);
  // The validator lets a self-closing second root through; one document is one root.
  if (names.length > 1) {
    return fail('MALFORMED_XML', `The ${doc} has more than one root element (<${clip(name, 60)}> and more).`);
  }
  const value = parsed[name];
  if (value === undefined || Array.isArray(value)) {
    return fail('MALFORMED_XML', `The ${doc} has more than one root element <${clip(name, 60)}>.`);
  }
  return ok({ name, path: name, value, doc });
}

/** True for an element map produced by the parser (not text, not a list). */
export function isXmlMap(value: unknown): value is XmlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeFailure(error: unknown, doc: string, maxDepth: number, maxElements: number): [ParseErrorCode, string] {
  if (error instanceof DepthExceededError || error instanceof RangeError) {
    return ['TOO_LARGE', `The ${doc} nests elements more than ${maxDepth} levels deep and was not read.`];
  }
  if (error instanceof TooManyElementsError) {
    return ['TOO_LARGE', `The ${doc} has more than ${maxElements} elements and was not read.`];
  }
  if (error instanceof ForbiddenNameError) {
    return [
      'MALFORMED_XML',
      `The ${doc} uses the reserved element name <${error.tagName}>; Finesse never does, so it was refused.`,
    ];
  }
  if (error instanceof UndefinedEntityError) {
    return [
      'MALFORMED_XML',
      `The ${doc} uses ${clip(error.reference, 20)}, which XML does not define (only &lt; &gt; &amp; &quot; &apos; and &#...; are allowed).`,
    ];
  }
  const detail = error instanceof Error ? error.message : String(error);
  return ['MALFORMED_XML', `The ${doc} could not be read as XML: ${clip(detail, 160)}.`];
}

function findDtdDeclaration(text: string): string | null {
  for (let at = text.indexOf('<!'); at >= 0; at = text.indexOf('<!', at + 2)) {
    const head = text.slice(at + 2, at + 10).toUpperCase();
    const keyword = DTD_KEYWORDS.find((k) => head.startsWith(k));
    if (keyword !== undefined) return keyword;
  }
  return null;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isTrailSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isTrailSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** Shortens untrusted text quoted in a message. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function fail(code: ParseErrorCode, message: string): { readonly ok: false; readonly error: ParseError } {
  return err({ kind: 'parse', code, message });
}
