// Request bodies a client sends to Finesse: the User state change / sign-in (PUT User/{id}) and
// Dialog actions (PUT Dialog/{id}, POST User/{id}/Dialogs for MAKE_CALL). Absent fields are left out
// of the result (not set to undefined) so a parsed request compares equal to the one written.
import type { Result } from '../../result.ts';
import type { AgentState, ParseError } from '../types.ts';
import { decodeOptionalAgentState } from './team-user-xml.ts';
import type { XmlLimits } from './xml-reader.ts';
import { child, decodeDocument, optionalText, optionalToken, requiredToken } from './xml-fields.ts';
import { buildXml, optionalFields } from './xml-writer.ts';

/** PUT User/{id}: <User><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></User>, or sign-in with extension. */
export interface UserRequest {
  readonly state?: AgentState;
  readonly reasonCodeId?: string;
  readonly extension?: string;
}

/** Dialog action: ANSWER, HOLD, RETRIEVE, DROP, MAKE_CALL, CONSULT_CALL, TRANSFER_SST, UPDATE_CALL_DATA... */
export interface DialogRequest {
  readonly requestedAction: string;
  readonly targetMediaAddress?: string;
  readonly toAddress?: string;
  readonly fromAddress?: string;
  /** Sent as mediaProperties/wrapUpReason (UPDATE_CALL_DATA). */
  readonly wrapUpReason?: string;
}

/** Parses a User request body; an unknown state is INVALID_VALUE. */
export function parseUserRequest(xml: string, options?: XmlLimits): Result<UserRequest, ParseError> {
  return decodeDocument(xml, options, { root: 'User', doc: 'Finesse User request' }, (root) => {
    const state = decodeOptionalAgentState(root, 'state');
    const reasonCodeId = optionalToken(root, 'reasonCodeId');
    const extension = optionalToken(root, 'extension');
    return {
      ...(state !== null ? { state } : {}),
      ...(reasonCodeId !== null ? { reasonCodeId } : {}),
      ...(extension !== null ? { extension } : {}),
    };
  });
}

/** Serializes the state-change or sign-in body the gadget PUTs to User/{id}. */
export function userRequestToXml(request: UserRequest): string {
  return buildXml(
    'User',
    optionalFields({ state: request.state, reasonCodeId: request.reasonCodeId, extension: request.extension }),
  );
}

/** Parses a Dialog request body; requestedAction is required. */
export function parseDialogRequest(xml: string, options?: XmlLimits): Result<DialogRequest, ParseError> {
  return decodeDocument(xml, options, { root: 'Dialog', doc: 'Finesse Dialog request' }, (root) => {
    const media = child(root, 'mediaProperties');
    const request: {
      requestedAction: string;
      targetMediaAddress?: string;
      toAddress?: string;
      fromAddress?: string;
      wrapUpReason?: string;
    } = { requestedAction: requiredToken(root, 'requestedAction') };
    const targetMediaAddress = optionalToken(root, 'targetMediaAddress');
    const toAddress = optionalToken(root, 'toAddress');
    const fromAddress = optionalToken(root, 'fromAddress');
    const wrapUpReason = media ? optionalText(media, 'wrapUpReason') : null;
    if (targetMediaAddress !== null) request.targetMediaAddress = targetMediaAddress;
    if (toAddress !== null) request.toAddress = toAddress;
    if (fromAddress !== null) request.fromAddress = fromAddress;
    if (wrapUpReason !== null) request.wrapUpReason = wrapUpReason;
    return request;
  });
}

/** Serializes a Dialog action body (element names as in the Finesse developer guide). */
export function dialogRequestToXml(request: DialogRequest): string {
  return buildXml('Dialog', {
    ...optionalFields({
      requestedAction: request.requestedAction,
      fromAddress: request.fromAddress,
      toAddress: request.toAddress,
      targetMediaAddress: request.targetMediaAddress,
    }),
    ...(request.wrapUpReason !== undefined ? { mediaProperties: { wrapUpReason: request.wrapUpReason } } : {}),
  });
}
