// The decision log (rule 9): a short ring of what the gadget changed and why, for the agent and the supervisor.

import type { LogCause } from './causes.ts';

export type DecisionKind =
  | 'voice-request'
  | 'voice-confirmed'
  | 'voice-refused'
  | 'voice-retry'
  | 'voice-failed'
  | 'chat-availability'
  | 'offer-accepted'
  | 'offer-declined'
  | 'chats-handed-back'
  | 'hold-still'
  | 'recovered'
  | 'ownership';

export interface DecisionEntry {
  readonly seq: number;
  /** Milliseconds, from the controller's clock. */
  readonly at: number;
  readonly kind: DecisionKind;
  /** Why, as data: the UI says it in words ("Not Ready (Handling Chat): handling 2 chats"). */
  readonly cause: LogCause;
}

/** A bounded ring: the newest `capacity` entries, oldest first. */
export class DecisionLog {
  readonly #entries: DecisionEntry[] = [];
  readonly #capacity: number;
  #seq = 0;

  constructor(capacity = 50) {
    this.#capacity = Math.max(1, capacity);
  }

  /** Adds an entry, dropping the oldest beyond capacity. */
  add(at: number, kind: DecisionKind, cause: LogCause): DecisionEntry {
    const entry: DecisionEntry = { seq: ++this.#seq, at, kind, cause };
    this.#entries.push(entry);
    if (this.#entries.length > this.#capacity) this.#entries.splice(0, this.#entries.length - this.#capacity);
    return entry;
  }

  /** The kept entries, oldest first. */
  entries(): readonly DecisionEntry[] {
    return [...this.#entries];
  }

  /** How many entries were ever added (the ring keeps only the newest). */
  get total(): number {
    return this.#seq;
  }
}
