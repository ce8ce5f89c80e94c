// The chats this channel holds, one RoomSession each, found by chat id or by room. A session leaves the set as it
// closes, before its `session-closed` event goes out, so a listener never sees a closed chat as still held.
import type { OfferPayload } from './profile/shared.ts';
import { RoomSession, type RoomSessionContext } from './room-session.ts';

export class RoomSessions {
  readonly #ctx: RoomSessionContext;
  readonly #nextSequence: () => number;
  readonly #byChat = new Map<string, RoomSession>();

  constructor(ctx: Omit<RoomSessionContext, 'closed'>, nextSequence: () => number) {
    this.#ctx = {
      ...ctx,
      closed: (session) => {
        if (this.#byChat.get(session.chatId) === session) this.#byChat.delete(session.chatId);
      },
    };
    this.#nextSequence = nextSequence;
  }

  get size(): number {
    return this.#byChat.size;
  }

  has(chatId: string): boolean {
    return this.#byChat.has(chatId);
  }

  get(chatId: string): RoomSession | undefined {
    return this.#byChat.get(chatId);
  }

  /** A copy: closing a session while going through them is safe. */
  all(): RoomSession[] {
    return [...this.#byChat.values()];
  }

  chatIds(): string[] {
    return [...this.#byChat.keys()];
  }

  /** The session whose room `room` (a bare JID) is. */
  inRoom(room: string): RoomSession | undefined {
    return this.all().find((s) => s.room === room);
  }

  /** Starts the session of an accepted (or reassigned) chat, announces it, and joins its room. */
  start(offer: OfferPayload, room: string): RoomSession {
    const session = new RoomSession(this.#ctx, offer, room, this.#ctx.clock.now(), this.#nextSequence());
    this.#byChat.set(offer.chatId, session);
    this.#ctx.emit({ type: 'session-started', session: session.snapshot() });
    session.join();
    return session;
  }

  /** Messages written in any chat that the rooms have not confirmed yet. */
  pendingOutgoing(): number {
    return this.all().reduce((n, session) => n + session.pendingCount(), 0);
  }

  /** Lets every session go without a word (the channel was handed over to another window). */
  forgetAll(): void {
    for (const session of this.#byChat.values()) session.forget();
    this.#byChat.clear();
  }
}
