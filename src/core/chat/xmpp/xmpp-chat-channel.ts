// The ChatChannel over XMPP (docs/xmpp-chat-profile.md): availability as directed presence to the router,
// offers and answers as IQs, one XEP-0045 room per chat, XEP-0359 ids for exactly-once delivery, XEP-0313
// catch-up after a reconnect, XEP-0198 resumption when the server keeps the session. The channel composes the
// parts: the link (chat-link.ts), the offers (offer-book.ts), one session per room (room-session.ts); what is left
// here is the router's side of the conversation: its requests, its answers, and what it says is ours (assignments.ts).
import { $iq, $pres } from 'strophe.js';
import { err, ok, type Result } from '../../result.ts';
import { randomId } from '../../shared/ids.ts';
import type { BackoffPolicy } from '../../shared/backoff.ts';
import { systemTimers, type Timers } from '../../shared/timers.ts';
import type { Unsubscribe } from '../../shared/unsubscribe.ts';
import type {
  AvailabilityReport,
  ChatChannel,
  ChatChannelError,
  ChatConnectionStatus,
  ChatCredentials,
  ChatEvent,
  ChatMessage,
  ChatOffer,
  ChatSession,
  TransferTarget,
  TypingState,
} from '../chat-channel.ts';
import type { DecisionEntry } from '../../blending/decision-log.ts';
import { messageText } from '../chat-text.ts';
import { RECONNECT_BACKOFF } from '../reconnect-backoff.ts';
import { applyAssignments } from './assignments.ts';
import { chatError, requestError } from './channel-errors.ts';
import { ChatLink, type ChatEndpoints } from './chat-link.ts';
import { bareJid } from './dom-read.ts';
import { readOccupantPresence } from './muc-stanzas.ts';
import { NS_CHAT, NS_STANZAS } from './namespaces.ts';
import { OfferBook } from './offer-book.ts';
import {
  acceptIq,
  assignmentsQuery,
  availabilityPresence,
  declineIq,
  readAssigned,
  readAssignments,
  readOffer,
  readRevoke,
  transferIq,
} from './profile/agent-side.ts';
import { agentDisplayName, endIq, NEUTRAL_AGENT_NICK, type OfferPayload } from './profile/shared.ts';
import { RoomArchive } from './room-archive.ts';
import type { Me } from './room-session.ts';
import { RoomSessions } from './room-sessions.ts';
import { waitUntil } from './wait-until.ts';
import { createStropheConnection, type ConnectionFactory, type XmppConnection } from './xmpp-connection.ts';

export interface XmppChatChannelOptions extends ChatEndpoints {
  /** The XMPP domain agents sign in to (username@domain). */
  readonly domain: string;
  /** The router's JID (availability goes to it, requests are sent to it, offers come only from it). */
  readonly routerJid: string;
  /**
   * The agent's name as customers see it (its first name): sent to the router with the availability and used as the
   * room nick. Without one the nick is a neutral word, never the login id.
   */
  readonly displayName?: string | null;
  readonly createConnection?: ConnectionFactory;
  readonly clock?: Timers;
  readonly random?: () => number;
  readonly backoff?: BackoffPolicy;
  /** How long a request to the router may take. */
  readonly requestTimeoutMs?: number;
  /** XEP-0198 on WebSocket; on by default. */
  readonly streamManagement?: boolean;
  /** Fresh unique ids (XEP-0359 origin-ids, MAM query ids). */
  readonly newId?: () => string;
  /** Receives one line per connection problem, for diagnostics (never credentials or message text). */
  readonly log?: (line: string) => void;
}

/** How many of blending's latest decisions each availability presence carries. */
const DECISIONS_SENT = 5;

/** How long a hand-over waits for the room to confirm what the agent wrote, and for the stream to close. */
const DETACH_WAIT_MS = 3000;

export class XmppChatChannel implements ChatChannel {
  readonly #opts: XmppChatChannelOptions;
  /** What customers see of the agent: its first name, or null (then a neutral nick). */
  readonly #shownName: string | null;
  readonly #clock: Timers;
  readonly #newId: () => string;
  readonly #routerBare: string;
  readonly #link: ChatLink;
  readonly #offers: OfferBook;
  readonly #archive: RoomArchive;
  readonly #sessions: RoomSessions;
  readonly #listeners = new Set<(event: ChatEvent) => void>();

  #availability: AvailabilityReport = { state: 'NOT_READY', active: 0, max: 0 };
  /** Blending's latest decisions (oldest first), sent with every availability presence. */
  #decisions: DecisionEntry[] = [];
  /** A decision waits to be sent on its own (no availability followed it at once). */
  #decisionDue = false;
  #myBare = '';
  /** The router did not answer the assignments query (it may be restarting): ask again when it is back. */
  #reconcileFailed = false;
  /** Orders offers and sessions against assignments queries. */
  #sequence = 0;
  /** Handed over to another window: this channel is done for good. */
  #detached = false;
  /** Called when the room confirms an outgoing message (a hand-over waits for them). */
  #onConfirmed: (() => void) | null = null;

  constructor(options: XmppChatChannelOptions) {
    this.#opts = options;
    this.#shownName = agentDisplayName(options.displayName);
    this.#clock = options.clock ?? systemTimers;
    this.#newId = options.newId ?? randomId;
    this.#routerBare = bareJid(options.routerJid);
    this.#link = new ChatLink(
      {
        websocketUrl: options.websocketUrl,
        boshUrl: options.boshUrl,
        domain: options.domain,
        createConnection: options.createConnection ?? createStropheConnection,
        clock: this.#clock,
        random: options.random ?? Math.random,
        backoff: options.backoff ?? RECONNECT_BACKOFF,
        requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
        streamManagement: options.streamManagement ?? true,
        log: options.log,
      },
      {
        installHandlers: (conn) => this.#installHandlers(conn),
        up: (resumed) => this.#onUp(resumed),
        down: () => {
          for (const session of this.#sessions.all()) session.linkLost();
        },
        status: (status, detail) => this.#emit({ type: 'status', status, detail }),
      },
    );
    this.#offers = new OfferBook(
      this.#clock,
      () => ++this.#sequence,
      (event) => this.#emit(event),
    );
    this.#archive = new RoomArchive(this.#link, this.#newId);
    this.#sessions = new RoomSessions(
      {
        link: this.#link,
        archive: this.#archive,
        clock: this.#clock,
        newId: this.#newId,
        me: () => this.#me(),
        routerBare: this.#routerBare,
        emit: (event) => this.#emit(event),
        confirmed: () => this.#onConfirmed?.(),
        log: options.log,
      },
      () => ++this.#sequence,
    );
  }

  // ---------------------------------------------------------------- port

  subscribe(listener: (event: ChatEvent) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  status(): ChatConnectionStatus {
    return this.#link.status;
  }

  offers(): readonly ChatOffer[] {
    return this.#offers.all().map((o) => o.offer);
  }

  activeChats(): readonly ChatSession[] {
    return this.#sessions.all().map((s) => s.snapshot());
  }

  signIn(credentials: ChatCredentials): Promise<Result<void, ChatChannelError>> {
    if (this.#detached) {
      return Promise.resolve(
        err(
          chatError(
            'not-signed-in',
            'This chat connection was handed over to another window; this window makes a new one to sign in again.',
          ),
        ),
      );
    }
    this.#myBare = `${credentials.username}@${this.#opts.domain}`.toLowerCase();
    return this.#link.open(credentials);
  }

  async signOut(): Promise<Result<void, ChatChannelError>> {
    let result: Result<void, ChatChannelError> = ok(undefined);
    if (this.#link.status === 'online') {
      for (const session of this.#sessions.all()) {
        const returned = await this.transfer(session.chatId, { kind: 'queue' });
        if (!returned.ok) result = returned;
      }
    } else if (this.#sessions.size > 0) {
      result = err(
        chatError(
          'unreachable',
          'The chat server could not be reached: the router returns these chats to the queue when its grace period ends.',
        ),
      );
    }
    this.#availability = { ...this.#availability, state: 'OFFLINE', active: 0 };
    this.#link.stop(this.#presence());
    for (const offer of this.#offers.all()) this.#offers.remove(offer.offer.chatId, 'revoked');
    for (const session of this.#sessions.all()) session.close('returned-to-queue', false);
    this.#link.settle(null);
    return result;
  }

  async detach(): Promise<Result<void, ChatChannelError>> {
    if (this.#detached) return ok(undefined);
    this.#detached = true;
    this.#link.giveUp(chatError('not-signed-in', 'This chat connection was handed over to another window.'));
    if (this.#link.online) {
      // What the agent wrote goes to the rooms on this stream, and is confirmed there, before it closes: the new
      // window reads it from the archive.
      for (const session of this.#sessions.all()) session.flushOutbox();
      await waitUntil(
        this.#clock,
        DETACH_WAIT_MS,
        () => this.#sessions.pendingOutgoing() === 0,
        (wake) => (this.#onConfirmed = wake),
      );
      this.#onConfirmed = null;
    }
    // A plain close: the server tells the router and the rooms this session is unavailable, with no availability
    // in it, which the router reads as a session ending, not as signing out.
    await this.#link.close('handed over to another window', DETACH_WAIT_MS);
    const unsent = this.#sessions.pendingOutgoing();
    this.#offers.forgetAll();
    this.#sessions.forgetAll();
    this.#link.settle('detached');
    return unsent === 0
      ? ok(undefined)
      : err(
          chatError(
            'unreachable',
            `${unsent} message${unsent === 1 ? '' : 's'} written in this window could not be confirmed by the chat server before the hand-over; check the conversation in the other window.`,
          ),
        );
  }

  publishAvailability(report: AvailabilityReport): void {
    this.#availability = report;
    this.#decisionDue = false;
    if (this.#link.online) this.#link.send(this.#presence());
  }

  publishDecision(entry: DecisionEntry): void {
    this.#decisions = [...this.#decisions, entry].slice(-DECISIONS_SENT);
    if (this.#decisionDue) return;
    // A decision is usually followed at once by the availability it led to: one presence carries both.
    // Checked once the current step is done (a microtask, not a timer: it must not wait for the container's tick).
    this.#decisionDue = true;
    void Promise.resolve().then(() => {
      if (!this.#decisionDue) return;
      this.#decisionDue = false;
      if (this.#link.online && this.#availability.state !== 'OFFLINE') this.#link.send(this.#presence());
    });
  }

  /** The availability presence to the router, with the latest decision. */
  #presence() {
    return availabilityPresence(this.#opts.routerJid, this.#availability, this.#shownName, this.#decisions);
  }

  async accept(chatId: string): Promise<Result<ChatSession, ChatChannelError>> {
    const pending = this.#offers.get(chatId);
    if (!pending) return err(chatError('no-such-offer', 'This chat is no longer offered to you.'));
    if (!this.#link.online)
      return err(chatError('unreachable', 'The chat server is not connected; the offer cannot be accepted now.'));
    const answer = await this.#link.request(acceptIq(this.#opts.routerJid, chatId));
    const assigned = answer.ok ? readAssigned(answer.value) : null;
    if (!answer.ok || !assigned) {
      this.#offers.remove(chatId, 'revoked');
      return err(requestError(answer.ok ? null : answer.error, 'The chat was withdrawn before it could be accepted.'));
    }
    this.#offers.remove(chatId, null);
    const session = this.#sessions.start({ ...pending.offer, customerJid: pending.customerJid }, assigned.room);
    return ok(session.snapshot());
  }

  async decline(chatId: string, reason?: string): Promise<Result<void, ChatChannelError>> {
    if (!this.#offers.has(chatId)) return err(chatError('no-such-offer', 'This chat is no longer offered to you.'));
    this.#offers.remove(chatId, 'declined');
    if (!this.#link.online)
      return err(
        chatError('unreachable', 'The chat server is not connected; the offer expires and is routed elsewhere.'),
      );
    const answer = await this.#link.request(declineIq(this.#opts.routerJid, chatId, reason ?? null));
    return answer.ok
      ? ok(undefined)
      : err(
          requestError(answer.error, 'The router did not take the decline; the offer expires and is routed elsewhere.'),
        );
  }

  send(chatId: string, text: string): Result<ChatMessage, ChatChannelError> {
    const session = this.#sessions.get(chatId);
    if (!session) return err(chatError('no-such-chat', 'This chat is not active here.'));
    const checked = messageText(text);
    if (!checked.ok) {
      return err(
        checked.error === 'empty'
          ? chatError('empty', 'There is nothing to send.')
          : chatError('too-long', 'The message is too long to send; split it into shorter messages.'),
      );
    }
    return ok(session.write(checked.value));
  }

  setTyping(chatId: string, state: TypingState): void {
    this.#sessions.get(chatId)?.setTyping(state);
  }

  async end(chatId: string): Promise<Result<void, ChatChannelError>> {
    if (!this.#sessions.has(chatId)) return err(chatError('no-such-chat', 'This chat is not active here.'));
    if (!this.#link.online)
      return err(chatError('unreachable', 'The chat server is not connected; end the chat again once it is back.'));
    const answer = await this.#link.request(endIq(this.#opts.routerJid, chatId));
    if (!answer.ok) return err(requestError(answer.error, 'The router did not end the chat.'));
    this.#sessions.get(chatId)?.close('ended-by-agent', true);
    return ok(undefined);
  }

  async transfer(chatId: string, target: TransferTarget): Promise<Result<void, ChatChannelError>> {
    const session = this.#sessions.get(chatId);
    if (!session) return err(chatError('no-such-chat', 'This chat is not active here.'));
    if (!this.#link.online)
      return err(chatError('unreachable', 'The chat server is not connected; transfer the chat once it is back.'));
    // Messages the agent wrote must reach the room before the chat leaves: the next agent reads them.
    session.flushOutbox();
    const reason = target.kind === 'queue' && !target.queueId ? 'returned-to-queue' : 'transferred';
    session.handingOn(reason);
    const answer = await this.#link.request(transferIq(this.#opts.routerJid, chatId, target));
    if (!answer.ok) {
      session.handingOn(null);
      return err(requestError(answer.error, 'The router did not take the transfer.'));
    }
    this.#sessions.get(chatId)?.close(reason, true);
    return ok(undefined);
  }

  // ---------------------------------------------------------------- the link's news

  #onUp(resumed: boolean): void {
    if (resumed) {
      // The server kept the session: rooms, offers and unacknowledged stanzas survived. Send what was
      // written while away and bring the router up to date.
      for (const session of this.#sessions.all()) session.linkResumed();
      this.#link.send(this.#presence());
      return;
    }
    for (const session of this.#sessions.all()) session.streamLost();
    this.#link.send($pres());
    this.#link.send(this.#presence());
    void this.#reconcile();
  }

  /** After a fresh session: ask the router what is ours, then rejoin every room and catch up. */
  async #reconcile(): Promise<void> {
    const conn = this.#link.connection;
    // Offers and chats that arrive while the query is out are newer than its answer: keep them.
    const asked = ++this.#sequence;
    const answer = await this.#link.request(assignmentsQuery(this.#opts.routerJid));
    if (conn !== this.#link.connection || this.#link.status !== 'online') return;
    const list = answer.ok ? readAssignments(answer.value) : null;
    this.#reconcileFailed = list === null;
    if (list) {
      applyAssignments(list, asked, this.#sessions, this.#offers);
      this.#emit({ type: 'assignments', chatIds: this.#sessions.chatIds() });
      this.#emit({ type: 'queues', queues: list.queues ?? [] });
    }
    for (const session of this.#sessions.all()) if (!session.joined) session.join();
  }

  // ---------------------------------------------------------------- inbound

  #installHandlers(conn: XmppConnection): void {
    conn.addHandler((iq) => this.#onRouterRequest(iq), NS_CHAT, 'iq', 'set');
    conn.addHandler((message) => this.#onMessage(message), null, 'message', null);
    conn.addHandler((presence) => this.#onPresence(presence), null, 'presence', null);
  }

  /** An offer or a revoke; only the router may send them. */
  #onRouterRequest(iq: Element): boolean {
    const from = iq.getAttribute('from') ?? '';
    const id = iq.getAttribute('id') ?? '';
    const reply = (type: 'result' | 'error'): void => {
      const answer = $iq({ type, to: from, id });
      if (type === 'error') answer.c('error', { type: 'cancel' }).c('not-allowed', { xmlns: NS_STANZAS });
      this.#link.send(answer);
    };
    if (bareJid(from) !== this.#routerBare) {
      reply('error'); // offers come only from the router
      return true;
    }
    const offer = readOffer(iq);
    if (offer) {
      reply('result');
      this.#addOffer(offer);
      return true;
    }
    const revoke = readRevoke(iq);
    if (revoke) {
      reply('result');
      if (this.#offers.has(revoke.chatId))
        this.#offers.remove(revoke.chatId, revoke.reason === 'expired' ? 'expired' : 'revoked');
      this.#sessions
        .get(revoke.chatId)
        ?.close(revoke.reason === 'transferred' ? 'transferred' : 'returned-to-queue', true);
      return true;
    }
    reply('error');
    return true;
  }

  #onPresence(presence: Element): boolean {
    const from = presence.getAttribute('from') ?? '';
    if (bareJid(from) === this.#routerBare) {
      // The router (re)started: it knows nothing of this agent until told again.
      if (presence.getAttribute('type') !== 'unavailable' && this.#link.online) {
        this.#link.send(this.#presence());
        if (this.#reconcileFailed) void this.#reconcile();
      }
      return true;
    }
    const occupant = readOccupantPresence(presence);
    if (occupant) this.#sessions.inRoom(occupant.room)?.takeOccupant(occupant);
    return true;
  }

  #onMessage(message: Element): boolean {
    if (this.#archive.collect(message)) return true;
    if (message.getAttribute('type') !== 'groupchat') return true;
    this.#sessions.inRoom(bareJid(message.getAttribute('from') ?? ''))?.takeLive(message);
    return true;
  }

  // ---------------------------------------------------------------- parts

  #addOffer(payload: OfferPayload): void {
    if (!this.#sessions.has(payload.chatId)) this.#offers.add(payload);
  }

  #me(): Me {
    return { bareJid: this.#myBare, nick: this.#shownName ?? NEUTRAL_AGENT_NICK };
  }

  #emit(event: ChatEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}
