// The one reconciler (rule 5): keeps the facts from notifications, re-reads and chat events, derives the desired
// state with the pure policy, and acts on it: publishes chat presence, decides offers, and makes at most one voice
// request at a time, waiting for Finesse to confirm it (or refuse it, or time out) before deriving a voice request
// again. It makes no new voice request unless the facts changed since the last one, except bounded retries.

import type { Dialog, Update, User } from '../finesse/types.ts';
import type { Unsubscribe } from '../shared/unsubscribe.ts';
import type { ChatPort, ChatPresence, FinesseFactsPort, VoiceError, VoiceStatePort, VoiceStateRequest } from './ports.ts';
import type { RandomSource, TimerHandle, Timers } from '../shared/timers.ts';
import type { Connectivity, Facts, HandlingChatReason, OfferFact, StateSetter, VoiceFacts } from './facts.ts';
import { classifyDialogs } from './dialog-classifier.ts';
import { decide, type Decision, type VoiceIntent, type VoicePurpose } from './policy.ts';
import { voiceRetryDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { DecisionLog, type DecisionEntry, type DecisionKind } from './decision-log.ts';
import { classifyVoiceError } from './voice-error.ts';
import { degradedReason } from './situation.ts';
import { CONNECTED_STATES, RESERVED_STATES, unionOf, WRAP_UP_STATES } from '../finesse/agent-states.ts';

export interface ReconcilerOptions {
  readonly voice: VoiceStatePort;
  readonly facts: FinesseFactsPort;
  readonly chat: ChatPort;
  readonly timers: Timers;
  readonly random: RandomSource;
  readonly handlingChat: HandlingChatReason;
  /** Most chats at once (M). */
  readonly maxChats: number;
  /** How long to wait for the notification confirming an accepted (202) request. Default 10 s. */
  readonly confirmTimeoutMs?: number;
  readonly backoff?: BackoffOptions;
  /** Re-read User and Dialogs this often while idle, in case a notification was lost. Default 120 s; 0 turns it off. */
  readonly resyncIntervalMs?: number;
  /** Decision log size. Default 50. */
  readonly logCapacity?: number;
  /** Reason codes the supervisor-forced Not Ready uses (UCCE 999, UCCX 33): shown as set by the supervisor. */
  readonly supervisorReasonCodes?: readonly number[];
  /** Told each requestId Finesse gives this window's requests, so other windows of the agent can recognise them. */
  readonly onRequestAccepted?: (requestId: string) => void;
}

/** The voice request on its way, for display. */
export interface VoiceRequestView {
  readonly request: VoiceStateRequest;
  readonly purpose: VoicePurpose;
  readonly reason: string;
  readonly attempt: number;
  readonly phase: 'sending' | 'awaiting-confirmation' | 'retry-wait';
}

/** Everything the UI (and a non-owner window) shows about blending. */
export interface BlendingSnapshot {
  readonly owner: boolean;
  readonly chat: ChatPresence;
  readonly chatRule: string;
  readonly voice: VoiceFacts | null;
  readonly offers: readonly OfferFact[];
  readonly degraded: string | null;
  readonly voiceRequest: VoiceRequestView | null;
  readonly log: readonly DecisionEntry[];
}

/** Counters the property tests check: requests never outnumber fact changes. */
export interface ReconcilerStats {
  readonly factChanges: number;
  /** Voice requests made for a new set of facts (retries not included). */
  readonly requests: number;
  /** Every voice request sent, retries included. */
  readonly attempts: number;
  /** Requests made again after a periodic re-read, for a request that had been refused or given up with no fact change since. */
  readonly slowRetries: number;
  /** The current fact version, and the version the last request was made at. */
  readonly version: number;
  readonly lastRequestVersion: number | null;
}

interface Flight {
  readonly intent: VoiceIntent;
  readonly attempt: number;
  phase: 'sending' | 'awaiting-confirmation';
  requestId: string | null;
  /** The confirming notification came before the 202 did. */
  confirmedEarly: boolean;
  timer: TimerHandle | null;
}

interface LastRequest {
  readonly request: VoiceStateRequest;
  readonly version: number;
  readonly attempt: number;
  readonly purpose: VoicePurpose;
  outcome: 'pending' | 'confirmed' | 'refused' | 'retry' | 'gave-up';
  /** A periodic re-read allows one more try of a refused or given-up request (never of an answer to the agent). */
  slowRetry: boolean;
}

interface UserView {
  readonly state: VoiceFacts['state'];
  readonly pendingState: VoiceFacts['pendingState'];
  readonly reasonCodeId: string | null;
  readonly reasonCode: VoiceFacts['reasonCode'];
  readonly extension: string | null;
  readonly stateChangeTime: number;
}

/**
 * The call has the agent, for attribution: reserved for it or connected to it. Wider than the states where a request
 * becomes pending: RESERVED_OUTBOUND (left at once by a request) is still the call's doing, not the agent's, and a call
 * begun from it began from READY.
 */
const CALL_STATES = unionOf(RESERVED_STATES, CONNECTED_STATES);
const RECENT_IDS = 32;

const sameRequest = (a: VoiceStateRequest, b: VoiceStateRequest): boolean =>
  a.state === b.state && (a.state === 'READY' || a.reasonCodeId === b.reasonCodeId);

function describeRequest(r: VoiceStateRequest, label: string): string {
  return r.state === 'READY' ? 'Ready' : `Not Ready (${r.reasonCodeId === null ? 'no reason' : label})`;
}

/** The blending controller for one agent. Feed it facts; it acts through its ports. */
export class BlendingReconciler {
  readonly #o: Required<Omit<ReconcilerOptions, 'backoff'>> & { backoff: BackoffOptions };
  readonly #log: DecisionLog;
  readonly #listeners = new Set<(snapshot: BlendingSnapshot) => void>();

  #user: UserView | null = null;
  #setBy: StateSetter = 'unknown';
  /** The requestId of the notification that last changed the state (null when Finesse changed it by itself). */
  #setById: string | null = null;
  #peerRequestIds: string[] = [];
  #beforeCall: VoiceFacts['beforeCall'] = null;
  #userSeq = 0;
  /**
   * The pending NOT_READY shown has no reason from Finesse and is the gadget's own (so: Handling Chat): 'known' from
   * its requestId and the notifications after it, 'unconfirmed' when only a re-read showed it still there.
   */
  #inferredPending: 'known' | 'unconfirmed' | null = null;
  /** The requestId of the notification the current User came from (null for a re-read or Finesse's own change). */
  #userRequestId: string | null = null;
  /** Finesse refused READY asked during the current call (Unified CCX takes no pending READY). */
  #pendingReadyRefused = false;
  #dialogs = new Map<string, Dialog>();
  #dialogSeq = 0;
  #chats = new Set<string>();
  /** Each pending offer's status, and why voice could not be reserved for it (with reservation-failed). */
  #offers = new Map<string, Omit<OfferFact, 'id'>>();
  #offersArrived = 0;
  #chatIntent: Facts['chatIntent'] = 'available';
  #link: Connectivity = { finesseInService: true, notificationsUp: true, chatServerUp: true };
  #owner = false;
  #started = false;
  #stopped = false;

  #flight: Flight | null = null;
  #retryTimer: TimerHandle | null = null;
  #retryView: VoiceRequestView | null = null;
  #last: LastRequest | null = null;
  #ourRequestIds: string[] = [];
  #seenRequestIds: string[] = [];
  #rereading = false;
  #rereadAgain = false;
  #resyncTimer: TimerHandle | null = null;
  #handingBack = false;
  #published: string | null = null;
  #publishedAvailability: string | null = null;
  #degradedShown: string | null = null;
  #deriving = false;
  #deriveAgain = false;
  #idleWaiters: (() => void)[] = [];

  #fingerprint = '';
  #version = 0;
  #stats = { factChanges: 0, requests: 0, attempts: 0, slowRetries: 0 };
  #decision: Decision | null = null;

  constructor(options: ReconcilerOptions) {
    this.#o = {
      confirmTimeoutMs: 10_000,
      resyncIntervalMs: 120_000,
      logCapacity: 50,
      supervisorReasonCodes: [999, 33],
      onRequestAccepted: () => undefined,
      ...options,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
    };
    this.#log = new DecisionLog(this.#o.logCapacity);
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------

  /** Starts blending as the owner (or as an observer): reads User and Dialogs, then reconciles. */
  async start(owner = true): Promise<void> {
    this.#started = true;
    this.#owner = owner;
    await this.#reread();
  }

  /** Stops acting: cancels timers; later inputs only update what is shown. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
    this.#flight = null;
    this.#resolveIdle();
  }

  // ---- inputs: Finesse ---------------------------------------------------------------------------------------

  /**
   * A Finesse notification for the agent's User or Dialogs node (the `Update` the XML layer parses).
   * Dialog events change only the dialogs they carry: Finesse POSTs a new dialog alone (`<dialogs>` holding just
   * it), PUTs a change as one `<Dialog>` and DELETEs with the dialog that went away; only a re-read replaces the set.
   */
  handleUpdate(update: Update): void {
    const data = update.data;
    switch (data.kind) {
      case 'user':
        this.#applyUser(data.user, update.requestId, false);
        break;
      case 'dialogs':
        for (const d of data.dialogs) this.#applyDialogEvent(update.event, d);
        this.#dialogSeq++;
        break;
      case 'dialog':
        this.#applyDialogEvent(update.event, data.dialog);
        this.#dialogSeq++;
        break;
      case 'apiErrors': {
        // A call operation's CTI error (source Dialog/{id}) never answers the gadget's state request.
        if (isDialogAddress(update.source)) return;
        const flight = this.#flight;
        if (flight !== null && (update.requestId === null || update.requestId === flight.requestId)) {
          this.#failed(flight, { kind: 'api', retryable: false, apiErrors: data.errors, message: 'asynchronous error' });
        }
        return;
      }
      default:
        return;
    }
    this.#derive();
  }

  /** POST and PUT add or update the dialog; DELETE removes it (whatever state it is shown in). */
  #applyDialogEvent(event: Update['event'], dialog: Dialog): void {
    if (event === 'DELETE') this.#dialogs.delete(dialog.id);
    else this.#dialogs.set(dialog.id, dialog);
  }

  /** Connectivity changed (failover monitor, notification connection, chat connection). */
  setConnectivity(change: Partial<Connectivity>): void {
    const before = this.#degradedReason();
    const chatWasUp = this.#link.chatServerUp;
    this.#link = { ...this.#link, ...change };
    const after = this.#degradedReason();
    if (!chatWasUp && this.#link.chatServerUp) this.#published = null; // a new chat session needs the presence again
    if (before !== null && after === null) {
      this.#degradedShown = null;
      this.#note('recovered', 'Finesse is back: re-reading the agent state and dialogs, then reconciling');
      void this.#reread();
      return;
    }
    this.#derive();
  }

  /** This window gained or lost blending ownership (rule 8). */
  setOwner(owner: boolean): void {
    if (owner === this.#owner) return;
    this.#owner = owner;
    if (owner) {
      this.#note('ownership', 'This window now runs blending for the agent');
      if (this.#started) void this.#reread();
      return;
    }
    this.#note('ownership', 'Another window took over blending; this one only shows the state now');
    if (this.#retryTimer !== null) this.#o.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#retryView = null;
    this.#derive();
  }

  /** Re-reads User and Dialogs and reconciles (after a node switch, or when notifications may have been missed). */
  resync(): void {
    if (this.#started) void this.#reread(true);
  }

  /** A requestId another window of this agent got for its own request: changes it made count as the gadget's. */
  adoptPeerRequestId(requestId: string): void {
    if (this.#peerRequestIds.includes(requestId)) return;
    this.#peerRequestIds.push(requestId);
    if (this.#peerRequestIds.length > RECENT_IDS) this.#peerRequestIds.shift();
    const adopted = this.#adoptPendingReason(requestId);
    if (this.#setById === requestId || adopted) this.#derive();
  }

  /** Resolves when no voice request of this instance is in flight (the hand-over waits for it). */
  whenIdle(): Promise<void> {
    if (this.#flight === null) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  // ---- inputs: chat ------------------------------------------------------------------------------------------

  /** The router offers a chat. */
  offerArrived(offerId: string): void {
    if (this.#offers.has(offerId) || this.#chats.has(offerId)) return;
    this.#offers.set(offerId, { status: 'new' });
    this.#offersArrived++;
    this.#derive();
  }

  /** The router took an offer back (expired, re-routed). */
  offerWithdrawn(offerId: string): void {
    if (this.#offers.get(offerId)?.status === 'accepting') return; // the accept result settles it
    if (this.#offers.delete(offerId)) this.#derive();
  }

  /** A chat is the agent's (rejoined after a reload, or accepted elsewhere). */
  chatStarted(chatId: string): void {
    this.#offers.delete(chatId);
    if (this.#chats.has(chatId)) return;
    this.#chats.add(chatId);
    this.#derive();
  }

  /** A chat ended (either side) or was transferred away. */
  chatEnded(chatId: string): void {
    if (this.#chats.delete(chatId)) this.#derive();
  }

  /** The agent's own chat availability choice. */
  setChatIntent(intent: Facts['chatIntent']): void {
    if (intent === this.#chatIntent) return;
    this.#chatIntent = intent;
    this.#derive();
  }

  // ---- outputs -----------------------------------------------------------------------------------------------

  /** Calls the listener with every new snapshot; returns the unsubscribe. */
  subscribe(listener: (snapshot: BlendingSnapshot) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** What blending looks like now. */
  snapshot(): BlendingSnapshot {
    const facts = this.#facts();
    const decision = this.#decision ?? decide(facts);
    const flight = this.#flight;
    const view: VoiceRequestView | null =
      flight !== null
        ? {
            request: flight.intent.request,
            purpose: flight.intent.purpose,
            reason: flight.intent.reason,
            attempt: flight.attempt,
            phase: flight.phase,
          }
        : this.#retryView;
    return {
      owner: this.#owner,
      chat: decision.chat,
      chatRule: decision.chatRule,
      voice: facts.voice,
      offers: facts.offers,
      degraded: decision.degraded,
      voiceRequest: view,
      log: this.#log.entries(),
    };
  }

  /** The current facts, as the policy sees them. */
  facts(): Facts {
    return this.#facts();
  }

  /** Request and fact-change counters. */
  stats(): ReconcilerStats {
    return { ...this.#stats, version: this.#version, lastRequestVersion: this.#last?.version ?? null };
  }

  // ---- facts -------------------------------------------------------------------------------------------------

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
    const byRequest = requestId !== null && (this.#ourRequestIds.includes(requestId) || this.#peerRequestIds.includes(requestId));
    // Still ours: a re-read or an unsolicited change (no requestId), or the call moving on (a dialog action's
    // requestId changes the state, not the pending one). Someone's state request leaving the state as it was is not.
    const kept = this.#inferredPending !== null && prev?.pendingState === 'NOT_READY' && (requestId === null || user.state !== prev.state);
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
    if (u === null || this.#userRequestId !== requestId || u.pendingState !== 'NOT_READY' || u.reasonCodeId !== null) return false;
    this.#user = { ...u, ...this.#handlingChatReason() };
    this.#inferredPending = 'known';
    return true;
  }

  #applyUser(user: User, requestId: string | null, reread: boolean): void {
    const prev = this.#user;
    const pending = this.#pendingReason(user, requestId, reread);
    const next: UserView = {
      state: user.state,
      pendingState: user.pendingState,
      reasonCodeId: user.reasonCodeId,
      reasonCode:
        user.reasonCode === null
          ? null
          : { id: user.reasonCode.id, code: user.reasonCode.code, label: user.reasonCode.label, systemCode: user.reasonCode.systemCode },
      ...pending.reason,
      extension: user.extension,
      stateChangeTime: user.stateChangeTime === null ? Number.NaN : Date.parse(user.stateChangeTime),
    };
    if (requestId !== null && !this.#seenRequestIds.includes(requestId)) {
      this.#seenRequestIds.push(requestId);
      if (this.#seenRequestIds.length > RECENT_IDS) this.#seenRequestIds.shift();
    }
    // A notification older than what a re-read already showed (it was on its way meanwhile) must not win.
    if (prev !== null && next.stateChangeTime < prev.stateChangeTime) return;
    this.#inferredPending = pending.ours;
    this.#userRequestId = requestId;
    this.#userSeq++;
    const unchanged =
      prev !== null &&
      prev.state === next.state &&
      prev.pendingState === next.pendingState &&
      prev.reasonCodeId === next.reasonCodeId;

    const flight = this.#flight;
    const ours = requestId !== null && this.#ourRequestIds.includes(requestId);
    const matchesFlight = flight !== null && this.#reaches(next, flight.intent.request);

    const foreign = requestId !== null && !ours && !this.#peerRequestIds.includes(requestId);
    const attributed = ours || (matchesFlight && (requestId === null || requestId === flight?.requestId || flight?.phase === 'sending'));
    // Attributed to our request before (or without) its 202: remember the id and tell the other windows.
    if (attributed && requestId !== null && !ours) {
      this.#ourRequestIds.push(requestId);
      if (this.#ourRequestIds.length > RECENT_IDS) this.#ourRequestIds.shift();
      this.#o.onRequestAccepted(requestId);
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

    // Remember where the agent was when a call began: without a pending state, the call ends there. The router
    // reserves only READY agents. A re-read may jump over changes the gadget never saw (notifications down or
    // lost): what the state was before the call is then not known, and the gadget must not guess Not Ready.
    const wasOnCall = prev !== null && (CALL_STATES.has(prev.state) || WRAP_UP_STATES.has(prev.state));
    if (CALL_STATES.has(next.state)) {
      if (RESERVED_STATES.has(next.state) && !wasOnCall) this.#beforeCall = { state: 'READY', reasonCodeId: null };
      else if (prev !== null && !wasOnCall) this.#beforeCall = reread ? null : { state: prev.state, reasonCodeId: prev.reasonCodeId };
      else if (prev === null) this.#beforeCall = null;
    } else if (!WRAP_UP_STATES.has(next.state)) {
      this.#beforeCall = null;
    }
    if (!CALL_STATES.has(next.state)) this.#pendingReadyRefused = false;
    this.#user = next;

    if (flight !== null) {
      const byId = requestId !== null && requestId === flight.requestId;
      if (byId || (matchesFlight && flight.phase === 'awaiting-confirmation')) this.#confirmed(flight);
      else if (matchesFlight && flight.phase === 'sending') flight.confirmedEarly = true;
    }
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

  /** True when the user shows the result the request asked for (now, or as the pending state during a call). */
  #reaches(user: UserView, request: VoiceStateRequest): boolean {
    if (request.state === 'READY') return user.state === 'READY' || user.pendingState === 'READY';
    const reasonOk = user.reasonCodeId === request.reasonCodeId;
    return reasonOk && (user.state === 'NOT_READY' || user.pendingState === 'NOT_READY');
  }

  #voiceFacts(): VoiceFacts | null {
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

  #facts(): Facts {
    const offers: OfferFact[] = [...this.#offers].map(([id, offer]) => ({ id, ...offer }));
    return {
      voice: this.#voiceFacts(),
      calls: classifyDialogs([...this.#dialogs.values()], this.#user?.extension ?? null),
      activeChats: this.#chats.size,
      offers,
      maxChats: this.#o.maxChats,
      handlingChat: this.#o.handlingChat,
      chatIntent: this.#chatIntent,
      connectivity: this.#link,
      owner: this.#owner && !this.#stopped,
      voiceBusy: this.#flight !== null || this.#retryTimer !== null || this.#rereading,
      pendingReadyRefused: this.#pendingReadyRefused,
    };
  }

  #degradedReason(): string | null {
    return degradedReason(this.#link);
  }

  // ---- deriving and acting -----------------------------------------------------------------------------------

  #derive(): void {
    // Acting can feed back (a port answering synchronously); derive again afterwards instead of recursing.
    if (this.#deriving) {
      this.#deriveAgain = true;
      return;
    }
    this.#deriving = true;
    try {
      let rounds = 0;
      do {
        this.#deriveAgain = false;
        this.#deriveOnce();
      } while (this.#deriveAgain && ++rounds < 8);
    } finally {
      this.#deriving = false;
    }
    this.#emit();
  }

  #deriveOnce(): void {
    this.#dropStaleRetry();
    const facts = this.#facts();
    // Offer statuses and removals are the gadget's own doing; only arrivals are new facts from outside. Likewise
    // an accepted offer becoming an active chat leaves the load as it was: no new fact.
    const { voiceBusy: _busy, offers, activeChats, ...tracked } = facts;
    const load = activeChats + offers.filter((o) => o.status === 'accepting').length;
    const fingerprint = JSON.stringify({ ...tracked, load, offersArrived: this.#offersArrived });
    if (fingerprint !== this.#fingerprint) {
      this.#fingerprint = fingerprint;
      this.#version++;
      this.#stats.factChanges++;
    }
    const decision = decide(facts);
    this.#decision = decision;
    if (!facts.owner || !this.#started) return;

    if (decision.degraded !== null && this.#degradedShown !== decision.degraded) {
      this.#degradedShown = decision.degraded;
      this.#note('hold-still', `Holding still: ${decision.degraded}. No voice changes and no new chats until it is back`);
    }
    this.#publish(decision, facts);
    if (decision.handBack) this.#handBack();
    let offersChanged = false;
    for (const offer of decision.offers) {
      if (offer.action === 'accept') {
        offersChanged = true;
        this.#accept(offer.offerId, offer.reason);
      } else if (offer.action === 'decline') {
        offersChanged = true;
        this.#offers.delete(offer.offerId);
        this.#note('offer-declined', offer.reason);
        void this.#o.chat.declineOffer(offer.offerId, offer.reason).catch(() => undefined);
      }
    }
    if (offersChanged) {
      this.#deriveAgain = true; // the voice decision must see the new load
      return;
    }
    if (decision.voice !== null) this.#maybeRequest(decision.voice);
    this.#scheduleResync();
  }

  /** A retry waiting for its backoff is dropped once the facts no longer call for that request (e.g. a re-read shows it done). */
  #dropStaleRetry(): void {
    const last = this.#last;
    if (this.#retryTimer === null || last === null || this.#rereading) return;
    const wanted = decide({ ...this.#facts(), voiceBusy: false }).voice;
    if (wanted !== null && sameRequest(wanted.request, last.request)) return;
    this.#o.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#retryView = null;
    last.outcome = 'confirmed';
  }

  #publish(decision: Decision, facts: Facts): void {
    const presence = decision.chat;
    // Rule 7: chats go back to the router before chat goes OFFLINE.
    if (presence.availability === 'OFFLINE' && facts.activeChats > 0 && facts.voice?.state === 'LOGOUT') return;
    if (!facts.connectivity.chatServerUp) return;
    const key = `${presence.availability}|${presence.activeChats}|${presence.maxChats}|${presence.reason}`;
    if (key === this.#published) return;
    this.#published = key;
    const signingIn = this.#publishedAvailability === 'OFFLINE' || this.#publishedAvailability === null;
    this.#publishedAvailability = presence.availability;
    const suffix = signingIn && presence.availability !== 'OFFLINE' ? ' (signed in to chat with Finesse)' : '';
    this.#note('chat-availability', `Chat availability ${presence.reason}${suffix}`);
    this.#o.chat.publishAvailability(presence);
  }

  #accept(offerId: string, reason: string): void {
    this.#offers.set(offerId, { status: 'accepting' });
    this.#o.chat
      .acceptOffer(offerId)
      .then(
        (r) => r,
        (e: unknown) => ({ ok: false as const, error: { kind: 'network' as const, message: String(e) } }),
      )
      .then((result) => {
        this.#offers.delete(offerId);
        if (result.ok) {
          this.#chats.add(offerId);
          this.#note('offer-accepted', reason);
        } else {
          this.#note('offer-declined', `The chat offer could not be accepted: ${result.error.message}`);
        }
        this.#derive();
      });
  }

  #handBack(): void {
    if (this.#handingBack) return;
    this.#handingBack = true;
    const count = this.#chats.size;
    const reason = `Signed out of Finesse: ${count} chat${count === 1 ? '' : 's'} handed back to the queue`;
    void this.#o.chat
      .handBackChats(reason)
      .then(
        (r) => r,
        (e: unknown) => ({ ok: false as const, error: { kind: 'network' as const, message: String(e) } }),
      )
      .then((result) => {
        this.#handingBack = false;
        if (result.ok) {
          this.#chats.clear();
          this.#note('chats-handed-back', reason);
        } else {
          this.#note('voice-failed', `Could not hand the chats back to the queue: ${result.error.message}`);
        }
        this.#derive();
      });
  }

  #maybeRequest(intent: VoiceIntent): void {
    if (this.#flight !== null || this.#retryTimer !== null || this.#rereading) return;
    const last = this.#last;
    const retrying = last !== null && last.outcome === 'retry' && sameRequest(last.request, intent.request);
    const slow = last !== null && last.slowRetry && last.version === this.#version;
    // Nothing changed since the last request: asking again would be a loop (rule 3 "once", rule 5 bound).
    if (last !== null && last.version === this.#version && !retrying && !slow) return;
    if (slow) this.#stats.slowRetries++;
    const attempt = retrying ? last.attempt + 1 : 1;
    void this.#send(intent, attempt);
  }

  async #send(intent: VoiceIntent, attempt: number): Promise<void> {
    const flight: Flight = { intent, attempt, phase: 'sending', requestId: null, confirmedEarly: false, timer: null };
    this.#flight = flight;
    this.#last = { request: intent.request, version: this.#version, attempt, purpose: intent.purpose, outcome: 'pending', slowRetry: false };
    this.#stats.attempts++;
    if (attempt === 1) this.#stats.requests++;
    const max = this.#o.backoff.maxAttempts;
    this.#note('voice-request', attempt === 1 ? intent.reason : `${intent.reason} (attempt ${attempt} of ${max})`);
    this.#emit();

    let result: Awaited<ReturnType<VoiceStatePort['requestState']>>;
    try {
      result = await this.#o.voice.requestState(intent.request);
    } catch (e) {
      result = { ok: false, error: { kind: 'network', retryable: true, message: String(e) } };
    }
    if (this.#flight !== flight) return;
    if (!result.ok) {
      // The HTTP answer was lost, but a notification already showed the change: it happened.
      if (flight.confirmedEarly) this.#confirmed(flight);
      else this.#failed(flight, result.error);
      return;
    }
    const requestId = result.value.requestId;
    flight.requestId = requestId;
    this.#ourRequestIds.push(requestId);
    if (this.#ourRequestIds.length > RECENT_IDS) this.#ourRequestIds.shift();
    this.#o.onRequestAccepted(requestId);
    if (flight.intent.request.state === 'NOT_READY') this.#adoptPendingReason(requestId);
    if (flight.confirmedEarly || this.#seenRequestIds.includes(requestId)) {
      this.#setBy = 'gadget';
      this.#confirmed(flight);
      return;
    }
    flight.phase = 'awaiting-confirmation';
    flight.timer = this.#o.timers.setTimeout(() => this.#confirmTimedOut(flight), this.#o.confirmTimeoutMs);
    this.#emit();
  }

  #confirmed(flight: Flight): void {
    if (this.#flight !== flight) return;
    this.#endFlight(flight);
    if (this.#last !== null) this.#last.outcome = 'confirmed';
    // Confirmed, yet the state already moved on (a newer change reached us first): that is a fact change of its
    // own, so the policy may ask again instead of waiting on a version that will not change.
    if (this.#user !== null && !this.#reaches(this.#user, flight.intent.request)) {
      this.#version++;
      this.#stats.factChanges++;
    }
    this.#note('voice-confirmed', `Finesse confirmed ${describeRequest(flight.intent.request, this.#o.handlingChat.label)}`);
    this.#deriveAgain = true;
    if (!this.#deriving) this.#derive();
  }

  #confirmTimedOut(flight: Flight): void {
    if (this.#flight !== flight) return;
    flight.timer = null;
    this.#failed(flight, { kind: 'timeout', retryable: true, message: 'no confirmation from Finesse in time' });
  }

  #failed(flight: Flight, error: VoiceError): void {
    if (this.#flight !== flight) return;
    this.#endFlight(flight);
    const last = this.#last;
    const what = describeRequest(flight.intent.request, this.#o.handlingChat.label);
    const kind = classifyVoiceError(error);
    const forOffers = flight.intent.purpose === 'reserve' || flight.intent.purpose === 'answer-ready';
    if (kind === 'invalid-state') {
      if (last !== null) last.outcome = 'refused';
      const duringCall = this.#user !== null && CALL_STATES.has(this.#user.state);
      if (flight.intent.request.state === 'READY' && duringCall) {
        this.#pendingReadyRefused = true;
        this.#note('voice-refused', `Finesse refused ${what} during the call: Ready once the call ends; re-reading the state`);
      } else {
        this.#note('voice-refused', `Finesse refused ${what}: the agent's state changed; re-reading it`);
      }
      if (forOffers) this.#failOffers('refused');
      void this.#reread();
      return;
    }
    if (kind === 'retry' && flight.attempt < this.#o.backoff.maxAttempts) {
      if (last !== null) last.outcome = 'retry';
      const delay = voiceRetryDelay(flight.attempt, this.#o.backoff, this.#o.random);
      const cause = error.kind === 'timeout' ? 'no answer in time' : error.kind === 'unavailable' ? 'Finesse is unavailable' : error.kind;
      this.#note('voice-retry', `${what} not done (${cause}); trying again in ${Math.round(delay / 100) / 10} s`);
      this.#retryView = {
        request: flight.intent.request,
        purpose: flight.intent.purpose,
        reason: flight.intent.reason,
        attempt: flight.attempt,
        phase: 'retry-wait',
      };
      this.#retryTimer = this.#o.timers.setTimeout(() => {
        this.#retryTimer = null;
        this.#retryView = null;
        this.#derive();
      }, delay);
      // After a timeout the change may have happened with its notification lost: look before asking again.
      if (error.kind === 'timeout') void this.#reread();
      this.#emit();
      return;
    }
    if (last !== null) last.outcome = 'gave-up';
    this.#note('voice-failed', `Could not set voice ${what}: ${error.message ?? error.kind}`);
    if (forOffers) this.#failOffers(error.kind === 'unavailable' || error.kind === 'network' || error.kind === 'timeout' ? 'unavailable' : undefined);
    if (error.kind === 'timeout') void this.#reread();
    else this.#derive();
  }

  #endFlight(flight: Flight): void {
    if (flight.timer !== null) this.#o.timers.clearTimeout(flight.timer);
    flight.timer = null;
    this.#flight = null;
    this.#resolveIdle();
  }

  /** Offers waiting for voice to be reserved are declined, so the router offers them to someone else (rule 1). */
  #failOffers(failure?: NonNullable<OfferFact['failure']>): void {
    for (const [id, offer] of this.#offers) {
      if (offer.status === 'new') this.#offers.set(id, failure === undefined ? { status: 'reservation-failed' } : { status: 'reservation-failed', failure });
    }
  }

  async #reread(periodic = false): Promise<void> {
    if (this.#stopped) return;
    if (this.#rereading) {
      this.#rereadAgain = true;
      return;
    }
    const last = this.#last;
    // A slow retry: a request refused or given up with nothing changed since must not leave the agent stuck for good
    // (say, Not Ready with no chats). An answer to the agent's own READY is never repeated (rule 3: once).
    if (periodic && last !== null && (last.outcome === 'refused' || last.outcome === 'gave-up') && last.purpose !== 'answer-ready') {
      last.slowRetry = true;
    }
    this.#rereading = true;
    this.#cancelResync();
    this.#emit();
    const userSeq = this.#userSeq;
    const dialogSeq = this.#dialogSeq;
    let user: Awaited<ReturnType<FinesseFactsPort['readUser']>>;
    let dialogs: Awaited<ReturnType<FinesseFactsPort['readDialogs']>>;
    try {
      [user, dialogs] = await Promise.all([this.#o.facts.readUser(), this.#o.facts.readDialogs()]);
    } catch (e) {
      const error: VoiceError = { kind: 'network', retryable: true, message: String(e) };
      user = { ok: false, error };
      dialogs = { ok: false, error };
    }
    this.#rereading = false;
    if (this.#stopped) return;
    // A notification that arrived while reading is at least as new as the read: keep it.
    // Dialogs first: applying the user may confirm a request and derive at once, which must see both.
    if (dialogs.ok && this.#dialogSeq === dialogSeq) this.#dialogs = new Map(dialogs.value.map((d) => [d.id, d]));
    if (user.ok && this.#userSeq === userSeq) this.#applyUser(user.value, null, true);
    if (!user.ok || !dialogs.ok) {
      const error = !user.ok ? user.error : !dialogs.ok ? dialogs.error : null;
      this.#note('voice-failed', `Could not re-read the agent state from Finesse: ${error?.message ?? error?.kind ?? 'unknown'}`);
    }
    if (this.#rereadAgain) {
      this.#rereadAgain = false;
      void this.#reread();
      return;
    }
    this.#derive();
  }

  #scheduleResync(): void {
    if (this.#o.resyncIntervalMs <= 0 || this.#resyncTimer !== null || this.#stopped) return;
    if (this.#flight !== null || this.#retryTimer !== null || this.#rereading) return;
    this.#resyncTimer = this.#o.timers.setTimeout(() => {
      this.#resyncTimer = null;
      if (this.#owner && this.#degradedReason() === null) void this.#reread(true);
    }, this.#o.resyncIntervalMs);
  }

  #cancelResync(): void {
    if (this.#resyncTimer !== null) this.#o.timers.clearTimeout(this.#resyncTimer);
    this.#resyncTimer = null;
  }

  #clearTimers(): void {
    if (this.#flight?.timer != null) this.#o.timers.clearTimeout(this.#flight.timer);
    if (this.#retryTimer !== null) this.#o.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#cancelResync();
  }

  #resolveIdle(): void {
    if (this.#flight !== null) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const w of waiters) w();
  }

  #note(kind: DecisionKind, reason: string): void {
    this.#log.add(this.#o.timers.now(), kind, reason);
  }

  #emit(): void {
    if (this.#listeners.size === 0) return;
    const snapshot = this.snapshot();
    for (const listener of this.#listeners) listener(snapshot);
  }
}

/** True for a dialog's own address or a Dialogs collection (`/finesse/api/Dialog/{id}`, `/finesse/api/User/{id}/Dialogs`). */
function isDialogAddress(source: string): boolean {
  return /\/dialogs?(\/|$)/i.test(source);
}
