// The one voice request in flight (rule 5): sends it, waits for the notification confirming it (or Finesse's refusal,
// or the confirmation timeout), retries with backoff on 503s and timeouts, and remembers the last request so the
// same one is not asked again unless the facts changed (rule 3 "once", rule 5's bound).

import type { RandomSource, TimerHandle, Timers } from '../shared/timers.ts';
import type { OfferFact } from './facts.ts';
import type { VoiceError, VoiceStatePort, VoiceStateRequest } from './ports.ts';
import type { VoiceIntent, VoicePurpose } from './policy.ts';
import type { DecisionKind } from './decision-log.ts';
import type { VoiceAttribution } from './voice-attribution.ts';
import { voiceRetryDelay, type BackoffOptions } from './backoff.ts';
import { classifyVoiceError } from './voice-error.ts';
import type { LogCause, RequestName, VoiceCause } from './causes.ts';

/** The voice request on its way, for display. */
export interface VoiceRequestView {
  readonly request: VoiceStateRequest;
  readonly purpose: VoicePurpose;
  readonly cause: VoiceCause;
  readonly attempt: number;
  readonly phase: 'sending' | 'awaiting-confirmation' | 'retry-wait';
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

/** What the request in flight needs from the reconciler that holds it. */
export interface FlightHost {
  readonly voice: VoiceStatePort;
  readonly timers: Timers;
  readonly random: RandomSource;
  readonly backoff: BackoffOptions;
  readonly confirmTimeoutMs: number;
  readonly handlingChatLabel: string;
  readonly attribution: VoiceAttribution;
  /** The current fact version. */
  version(): number;
  /** Counts a fact change of the reconciler's own making. */
  factChanged(): void;
  /** A re-read of User and Dialogs is on its way. */
  rereading(): boolean;
  note(kind: DecisionKind, cause: LogCause): void;
  emit(): void;
  /** The request settled: derive again (now, or after the derivation under way). */
  settled(): void;
  derive(): void;
  reread(): void;
  /** Offers waiting for voice to be reserved go to another agent (rule 1). */
  failOffers(failure?: NonNullable<OfferFact['failure']>): void;
}

export const sameRequest = (a: VoiceStateRequest, b: VoiceStateRequest): boolean =>
  a.state === b.state && (a.state === 'READY' || a.reasonCodeId === b.reasonCodeId);

/** The request as a cause names it: the only reason the gadget ever asks for is Handling Chat. */
function nameRequest(r: VoiceStateRequest, label: string): RequestName {
  return { state: r.state, label: r.reasonCodeId === null ? null : label };
}

/** At most one voice request at a time, with its confirmation, retries and memory of the last one. */
export class VoiceRequestFlight {
  readonly #h: FlightHost;
  #flight: Flight | null = null;
  #retryTimer: TimerHandle | null = null;
  #retryView: VoiceRequestView | null = null;
  #last: LastRequest | null = null;
  #idleWaiters: (() => void)[] = [];
  readonly #stats = { requests: 0, attempts: 0, slowRetries: 0 };

  constructor(host: FlightHost) {
    this.#h = host;
  }

  /** A request is on its way (sent, or waiting for its confirmation). */
  get inFlight(): boolean {
    return this.#flight !== null;
  }

  /** A request is on its way or waiting to be tried again. */
  get busy(): boolean {
    return this.#flight !== null || this.#retryTimer !== null;
  }

  /** What attribution needs to know of the request on its way. */
  sketch(): {
    request: VoiceStateRequest;
    requestId: string | null;
    phase: 'sending' | 'awaiting-confirmation';
  } | null {
    const f = this.#flight;
    return f === null ? null : { request: f.intent.request, requestId: f.requestId, phase: f.phase };
  }

  /** The request on its way or waiting for its retry, for display. */
  view(): VoiceRequestView | null {
    const flight = this.#flight;
    if (flight === null) return this.#retryView;
    const { request, purpose, cause } = flight.intent;
    return { request, purpose, cause, attempt: flight.attempt, phase: flight.phase };
  }

  stats(): { requests: number; attempts: number; slowRetries: number; lastRequestVersion: number | null } {
    return { ...this.#stats, lastRequestVersion: this.#last?.version ?? null };
  }

  /** Resolves when no request is in flight. */
  whenIdle(): Promise<void> {
    if (this.#flight === null) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Asks for the intent unless a request is busy or nothing changed since the last one. */
  maybeRequest(intent: VoiceIntent): void {
    if (this.#flight !== null || this.#retryTimer !== null || this.#h.rereading()) return;
    const last = this.#last;
    const version = this.#h.version();
    const retrying = last !== null && last.outcome === 'retry' && sameRequest(last.request, intent.request);
    const slow = last !== null && last.slowRetry && last.version === version;
    // Nothing changed since the last request: asking again would be a loop (rule 3 "once", rule 5 bound).
    if (last !== null && last.version === version && !retrying && !slow) return;
    if (slow) this.#stats.slowRetries++;
    const attempt = retrying ? last.attempt + 1 : 1;
    void this.#send(intent, attempt);
  }

  /** A retry waiting for its backoff is dropped once the facts no longer call for that request (e.g. a re-read shows it done). */
  dropStaleRetry(wanted: () => VoiceIntent | null): void {
    const last = this.#last;
    if (this.#retryTimer === null || last === null || this.#h.rereading()) return;
    const intent = wanted();
    if (intent !== null && sameRequest(intent.request, last.request)) return;
    this.cancelRetry();
    last.outcome = 'confirmed';
  }

  /** A periodic re-read: a request refused or given up with nothing changed since may be tried once more. */
  allowSlowRetry(): void {
    const last = this.#last;
    // It must not leave the agent stuck for good (say, Not Ready with no chats). An answer to the agent's own READY is
    // never repeated (rule 3: once).
    if (
      last !== null &&
      (last.outcome === 'refused' || last.outcome === 'gave-up') &&
      last.purpose !== 'answer-ready'
    ) {
      last.slowRetry = true;
    }
  }

  /** A User was applied: it confirms the request by its requestId, or by showing what was asked for. */
  userApplied(requestId: string | null, matchesFlight: boolean): void {
    const flight = this.#flight;
    if (flight === null) return;
    const byId = requestId !== null && requestId === flight.requestId;
    if (byId || (matchesFlight && flight.phase === 'awaiting-confirmation')) this.#confirmed(flight);
    else if (matchesFlight && flight.phase === 'sending') flight.confirmedEarly = true;
  }

  /** Finesse sent an asynchronous error for a state request (requestId null: whose is not known). */
  asyncError(requestId: string | null, errors: NonNullable<VoiceError['apiErrors']>): void {
    const flight = this.#flight;
    if (flight !== null && (requestId === null || requestId === flight.requestId)) {
      this.#failed(flight, { kind: 'api', retryable: false, apiErrors: errors, message: 'asynchronous error' });
    }
  }

  /** Forgets the retry waiting for its backoff. */
  cancelRetry(): void {
    if (this.#retryTimer !== null) this.#h.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#retryView = null;
  }

  /** Stops for good: timers cancelled (the last view kept), whoever waits for idle released. */
  stop(): void {
    if (this.#flight?.timer != null) this.#h.timers.clearTimeout(this.#flight.timer);
    if (this.#retryTimer !== null) this.#h.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#flight = null;
    this.#resolveIdle();
  }

  async #send(intent: VoiceIntent, attempt: number): Promise<void> {
    const h = this.#h;
    const flight: Flight = { intent, attempt, phase: 'sending', requestId: null, confirmedEarly: false, timer: null };
    this.#flight = flight;
    this.#last = {
      request: intent.request,
      version: h.version(),
      attempt,
      purpose: intent.purpose,
      outcome: 'pending',
      slowRetry: false,
    };
    this.#stats.attempts++;
    if (attempt === 1) this.#stats.requests++;
    const max = h.backoff.maxAttempts;
    h.note('voice-request', { kind: 'voice-request', intent: intent.cause, attempt, maxAttempts: max });
    h.emit();

    let result: Awaited<ReturnType<VoiceStatePort['requestState']>>;
    try {
      result = await h.voice.requestState(intent.request);
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
    const seen = h.attribution.requestAccepted(requestId, flight.intent.request);
    if (flight.confirmedEarly || seen) {
      h.attribution.setByGadget();
      this.#confirmed(flight);
      return;
    }
    flight.phase = 'awaiting-confirmation';
    flight.timer = h.timers.setTimeout(() => this.#confirmTimedOut(flight), h.confirmTimeoutMs);
    h.emit();
  }

  #confirmed(flight: Flight): void {
    if (this.#flight !== flight) return;
    this.#endFlight(flight);
    if (this.#last !== null) this.#last.outcome = 'confirmed';
    // Confirmed, yet the state already moved on (a newer change reached us first): that is a fact change of its
    // own, so the policy may ask again instead of waiting on a version that will not change.
    if (this.#h.attribution.movedPast(flight.intent.request)) this.#h.factChanged();
    this.#h.note('voice-confirmed', {
      kind: 'voice-confirmed',
      request: nameRequest(flight.intent.request, this.#h.handlingChatLabel),
    });
    this.#h.settled();
  }

  #confirmTimedOut(flight: Flight): void {
    if (this.#flight !== flight) return;
    flight.timer = null;
    this.#failed(flight, { kind: 'timeout', retryable: true, message: 'no confirmation from Finesse in time' });
  }

  #failed(flight: Flight, error: VoiceError): void {
    if (this.#flight !== flight) return;
    const h = this.#h;
    this.#endFlight(flight);
    const last = this.#last;
    const request = nameRequest(flight.intent.request, h.handlingChatLabel);
    const kind = classifyVoiceError(error);
    const forOffers = flight.intent.purpose === 'reserve' || flight.intent.purpose === 'answer-ready';
    if (kind === 'invalid-state') {
      if (last !== null) last.outcome = 'refused';
      if (flight.intent.request.state === 'READY' && h.attribution.onCall()) {
        h.attribution.readyRefusedDuringCall();
        h.note('voice-refused', { kind: 'voice-refused-during-call', request });
      } else {
        h.note('voice-refused', { kind: 'voice-refused', request });
      }
      if (forOffers) h.failOffers('refused');
      h.reread();
      return;
    }
    if (kind === 'retry' && flight.attempt < h.backoff.maxAttempts) {
      if (last !== null) last.outcome = 'retry';
      const delay = voiceRetryDelay(flight.attempt, h.backoff, h.random);
      h.note('voice-retry', { kind: 'voice-retry', request, problem: error.kind, delayMs: delay });
      const { purpose, cause } = flight.intent;
      this.#retryView = {
        request: flight.intent.request,
        purpose,
        cause,
        attempt: flight.attempt,
        phase: 'retry-wait',
      };
      this.#retryTimer = h.timers.setTimeout(() => {
        this.#retryTimer = null;
        this.#retryView = null;
        h.derive();
      }, delay);
      // After a timeout the change may have happened with its notification lost: look before asking again.
      if (error.kind === 'timeout') h.reread();
      h.emit();
      return;
    }
    if (last !== null) last.outcome = 'gave-up';
    h.note('voice-failed', { kind: 'voice-failed', request, detail: error.message ?? error.kind });
    if (forOffers)
      h.failOffers(
        error.kind === 'unavailable' || error.kind === 'network' || error.kind === 'timeout'
          ? 'unavailable'
          : undefined,
      );
    if (error.kind === 'timeout') h.reread();
    else h.derive();
  }

  #endFlight(flight: Flight): void {
    if (flight.timer !== null) this.#h.timers.clearTimeout(flight.timer);
    flight.timer = null;
    this.#flight = null;
    this.#resolveIdle();
  }

  #resolveIdle(): void {
    if (this.#flight !== null) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const w of waiters) w();
  }
}
