// A simulated call as the world keeps it: one object shared by every participant (Finesse shows the same
// dialog id to each agent on it), and the actions Finesse would allow each agent participant right now.
import type { CallVariable, Dialog, DialogState, ParticipantState } from '../../src/core/finesse/types.ts';

export interface SimParticipant {
  readonly mediaAddress: string;
  /** The agent on this device, or null for a caller / outside phone. */
  readonly agentId: string | null;
  state: ParticipantState;
  readonly startTime: string;
  stateChangeTime: string;
}

export interface SimDialog {
  readonly id: string;
  callType: string;
  state: DialogState;
  readonly fromAddress: string;
  toAddress: string;
  readonly dialedNumber: string | null;
  readonly callVariables: readonly CallVariable[];
  participants: SimParticipant[];
  /** Routed by the ACD (wrap-up applies, RESERVED while ringing). */
  acd: boolean;
  /** For a consult call: the original call it was made from. */
  readonly associatedDialogId: string | null;
  /** For a consult call: the agent who made it (who may TRANSFER or CONFERENCE). */
  readonly consultInitiator: string | null;
  wrapUpReason: string | null;
}

/** The requested actions the simulator knows (PUT Dialog/{id}). */
const DIALOG_ACTIONS = [
  'ANSWER',
  'HOLD',
  'RETRIEVE',
  'DROP',
  'TRANSFER_SST',
  'CONSULT_CALL',
  'TRANSFER',
  'CONFERENCE',
  'UPDATE_CALL_DATA',
] as const;
export type DialogAction = (typeof DIALOG_ACTIONS)[number];

export function isDialogAction(value: string): value is DialogAction {
  return (DIALOG_ACTIONS as readonly string[]).includes(value);
}

/** Participant states in which the device is still on the call. */
const LIVE_PARTICIPANT_STATES: readonly ParticipantState[] = ['INITIATING', 'INITIATED', 'ALERTING', 'ACTIVE', 'HELD'];

export function isLive(participant: SimParticipant): boolean {
  return LIVE_PARTICIPANT_STATES.includes(participant.state);
}

/** What Finesse lets this participant do now (nothing for callers and outside phones). */
export function actionsFor(dialog: SimDialog, participant: SimParticipant): DialogAction[] {
  if (participant.agentId === null) return [];
  switch (participant.state) {
    case 'ALERTING':
      return ['ANSWER'];
    case 'INITIATING':
    case 'INITIATED':
      return ['DROP'];
    case 'ACTIVE':
      if (dialog.callType === 'CONSULT' && dialog.consultInitiator === participant.agentId) {
        return ['HOLD', 'DROP', 'TRANSFER', 'CONFERENCE', 'UPDATE_CALL_DATA'];
      }
      return ['HOLD', 'DROP', 'TRANSFER_SST', 'CONSULT_CALL', 'UPDATE_CALL_DATA'];
    case 'HELD':
      return ['RETRIEVE', 'DROP', 'UPDATE_CALL_DATA'];
    case 'WRAP_UP':
      return ['UPDATE_CALL_DATA'];
    default:
      return [];
  }
}

/** The dialog as the Finesse model (and so the XML) shows it. */
export function dialogModel(dialog: SimDialog): Dialog {
  return {
    id: dialog.id,
    mediaType: 'Voice',
    callType: dialog.callType,
    state: dialog.state,
    fromAddress: dialog.fromAddress,
    toAddress: dialog.toAddress,
    dialedNumber: dialog.dialedNumber,
    associatedDialogUri: dialog.associatedDialogId === null ? null : `/finesse/api/Dialog/${dialog.associatedDialogId}`,
    callVariables: dialog.callVariables,
    participants: dialog.participants.map((p) => ({
      mediaAddress: p.mediaAddress,
      mediaAddressType: p.agentId === null ? null : 'AGENT_DEVICE',
      state: p.state,
      stateCause: null,
      actions: actionsFor(dialog, p),
      startTime: p.startTime,
      stateChangeTime: p.stateChangeTime,
    })),
    uri: `/finesse/api/Dialog/${dialog.id}`,
  };
}
