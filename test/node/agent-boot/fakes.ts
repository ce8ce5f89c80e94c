// Fakes at the boot seams: a hub that records and delivers, a chat channel that records what was asked and
// lets the test emit what arrives, and a Finesse client stub that answers like the simulator.
import { ok, err, type Result } from '../../../src/core/result.ts';
import type { HubPort } from '../../../src/core/container/hub.ts';
import type {
  AvailabilityReport,
  ChatChannel,
  ChatConnectionStatus,
  ChatCredentials,
  ChatChannelError,
  ChatEvent,
  ChatMessage,
  ChatOffer,
  ChatSession,
  TransferTarget,
  TypingState,
} from '../../../src/core/chat/chat-channel.ts';

/** A hub: subscriptions by exact topic; `deliver` plays the desktop publishing. */
export class FakeHub implements HubPort {
  readonly subs = new Map<string, Set<(payload: unknown) => void>>();
  readonly published: { topic: string; payload: unknown }[] = [];

  subscribe(topic: string, onMessage: (payload: unknown) => void): () => void {
    let set = this.subs.get(topic);
    if (!set) this.subs.set(topic, (set = new Set()));
    set.add(onMessage);
    return () => {
      set.delete(onMessage);
    };
  }

  publish(topic: string, payload: unknown): void {
    this.published.push({ topic, payload });
  }

  deliver(topic: string, payload: unknown): void {
    for (const l of [...(this.subs.get(topic) ?? [])]) l(payload);
  }

  /** How many live subscriptions are left (0 after a clean stop). */
  get live(): number {
    return [...this.subs.values()].reduce((n, s) => n + s.size, 0);
  }
}

const chatError = (code: ChatChannelError['code'], message: string = code): ChatChannelError => ({ code, message });

/** A chat channel under the test's control. */
export class FakeChatChannel implements ChatChannel {
  readonly calls: string[] = [];
  readonly availability: AvailabilityReport[] = [];
  signInCredentials: ChatCredentials | null = null;
  signInResult: Result<void, ChatChannelError> = ok(undefined);
  acceptResult: ((chatId: string) => Result<ChatSession, ChatChannelError>) | null = null;
  /** Like the real channel, report the router's list of chats right after signing in; off to play a slow router. */
  listsChatsOnSignIn = true;
  #status: ChatConnectionStatus = 'offline';
  #offers = new Map<string, ChatOffer>();
  #sessions = new Map<string, ChatSession>();
  #listeners = new Set<(e: ChatEvent) => void>();
  #seq = 0;

  emit(event: ChatEvent): void {
    if (event.type === 'status') this.#status = event.status;
    if (event.type === 'offer') this.#offers.set(event.offer.chatId, event.offer);
    if (event.type === 'offer-withdrawn') this.#offers.delete(event.chatId);
    if (event.type === 'session-started') this.#sessions.set(event.session.chatId, event.session);
    if (event.type === 'session-closed') this.#sessions.delete(event.chatId);
    for (const l of [...this.#listeners]) l(event);
  }

  async signIn(credentials: ChatCredentials): Promise<Result<void, ChatChannelError>> {
    this.calls.push('signIn');
    this.signInCredentials = credentials;
    this.emit({ type: 'status', status: 'connecting', detail: null });
    if (this.signInResult.ok) {
      this.emit({ type: 'status', status: 'online', detail: null });
      if (this.listsChatsOnSignIn) this.emit({ type: 'assignments', chatIds: [...this.#sessions.keys()] });
    } else this.emit({ type: 'status', status: 'offline', detail: this.signInResult.error.code });
    return this.signInResult;
  }

  async signOut(): Promise<Result<void, ChatChannelError>> {
    this.calls.push('signOut');
    this.emit({ type: 'status', status: 'offline', detail: null });
    return ok(undefined);
  }

  async detach(): Promise<Result<void, ChatChannelError>> {
    this.calls.push('detach');
    this.#offers.clear();
    this.#sessions.clear();
    this.emit({ type: 'status', status: 'offline', detail: 'detached' });
    return ok(undefined);
  }

  publishAvailability(report: AvailabilityReport): void {
    this.availability.push(report);
  }

  async accept(chatId: string): Promise<Result<ChatSession, ChatChannelError>> {
    this.calls.push(`accept ${chatId}`);
    const offer = this.#offers.get(chatId);
    if (this.acceptResult) return this.acceptResult(chatId);
    if (!offer) return err(chatError('no-such-offer'));
    this.#offers.delete(chatId);
    const session: ChatSession = {
      chatId,
      customerName: offer.customerName,
      context: offer.context,
      acceptedAt: 0,
      transcript: [],
      customerTyping: 'active',
    };
    this.emit({ type: 'session-started', session });
    return ok(session);
  }

  async decline(chatId: string, reason?: string): Promise<Result<void, ChatChannelError>> {
    this.calls.push(`decline ${chatId}${reason ? `: ${reason}` : ''}`);
    if (!this.#offers.has(chatId)) return err(chatError('no-such-offer'));
    this.emit({ type: 'offer-withdrawn', chatId, reason: 'declined' });
    return ok(undefined);
  }

  send(chatId: string, text: string): Result<ChatMessage, ChatChannelError> {
    this.calls.push(`send ${chatId}`);
    if (!this.#sessions.has(chatId)) return err(chatError('no-such-chat', 'This chat is not active here.'));
    return ok({ id: `m${++this.#seq}`, chatId, sender: 'self', senderName: 'agent', text, at: 1000, pending: true });
  }

  setTyping(chatId: string, state: TypingState): void {
    this.calls.push(`typing ${chatId} ${state}`);
  }

  async end(chatId: string): Promise<Result<void, ChatChannelError>> {
    this.calls.push(`end ${chatId}`);
    if (!this.#sessions.has(chatId)) return err(chatError('no-such-chat'));
    this.emit({ type: 'session-closed', chatId, reason: 'ended-by-agent', transcript: [] });
    return ok(undefined);
  }

  async transfer(chatId: string, target: TransferTarget): Promise<Result<void, ChatChannelError>> {
    const queue = target.kind === 'queue' && target.queueId ? ` ${target.queueId}` : '';
    this.calls.push(`transfer ${chatId} ${target.kind}${queue}`);
    if (!this.#sessions.has(chatId)) return err(chatError('no-such-chat'));
    this.emit({ type: 'session-closed', chatId, reason: 'returned-to-queue', transcript: [] });
    return ok(undefined);
  }

  status(): ChatConnectionStatus {
    return this.#status;
  }

  offers(): readonly ChatOffer[] {
    return [...this.#offers.values()];
  }

  activeChats(): readonly ChatSession[] {
    return [...this.#sessions.values()];
  }

  subscribe(listener: (event: ChatEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

/** An offer as the router sends it. */
export function offer(chatId: string, customerName = 'Jane Doe', expiresAt = 30_000): ChatOffer {
  return {
    chatId,
    customerName,
    context: [{ name: 'question', label: 'Question', value: 'Where is my order?' }],
    offeredAt: 0,
    expiresAt,
    transferredFrom: null,
  };
}

/** Lets pending promise callbacks run. */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
