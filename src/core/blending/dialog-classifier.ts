// Which of the agent's voice dialogs matter to blending, and whether each is ACD-routed or internal.
// Dialogs matter, not only the User state: Unified CCX sends no User TALKING event for a non-ACD call.

import type { Dialog, DialogState } from '../finesse/types.ts';

export type CallKind = 'acd' | 'internal';

/** A live voice call of the agent, as blending sees it. */
export interface CallFact {
  readonly id: string;
  readonly kind: CallKind;
  /** Finesse's callType, kept as sent (null when Finesse sent none). */
  readonly callType: string | null;
  /** The agent's own participant state when known, else the dialog state. */
  readonly state: DialogState;
}

/**
 * Call types routed by the contact center (the agent was selected for them), so they interrupt chat.
 * Outbound Option campaign calls are routed too.
 */
const ACD_CALL_TYPES: ReadonlySet<string> = new Set([
  'ACD_IN',
  'PREROUTE_ACD_IN',
  'PREROUTE_DIRECT_AGENT',
  'AGENT_GREETING',
  'OUTBOUND',
  'OUTBOUND_PREVIEW',
  'OUTBOUND_CALLBACK',
  'OUTBOUND_CALLBACK_PREVIEW',
  'OUTBOUND_PERSONAL_CALLBACK',
  'OUTBOUND_PERSONAL_CALLBACK_PREVIEW',
  'OUTBOUND_DIRECT_PREVIEW',
]);

/** Call types the internal-call row of docs/blending-rules.md covers: transfer, conference, consult, direct calls, placed calls. */
const INTERNAL_CALL_TYPES: ReadonlySet<string> = new Set([
  'TRANSFER',
  'CONSULT',
  'CONFERENCE',
  'AGENT_INSIDE',
  'OTHER_IN',
  'OUT',
  'SUPERVISOR_MONITOR',
  'SUPERVISOR_BARGE_IN',
  'SUPERVISOR_INTERCEPT',
]);

/** Dialog or participant states in which the call still occupies the agent (WRAP_UP counts: chat is interrupted in wrap-up, docs/blending-rules.md). */
const LIVE_STATES: ReadonlySet<DialogState> = new Set([
  'INITIATING',
  'INITIATED',
  'ALERTING',
  'ACTIVE',
  'HELD',
  'ACCEPTED',
  'WRAP_UP',
]);

/** Dialog states that mean the call itself is over. */
const ENDED_DIALOG_STATES: ReadonlySet<DialogState> = new Set(['DROPPED', 'FAILED']);

/** ACD or internal, from Finesse's callType. An unknown or missing type counts as ACD: the cautious choice, it never lets a chat in. */
export function classifyCallType(callType: string | null): CallKind {
  const type = (callType ?? '').trim().toUpperCase();
  if (INTERNAL_CALL_TYPES.has(type)) return 'internal';
  if (ACD_CALL_TYPES.has(type)) return 'acd';
  return 'acd';
}

/** The agent's live voice calls among Finesse dialogs; `extension` picks the agent's own participant. */
export function classifyDialogs(dialogs: readonly Dialog[], extension: string | null): CallFact[] {
  const calls: CallFact[] = [];
  for (const dialog of dialogs) {
    if (dialog.mediaType.trim().toLowerCase() !== 'voice') continue;
    const own = extension === null ? undefined : dialog.participants.find((p) => p.mediaAddress === extension);
    const state = own?.state ?? dialog.state;
    if (!LIVE_STATES.has(state)) continue;
    // A call that ended (dropped or failed) is over for the agent too, whatever their leg still says, unless
    // they are wrapping it up.
    if (ENDED_DIALOG_STATES.has(dialog.state) && state !== 'WRAP_UP') continue;
    calls.push({ id: dialog.id, kind: classifyCallType(dialog.callType), callType: dialog.callType, state });
  }
  return calls;
}
