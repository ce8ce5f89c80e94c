// Dialog and Dialogs (GET Dialog/{id}, GET User/{id}/Dialogs, Dialog notifications).
// Required: Dialog id and state; each Participant's mediaAddress and state; each CallVariable's name.
// callType is kept as sent (ACD_IN, PREROUTE_ACD_IN, TRANSFER, CONSULT, ...): the list grows by release.
import type { Result } from '../../result.ts';
import type { CallVariable, Dialog, ParseError, Participant } from '../types.ts';
import { DIALOG_STATES, PARTICIPANT_STATES } from '../types.ts';
import type { XmlElement, XmlLimits } from './xml-reader.ts';
import {
  child,
  decodeDocument,
  itemsOf,
  listOf,
  oneOf,
  optionalText,
  optionalToken,
  requiredText,
  requiredToken,
  textOf,
} from './xml-fields.ts';
import { buildXml, textOrEmpty } from './xml-writer.ts';
import type { XmlTree } from './xml-writer.ts';

/** Decodes a <Dialog> element. */
export function decodeDialog(element: XmlElement): Dialog {
  const id = requiredToken(element, 'id');
  const state = oneOf(element, 'state', requiredToken(element, 'state'), DIALOG_STATES, 'dialog state');
  const media = child(element, 'mediaProperties');
  return {
    id,
    mediaType: optionalToken(element, 'mediaType') ?? '',
    callType: media ? optionalToken(media, 'callType') : null,
    state,
    fromAddress: optionalToken(element, 'fromAddress'),
    toAddress: optionalToken(element, 'toAddress'),
    dialedNumber: media ? optionalToken(media, 'dialedNumber') : null,
    associatedDialogUri: optionalToken(element, 'associatedDialogUri'),
    callVariables: media ? listOf(media, 'callvariables', 'CallVariable').map(decodeCallVariable) : [],
    participants: listOf(element, 'participants', 'Participant').map(decodeParticipant),
    uri: optionalToken(element, 'uri'),
  };
}

function decodeCallVariable(element: XmlElement): CallVariable {
  return {
    name: requiredToken(element, 'name'),
    // Customer data: kept exactly as sent, including surrounding spaces; empty is "".
    value: optionalText(element, 'value') ?? '',
  };
}

function decodeParticipant(element: XmlElement): Participant {
  const state = oneOf(element, 'state', requiredToken(element, 'state'), PARTICIPANT_STATES, 'participant state');
  return {
    mediaAddress: requiredText(element, 'mediaAddress').trim(),
    mediaAddressType: optionalToken(element, 'mediaAddressType'),
    state,
    stateCause: optionalToken(element, 'stateCause'),
    actions: listOf(element, 'actions', 'action')
      .map((action) => textOf(action).trim())
      .filter((action) => action !== ''),
    startTime: optionalToken(element, 'startTime'),
    stateChangeTime: optionalToken(element, 'stateChangeTime'),
  };
}

/** The <Dialog> content in the order Finesse documents it. */
export function encodeDialog(dialog: Dialog): XmlTree {
  return {
    associatedDialogUri: textOrEmpty(dialog.associatedDialogUri),
    fromAddress: textOrEmpty(dialog.fromAddress),
    id: dialog.id,
    mediaProperties: {
      callType: textOrEmpty(dialog.callType),
      dialedNumber: textOrEmpty(dialog.dialedNumber),
      callvariables: {
        CallVariable: dialog.callVariables.map((variable) => ({ name: variable.name, value: variable.value })),
      },
    },
    mediaType: dialog.mediaType,
    participants: { Participant: dialog.participants.map(encodeParticipant) },
    state: dialog.state,
    toAddress: textOrEmpty(dialog.toAddress),
    uri: textOrEmpty(dialog.uri),
  };
}

function encodeParticipant(participant: Participant): XmlTree {
  return {
    actions: { action: participant.actions },
    mediaAddress: participant.mediaAddress,
    mediaAddressType: textOrEmpty(participant.mediaAddressType),
    startTime: textOrEmpty(participant.startTime),
    state: participant.state,
    stateCause: textOrEmpty(participant.stateCause),
    stateChangeTime: textOrEmpty(participant.stateChangeTime),
  };
}

/** Decodes the <Dialog> children of a dialogs container (zero or more). */
export function decodeDialogList(container: XmlElement): Dialog[] {
  return itemsOf(container, 'Dialog').map(decodeDialog);
}

/** Parses a single <Dialog> document. */
export function parseDialog(xml: string, options?: XmlLimits): Result<Dialog, ParseError> {
  return decodeDocument(xml, options, { root: 'Dialog', doc: 'Finesse Dialog document' }, decodeDialog);
}

/** Parses a <Dialogs> document holding zero or more <Dialog>. */
export function parseDialogs(xml: string, options?: XmlLimits): Result<Dialog[], ParseError> {
  return decodeDocument(xml, options, { root: 'Dialogs', doc: 'Finesse Dialogs document' }, decodeDialogList);
}

/** Serializes one Dialog as Finesse's <Dialog> body. */
export function dialogToXml(dialog: Dialog): string {
  return buildXml('Dialog', encodeDialog(dialog));
}

/** Serializes a dialog list as Finesse's <Dialogs> body. */
export function dialogsToXml(dialogs: readonly Dialog[]): string {
  return buildXml('Dialogs', { Dialog: dialogs.map(encodeDialog) });
}
