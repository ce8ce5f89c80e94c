// The one reconciler (rule 5): keeps the facts from notifications, re-reads and chat events, derives the desired
// state with the pure policy, and acts on it: publishes chat presence, decides offers, and makes at most one voice
// request at a time, waiting for Finesse to confirm it (or refuse it, or time out) before deriving a voice request
// again. It makes no new voice request unless the facts changed since the last one, except bounded retries.
//
// It composes named parts: who set the voice state (VoiceAttribution), the request in flight (VoiceRequestFlight),
// re-reading the facts (FactRereader) and the chat side (ChatWork); what is left here is the facts, the derivation
// and the decision log.

import type { Dialog, Update } from '../finesse/types.ts';
import type { Unsubscribe } from '../shared/unsubscribe.ts';
import type { Connectivity, Facts } from './facts.ts';
import type { BlendingSnapshot, ReconcilerStats } from './blending-snapshot.ts';
import { classifyDialogs } from './dialog-classifier.ts';
import { decide, type Decision } from './policy.ts';
import { withDefaults, type ReconcilerOptions, type ResolvedOptions } from './reconciler-options.ts';
import { DecisionLog, type DecisionKind } from './decision-log.ts';
import { holdCause } from './situation.ts';
import { sameCause, type HoldCause, type LogCause } from './causes.ts';
import { VoiceAttribution } from './voice-attribution.ts';
import { VoiceRequestFlight } from './voice-request-flight.ts';
import { FactRereader } from './fact-reread.ts';
import { ChatWork } from './chat-work.ts';

export type { BlendingSnapshot, ReconcilerStats, VoiceRequestView } from './blending-snapshot.ts';
export type { ReconcilerOptions } from './reconciler-options.ts';

/** The blending controller for one agent. Feed it facts; it acts through its ports. */
export class BlendingReconciler {
  readonly #o: ResolvedOptions;
  readonly #log: DecisionLog;
  readonly #listeners = new Set<(snapshot: BlendingSnapshot) => void>();
  readonly #voice: VoiceAttribution;
  readonly #flight: VoiceRequestFlight;
  readonly #reread: FactRereader;
  readonly #chat: ChatWork;

  #dialogs = new Map<string, Dialog>();
  #dialogSeq = 0;
  #chatIntent: Facts['chatIntent'] = 'available';
  #link: Connectivity = { finesseInService: true, notificationsUp: true, chatServerUp: true };
  #owner = false;
  #started = false;
  #stopped = false;
  #degradedShown: HoldCause | null = null;
  #deriving = false;
  #deriveAgain = false;
  #fingerprint = '';
  #version = 0;
  #factChanges = 0;
  #decision: Decision | null = null;

  constructor(options: ReconcilerOptions) {
    const o = withDefaults(options);
    this.#o = o;
    this.#log = new DecisionLog(o.logCapacity);
    const note = (kind: DecisionKind, cause: LogCause): void => this.#note(kind, cause);
    const derive = (): void => this.#derive();
    this.#voice = new VoiceAttribution({
      handlingChat: o.handlingChat,
      supervisorReasonCodes: o.supervisorReasonCodes,
      onOwnRequestId: (id) => this.#o.onRequestAccepted(id),
    });
    this.#chat = new ChatWork({ chat: o.chat, note, derive });
    this.#flight = new VoiceRequestFlight({
      voice: o.voice,
      timers: o.timers,
      random: o.random,
      backoff: o.backoff,
      confirmTimeoutMs: o.confirmTimeoutMs,
      handlingChatLabel: o.handlingChat.label,
      attribution: this.#voice,
      version: () => this.#version,
      factChanged: () => this.#factChanged(),
      rereading: () => this.#reread.reading,
      note,
      emit: () => this.#emit(),
      settled: () => {
        this.#deriveAgain = true;
        if (!this.#deriving) this.#derive();
      },
      derive,
      reread: () => void this.#reread.read(),
      failOffers: (failure) => this.#chat.failOffers(failure),
    });
    this.#reread = new FactRereader({
      facts: o.facts,
      timers: o.timers,
      resyncIntervalMs: o.resyncIntervalMs,
      stopped: () => this.#stopped,
      periodic: () => this.#flight.allowSlowRetry(),
      emit: () => this.#emit(),
      mark: () => ({ userSeq: this.#voice.seq, dialogSeq: this.#dialogSeq }),
      apply: (user, dialogs, mark) => {
        // A notification that arrived while reading is at least as new as the read: keep it.
        // Dialogs first: applying the user may confirm a request and derive at once, which must see both.
        if (dialogs.ok && this.#dialogSeq === mark.dialogSeq)
          this.#dialogs = new Map(dialogs.value.map((d) => [d.id, d]));
        if (user.ok && this.#voice.seq === mark.userSeq) this.#applyUser(user.value, null, true);
        if (!user.ok || !dialogs.ok) {
          const error = !user.ok ? user.error : !dialogs.ok ? dialogs.error : null;
          this.#note('voice-failed', { kind: 'reread-failed', detail: error?.message ?? error?.kind ?? 'unknown' });
        }
      },
      derive,
      voiceBusy: () => this.#flight.busy,
      mayResync: () => this.#owner && holdCause(this.#link) === null,
    });
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------

  /** Starts blending as the owner (or as an observer): reads User and Dialogs, then reconciles. */
  async start(owner = true): Promise<void> {
    this.#started = true;
    this.#owner = owner;
    await this.#reread.read();
  }

  /** Stops acting: cancels timers; later inputs only update what is shown. */
  stop(): void {
    this.#stopped = true;
    this.#reread.cancel();
    this.#flight.stop();
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
      case 'apiErrors':
        // A call operation's CTI error (source Dialog/{id}) never answers the gadget's state request.
        if (!isDialogAddress(update.source)) this.#flight.asyncError(update.requestId, data.errors);
        return;
      default:
        return;
    }
    this.#derive();
  }

  /** Connectivity changed (failover monitor, notification connection, chat connection). */
  setConnectivity(change: Partial<Connectivity>): void {
    const before = holdCause(this.#link);
    const chatWasUp = this.#link.chatServerUp;
    this.#link = { ...this.#link, ...change };
    const after = holdCause(this.#link);
    if (!chatWasUp && this.#link.chatServerUp) this.#chat.chatServerReconnected();
    if (before !== null && after === null) {
      this.#degradedShown = null;
      this.#note('recovered', { kind: 'finesse-back' });
      void this.#reread.read();
      return;
    }
    this.#derive();
  }

  /** This window gained or lost blending ownership (rule 8). */
  setOwner(owner: boolean): void {
    if (owner === this.#owner) return;
    this.#owner = owner;
    if (owner) {
      this.#note('ownership', { kind: 'owner-here' });
      if (this.#started) void this.#reread.read();
      return;
    }
    this.#note('ownership', { kind: 'owner-elsewhere' });
    this.#flight.cancelRetry();
    this.#derive();
  }

  /** Re-reads User and Dialogs and reconciles (after a node switch, or when notifications may have been missed). */
  resync(): void {
    if (this.#started) void this.#reread.read(true);
  }

  /** A requestId another window of this agent got for its own request: changes it made count as the gadget's. */
  adoptPeerRequestId(requestId: string): void {
    if (this.#voice.adoptPeerRequestId(requestId)) this.#derive();
  }

  /** Resolves when no voice request of this instance is in flight (the hand-over waits for it). */
  whenIdle(): Promise<void> {
    return this.#flight.whenIdle();
  }

  // ---- inputs: chat ------------------------------------------------------------------------------------------

  /** The router offers a chat. */
  offerArrived(offerId: string): void {
    if (this.#chat.offerArrived(offerId)) this.#derive();
  }

  /** The router took an offer back (expired, re-routed). */
  offerWithdrawn(offerId: string): void {
    if (this.#chat.offerWithdrawn(offerId)) this.#derive();
  }

  /** A chat is the agent's (rejoined after a reload, or accepted elsewhere). */
  chatStarted(chatId: string): void {
    if (this.#chat.chatStarted(chatId)) this.#derive();
  }

  /** A chat ended (either side) or was transferred away. */
  chatEnded(chatId: string): void {
    if (this.#chat.chatEnded(chatId)) this.#derive();
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
    return {
      owner: this.#owner,
      chat: decision.chat,
      chatRule: decision.chatRule,
      voice: facts.voice,
      offers: facts.offers,
      degraded: decision.degraded,
      voiceRequest: this.#flight.view(),
      log: this.#log.entries(),
    };
  }

  /** The current facts, as the policy sees them. */
  facts(): Facts {
    return this.#facts();
  }

  /** Request and fact-change counters. */
  stats(): ReconcilerStats {
    const { lastRequestVersion, ...counts } = this.#flight.stats();
    return { factChanges: this.#factChanges, ...counts, version: this.#version, lastRequestVersion };
  }

  // ---- facts -------------------------------------------------------------------------------------------------

  /** POST and PUT add or update the dialog; DELETE removes it (whatever state it is shown in). */
  #applyDialogEvent(event: Update['event'], dialog: Dialog): void {
    if (event === 'DELETE') this.#dialogs.delete(dialog.id);
    else this.#dialogs.set(dialog.id, dialog);
  }

  #applyUser(user: Parameters<VoiceAttribution['apply']>[0], requestId: string | null, reread: boolean): void {
    const applied = this.#voice.apply(user, requestId, reread, this.#flight.sketch());
    if (applied !== null) this.#flight.userApplied(requestId, applied.matchesFlight);
  }

  #facts(): Facts {
    return {
      voice: this.#voice.voiceFacts(),
      calls: classifyDialogs([...this.#dialogs.values()], this.#voice.user?.extension ?? null),
      activeChats: this.#chat.activeChats,
      offers: this.#chat.offers(),
      maxChats: this.#o.maxChats,
      handlingChat: this.#o.handlingChat,
      chatIntent: this.#chatIntent,
      connectivity: this.#link,
      owner: this.#owner && !this.#stopped,
      voiceBusy: this.#flight.busy || this.#reread.reading,
      pendingReadyRefused: this.#voice.pendingReadyRefused,
    };
  }

  #factChanged(): void {
    this.#version++;
    this.#factChanges++;
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
    this.#flight.dropStaleRetry(() => decide({ ...this.#facts(), voiceBusy: false }).voice);
    const facts = this.#facts();
    // Offer statuses and removals are the gadget's own doing; only arrivals are new facts from outside. Likewise
    // an accepted offer becoming an active chat leaves the load as it was: no new fact.
    const { voiceBusy: _busy, offers, activeChats, ...tracked } = facts;
    const load = activeChats + offers.filter((o) => o.status === 'accepting').length;
    const fingerprint = JSON.stringify({ ...tracked, load, offersArrived: this.#chat.offersArrived });
    if (fingerprint !== this.#fingerprint) {
      this.#fingerprint = fingerprint;
      this.#factChanged();
    }
    const decision = decide(facts);
    this.#decision = decision;
    if (!facts.owner || !this.#started) return;

    if (decision.degraded !== null && !sameCause(this.#degradedShown, decision.degraded)) {
      this.#degradedShown = decision.degraded;
      this.#note('hold-still', { kind: 'holding-still', hold: decision.degraded });
    }
    this.#chat.publish(decision.chat, facts);
    if (decision.handBack) this.#chat.handBack();
    let offersChanged = false;
    for (const offer of decision.offers) {
      if (offer.action === 'accept') {
        offersChanged = true;
        this.#chat.accept(offer.offerId, offer.cause);
      } else if (offer.action === 'decline') {
        offersChanged = true;
        this.#chat.decline(offer.offerId, offer.cause);
      }
    }
    if (offersChanged) {
      this.#deriveAgain = true; // the voice decision must see the new load
      return;
    }
    if (decision.voice !== null) this.#flight.maybeRequest(decision.voice);
    this.#reread.schedule();
  }

  #note(kind: DecisionKind, cause: LogCause): void {
    const entry = this.#log.add(this.#o.timers.now(), kind, cause);
    // The latest decision travels with the availability to the router, for the agent's supervisors (typed, no text).
    this.#o.chat.publishDecision?.(entry);
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
