// The blending policy: a pure function from facts to the desired chat presence, at most one voice request,
// a decision for each chat offer, and whether chats go back to the router. Every output carries its cause (rule 9).

import type { ChatPresence, VoiceStateRequest } from './ports.ts';
import type { Facts } from './facts.ts';
import { readSituation, type Situation } from './situation.ts';
import { chatAvailabilityRule } from './chat-availability-rules.ts';
import type { ChatCause, HoldCause, OfferCause, VoiceCause } from './causes.ts';

/** Why the gadget asks for a voice change; the reconciler uses it for the log and for rule 1. */
export type VoicePurpose =
  /** NOT_READY Handling Chat before taking the first chat (rule 1). */
  | 'reserve'
  /** Back to NOT_READY Handling Chat after someone made voice READY while chats are active (rule 3, once per action). */
  | 'answer-ready'
  /** NOT_READY Handling Chat as the pending state, so the call ends there and not in READY (rule 4). */
  | 'pending'
  /** Leave WORK_READY into NOT_READY Handling Chat while chats are active (rule 4, when the pending state was missed). */
  | 'leave-wrap-up'
  /** Back to READY: all chats ended and the gadget set the Not Ready (rule 2). */
  | 'restore';

export interface VoiceIntent {
  readonly request: VoiceStateRequest;
  readonly purpose: VoicePurpose;
  readonly cause: VoiceCause;
}

export type OfferAction = 'accept' | 'decline' | 'wait';

export interface OfferDecision {
  readonly offerId: string;
  readonly action: OfferAction;
  readonly cause: OfferCause;
}

export interface Decision {
  readonly chat: ChatPresence;
  /** The name of the availability rule that matched (for tests and the diagnostics view). */
  readonly chatRule: string;
  readonly voice: VoiceIntent | null;
  readonly offers: readonly OfferDecision[];
  /** Hand active chats back to the router (signed out of Finesse with chats open, rule 7). */
  readonly handBack: boolean;
  /** Why the controller holds still, or null. */
  readonly degraded: HoldCause | null;
}

function decideOffers(s: Situation, f: Facts, availability: string, availabilityCause: ChatCause): OfferDecision[] {
  const out: OfferDecision[] = [];
  let room = f.maxChats - s.load;
  let accepted = 0;
  for (const offer of f.offers) {
    if (offer.status === 'accepting') continue;
    const decide = (action: OfferDecision['action'], cause: OfferCause): void => {
      out.push({ offerId: offer.id, action, cause });
    };
    const label = f.handlingChat.label;
    if (s.degraded !== null) decide('decline', { kind: 'declined-holding', hold: s.degraded });
    // The cause Finesse gave for the failed reservation, never a guess at another.
    else if (offer.status === 'reservation-failed')
      decide('decline', { kind: 'declined-reservation', failure: offer.failure ?? null });
    else if (availability !== 'READY' && availability !== 'ACTIVE')
      decide('decline', { kind: 'declined-unavailable', chat: availabilityCause });
    else if (room <= 0) decide('decline', { kind: 'declined-full', max: f.maxChats });
    else if (f.voiceBusy) decide('wait', { kind: 'wait-voice-busy' });
    else if (s.voiceHeldForChat) {
      room -= 1;
      accepted += 1;
      decide('accept', { kind: 'chat-accepted', label, count: s.load + accepted });
    } else if (s.voice?.state === 'READY') decide('wait', { kind: 'wait-reserve', label });
    else decide('decline', { kind: 'declined-voice', state: s.voice?.state ?? null });
  }
  return out;
}

function decideVoice(s: Situation, f: Facts, offers: readonly OfferDecision[]): VoiceIntent | null {
  const v = s.voice;
  if (v === null || !f.owner || s.degraded !== null || f.voiceBusy) return null;
  const hc: VoiceStateRequest = { state: 'NOT_READY', reasonCodeId: f.handlingChat.id };
  const label = f.handlingChat.label;
  const waiting = offers.some((o) => o.action === 'wait');

  if (s.inCall) {
    if (s.load >= 1 && !s.callEndsInHandlingChat && s.othersNotReady === null) {
      return { request: hc, purpose: 'pending', cause: { kind: 'pending-after-call', label, count: s.load } };
    }
    // The call would end in the gadget's Not Ready with no chat to hold it for (the offer it reserved voice for
    // went elsewhere, or the chats ended during the call): make it end in Ready instead (rule 2). Where Finesse
    // refused that (Unified CCX has no pending READY), asking again at every step of the call is no use: the
    // restore after the call does it. A pending Not Ready only inferred to be the gadget's is not undone (rule 2).
    const undoable = !f.pendingReadyRefused && v.pendingUnconfirmed !== true;
    if (s.load === 0 && s.callEndsInHandlingChat && undoable && !offers.some((o) => o.action !== 'decline')) {
      return {
        request: { state: 'READY', reasonCodeId: null },
        purpose: 'restore',
        cause: { kind: 'ready-after-call' },
      };
    }
    return null;
  }
  if (v.state === 'WORK_READY' && s.load >= 1) {
    return { request: hc, purpose: 'leave-wrap-up', cause: { kind: 'leave-wrap-up', label, count: s.load } };
  }
  if (v.state === 'READY') {
    if (s.load >= 1) {
      return { request: hc, purpose: 'answer-ready', cause: { kind: 'answer-ready', label, count: s.load } };
    }
    if (waiting) {
      return { request: hc, purpose: 'reserve', cause: { kind: 'reserve-for-chat', label } };
    }
    return null;
  }
  if (s.gadgetOwnsVoice && s.load === 0 && !offers.some((o) => o.action !== 'decline')) {
    return { request: { state: 'READY', reasonCodeId: null }, purpose: 'restore', cause: { kind: 'restore-ready' } };
  }
  return null;
}

/** Derives what the gadget wants from the facts: chat presence, at most one voice request, offer decisions. */
export function decide(facts: Facts): Decision {
  const s = readSituation(facts);
  const rule = chatAvailabilityRule(s, facts);
  const cause = rule.cause(s, facts);
  const offers = facts.owner ? decideOffers(s, facts, rule.availability, cause) : [];
  return {
    chat: { availability: rule.availability, activeChats: facts.activeChats, maxChats: facts.maxChats, cause },
    chatRule: rule.name,
    voice: decideVoice(s, facts, offers),
    offers,
    handBack: facts.owner && s.signedOut && facts.activeChats > 0,
    degraded: s.degraded,
  };
}
