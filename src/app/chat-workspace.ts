// The agent's chat desk as the UI shows it: offers waiting for an answer and conversations with their
// transcripts, kept from the chat channel's events and the agent's own actions, handed out as immutable views.
import type {
  ChatChannelErrorCode,
  ChatChannel,
  ChatEvent,
  ChatMessage,
  ChatOffer,
  ChatSession,
  SessionCloseReason,
  TransferQueue,
} from '../core/chat/chat-channel.ts';
import type { ConversationView } from './agent-view.ts';

/**
 * How long a conversation that ended (whoever ended it) stays on screen with its transcript when the agent does not
 * close it: long enough to finish notes or copy an order number, short enough that the list does not fill up.
 */
export const ENDED_CHAT_KEEP_MS = 10 * 60_000;

export interface ChatWorkspaceView {
  readonly offers: readonly ChatOffer[];
  /** Offers the agent answered (accept or decline) and that are not settled yet. */
  readonly answered: ReadonlyMap<string, 'accept' | 'decline'>;
  readonly conversations: readonly ConversationView[];
}

interface Conversation {
  readonly chatId: string;
  readonly customerName: string;
  readonly context: ChatSession['context'];
  readonly acceptedAt: number;
  transcript: readonly ChatMessage[];
  customerTyping: ConversationView['customerTyping'];
  unread: number;
  closed: SessionCloseReason | null;
  closedAt: number | null;
  busy: ConversationView['busy'];
  error: ChatChannelErrorCode | null;
  /** The router's queue the chat came through, when it said. */
  queue?: string | null;
}

/** Keeps offers and conversations from a chat channel; `subscribe` is told after every change. */
export class ChatWorkspace {
  readonly #offers = new Map<string, ChatOffer>();
  readonly #answered = new Map<string, 'accept' | 'decline'>();
  readonly #chats = new Map<string, Conversation>();
  readonly #listeners = new Set<() => void>();
  /** The router's queues (transfer targets); empty when the router lists none. */
  #queues: readonly TransferQueue[] = [];
  #view: ChatWorkspaceView | null = null;
  readonly #now: () => number;

  /** `now` stamps when a conversation ended (the session's timers in the gadget). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Takes in what the channel already holds (after a reload, or when this window becomes the owner). */
  adopt(channel: Pick<ChatChannel, 'offers' | 'activeChats'>): void {
    for (const offer of channel.offers()) this.#offers.set(offer.chatId, offer);
    for (const session of channel.activeChats()) this.#start(session);
    this.#changed();
  }

  /** Forgets every offer and conversation: another window took the chats over and shows them now. */
  clear(): void {
    this.#offers.clear();
    this.#answered.clear();
    this.#chats.clear();
    this.#changed();
  }

  /** Applies one channel event. */
  apply(event: ChatEvent): void {
    switch (event.type) {
      case 'offer':
        this.#offers.set(event.offer.chatId, event.offer);
        break;
      case 'offer-withdrawn':
        this.#offers.delete(event.chatId);
        this.#answered.delete(event.chatId);
        break;
      case 'session-started':
        this.#offers.delete(event.session.chatId);
        this.#answered.delete(event.session.chatId);
        this.#start(event.session);
        break;
      case 'message': {
        const c = this.#chats.get(event.chatId);
        if (!c || c.transcript.some((m) => m.id === event.message.id)) return;
        c.transcript = [...c.transcript, event.message];
        if (event.message.sender !== 'self') c.unread += 1;
        if (event.message.sender === 'customer') c.customerTyping = 'active';
        break;
      }
      case 'message-confirmed': {
        const c = this.#chats.get(event.chatId);
        if (!c) return;
        c.transcript = c.transcript.map((m) => (m.id === event.messageId ? { ...m, pending: false } : m));
        break;
      }
      case 'typing': {
        const c = this.#chats.get(event.chatId);
        if (!c) return;
        c.customerTyping = event.state;
        break;
      }
      case 'session-closed': {
        const c = this.#chats.get(event.chatId);
        if (!c) return;
        // One behaviour whoever ended it: the conversation stays, marked ended, with its transcript, until the agent
        // closes it or ENDED_CHAT_KEEP_MS pass. The router's own end notice is left out: the ended line says it.
        if (event.transcript.length > c.transcript.length) c.transcript = event.transcript;
        if (event.noticeId !== undefined) c.transcript = c.transcript.filter((m) => m.id !== event.noticeId);
        c.closed = event.reason;
        c.closedAt = this.#now();
        c.busy = null;
        c.customerTyping = 'gone';
        break;
      }
      case 'queues':
        this.#queues = event.queues;
        break;
      case 'status':
      case 'assignments':
        return;
    }
    this.#changed();
  }

  /** The agent answered an offer; it shows as in progress until the channel settles it. */
  answered(chatId: string, answer: 'accept' | 'decline'): void {
    if (!this.#offers.has(chatId)) return;
    this.#answered.set(chatId, answer);
    this.#changed();
  }

  /** An accept that did not go through: the offer may be answered again while it lasts. */
  answerFailed(chatId: string): void {
    if (this.#answered.delete(chatId)) this.#changed();
  }

  /** A message the agent sent, pending until the room confirms it. */
  sent(message: ChatMessage): void {
    const c = this.#chats.get(message.chatId);
    if (!c) return;
    c.transcript = [...c.transcript, message];
    c.error = null;
    this.#changed();
  }

  /** An end or hand-back the agent started; `null` when it finished or failed (with the error, if any). */
  busy(chatId: string, busy: ConversationView['busy'], error: ChatChannelErrorCode | null = null): void {
    const c = this.#chats.get(chatId);
    if (!c) return;
    c.busy = busy;
    c.error = error;
    this.#changed();
  }

  /** Something went wrong in a conversation (a message that could not be sent...). */
  error(chatId: string, code: ChatChannelErrorCode | null): void {
    const c = this.#chats.get(chatId);
    if (!c) return;
    c.error = code;
    this.#changed();
  }

  /** The agent has seen this conversation. */
  read(chatId: string): void {
    const c = this.#chats.get(chatId);
    if (!c || c.unread === 0) return;
    c.unread = 0;
    this.#changed();
  }

  /** The agent closed a finished conversation. */
  dismiss(chatId: string): void {
    const c = this.#chats.get(chatId);
    if (!c || c.closed === null) return;
    this.#chats.delete(chatId);
    this.#changed();
  }

  /** Drops the conversations that ended ENDED_CHAT_KEEP_MS or more before `now` (called on the container tick). */
  expire(now: number): void {
    let changed = false;
    for (const [id, c] of this.#chats) {
      if (c.closedAt !== null && now - c.closedAt >= ENDED_CHAT_KEEP_MS) changed = this.#chats.delete(id) || changed;
    }
    if (changed) this.#changed();
  }

  view(): ChatWorkspaceView {
    this.#view ??= {
      offers: [...this.#offers.values()],
      answered: new Map(this.#answered),
      conversations: [...this.#chats.values()].map((c) => this.#conversationView(c)),
    };
    return this.#view;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** A conversation as the UI gets it: with the other queues it may be transferred to, when the router lists any. */
  #conversationView(c: Conversation): ConversationView {
    const others = this.#queues.filter((q) => q.id !== (c.queue ?? null));
    const { queue: _queue, ...rest } = c;
    return others.length > 0 ? { ...rest, transferQueues: others } : { ...rest };
  }

  #start(session: ChatSession): void {
    const known = this.#chats.get(session.chatId);
    if (known && known.closed === null) {
      if (session.transcript.length > known.transcript.length) known.transcript = session.transcript;
      return;
    }
    this.#chats.set(session.chatId, {
      chatId: session.chatId,
      customerName: session.customerName,
      context: session.context,
      acceptedAt: session.acceptedAt,
      transcript: session.transcript,
      customerTyping: session.customerTyping,
      unread: session.transcript.filter((m) => m.sender === 'customer').length,
      closed: null,
      closedAt: null,
      busy: null,
      error: null,
      ...(session.queue ? { queue: session.queue } : {}),
    });
  }

  #changed(): void {
    this.#view = null;
    for (const l of [...this.#listeners]) l();
  }
}
