// Who set the voice state, and what the gadget asked for: the User as last known, the requestIds known to be this
// window's, another window's of the same agent, or already seen, the reason of a pending NOT_READY Finesse sent
// without one, and where the agent was when the current call began. The reconciler asks it "whose is this state?"
// (rule 2: only the gadget's own Not Ready is undone) and "did Finesse do what we asked?".

import type { User } from '../finesse/types.ts';
import type { VoiceStateRequest } from './ports.ts';
import type { HandlingChatReason, StateSetter, VoiceFacts } from './facts.ts';
import { CONNECTED_STATES, RESERVED_STATES, unionOf, WRAP_UP_STATES } from '../finesse/agent-states.ts';

/** The User as blending keeps it. */
export interface UserView {
  readonly state: VoiceFacts['state'];
  readonly pendingState: VoiceFacts['pendingState'];
  readonly reasonCodeId: string | null;
  readonly reasonCode: VoiceFacts['reasonCode'];
  readonly extension: string | null;
  readonly stateChangeTime: number;
}

/** The request in flight, as far as attribution needs it. */
export interface FlightSketch {
  readonly request: VoiceStateRequest;
  readonly requestId: string | null;
  readonly phase: 'sending' | 'awaiting-confirmation';
}

export interface VoiceAttributionOptions {
  readonly handlingChat: HandlingChatReason;
  /** Reason codes the supervisor-forced Not Ready uses: shown as set by the supervisor. */
  readonly supervisorReasonCodes: readonly number[];
  /** Told each requestId learnt to be this window's, so other windows of the agent can recognise it. */
  readonly onOwnRequestId: (requestId: string) => void;
}

/**
 * The call has the agent, for attribution: reserved for it or connected to it. Wider than the states where a request
 * becomes pending: RESERVED_OUTBOUND (left at once by a request) is still the call's doing, not the agent's, and a call
 * begun from it began from READY.
 */
const CALL_STATES = unionOf(RESERVED_STATES, CONNECTED_STATES);
const RECENT_IDS = 32;

/** Remembers an id among the newest few. */
function remember(ids: string[], id: string): void {
  ids.push(id);
  if (ids.length > RECENT_IDS) ids.shift();
}

/** True when the user shows the result the request asked for (now, or as the pending state during a call). */
export function reaches(user: UserView, request: VoiceStateRequest): boolean {
  if (request.state === 'READY') return user.state === 'READY' || user.pendingState === 'READY';
  const reasonOk = user.reasonCodeId === request.reasonCodeId;
  return reasonOk && (user.state === 'NOT_READY' || user.pendingState === 'NOT_READY');
}

/** The voice state as last known, and who set it. */
export class VoiceAttribution {
  readonly #o: VoiceAttributionOptions;
  #user: UserView | null = null;
  #setBy: StateSetter = 'unknown';
  /** The requestId of the notification that last changed the state (null when Finesse changed it by itself). */
  #setById: string | null = null;
  #ourRequestIds: string[] = [];
  #peerRequestIds: string[] = [];
  #seenRequestIds: string[] = [];
  #beforeCall: VoiceFacts['beforeCall'] = null;
  #seq = 0;
  /**
   * The pending NOT_READY shown has no reason from Finesse and is the gadget's own (so: Handling Chat): 'known' from
   * its requestId and the notifications after it, 'unconfirmed' when only a re-read showed it still there.
   */
  #inferredPending: 'known' | 'unconfirmed' | null = null;
  /** The requestId of the notification the current User came from (null for a re-read or Finesse's own change). */
  #userRequestId: string | null = null;
  /** Finesse refused READY asked during the current call (Unified CCX takes no pending READY). */
  #pendingReadyRefused = false;

  constructor(options: VoiceAttributionOptions) {
    this.#o = options;
  }

  /** The User as last applied, or null before the first. */
  get user(): UserView | null {
    return this.#user;
  }

  /** Counts applied Users: a re-read keeps its answer only if no notification came meanwhile. */
  get seq(): number {
    return this.#seq;
  }

  get pendingReadyRefused(): boolean {
    return this.#pendingReadyRefused;
  }

  /** The agent is reserved for or connected to a call. */
  onCall(): boolean {
    return this.#user !== null && CALL_STATES.has(this.#user.state);
  }

  /** Finesse refused READY as the pending state: Ready waits for the call to end. */
  readyRefusedDuringCall(): void {
    this.#pendingReadyRefused = true;
  }

  /** The known state no longer shows what the request asked for (a newer change came first). */
  movedPast(request: VoiceStateRequest): boolean {
    return this.#user !== null && !reaches(this.#user, request);
  }

  /** Finesse answered one of this window's requests with its requestId. True when its notification was already seen. */
  requestAccepted(requestId: string, request: VoiceStateRequest): boolean {
    remember(this.#ourRequestIds, requestId);
    this.#o.onOwnRequestId(requestId);
    if (request.state === 'NOT_READY') this.#adoptPendingReason(requestId);
    return this.#seenRequestIds.includes(requestId);
  }

  /** The state is the gadget's: its request was confirmed. */
  setByGadget(): void {
    this.#setBy = 'gadget';
  }

  /** A requestId another window of this agent got for its own request. True when that changed what is shown. */
  adoptPeerRequestId(requestId: string): boolean {
    if (this.#peerRequestIds.includes(requestId)) return false;
    remember(this.#peerRequestIds, requestId);
    const adopted = this.#adoptPendingReason(requestId);
    return this.#setById === requestId || adopted;
  }

  /**
   * Applies a User from a notification (with its requestId) or a re-read. Returns null when it is older than what is
   * known, else whether it shows what the request in flight asked for.
   */
  apply(
    user: User,
    requestId: string | null,
    reread: boolean,
    flight: FlightSketch | null,
  ): { matchesFlight: boolean } | null {
    const prev = this.#user;
    const pending = this.#pendingReason(user, requestId, reread);
    const next: UserView = {
      state: user.state,
      pendingState: user.pendingState,
      reasonCodeId: user.reasonCodeId,
      reasonCode:
        user.reasonCode === null
          ? null
          : {
              id: user.reasonCode.id,
              code: user.reasonCode.code,
              label: user.reasonCode.label,
              systemCode: user.reasonCode.systemCode,
            },
      ...pending.reason,
      extension: user.extension,
      stateChangeTime: user.stateChangeTime === null ? Number.NaN : Date.parse(user.stateChangeTime),
    };
    if (requestId !== null && !this.#seenRequestIds.includes(requestId)) remember(this.#seenRequestIds, requestId);
    // A notification older than what a re-read already showed (it was on its way meanwhile) must not win.
    if (prev !== null && next.stateChangeTime < prev.stateChangeTime) return null;
    this.#inferredPending = pending.ours;
    this.#userRequestId = requestId;
    this.#seq++;
    const unchanged =
      prev !== null &&
      prev.state === next.state &&
      prev.pendingState === next.pendingState &&
      prev.reasonCodeId === next.reasonCodeId;

    const ours = requestId !== null && this.#ourRequestIds.includes(requestId);
    const matchesFlight = flight !== null && reaches(next, flight.request);

    const foreign = requestId !== null && !ours && !this.#peerRequestIds.includes(requestId);
    const attributed =
      ours || (matchesFlight && (requestId === null || requestId === flight?.requestId || flight?.phase === 'sending'));
    // Attributed to our request before (or without) its 202: remember the id and tell the other windows.
    if (attributed && requestId !== null && !ours) {
      remember(this.#ourRequestIds, requestId);
      this.#o.onOwnRequestId(requestId);
    }
    // A request of ours that changed nothing (the agent had already chosen the same) leaves the state theirs.
    if (attributed && !unchanged) {
      this.#setBy = 'gadget';
      this.#setById = requestId;
    } else if (!unchanged || (foreign && !attributed)) {
      // Someone else's request counts even when it changed nothing: the agent chose this state themselves.
      this.#setBy = this.#whoSet(next);
      this.#setById = requestId;
    }
    this.#rememberBeforeCall(prev, next, reread);
    if (!CALL_STATES.has(next.state)) this.#pendingReadyRefused = false;
    this.#user = next;
    return { matchesFlight };
  }

  /** The voice facts the policy reads, or null before the first User. */
  voiceFacts(): VoiceFacts | null {
    const u = this.#user;
    if (u === null) return null;
    // Another window's requestId may become known after its notification did.
    const peer = this.#setBy === 'agent' && this.#setById !== null && this.#peerRequestIds.includes(this.#setById);
    return {
      state: u.state,
      pendingState: u.pendingState,
      reasonCodeId: u.reasonCodeId,
      reasonCode: u.reasonCode,
      setBy: peer ? 'gadget' : this.#setBy,
      beforeCall: this.#beforeCall,
      pendingUnconfirmed: this.#inferredPending === 'unconfirmed',
    };
  }

  /**
   * Remember where the agent was when a call began: without a pending state, the call ends there. The router
   * reserves only READY agents. A re-read may jump over changes the gadget never saw (notifications down or
   * lost): what the state was before the call is then not known, and the gadget must not guess Not Ready.
   */
  #rememberBeforeCall(prev: UserView | null, next: UserView, reread: boolean): void {
    const wasOnCall = prev !== null && (CALL_STATES.has(prev.state) || WRAP_UP_STATES.has(prev.state));
    if (CALL_STATES.has(next.state)) {
      if (RESERVED_STATES.has(next.state) && !wasOnCall) this.#beforeCall = { state: 'READY', reasonCodeId: null };
      else if (prev !== null && !wasOnCall)
        this.#beforeCall = reread ? null : { state: prev.state, reasonCodeId: prev.reasonCodeId };
      else if (prev === null) this.#beforeCall = null;
    } else if (!WRAP_UP_STATES.has(next.state)) {
      this.#beforeCall = null;
    }
  }

  /**
   * The reason of a pending NOT_READY that Finesse left out of the User (it may show only the current state's
   * reason during a call): the gadget's own pending request is always Handling Chat; anyone else's stays unknown.
   */
  #pendingReason(
    user: User,
    requestId: string | null,
    reread: boolean,
  ): { ours: 'known' | 'unconfirmed' | null; reason: Pick<UserView, 'reasonCodeId' | 'reasonCode'> | null } {
    const prev = this.#user;
    if (user.pendingState !== 'NOT_READY' || user.reasonCodeId !== null) return { ours: null, reason: null };
    // Only a requestId known to be the gadget's says so. One arriving while the gadget's own request still waits for
    // its 202 may be the agent's own pending Not Ready: the 202 settles it (#adoptPendingReason).
    const byRequest =
      requestId !== null && (this.#ourRequestIds.includes(requestId) || this.#peerRequestIds.includes(requestId));
    // Still ours: a re-read or an unsolicited change (no requestId), or the call moving on (a dialog action's
    // requestId changes the state, not the pending one). Someone's state request leaving the state as it was is not.
    const kept =
      this.#inferredPending !== null &&
      prev?.pendingState === 'NOT_READY' &&
      (requestId === null || user.state !== prev.state);
    if (byRequest) {
      // A notification seen before (a duplicate) tells nothing new: it keeps what the gadget knew after it.
      const again = requestId !== null && this.#seenRequestIds.includes(requestId) && this.#inferredPending !== null;
      return { ours: again ? this.#inferredPending : 'known', reason: this.#handlingChatReason() };
    }
    if (!kept) return { ours: null, reason: null };
    // Notifications come in order, so one that would have replaced the pending state came first. A re-read may
    // overtake one still on its way (the agent's own pending Not Ready looks the same without its reason).
    return { ours: reread ? 'unconfirmed' : this.#inferredPending, reason: this.#handlingChatReason() };
  }

  #handlingChatReason(): Pick<UserView, 'reasonCodeId' | 'reasonCode'> {
    const hc = this.#o.handlingChat;
    return { reasonCodeId: hc.id, reasonCode: { id: hc.id, code: hc.code, label: hc.label, systemCode: false } };
  }

  /**
   * A requestId learnt to be the gadget's (its 202, or another window's) after the notification it caused: a pending
   * NOT_READY that notification showed without a reason is the gadget's Handling Chat. True when that changed the view.
   */
  #adoptPendingReason(requestId: string): boolean {
    const u = this.#user;
    if (u === null || this.#userRequestId !== requestId || u.pendingState !== 'NOT_READY' || u.reasonCodeId !== null)
      return false;
    this.#user = { ...u, ...this.#handlingChatReason() };
    this.#inferredPending = 'known';
    return true;
  }

  #whoSet(user: UserView): StateSetter {
    if (CALL_STATES.has(user.state) || WRAP_UP_STATES.has(user.state)) return 'call';
    // The Handling Chat reason is reserved for the gadget (the administrator sets it up for blending only), so
    // NOT_READY with it is the gadget's whoever pressed the button: telling an agent's own pick of it apart from
    // the gadget's is impossible when a notification or an HTTP answer is lost, and guessing wrong leaves the
    // agent stuck Not Ready.
    if (user.state === 'NOT_READY' && user.reasonCodeId === this.#o.handlingChat.id) return 'gadget';
    const rc = user.reasonCode;
    if (rc !== null && rc.systemCode) return this.#o.supervisorReasonCodes.includes(rc.code) ? 'supervisor' : 'system';
    return 'agent';
  }
}
