// A model of Finesse, the chat router and two gadget windows, for the blending property tests.
// Finesse moves the agent with the transition table's own functions (applyStateRequest, endOfCallState,
// wrapUpExpiredState); notifications and REST answers travel through queues the test delivers, loses or
// duplicates; both windows run the real reconciler and the real ownership coordinator. Where Finesse deployments
// (or the simulator and the guide) differ, each run picks one way (WorldConfig): UCCE or UCCX, wrap-up, whether a
// pending NOT_READY shows its reason, whether a refusal comes as a 400 or as a later `<apiErrors>` notification.

import { applyStateRequest, endOfCallState, wrapUpExpiredState } from '../../../../sim/finesse/agent-state-table.ts';
import type { AgentState, ApiError, Update } from '../../../../src/core/finesse/types.ts';
import { BlendingReconciler } from '../../../../src/core/blending/reconciler.ts';
import { readSituation } from '../../../../src/core/blending/situation.ts';
import { decide } from '../../../../src/core/blending/policy.ts';
import type { ChatPort, FinesseFactsPort, VoiceError, VoiceStatePort } from '../../../../src/core/blending/ports.ts';
import { OwnershipCoordinator } from '../../../../src/core/session/ownership-coordinator.ts';
import { err, ok } from '../../../../src/core/result.ts';
import { dialog, HANDLING_CHAT, user } from './builders.ts';
import { flush, VirtualTimers } from './fakes.ts';
import { FakeBroadcastBus, FakeLockManager } from './ownership-fakes.ts';

export const MAX_CHATS = 3;
/** How long the REST client waits for an answer before reporting a timeout. */
const REST_TIMEOUT_MS = 15_000;
const HC = HANDLING_CHAT.id;
const LUNCH = '3';
const SUPERVISOR = '999';
const DEVICE_FAILURE = '50002';

/** An `<ApiError>` as a notification carries it. */
const apiError = (errorType: string): ApiError => ({
  errorType,
  errorMessage: '',
  errorData: null,
  peripheralErrorCode: null,
  peripheralErrorMsg: null,
  peripheralErrorText: null,
});

type Setter = 'gadget' | 'agent' | 'system' | 'call';

export type Action =
  | { readonly t: 'deliver'; readonly which: 'notification' | 'response'; readonly count: number }
  | { readonly t: 'acdCall' }
  | { readonly t: 'answer' }
  | { readonly t: 'ringNoAnswer' }
  | { readonly t: 'hold' }
  | { readonly t: 'retrieve' }
  | { readonly t: 'drop' }
  | { readonly t: 'wrapUpEnds' }
  | { readonly t: 'internalCall'; readonly callType: 'TRANSFER' | 'CONSULT' | 'CONFERENCE' | 'OTHER_IN' | 'OUT' }
  | { readonly t: 'internalDrop' }
  | { readonly t: 'chatOffer' }
  | { readonly t: 'chatEnd'; readonly pick: number }
  | { readonly t: 'offerExpires' }
  | { readonly t: 'agent'; readonly to: 'READY' | 'LUNCH' | 'HANDLING_CHAT' | 'LOGOUT' | 'LOGIN' }
  | { readonly t: 'supervisorNotReady' }
  | { readonly t: 'systemNotReady' }
  | { readonly t: 'failNext'; readonly kind: 'invalid' | '503' | 'timeout' }
  | { readonly t: 'loseNext' }
  | { readonly t: 'duplicateNext' }
  | { readonly t: 'node'; readonly node: 'primary' | 'secondary'; readonly up: boolean }
  | { readonly t: 'notifications'; readonly up: boolean }
  | { readonly t: 'takeOver' }
  | { readonly t: 'advance'; readonly ms: number };

export interface WorldConfig {
  readonly deployment: 'UCCE' | 'UCCX';
  readonly wrapUp: boolean;
  /**
   * How the User shows a pending NOT_READY's reason: 'shown' with it, or 'hidden' with only the current state's
   * reason (none during a call or wrap-up), as the simulator sends it.
   */
  readonly pendingReason: 'shown' | 'hidden';
  /**
   * How Finesse refuses a state request that does not fit the agent's state: 'sync', 400 Invalid State; or 'async',
   * 202 and then an `<apiErrors>` notification (CF_INVALID_AGENT_WORKMODE for Unified CCX during a call), as the
   * simulator does. The notification travels like any other: late, lost or twice.
   */
  readonly refusal: 'sync' | 'async';
}

interface Window {
  readonly name: string;
  readonly reconciler: BlendingReconciler;
  readonly coordinator: OwnershipCoordinator;
  /** The truth version this window has seen (through notifications or re-reads). */
  seen: number;
  /** A notification was lost since this window last re-read: its view may be stale. */
  missed: boolean;
  inbox: { update: Update; version: number }[];
  /** New facts that reached this window: new notifications or re-reads, chat, connectivity and ownership events. */
  inputs: number;
  /** `inputs` when the window last made a first-attempt request, and its slow-retry count then. */
  inputsAtRequest: number;
  slowRetriesAtRequest: number;
  lastDelivered: number;
  responses: (() => void)[];
}

/** An invariant broken: the message names it. */
export class InvariantViolation extends Error {}

export class FinesseWorld {
  readonly timers = new VirtualTimers();
  readonly config: WorldConfig;
  // Finesse's truth about the agent.
  state: AgentState = 'READY';
  pendingState: AgentState | null = null;
  reasonCodeId: string | null = null;
  setBy: Setter = 'agent';
  pendingSetBy: Setter = 'agent';
  beforeCall: { state: 'READY' | 'NOT_READY'; reasonCodeId: string | null; setBy: Setter } | null = null;
  acd: { id: string; state: 'ALERTING' | 'ACTIVE' | 'HELD' } | null = null;
  internal: { id: string; callType: string } | null = null;
  version = 0;
  primaryUp = true;
  secondaryUp = true;
  notificationsUp = true;
  // The chat router.
  offers = new Set<string>();
  chats = new Set<string>();
  // Fault injection.
  failures: ('invalid' | '503' | 'timeout')[] = [];
  loseNext = false;
  duplicateNext = false;
  // Bookkeeping.
  readonly windows: Window[] = [];
  steps = 0;
  /** What the interleaving exercised: voice requests by purpose, chats accepted, calls, faults. */
  readonly coverage: Record<string, number> = {};
  /** Broken invariants seen inside a port call (a throw there would be taken for a network error). */
  readonly violations: string[] = [];
  #seq = 0;
  #requestSeq = 0;

  constructor(config: WorldConfig) {
    this.config = config;
  }

  get inService(): boolean {
    return this.primaryUp || this.secondaryUp;
  }

  /** Starts both windows: the first owns blending, the second observes. */
  async start(): Promise<void> {
    const locks = new FakeLockManager();
    const bus = new FakeBroadcastBus();
    for (const name of ['A', 'B']) {
      const w = {} as Window;
      let announce: (id: string) => void = () => undefined;
      const reconciler = new BlendingReconciler({
        onRequestAccepted: (id) => announce(id),
        voice: this.#voicePort(w),
        facts: this.#factsPort(w),
        chat: this.#chatPort(w),
        timers: this.timers,
        random: () => 0.5,
        handlingChat: HANDLING_CHAT,
        maxChats: MAX_CHATS,
      });
      const coordinator = new OwnershipCoordinator({
        instanceId: name,
        lock: locks.port(),
        channel: bus.channel(),
        timers: this.timers,
        onBecomeOwner: () => reconciler.setOwner(true),
        onLoseOwnership: async () => {
          reconciler.setOwner(false);
          await reconciler.whenIdle();
        },
      });
      announce = (id) => coordinator.announceRequestId(id);
      coordinator.onPeerRequestId((id) => reconciler.adoptPeerRequestId(id));
      Object.assign(w, {
        name,
        reconciler,
        coordinator,
        seen: 0,
        missed: false,
        inbox: [],
        responses: [],
        inputs: 0,
        inputsAtRequest: -1,
        slowRetriesAtRequest: 0,
        lastDelivered: -1,
      });
      this.windows.push(w);
      const status = await coordinator.start();
      await reconciler.start(status.role === 'owner');
      await flush();
    }
  }

  /** The window that owns blending now (null during a hand-over). */
  owner(): Window | null {
    return this.windows.find((w) => w.coordinator.status().role === 'owner' && w.reconciler.snapshot().owner) ?? null;
  }

  // ---- Finesse truth ---------------------------------------------------------------------------------------

  /** When the state last changed (Finesse's stateChangeTime; a pending-state change leaves it). */
  #stateChangedAt = 0;
  #lastState: AgentState = 'READY';

  #user() {
    const reasonShown = this.config.pendingReason === 'shown' || this.state === 'NOT_READY' ? this.reasonCodeId : null;
    return {
      ...user(this.state, reasonShown, this.pendingState),
      stateChangeTime: new Date(Date.UTC(2026, 0, 1) + this.#stateChangedAt * 1000).toISOString(),
    };
  }

  #changed(requestId: string | null): void {
    this.version++;
    if (this.pendingState === 'NOT_READY' && this.reasonCodeId === HC && this.config.pendingReason === 'hidden')
      this.#count('pending Handling Chat shown without its reason');
    if (this.state !== this.#lastState || this.pendingState === null) this.#stateChangedAt = this.version;
    this.#lastState = this.state;
    this.#notify({
      event: 'PUT',
      requestId,
      source: '/finesse/api/User/1001001',
      data: { kind: 'user', user: this.#user() },
    });
  }

  /**
   * A dialog notification as Finesse sends it on the Dialogs node: a new dialog is POSTed alone inside `<dialogs>`
   * with the collection as source, a change is PUT as one `<Dialog>` from `/finesse/api/Dialog/{id}`, and the
   * dialog that went away is DELETEd inside `<dialogs>` with the collection as source.
   */
  #dialogChanged(id: string, callType: string, state: 'ALERTING' | 'ACTIVE' | 'HELD' | null, isNew = false): void {
    this.version++;
    const d = dialog(id, callType, state ?? 'DROPPED');
    const collection = '/finesse/api/User/1001001/Dialogs';
    if (state === null)
      this.#notify({ event: 'DELETE', requestId: null, source: collection, data: { kind: 'dialogs', dialogs: [d] } });
    else if (isNew)
      this.#notify({ event: 'POST', requestId: null, source: collection, data: { kind: 'dialogs', dialogs: [d] } });
    else
      this.#notify({
        event: 'PUT',
        requestId: null,
        source: `/finesse/api/Dialog/${id}`,
        data: { kind: 'dialog', dialog: d },
      });
  }

  #notify(update: Update): void {
    const lost = this.loseNext || !this.inService || !this.notificationsUp;
    this.loseNext = false;
    if (lost) {
      for (const w of this.windows) w.missed = true;
      return;
    }
    const copies = this.duplicateNext ? 2 : 1;
    this.duplicateNext = false;
    for (const w of this.windows) for (let i = 0; i < copies; i++) w.inbox.push({ update, version: this.version });
  }

  #dialogs() {
    const out = [];
    if (this.acd) out.push(dialog(this.acd.id, 'ACD_IN', this.acd.state));
    if (this.internal) out.push(dialog(this.internal.id, this.internal.callType, 'ACTIVE'));
    return out;
  }

  /** A routed call is on the agent (reserved, talking, held, or wrapping up). */
  acdBusy(): boolean {
    return this.acd !== null || ['RESERVED', 'WORK', 'WORK_READY'].includes(this.state);
  }

  #apply(requested: AgentState, reasonCodeId: string | null, actor: 'agent' | 'supervisor', setter: Setter): boolean {
    const r = applyStateRequest({ state: this.state, pendingState: this.pendingState }, requested, {
      wrapUpEnabled: this.config.wrapUp,
      deployment: this.config.deployment,
      actor,
    });
    if (!r.ok) return false;
    if (r.value.pendingState !== null && r.value.state === this.state) {
      this.pendingState = r.value.pendingState;
      this.pendingSetBy = setter;
      if (r.value.pendingState === 'NOT_READY') this.reasonCodeId = reasonCodeId;
    } else {
      const same =
        r.value.state === this.state &&
        this.pendingState === null &&
        (this.state !== 'NOT_READY' || this.reasonCodeId === reasonCodeId);
      this.state = r.value.state;
      this.pendingState = null;
      this.reasonCodeId = this.state === 'NOT_READY' ? reasonCodeId : null;
      // The gadget asking for what is already there changes nothing, not even who chose it; an agent who picks
      // the same state again has made it their own choice. Handling Chat is the gadget's reason whoever picks it.
      if (!same || setter !== 'gadget')
        this.setBy = this.state === 'NOT_READY' && reasonCodeId === HC ? 'gadget' : setter;
    }
    return true;
  }

  #endCall(wrapUp: boolean): void {
    const before = this.beforeCall ?? { state: 'READY' as const, reasonCodeId: null, setBy: 'call' as Setter };
    const pendingReason = this.pendingState === 'NOT_READY' ? this.reasonCodeId : null;
    const end = endOfCallState(
      { state: this.state, pendingState: this.pendingState },
      { stateBeforeCall: before.state, wrapUpEnabled: wrapUp, deployment: this.config.deployment },
    );
    const headingNotReady =
      this.pendingState !== null ? this.pendingState === 'NOT_READY' : before.state === 'NOT_READY';
    const reason = this.pendingState !== null ? pendingReason : before.reasonCodeId;
    const setter = this.pendingState !== null ? this.pendingSetBy : before.setBy;
    this.state = end.state;
    this.pendingState = null;
    this.reasonCodeId = end.state === 'NOT_READY' || (end.state === 'WORK' && headingNotReady) ? reason : null;
    this.setBy = end.state === 'NOT_READY' || end.state === 'WORK' ? (headingNotReady ? setter : 'system') : 'call';
    this.beforeCall = null;
  }

  // ---- ports the windows use -------------------------------------------------------------------------------

  #voicePort(w: Window): VoiceStatePort {
    return {
      requestState: (request) => {
        this.#checkRequest(w, request);
        this.#count(`request:${w.reconciler.snapshot().voiceRequest?.purpose ?? 'unknown'}`);
        const injected = this.failures.shift();
        const answer = (
          value: ReturnType<typeof ok<{ accepted: true; requestId: string }>> | ReturnType<typeof err<VoiceError>>,
        ) =>
          new Promise<typeof value>((resolve) => {
            let settled = false;
            const settle = (v: typeof value): void => {
              if (settled) return;
              settled = true;
              resolve(v);
            };
            w.responses.push(() => settle(value));
            // The REST client gives up on an answer that does not come (its own timeout).
            this.timers.setTimeout(() => settle(err({ kind: 'timeout', retryable: true })), REST_TIMEOUT_MS);
          });
        if (injected === 'invalid')
          return answer(
            err({ kind: 'api', retryable: false, status: 400, apiErrors: [{ errorType: 'Invalid State' }] }),
          );
        if (injected === '503' || !this.inService)
          return answer(err({ kind: 'unavailable', retryable: true, status: 503 }));
        const requestId = `gadget-${++this.#requestSeq}`;
        const inCall = ['RESERVED', 'RESERVED_OUTBOUND_PREVIEW', 'TALKING', 'HOLD'].includes(this.state);
        if (!this.#apply(request.state, request.reasonCodeId, 'agent', 'gadget')) {
          if (request.state === 'READY' && inCall) this.#count('pending READY refused');
          if (this.config.refusal === 'sync') {
            return answer(
              err({ kind: 'api', retryable: false, status: 400, apiErrors: [{ errorType: 'Invalid State' }] }),
            );
          }
          this.#count('refused asynchronously');
          const errorType =
            this.config.deployment === 'UCCX' && inCall ? 'CF_INVALID_AGENT_WORKMODE' : 'CF_INVALID_OBJECT_STATE';
          this.#notify({
            event: 'PUT',
            requestId,
            source: '/finesse/api/User/1001001',
            data: { kind: 'apiErrors', errors: [apiError(errorType)] },
          });
          return answer(ok({ accepted: true as const, requestId }));
        }
        this.#changed(requestId);
        if (injected === 'timeout') return answer(err({ kind: 'timeout', retryable: true }));
        return answer(ok({ accepted: true as const, requestId }));
      },
    };
  }

  #factsPort(w: Window): FinesseFactsPort {
    const down: VoiceError = { kind: 'unavailable', retryable: true, status: 503 };
    return {
      readUser: async () => {
        if (!this.inService) return err(down);
        // The re-read brings news only if Finesse changed since, or a notification had been lost.
        if (this.version > w.seen || w.missed) w.inputs++;
        w.seen = this.version;
        return ok(this.#user());
      },
      readDialogs: async () => {
        if (!this.inService) return err(down);
        w.missed = false;
        return ok(this.#dialogs());
      },
    };
  }

  #chatPort(w: Window): ChatPort {
    return {
      publishAvailability: () => undefined,
      acceptOffer: async (offerId) => {
        try {
          this.#checkAccept(w);
        } catch (e) {
          this.violations.push(String(e instanceof Error ? e.message : e));
        }
        if (!this.offers.delete(offerId)) {
          w.inputs++; // news to the window: the offer is gone
          return err({ kind: 'expired', message: 'the offer expired' });
        }
        this.chats.add(offerId);
        for (const x of this.windows) if (x !== w) x.inputs++;
        this.#count(this.internal !== null ? 'accepted during an internal call' : 'accepted');
        for (const other of this.windows) if (other !== w) other.reconciler.chatStarted(offerId);
        return ok(undefined);
      },
      declineOffer: async (offerId) => {
        this.offers.delete(offerId);
        for (const x of this.windows) if (x !== w) x.inputs++;
        for (const other of this.windows) if (other !== w) other.reconciler.offerWithdrawn(offerId);
        return ok(undefined);
      },
      handBackChats: async () => {
        for (const x of this.windows) x.inputs++;
        const gone = [...this.chats];
        this.chats.clear();
        for (const other of this.windows) if (other !== w) for (const id of gone) other.reconciler.chatEnded(id);
        return ok(undefined);
      },
    };
  }

  // ---- invariants checked at the moment the gadget acts ------------------------------------------------------

  #checkRequest(w: Window, request: { state: string; reasonCodeId: string | null }): void {
    try {
      this.#checkRequestNow(w, request);
    } catch (e) {
      this.violations.push(String(e instanceof Error ? e.message : e));
    }
  }

  #checkRequestNow(w: Window, request: { state: string; reasonCodeId: string | null }): void {
    const facts = w.reconciler.facts();
    if (!facts.connectivity.finesseInService || !facts.connectivity.notificationsUp) {
      throw new InvariantViolation(`I7: window ${w.name} asked for ${request.state} while degraded`);
    }
    for (const other of this.windows) {
      const phase = other.reconciler.snapshot().voiceRequest?.phase;
      if (other !== w && (phase === 'sending' || phase === 'awaiting-confirmation')) {
        throw new InvariantViolation(`I6: window ${w.name} asked while window ${other.name} had a request in flight`);
      }
    }
    // I6, requests <= fact changes: a first attempt needs something new to have reached the window since the
    // last one (retries after 503/timeout are bounded separately; a periodic re-read allows one slow retry).
    const attempt = w.reconciler.snapshot().voiceRequest?.attempt ?? 1;
    const slow = w.reconciler.stats().slowRetries;
    if (attempt === 1) {
      if (w.inputs === w.inputsAtRequest && slow === w.slowRetriesAtRequest) {
        throw new InvariantViolation(
          `I6: window ${w.name} asked for ${request.state} again with no new fact since its last request`,
        );
      }
      w.inputsAtRequest = w.inputs;
      w.slowRetriesAtRequest = slow;
    } else if (attempt > 4) {
      throw new InvariantViolation(`I6: window ${w.name} retried beyond the bound (attempt ${attempt})`);
    }
    const current = w.seen === this.version && !w.missed;
    if (!current) return; // a race with a change still on its way: the gadget could not know
    const othersNotReady = this.state === 'NOT_READY' && this.reasonCodeId !== HC;
    const othersPending =
      this.pendingState === 'LOGOUT' || (this.pendingState === 'NOT_READY' && this.reasonCodeId !== HC);
    if (othersNotReady || othersPending || this.state === 'LOGOUT') {
      throw new InvariantViolation(
        `I5: window ${w.name} asked for ${request.state} over ${this.state}/${this.pendingState ?? '-'} reason ${this.reasonCodeId ?? '-'} set by ${this.setBy}`,
      );
    }
    if (
      request.state === 'READY' &&
      facts.activeChats + facts.offers.filter((o) => o.status === 'accepting').length > 0
    ) {
      throw new InvariantViolation(`I2: window ${w.name} asked for READY with chats active`);
    }
  }

  #checkAccept(w: Window): void {
    const facts = w.reconciler.facts();
    const s = readSituation(facts);
    if (s.acd !== null)
      throw new InvariantViolation(`I3: window ${w.name} accepted a chat while it knew of an ACD call`);
    if (s.internalCall !== null && facts.activeChats === 0)
      throw new InvariantViolation(`I3: window ${w.name} accepted a first chat during an internal call`);
    if (this.acdBusy() && w.seen === this.version && !w.missed)
      throw new InvariantViolation(`I3: window ${w.name} accepted a chat while an ACD call is on`);
    if (facts.activeChats >= MAX_CHATS)
      throw new InvariantViolation(`I4: window ${w.name} accepted beyond ${MAX_CHATS}`);
  }

  // ---- actions ----------------------------------------------------------------------------------------------

  #count(key: string): void {
    this.coverage[key] = (this.coverage[key] ?? 0) + 1;
  }

  /** Performs one action of the interleaving. */
  async act(a: Action): Promise<void> {
    this.steps++;
    // Chat, connectivity and ownership events reach every window (deliveries count as they happen).
    if (['chatOffer', 'chatEnd', 'offerExpires', 'node', 'notifications', 'takeOver'].includes(a.t))
      for (const w of this.windows) w.inputs++;
    if (a.t !== 'deliver' && a.t !== 'advance') this.#count(a.t);
    if (this.chats.size > 0 && this.acdBusy()) this.#count('ACD call while chats active');
    switch (a.t) {
      case 'deliver':
        for (let i = 0; i < a.count; i++) this.#deliverOne(a.which);
        break;
      case 'acdCall':
        if (this.state === 'READY' && this.acd === null && this.internal === null) {
          this.beforeCall = { state: 'READY', reasonCodeId: null, setBy: this.setBy };
          this.state = 'RESERVED';
          this.setBy = 'call';
          this.acd = { id: `acd-${++this.#seq}`, state: 'ALERTING' };
          this.#changed(null);
          this.#dialogChanged(this.acd.id, 'ACD_IN', 'ALERTING', true);
        }
        break;
      case 'answer':
        if (this.state === 'RESERVED' && this.acd) {
          this.state = 'TALKING';
          this.acd.state = 'ACTIVE';
          this.#changed(null);
          this.#dialogChanged(this.acd.id, 'ACD_IN', 'ACTIVE');
        }
        break;
      case 'ringNoAnswer':
        if (this.state === 'RESERVED' && this.acd) {
          const id = this.acd.id;
          this.acd = null;
          this.#endCall(false);
          this.#changed(null);
          this.#dialogChanged(id, 'ACD_IN', null);
        }
        break;
      case 'hold':
      case 'retrieve': {
        const from = a.t === 'hold' ? 'TALKING' : 'HOLD';
        if (this.state === from && this.acd) {
          this.state = a.t === 'hold' ? 'HOLD' : 'TALKING';
          this.acd.state = a.t === 'hold' ? 'HELD' : 'ACTIVE';
          this.#changed(null);
          this.#dialogChanged(this.acd.id, 'ACD_IN', this.acd.state);
        }
        break;
      }
      case 'drop':
        if ((this.state === 'TALKING' || this.state === 'HOLD') && this.acd) {
          const id = this.acd.id;
          this.acd = null;
          this.#endCall(this.config.wrapUp);
          this.#changed(null);
          this.#dialogChanged(id, 'ACD_IN', null);
        }
        break;
      case 'wrapUpEnds':
        if (this.state === 'WORK' || this.state === 'WORK_READY') {
          const next = wrapUpExpiredState(this.state);
          this.state = next;
          if (next !== 'NOT_READY') this.reasonCodeId = null;
          this.#changed(null);
        }
        break;
      case 'internalCall':
        if (this.acd === null && this.internal === null && (this.state === 'READY' || this.state === 'NOT_READY')) {
          this.internal = { id: `int-${++this.#seq}`, callType: a.callType };
          if (this.config.deployment === 'UCCE') {
            this.beforeCall = { state: this.state, reasonCodeId: this.reasonCodeId, setBy: this.setBy };
            this.state = 'TALKING';
            this.#changed(null);
          }
          this.#dialogChanged(this.internal.id, a.callType, 'ACTIVE', true);
        }
        break;
      case 'internalDrop':
        if (this.internal) {
          const { id, callType } = this.internal;
          this.internal = null;
          if (this.config.deployment === 'UCCE' && (this.state === 'TALKING' || this.state === 'HOLD')) {
            this.#endCall(false);
            this.#changed(null);
          }
          this.#dialogChanged(id, callType, null);
        }
        break;
      case 'chatOffer': {
        const id = `chat-${++this.#seq}`;
        this.offers.add(id);
        // Observers first: the owner may decide at once, and a decided offer is withdrawn from the others.
        const ordered = [...this.windows].sort((a, b) => Number(a === this.owner()) - Number(b === this.owner()));
        for (const w of ordered) w.reconciler.offerArrived(id);
        break;
      }
      case 'chatEnd': {
        const list = [...this.chats];
        const id = list[a.pick % Math.max(1, list.length)];
        if (id !== undefined) {
          this.chats.delete(id);
          for (const w of this.windows) w.reconciler.chatEnded(id);
        }
        break;
      }
      case 'offerExpires': {
        const id = [...this.offers][0];
        if (id !== undefined) {
          this.offers.delete(id);
          for (const w of this.windows) w.reconciler.offerWithdrawn(id);
        }
        break;
      }
      case 'agent': {
        const requestId = `desktop-${++this.#requestSeq}`;
        let done = false;
        if (a.to === 'READY') done = this.#apply('READY', null, 'agent', 'agent');
        else if (a.to === 'LUNCH') done = this.#apply('NOT_READY', LUNCH, 'agent', 'agent');
        else if (a.to === 'HANDLING_CHAT') done = this.#apply('NOT_READY', HC, 'agent', 'agent');
        else if (a.to === 'LOGOUT') done = this.#apply('LOGOUT', null, 'agent', 'agent');
        else done = this.#apply('LOGIN', null, 'agent', 'agent');
        if (done) this.#changed(requestId);
        break;
      }
      case 'supervisorNotReady':
        if (this.#apply('NOT_READY', SUPERVISOR, 'supervisor', 'system'))
          this.#changed(`supervisor-${++this.#requestSeq}`);
        break;
      case 'systemNotReady':
        if (this.state === 'READY' || this.state === 'NOT_READY') {
          this.state = 'NOT_READY';
          this.reasonCodeId = DEVICE_FAILURE;
          this.setBy = 'system';
          this.#changed(null);
        }
        break;
      case 'failNext':
        this.failures.push(a.kind);
        break;
      case 'loseNext':
        this.loseNext = true;
        break;
      case 'duplicateNext':
        this.duplicateNext = true;
        break;
      case 'node': {
        const wasInService = this.inService;
        const wasActive = this.primaryUp ? 'primary' : this.secondaryUp ? 'secondary' : null;
        if (a.node === 'primary') this.primaryUp = a.up;
        else this.secondaryUp = a.up;
        const active = this.primaryUp ? 'primary' : this.secondaryUp ? 'secondary' : null;
        if (wasInService !== this.inService)
          for (const w of this.windows) w.reconciler.setConnectivity({ finesseInService: this.inService });
        else if (active !== wasActive && active !== null) for (const w of this.windows) w.reconciler.resync(); // the boot code re-reads after a switch
        break;
      }
      case 'notifications':
        if (this.notificationsUp !== a.up) {
          this.notificationsUp = a.up;
          for (const w of this.windows) w.reconciler.setConnectivity({ notificationsUp: a.up });
        }
        break;
      case 'takeOver': {
        const observer = this.windows.find((w) => w.coordinator.status().role !== 'owner');
        if (observer) void observer.coordinator.takeOver({ confirmed: true });
        break;
      }
      case 'advance':
        this.#advance(a.ms);
        break;
    }
    await flush();
    this.checkAlways();
  }

  #deliverOne(which: 'notification' | 'response'): void {
    for (const w of this.windows) {
      if (which === 'response') {
        w.responses.shift()?.();
      } else {
        const next = w.inbox.shift();
        if (next) {
          // A duplicate is no new fact; an old one delivered late is news to the window (it cannot tell it is old).
          if (next.version !== w.lastDelivered) w.inputs++;
          w.lastDelivered = next.version;
          // Older than what a re-read already showed: the window now holds stale facts it cannot recognise as
          // stale (Finesse notifications carry no sequence), until its next re-read.
          if (next.version < w.seen) w.missed = true;
          w.seen = Math.max(w.seen, next.version);
          w.reconciler.handleUpdate(next.update);
        }
      }
    }
  }

  #advance(ms: number): void {
    const end = this.timers.now() + ms;
    for (;;) {
      const due = this.timers.nextDue();
      if (due === null || due > end) break;
      this.timers.runNext();
    }
    this.timers.advance(Math.max(0, end - this.timers.now()));
  }

  // ---- invariants checked after every step and at quiescence ---------------------------------------------

  /** I4, I6 (the request bound) and I3's "chat INTERRUPTED during an ACD call", whenever the owner is up to date. */
  checkAlways(): void {
    if (this.violations.length > 0) throw new InvariantViolation(this.violations.join('; '));
    if (this.chats.size > MAX_CHATS) throw new InvariantViolation(`I4: ${this.chats.size} chats, max ${MAX_CHATS}`);
    for (const w of this.windows) {
      const st = w.reconciler.stats();
      if (st.requests > st.factChanges + st.slowRetries) {
        throw new InvariantViolation(
          `I6: window ${w.name} made ${st.requests} requests for ${st.factChanges} fact changes (+${st.slowRetries} slow retries)`,
        );
      }
    }
    const o = this.owner();
    if (o === null || o.seen !== this.version || o.missed || o.inbox.length > 0) return;
    const snap = o.reconciler.snapshot();
    if (this.acdBusy() && snap.chat.availability !== 'INTERRUPTED' && snap.chat.availability !== 'OFFLINE') {
      throw new InvariantViolation(`I3: chat is ${snap.chat.availability} during an ACD call (${this.state})`);
    }
    if (
      this.internal !== null &&
      this.chats.size === 0 &&
      o.reconciler.facts().offers.every((x) => x.status !== 'accepting')
    ) {
      if (!['INTERRUPTED', 'OFFLINE'].includes(snap.chat.availability))
        throw new InvariantViolation(`I3: chat is ${snap.chat.availability} during an internal call with no chats`);
    }
    this.#checkReadyWindow(o);
  }

  /** I2: READY (or pending READY) with chats active only while the gadget's one answer is still due or was refused. */
  #checkReadyWindow(o: Window): void {
    const readyish = this.state === 'READY' || this.pendingState === 'READY' || this.state === 'WORK_READY';
    if (!readyish || this.chats.size === 0 || !this.inService || !this.notificationsUp) return;
    const snap = o.reconciler.snapshot();
    if (snap.voiceRequest !== null) return; // the answer is on its way
    const facts = o.reconciler.facts();
    if (facts.voiceBusy) return;
    const wanted = decide({ ...facts, voiceBusy: false }).voice;
    if (wanted === null) {
      // Held by the agent's own pending choice (a pending Not Ready of theirs, or sign-out) is fine; READY is not.
      if (this.state === 'READY' || this.pendingState === 'READY' || this.state === 'WORK_READY') {
        throw new InvariantViolation(
          `I2: voice ${this.state}/${this.pendingState ?? '-'} with ${this.chats.size} chats and the gadget wants nothing`,
        );
      }
      return;
    }
    const st = o.reconciler.stats();
    if (st.lastRequestVersion !== st.version) {
      throw new InvariantViolation(
        `I2: voice ${this.state} with ${this.chats.size} chats and no answer made for the current facts`,
      );
    }
  }

  /** Brings everything to rest: faults cleared, every message delivered, timers run, a periodic re-read done. */
  async quiesce(): Promise<void> {
    this.failures = [];
    this.loseNext = false;
    this.duplicateNext = false;
    if (!this.primaryUp) await this.act({ t: 'node', node: 'primary', up: true });
    if (!this.notificationsUp) await this.act({ t: 'notifications', up: true });
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 200; i++) {
        const queued = this.windows.some((w) => w.inbox.length > 0 || w.responses.length > 0);
        if (queued) {
          this.#deliverOne('response');
          this.#deliverOne('notification');
          await flush();
          this.checkAlways();
          continue;
        }
        const busy = this.windows.some((w) => w.reconciler.facts().voiceBusy) || this.owner() === null;
        if (!busy) return;
        if (!this.timers.runNext()) return;
        await flush();
        this.checkAlways();
      }
    };
    await settle();
    // Past the periodic re-read, so a lost notification is found, then settle again.
    for (let i = 0; i < 3; i++) {
      this.#advance(125_000);
      await flush();
      await settle();
    }
    this.checkQuiescent();
  }

  /** I1 and I2 at rest. */
  checkQuiescent(): void {
    const o = this.owner();
    if (o === null) throw new InvariantViolation('no window owns blending at rest');
    if (this.offers.size > 0) {
      const pending = o.reconciler.facts().offers;
      if (pending.length > 0)
        throw new InvariantViolation(
          `offers left undecided at rest: ${pending.map((p) => `${p.id}:${p.status}`).join(', ')}`,
        );
    }
    const gadgetHolds = this.state === 'NOT_READY' && this.reasonCodeId === HC && this.setBy === 'gadget';
    if (this.chats.size === 0 && gadgetHolds && this.acd === null) {
      throw new InvariantViolation('I1: no chats, voice still Not Ready (Handling Chat) set by the gadget');
    }
    if (this.chats.size > 0 && (this.state === 'READY' || this.pendingState === 'READY')) {
      const st = o.reconciler.stats();
      if (st.lastRequestVersion !== st.version)
        throw new InvariantViolation(`I2: at rest voice is READY with ${this.chats.size} chats and no answer`);
    }
  }
}
