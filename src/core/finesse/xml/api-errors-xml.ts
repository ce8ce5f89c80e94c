// Finesse errors in both shapes: the synchronous REST body
// <ApiErrors><ApiError><ErrorType/><ErrorMessage/><ErrorData/></ApiError></ApiErrors> and the asynchronous
// notification data <apiErrors><apiError><errorType/>...<peripheralErrorText/></apiError></apiErrors>.
// Element names match in any case. Required: errorType. The sync form carries only type, message and
// data (as Finesse's REST body does); the peripheral fields exist only in the async form.
import type { Result } from '../../result.ts';
import type { ApiError, ParseError } from '../types.ts';
import type { XmlElement, XmlLimits } from './xml-reader.ts';
import { decodeDocument, itemsOf, optionalText, requiredToken } from './xml-fields.ts';
import { buildXml, optionalFields, textOrEmpty } from './xml-writer.ts';
import type { XmlTree } from './xml-writer.ts';

/** Which of Finesse's two error shapes to write. */
type ApiErrorsForm = 'sync' | 'async';

/** Decodes one <ApiError>/<apiError> element. */
function decodeApiError(element: XmlElement): ApiError {
  return {
    errorType: requiredToken(element, 'errorType'),
    errorMessage: optionalText(element, 'errorMessage') ?? '',
    errorData: optionalText(element, 'errorData'),
    peripheralErrorCode: optionalText(element, 'peripheralErrorCode'),
    peripheralErrorMsg: optionalText(element, 'peripheralErrorMsg'),
    peripheralErrorText: optionalText(element, 'peripheralErrorText'),
  };
}

/** Decodes the error items of an <ApiErrors>/<apiErrors> element. */
export function decodeApiErrorList(container: XmlElement): ApiError[] {
  return itemsOf(container, 'ApiError').map(decodeApiError);
}

/** The error list content for the chosen form. */
export function encodeApiErrors(errors: readonly ApiError[], form: ApiErrorsForm): XmlTree {
  if (form === 'sync') {
    return {
      ApiError: errors.map((error) => ({
        ErrorType: error.errorType,
        ErrorMessage: error.errorMessage,
        ErrorData: textOrEmpty(error.errorData),
      })),
    };
  }
  return {
    apiError: errors.map((error) => ({
      errorData: textOrEmpty(error.errorData),
      errorMessage: error.errorMessage,
      errorType: error.errorType,
      ...optionalFields({
        peripheralErrorCode: error.peripheralErrorCode,
        peripheralErrorMsg: error.peripheralErrorMsg,
        peripheralErrorText: error.peripheralErrorText,
      }),
    })),
  };
}

/** Parses either error shape (root ApiErrors or apiErrors). */
export function parseApiErrors(xml: string, options?: XmlLimits): Result<ApiError[], ParseError> {
  return decodeDocument(xml, options, { root: 'ApiErrors', doc: 'Finesse ApiErrors document' }, decodeApiErrorList);
}

/** Serializes errors as the sync REST body (<ApiErrors>) or the async notification data (<apiErrors>). */
export function apiErrorsToXml(errors: readonly ApiError[], options: { readonly form: ApiErrorsForm }): string {
  return buildXml(options.form === 'sync' ? 'ApiErrors' : 'apiErrors', encodeApiErrors(errors, options.form));
}
