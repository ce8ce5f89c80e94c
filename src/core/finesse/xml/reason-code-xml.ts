// ReasonCode and ReasonCodes (GET User/{id}/ReasonCodes?category=..., Team reason code resources).
// Required in a ReasonCodes list: id, code, label, category. A ReasonCode embedded in a User or team
// member may omit id and category (Finesse's own notification sample does); the caller supplies
// fallbacks for those, see agent-state-xml.ts.
import type { Result } from '../../result.ts';
import type { ParseError, ReasonCategory, ReasonCode } from '../types.ts';
import type { XmlElement, XmlLimits } from './xml-reader.ts';
import {
  decodeDocument,
  integerOf,
  itemsOf,
  lastSegment,
  missing,
  oneOf,
  optionalBoolean,
  optionalToken,
  requiredText,
  requiredToken,
} from './xml-fields.ts';
import { buildXml, textOrEmpty } from './xml-writer.ts';
import type { XmlTree } from './xml-writer.ts';

const REASON_CATEGORIES: readonly ReasonCategory[] = ['NOT_READY', 'LOGOUT'];

/** Values to use when an embedded ReasonCode leaves out its id or category. */
interface ReasonCodeFallback {
  readonly id: string | null;
  readonly category: ReasonCategory | null;
}

/** Decodes a <ReasonCode> element; without a fallback every required field must be present. */
export function decodeReasonCode(element: XmlElement, fallback?: ReasonCodeFallback): ReasonCode {
  const uri = optionalToken(element, 'uri');
  const id =
    optionalToken(element, 'id') ?? fallback?.id ?? (fallback ? lastSegment(uri) : null) ?? missing(element, 'id');
  const codeToken = requiredToken(element, 'code');
  const categoryToken = optionalToken(element, 'category');
  const category =
    categoryToken !== null
      ? oneOf(element, 'category', categoryToken, REASON_CATEGORIES, 'reason code category')
      : (fallback?.category ?? missing(element, 'category'));
  return {
    id,
    code: integerOf(element, 'code', codeToken),
    label: requiredText(element, 'label'),
    category,
    systemCode: optionalBoolean(element, 'systemCode'),
    forAll: optionalBoolean(element, 'forAll'),
    uri,
  };
}

/** The <ReasonCode> content in the order Finesse documents it. */
export function encodeReasonCode(reasonCode: ReasonCode): XmlTree {
  return {
    uri: textOrEmpty(reasonCode.uri),
    category: reasonCode.category,
    code: String(reasonCode.code),
    label: reasonCode.label,
    forAll: String(reasonCode.forAll),
    systemCode: String(reasonCode.systemCode),
    id: reasonCode.id,
  };
}

/** Parses <ReasonCodes><ReasonCode/>...</ReasonCodes>. */
export function parseReasonCodes(xml: string, options?: XmlLimits): Result<ReasonCode[], ParseError> {
  return decodeDocument(xml, options, { root: 'ReasonCodes', doc: 'Finesse ReasonCodes document' }, (root) =>
    itemsOf(root, 'ReasonCode').map((item) => decodeReasonCode(item)),
  );
}

/** Serializes a reason code list as Finesse's <ReasonCodes> body. */
export function reasonCodesToXml(reasonCodes: readonly ReasonCode[]): string {
  return buildXml('ReasonCodes', { ReasonCode: reasonCodes.map(encodeReasonCode) });
}
