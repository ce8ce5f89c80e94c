// Re-reading the facts (rule 5: `Invalid State` means re-read; rule 6: on recovery re-read User and Dialogs): one
// GET User and GET Dialogs at a time, a second ask while one is on its way runs once after it, and a periodic
// re-read while idle in case a notification was lost.

import type { Dialog, User } from '../finesse/types.ts';
import type { Result } from '../result.ts';
import type { TimerHandle, Timers } from '../shared/timers.ts';
import type { FinesseFactsPort, VoiceError } from './ports.ts';

/** Where the facts stood when a read began: a notification after it is at least as new as the read. */
export interface ReadMark {
  readonly userSeq: number;
  readonly dialogSeq: number;
}

/** What the re-reader needs from the reconciler that holds it. */
export interface RereadHost {
  readonly facts: FinesseFactsPort;
  readonly timers: Timers;
  /** 0 turns the periodic re-read off. */
  readonly resyncIntervalMs: number;
  stopped(): boolean;
  /** A periodic re-read begins (a refused request may be tried once more). */
  periodic(): void;
  emit(): void;
  mark(): ReadMark;
  /** Applies what was read, keeping whatever a notification changed since `mark`. */
  apply(user: Result<User, VoiceError>, dialogs: Result<readonly Dialog[], VoiceError>, mark: ReadMark): void;
  derive(): void;
  /** A voice request is on its way or waiting for its retry: no periodic re-read meanwhile. */
  voiceBusy(): boolean;
  /** The periodic re-read is for the owner while nothing is degraded. */
  mayResync(): boolean;
}

/** Re-reads User and Dialogs on demand and now and then. */
export class FactRereader {
  readonly #h: RereadHost;
  #reading = false;
  #again = false;
  #timer: TimerHandle | null = null;

  constructor(host: RereadHost) {
    this.#h = host;
  }

  /** A read is on its way. */
  get reading(): boolean {
    return this.#reading;
  }

  /** Reads User and Dialogs, applies them and derives; `periodic` for the idle re-read. */
  async read(periodic = false): Promise<void> {
    const h = this.#h;
    if (h.stopped()) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    if (periodic) h.periodic();
    this.#reading = true;
    this.cancel();
    h.emit();
    const mark = h.mark();
    let user: Awaited<ReturnType<FinesseFactsPort['readUser']>>;
    let dialogs: Awaited<ReturnType<FinesseFactsPort['readDialogs']>>;
    try {
      [user, dialogs] = await Promise.all([h.facts.readUser(), h.facts.readDialogs()]);
    } catch (e) {
      const error: VoiceError = { kind: 'network', retryable: true, message: String(e) };
      user = { ok: false, error };
      dialogs = { ok: false, error };
    }
    this.#reading = false;
    if (h.stopped()) return;
    h.apply(user, dialogs, mark);
    if (this.#again) {
      this.#again = false;
      void this.read();
      return;
    }
    h.derive();
  }

  /** Schedules the periodic re-read unless one is scheduled or something is on its way. */
  schedule(): void {
    const h = this.#h;
    if (h.resyncIntervalMs <= 0 || this.#timer !== null || h.stopped()) return;
    if (h.voiceBusy() || this.#reading) return;
    this.#timer = h.timers.setTimeout(() => {
      this.#timer = null;
      if (h.mayResync()) void this.read(true);
    }, h.resyncIntervalMs);
  }

  cancel(): void {
    if (this.#timer !== null) this.#h.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
