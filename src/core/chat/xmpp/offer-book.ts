// The offers waiting for this agent's answer. Each is withdrawn on its own when it expires, so an offer the router
// forgot to revoke (it restarted, the link was down) cannot stay on the agent's screen.
import type { TimerHandle, Timers } from '../../shared/timers.ts';
import type { ChatEvent, ChatOffer, OfferWithdrawnReason } from '../chat-channel.ts';
import type { OfferPayload } from './profile/shared.ts';

/** An offer as the book keeps it. */
export interface BookedOffer {
  /** When it arrived, on the channel's counter shared with sessions (see the channel's reconcile). */
  readonly sequence: number;
  readonly offer: ChatOffer;
  readonly customerJid: string | null;
}

interface Entry extends BookedOffer {
  timer: TimerHandle;
}

export class OfferBook {
  readonly #clock: Timers;
  readonly #nextSequence: () => number;
  readonly #emit: (event: ChatEvent) => void;
  readonly #entries = new Map<string, Entry>();

  constructor(clock: Timers, nextSequence: () => number, emit: (event: ChatEvent) => void) {
    this.#clock = clock;
    this.#nextSequence = nextSequence;
    this.#emit = emit;
  }

  has(chatId: string): boolean {
    return this.#entries.has(chatId);
  }

  get(chatId: string): BookedOffer | undefined {
    return this.#entries.get(chatId);
  }

  all(): readonly BookedOffer[] {
    return [...this.#entries.values()];
  }

  /** Books an offer and announces it; one already booked, or already expired, is ignored. */
  add(payload: OfferPayload): void {
    const now = this.#clock.now();
    if (this.#entries.has(payload.chatId) || payload.expiresAt <= now) return;
    const offer: ChatOffer = {
      chatId: payload.chatId,
      customerName: payload.customerName,
      context: payload.context,
      offeredAt: now,
      expiresAt: payload.expiresAt,
      transferredFrom: payload.transferredFrom,
      ...(payload.queue ? { queue: payload.queue } : {}),
    };
    const entry: Entry = { sequence: this.#nextSequence(), offer, customerJid: payload.customerJid, timer: null };
    entry.timer = this.#clock.setTimeout(() => this.remove(offer.chatId, 'expired'), payload.expiresAt - now);
    this.#entries.set(offer.chatId, entry);
    this.#emit({ type: 'offer', offer });
  }

  /** Removes an offer; `reason` null means it became a session (no withdrawal to report). */
  remove(chatId: string, reason: OfferWithdrawnReason | null): void {
    const entry = this.#entries.get(chatId);
    if (!entry) return;
    this.#clock.clearTimeout(entry.timer);
    this.#entries.delete(chatId);
    if (reason) this.#emit({ type: 'offer-withdrawn', chatId, reason });
  }

  /** Forgets every offer without a word (the channel was handed over to another window). */
  forgetAll(): void {
    for (const entry of this.#entries.values()) this.#clock.clearTimeout(entry.timer);
    this.#entries.clear();
  }
}
