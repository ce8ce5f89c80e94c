// Builders for Finesse model values in blending tests.

import type { AgentState, Dialog, DialogState, ReasonCode, User } from '../../../../src/core/finesse/types.ts';
import type { Facts, HandlingChatReason, VoiceFacts } from '../../../../src/core/blending/facts.ts';

export const EXTENSION = '1001';
export const HANDLING_CHAT: HandlingChatReason = { id: '7', code: 7, label: 'Handling Chat' };

export const REASONS: Readonly<Record<string, ReasonCode>> = {
  handlingChat: reason('7', 7, 'Handling Chat'),
  lunch: reason('3', 3, 'Lunch'),
  meeting: reason('4', 4, 'Meeting'),
  supervisor: reason('999', 999, 'Supervisor Initiated', true),
  deviceError: reason('50002', 50002, 'Connection Failure', true),
};

export function reason(id: string, code: number, label: string, systemCode = false): ReasonCode {
  return { id, code, label, category: 'NOT_READY', systemCode, forAll: true, uri: null };
}

export function reasonById(id: string | null): ReasonCode | null {
  if (id === null) return null;
  return Object.values(REASONS).find((r) => r.id === id) ?? reason(id, Number(id) || 0, `Reason ${id}`);
}

/** A User as Finesse reports it. */
export function user(
  state: AgentState,
  reasonCodeId: string | null = null,
  pendingState: AgentState | null = null,
): User {
  return {
    loginId: '1001001',
    loginName: 'agent1',
    firstName: 'Ada',
    lastName: 'Agent',
    state,
    pendingState,
    reasonCodeId,
    reasonCode: reasonById(reasonCodeId),
    stateChangeTime: null,
    extension: EXTENSION,
    roles: ['Agent'],
    teamId: '1',
    teamName: 'Team',
    teams: [],
    uri: '/finesse/api/User/1001001',
  };
}

/** A voice dialog with the agent as a participant. */
export function dialog(
  id: string,
  callType: string | null,
  state: DialogState = 'ACTIVE',
  mediaType = 'Voice',
): Dialog {
  return {
    id,
    mediaType,
    callType,
    state,
    fromAddress: '5551234',
    toAddress: EXTENSION,
    dialedNumber: null,
    associatedDialogUri: null,
    callVariables: [],
    participants: [
      {
        mediaAddress: EXTENSION,
        mediaAddressType: null,
        state,
        stateCause: null,
        actions: [],
        startTime: null,
        stateChangeTime: null,
      },
      {
        mediaAddress: '5551234',
        mediaAddressType: null,
        state: 'ACTIVE',
        stateCause: null,
        actions: [],
        startTime: null,
        stateChangeTime: null,
      },
    ],
    uri: `/finesse/api/Dialog/${id}`,
  };
}

/** Voice facts for the policy. */
export function voice(state: AgentState, extra: Partial<VoiceFacts> = {}): VoiceFacts {
  const reasonCodeId = extra.reasonCodeId ?? null;
  const rc = reasonById(reasonCodeId);
  return {
    state,
    pendingState: null,
    reasonCodeId,
    reasonCode: rc === null ? null : { id: rc.id, code: rc.code, label: rc.label, systemCode: rc.systemCode },
    setBy: 'agent',
    beforeCall: null,
    ...extra,
  };
}

/** Policy facts: idle and ready unless overridden. */
export function facts(extra: Partial<Facts> = {}): Facts {
  return {
    voice: voice('READY'),
    calls: [],
    activeChats: 0,
    offers: [],
    maxChats: 5,
    handlingChat: HANDLING_CHAT,
    chatIntent: 'available',
    connectivity: { finesseInService: true, notificationsUp: true, chatServerUp: true },
    owner: true,
    voiceBusy: false,
    pendingReadyRefused: false,
    ...extra,
  };
}

/** Voice NOT_READY with the Handling Chat reason, set by the gadget. */
export const handlingChatVoice = (extra: Partial<VoiceFacts> = {}): VoiceFacts =>
  voice('NOT_READY', { reasonCodeId: HANDLING_CHAT.id, setBy: 'gadget', ...extra });
