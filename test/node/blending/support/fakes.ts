// Fakes at the blending ports: a virtual clock, a scripted Finesse voice port, a facts reader and a chat port
// that records what the controller did.

import { ok, err, type Result } from '../../../../src/core/result.ts';
import type { Dialog, User } from '../../../../src/core/finesse/types.ts';
import type {
  ChatError,
  ChatPort,
  ChatPresence,
  FinesseFactsPort,
  VoiceError,
  VoiceRequestAccepted,
  VoiceStatePort,
  VoiceStateRequest,
} from '../../../../src/core/blending/ports.ts';
import type { TimerHandle, Timers } from '../../../../src/core/shared/timers.ts';
import type { HandBackCause, OfferCause } from '../../../../src/core/blending/causes.ts';
import { ENGLISH_CAUSES as say } from '../../../../src/ui/cause-text.ts';

interface Scheduled {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/** Virtual time: timers run only when the test advances the clock. */
export class VirtualTimers implements Timers {
  #now = 0;
  #seq = 0;
  #queue: Scheduled[] = [];

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const entry = { id: ++this.#seq, at: this.#now + Math.max(0, ms), fn };
    this.#queue.push(entry);
    return entry.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#queue = this.#queue.filter((t) => t.id !== handle);
  }

  /** Pending timers. */
  get pending(): number {
    return this.#queue.length;
  }

  /** When the next timer is due, or null. */
  nextDue(): number | null {
    return this.#queue.reduce<number | null>((m, t) => (m === null || t.at < m ? t.at : m), null);
  }

  /** Runs the earliest due timer (moving time to it); false when none. */
  runNext(): boolean {
    let next: Scheduled | undefined;
    for (const t of this.#queue)
      if (next === undefined || t.at < next.at || (t.at === next.at && t.id < next.id)) next = t;
    if (next === undefined) return false;
    const chosen = next;
    this.#queue = this.#queue.filter((t) => t !== chosen);
    this.#now = Math.max(this.#now, chosen.at);
    chosen.fn();
    return true;
  }

  /** Moves time forward by ms, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = this.nextDue();
      if (due === null || due > end) break;
      this.runNext();
    }
    this.#now = end;
  }
}

/**
 * Lets every pending promise callback run, and those they queue in turn, however long the chain: the fakes answer
 * without I/O and virtual timers run only when a test advances them, so the microtask queue is empty by the time
 * a macrotask (setImmediate) gets its turn.
 */
export async function flush(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}

export type VoiceAnswer = Result<VoiceRequestAccepted, VoiceError>;

export const INVALID_STATE: VoiceError = {
  kind: 'api',
  retryable: false,
  status: 400,
  apiErrors: [{ errorType: 'Invalid State', errorMessage: 'Invalid State' }],
};
export const UNAVAILABLE: VoiceError = { kind: 'unavailable', retryable: true, status: 503 };
export const TIMEOUT: VoiceError = { kind: 'timeout', retryable: true };

/** A voice port whose answers the test scripts; by default every request is accepted (202). */
export class FakeVoicePort implements VoiceStatePort {
  readonly requests: VoiceStateRequest[] = [];
  readonly #script: VoiceAnswer[] = [];
  #seq = 0;
  /** Called with each request before it is answered (e.g. to push the confirming notification); an error it returns is the answer. */
  onRequest: ((request: VoiceStateRequest, requestId: string) => VoiceError | void) | null = null;

  /** The next requests get these answers, in order. */
  answerNext(...answers: (VoiceError | 'accept')[]): void {
    for (const a of answers) this.#script.push(a === 'accept' ? ok({ accepted: true, requestId: '' }) : err(a));
  }

  async requestState(request: VoiceStateRequest): Promise<VoiceAnswer> {
    this.requests.push(request);
    const requestId = `gadget-${++this.#seq}`;
    const scripted = this.#script.shift();
    if (scripted !== undefined && !scripted.ok) return scripted;
    const refused = this.onRequest?.(request, requestId);
    if (refused) return err(refused);
    return ok({ accepted: true, requestId });
  }

  /** The id the last accepted request got. */
  get lastRequestId(): string {
    return `gadget-${this.#seq}`;
  }
}

/** Answers re-reads with whatever the test says Finesse holds now. */
export class FakeFactsPort implements FinesseFactsPort {
  reads = 0;
  constructor(
    public user: User,
    public dialogs: readonly Dialog[] = [],
  ) {}

  async readUser(): Promise<Result<User, VoiceError>> {
    this.reads++;
    return ok(this.user);
  }

  async readDialogs(): Promise<Result<readonly Dialog[], VoiceError>> {
    return ok(this.dialogs);
  }
}

/** Records presence, accepts, declines and hand-backs, with their causes in the English words the router would get. */
export class FakeChatPort implements ChatPort {
  readonly published: (ChatPresence & { readonly reason: string })[] = [];
  readonly accepted: string[] = [];
  readonly declined: { offerId: string; reason: string }[] = [];
  readonly handedBack: string[] = [];
  acceptResult: Result<void, ChatError> = ok(undefined);

  publishAvailability(presence: ChatPresence): void {
    this.published.push({ ...presence, reason: say.chat(presence.cause) });
  }

  async acceptOffer(offerId: string): Promise<Result<void, ChatError>> {
    this.accepted.push(offerId);
    return this.acceptResult;
  }

  async declineOffer(offerId: string, cause: OfferCause): Promise<Result<void, ChatError>> {
    this.declined.push({ offerId, reason: say.offer(cause) });
    return ok(undefined);
  }

  async handBackChats(cause: HandBackCause): Promise<Result<void, ChatError>> {
    this.handedBack.push(say.handBack(cause));
    return ok(undefined);
  }

  /** The availability last published. */
  get availability(): string | undefined {
    return this.published[this.published.length - 1]?.availability;
  }
}
