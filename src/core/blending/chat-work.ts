// The chat side of blending: the offers the router made and how far each got, the agent's active chats, and the
// actions on them (accept, decline, hand back, publish the availability), each logged with its reason (rule 9).

import type { Facts, OfferFact } from './facts.ts';
import type { ChatPort, ChatPresence } from './ports.ts';
import type { DecisionKind } from './decision-log.ts';
import type { Result } from '../result.ts';
import type { ChatError } from './ports.ts';
import type { LogCause, OfferCause } from './causes.ts';

/** What the chat side needs from the reconciler that holds it. */
export interface ChatWorkHost {
  readonly chat: ChatPort;
  note(kind: DecisionKind, cause: LogCause): void;
  /** A chat action settled: derive again. */
  derive(): void;
}

/** A rejected promise read as a network failure, so one path handles both. */
const settle = <T>(p: Promise<Result<T, ChatError>>): Promise<Result<T, ChatError>> =>
  p.then(
    (r) => r,
    (e: unknown) => ({ ok: false as const, error: { kind: 'network' as const, message: String(e) } }),
  );

/** Offers and chats, and what the gadget does with them. */
export class ChatWork {
  readonly #h: ChatWorkHost;
  /** Each pending offer's status, and why voice could not be reserved for it (with reservation-failed). */
  readonly #offers = new Map<string, Omit<OfferFact, 'id'>>();
  readonly #chats = new Set<string>();
  #offersArrived = 0;
  #handingBack = false;
  #published: string | null = null;
  #publishedAvailability: string | null = null;

  constructor(host: ChatWorkHost) {
    this.#h = host;
  }

  /** Offers that ever arrived: only arrivals are facts from outside, statuses are the gadget's own doing. */
  get offersArrived(): number {
    return this.#offersArrived;
  }

  get activeChats(): number {
    return this.#chats.size;
  }

  offers(): OfferFact[] {
    return [...this.#offers].map(([id, offer]) => ({ id, ...offer }));
  }

  /** The router offers a chat. True when it is new. */
  offerArrived(offerId: string): boolean {
    if (this.#offers.has(offerId) || this.#chats.has(offerId)) return false;
    this.#offers.set(offerId, { status: 'new' });
    this.#offersArrived++;
    return true;
  }

  /** The router took an offer back. True when that changed anything. */
  offerWithdrawn(offerId: string): boolean {
    if (this.#offers.get(offerId)?.status === 'accepting') return false; // the accept result settles it
    return this.#offers.delete(offerId);
  }

  /** A chat is the agent's. True when it is new. */
  chatStarted(chatId: string): boolean {
    this.#offers.delete(chatId);
    if (this.#chats.has(chatId)) return false;
    this.#chats.add(chatId);
    return true;
  }

  /** A chat ended. True when it was the agent's. */
  chatEnded(chatId: string): boolean {
    return this.#chats.delete(chatId);
  }

  /** A new chat session needs the presence again. */
  chatServerReconnected(): void {
    this.#published = null;
  }

  /** Offers waiting for voice to be reserved are declined, so the router offers them to someone else (rule 1). */
  failOffers(failure?: NonNullable<OfferFact['failure']>): void {
    for (const [id, offer] of this.#offers) {
      if (offer.status === 'new')
        this.#offers.set(
          id,
          failure === undefined ? { status: 'reservation-failed' } : { status: 'reservation-failed', failure },
        );
    }
  }

  /** Tells the router the availability when it changed. */
  publish(presence: ChatPresence, facts: Facts): void {
    // Rule 7: chats go back to the router before chat goes OFFLINE.
    if (presence.availability === 'OFFLINE' && facts.activeChats > 0 && facts.voice?.state === 'LOGOUT') return;
    if (!facts.connectivity.chatServerUp) return;
    const key = `${presence.availability}|${presence.activeChats}|${presence.maxChats}|${JSON.stringify(presence.cause)}`;
    if (key === this.#published) return;
    this.#published = key;
    const signingIn = this.#publishedAvailability === 'OFFLINE' || this.#publishedAvailability === null;
    this.#publishedAvailability = presence.availability;
    const signedIn = signingIn && presence.availability !== 'OFFLINE';
    this.#h.note('chat-availability', { kind: 'chat-availability', chat: presence.cause, signedIn });
    this.#h.chat.publishAvailability(presence);
  }

  accept(offerId: string, cause: OfferCause): void {
    this.#offers.set(offerId, { status: 'accepting' });
    void settle(this.#h.chat.acceptOffer(offerId)).then((result) => {
      this.#offers.delete(offerId);
      if (result.ok) {
        this.#chats.add(offerId);
        this.#h.note('offer-accepted', cause);
      } else {
        this.#h.note('offer-declined', { kind: 'accept-failed', detail: result.error.message });
      }
      this.#h.derive();
    });
  }

  decline(offerId: string, cause: OfferCause): void {
    this.#offers.delete(offerId);
    this.#h.note('offer-declined', cause);
    void this.#h.chat.declineOffer(offerId, cause).catch(() => undefined);
  }

  /** Signed out of Finesse with chats open: every chat goes back to the router (rule 7). */
  handBack(): void {
    if (this.#handingBack) return;
    this.#handingBack = true;
    const cause = { kind: 'chats-handed-back', count: this.#chats.size } as const;
    void settle(this.#h.chat.handBackChats(cause)).then((result) => {
      this.#handingBack = false;
      if (result.ok) {
        this.#chats.clear();
        this.#h.note('chats-handed-back', cause);
      } else {
        this.#h.note('voice-failed', { kind: 'hand-back-failed', detail: result.error.message });
      }
      this.#h.derive();
    });
  }
}
