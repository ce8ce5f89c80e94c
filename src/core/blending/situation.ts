// A reading of the facts in blending terms (is an ACD call on, does voice hold the agent for chat...), computed
// once so the availability rules, offer decisions and voice requests all see the same answers.

import type { AgentState } from '../finesse/types.ts';
import type { CallFact } from './dialog-classifier.ts';
import type { Connectivity, Facts, VoiceFacts } from './facts.ts';
import { PENDING_REQUEST_STATES, ROUTED_CALL_ONLY_STATES } from '../finesse/agent-states.ts';
import type { HoldCause, ReasonName } from './causes.ts';

export interface Situation {
  /** Why the controller must hold still, or null. */
  readonly degraded: HoldCause | null;
  readonly voice: VoiceFacts | null;
  readonly signedOut: boolean;
  /** The ACD call (or the ACD-only voice state) that interrupts chat, or null. */
  readonly acd: CallFact | AgentState | null;
  readonly internalCall: CallFact | null;
  /** The voice state is one in which a request becomes pending. */
  readonly inCall: boolean;
  /** Voice is NOT_READY with the Handling Chat reason. */
  readonly handlingChat: boolean;
  /** ...and the gadget set it, so the gadget may undo it (rule 2). */
  readonly gadgetOwnsVoice: boolean;
  /** Voice is Not Ready (or heading there) by someone else's choice: how to name it, else null. */
  readonly othersNotReady: ReasonName | null;
  /** Chats active plus offers being accepted: what voice must be held for. */
  readonly load: number;
  /** While in a call: the call will end in NOT_READY with the Handling Chat reason. */
  readonly callEndsInHandlingChat: boolean;
  /** Voice keeps the agent away from ACD routing for chat's sake, so a chat may be accepted now. */
  readonly voiceHeldForChat: boolean;
}

function reasonName(voice: VoiceFacts): ReasonName {
  const rc = voice.reasonCode;
  if (rc !== null && rc.label.trim() !== '') return { kind: 'label', label: rc.label };
  if (rc !== null) return { kind: 'code', code: rc.code };
  return voice.reasonCodeId === null ? { kind: 'none' } : { kind: 'id', id: voice.reasonCodeId };
}

/** Why blending must hold still, or null when it need not. */
export function holdCause(link: Connectivity): HoldCause | null {
  if (!link.finesseInService) return { kind: 'finesse-down' };
  if (link.nodeMove) return { kind: 'node-move', from: link.nodeMove.from, to: link.nodeMove.to };
  if (!link.notificationsUp) return { kind: 'notifications-down' };
  return null;
}

/** Reads the facts in blending terms. */
export function readSituation(facts: Facts): Situation {
  const { connectivity: link, voice, handlingChat: hc } = facts;
  const degraded = holdCause(link);
  const internalCall = facts.calls.find((c) => c.kind === 'internal') ?? null;
  const acdCall = facts.calls.find((c) => c.kind === 'acd') ?? null;
  let acd: CallFact | AgentState | null = acdCall;
  if (acd === null && voice !== null) {
    if (ROUTED_CALL_ONLY_STATES.has(voice.state)) acd = voice.state;
    // TALKING or HOLD with no internal dialog known: assume routed until the dialogs say otherwise, unless the
    // agent was Not Ready when the call began: the router reserves only READY agents, so that call was not routed.
    // (Finesse may delete an internal call's dialog before the User leaves TALKING: no INTERRUPTED flicker then.)
    else if (
      (voice.state === 'TALKING' || voice.state === 'HOLD') &&
      internalCall === null &&
      voice.beforeCall?.state !== 'NOT_READY'
    ) {
      acd = voice.state;
    }
  }
  // In a call for blending's purposes: a voice request now becomes the pending state (rule 4).
  const inCall = voice !== null && PENDING_REQUEST_STATES.has(voice.state);
  const handlingChat = voice !== null && voice.state === 'NOT_READY' && voice.reasonCodeId === hc.id;
  const gadgetOwnsVoice = handlingChat && voice.setBy === 'gadget';
  const load = facts.activeChats + facts.offers.filter((o) => o.status === 'accepting').length;

  let callEndsInHandlingChat = false;
  let callEndsNotReadyByOthers = false;
  if (voice !== null && inCall) {
    if (voice.pendingState === 'NOT_READY') {
      callEndsInHandlingChat = voice.reasonCodeId === hc.id;
      callEndsNotReadyByOthers = !callEndsInHandlingChat;
    } else if (voice.pendingState === 'LOGOUT') {
      callEndsNotReadyByOthers = true;
    } else if (voice.pendingState === null && voice.beforeCall?.state === 'NOT_READY') {
      callEndsInHandlingChat = voice.beforeCall.reasonCodeId === hc.id;
      callEndsNotReadyByOthers = !callEndsInHandlingChat;
    }
  }

  let othersNotReady: ReasonName | null = null;
  if (voice !== null) {
    if (voice.state === 'NOT_READY' && !handlingChat) othersNotReady = reasonName(voice);
    else if (voice.pendingState === 'LOGOUT') othersNotReady = { kind: 'signing-out' };
    else if (callEndsNotReadyByOthers) othersNotReady = reasonName(voice);
  }

  const voiceHeldForChat =
    handlingChat ||
    (voice !== null && internalCall !== null && inCall && facts.activeChats >= 1 && callEndsInHandlingChat);

  return {
    degraded,
    voice,
    signedOut: voice?.state === 'LOGOUT',
    acd,
    internalCall,
    inCall,
    handlingChat,
    gadgetOwnsVoice,
    othersNotReady,
    load,
    callEndsInHandlingChat,
    voiceHeldForChat,
  };
}
