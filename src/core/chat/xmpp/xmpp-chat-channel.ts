// The ChatChannel over XMPP (docs/xmpp-chat-profile.md): availability as directed presence to the router,
// offers and answers as IQs, one XEP-0045 room per chat, XEP-0359 ids for exactly-once delivery, XEP-0313
// catch-up after a reconnect, XEP-0198 resumption when the server keeps the session.
import { $iq, $pres, type Builder } from 'strophe.js';
import { err, ok, type Result } from '../../result.ts';
import type { AvailabilityReport, ChatChannel, ChatConnectionStatus, ChatCredentials, ChatChannelError, ChatChannelErrorCode, ChatEvent, ChatMessage, ChatOffer, ChatSender, ChatSession, SessionCloseReason, TransferTarget, TypingState } from '../chat-channel.ts';
import type { Unsubscribe } from '../../shared/unsubscribe.ts';
import { messageText } from '../chat-text.ts';
import { systemTimers, type Timers, type TimerHandle } from '../../shared/timers.ts';
import { ConversationLog } from '../conversation-log.ts';
import { RECONNECT_BACKOFF } from '../reconnect-backoff.ts';
import { randomId } from '../../shared/ids.ts';
import { backoffDelay, type BackoffPolicy } from '../../shared/backoff.ts';
import { attr, bareJid, childElement, childText, jidResource } from './dom-read.ts';
import { IqTracker, type IqFailure } from './iq-tracker.ts';
import {
  archivedSenderJid,
  joinPresence,
  leavePresence,
  mamQuery,
  readArchivedMessage,
  readMamFin,
  readOccupantPresence,
  type ArchivedMessage,
} from './muc-stanzas.ts';
import { NS_CHAT, NS_DELAY, NS_STANZAS } from './namespaces.ts';
import {
  acceptIq,
  assignmentsQuery,
  availabilityPresence,
  declineIq,
  endIq,
  readAssigned,
  readAssignments,
  readNotice,
  readOffer,
  readOriginId,
  readRevoke,
  readStanzaId,
  readTypingState,
  textMessage,
  transferIq,
  typingMessage,
  type OfferPayload,
} from './profile-stanzas.ts';
import { createStropheConnection, XmppStatus, type ConnectionFactory, type XmppConnection } from './xmpp-connection.ts';

export interface XmppChatChannelOptions {
  /** The WebSocket endpoint (preferred). */
  readonly websocketUrl: string | null;
  /** The BOSH endpoint: the fallback when WebSocket cannot connect. */
  readonly boshUrl: string | null;
  /** The XMPP domain agents sign in to (username@domain). */
  readonly domain: string;
  /** The router's JID (availability goes to it, requests are sent to it, offers come only from it). */
  readonly routerJid: string;
  /** The agent's name in rooms (the customer sees it); defaults to the username. */
  readonly displayName?: string;
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

interface OfferState {
  /** When it arrived, on the channel's own counter (see #reconcile). */
  readonly sequence: number;
  readonly offer: ChatOffer;
  readonly customerJid: string | null;
  timer: TimerHandle;
}

interface SessionState {
  readonly sequence: number;
  readonly chatId: string;
  readonly room: string;
  readonly customerName: string;
  readonly customerJid: string | null;
  readonly context: ChatOffer['context'];
  readonly acceptedAt: number;
  readonly log: ConversationLog;
  /** The room's stanza-id of the newest message taken in: where archive catch-up resumes. */
  lastArchiveId: string | null;
  joined: boolean;
  catchingUp: boolean;
  /** Live room messages that arrived during catch-up, taken in after it so the order holds. */
  buffered: Element[];
  /** Occupant nick -> real bare JID, from room presence. */
  readonly occupants: Map<string, string>;
  customerTyping: TypingState;
  lastTypingSent: TypingState | null;
}

const ARCHIVE_PAGE = 50;
const PING_INTERVAL_MS = 30_000;
/** How long a hand-over waits for the room to confirm what the agent wrote, and for the stream to close. */
const DETACH_WAIT_MS = 3000;

/** The kind of transport an endpoint address names: ws:/wss: is WebSocket, anything else (http:, https:) BOSH. */
export function transportOf(service: string): 'websocket' | 'bosh' {
  return /^wss?:/i.test(service) ? 'websocket' : 'bosh';
}

/**
 * The endpoints to try, in order: WebSocket first, BOSH second. Until a session has been established the channel
 * goes down this list (and round again) on every failed attempt; once one endpoint has worked, reconnects stay on
 * it (a XEP-0198 resumption needs the same endpoint), until the next sign-in starts from the top again.
 */
export function serviceOrder(options: Pick<XmppChatChannelOptions, 'websocketUrl' | 'boshUrl'>): string[] {
  return [options.websocketUrl, options.boshUrl].filter((s): s is string => !!s);
}

export class XmppChatChannel implements ChatChannel {
  readonly #opts: XmppChatChannelOptions;
  readonly #clock: Timers;
  readonly #random: () => number;
  readonly #backoff: BackoffPolicy;
  readonly #createConnection: ConnectionFactory;
  readonly #newId: () => string;
  readonly #iq: IqTracker;
  readonly #routerBare: string;
  readonly #listeners = new Set<(event: ChatEvent) => void>();
  readonly #offers = new Map<string, OfferState>();
  readonly #sessions = new Map<string, SessionState>();
  /** Archive results by query id, collected until the query's IQ result arrives. */
  readonly #archiveResults = new Map<string, ArchivedMessage[]>();

  #status: ChatConnectionStatus = 'offline';
  #conn: XmppConnection | null = null;
  #credentials: ChatCredentials | null = null;
  #wantOnline = false;
  #availability: AvailabilityReport = { state: 'NOT_READY', active: 0, max: 0 };
  #attempt = 0;
  #serviceIndex = 0;
  #everConnected = false;
  #reconnectTimer: TimerHandle = null;
  #pingTimer: TimerHandle = null;
  #linkToken = 0;
  #signInWaiters: ((result: Result<void, ChatChannelError>) => void)[] = [];
  #myBare = '';
  /** The router did not answer the assignments query (it may be restarting): ask again when it is back. */
  #reconcileFailed = false;
  /** Orders offers and sessions against assignments queries. */
  #sequence = 0;
  /** Handed over to another window: this channel is done for good. */
  #detached = false;
  /** Called when the room confirms an outgoing message (a hand-over waits for them). */
  #onConfirmed: (() => void) | null = null;
  /** Called when the stream being closed on purpose is gone. */
  #onClosed: { readonly conn: XmppConnection; readonly done: () => void } | null = null;

  constructor(options: XmppChatChannelOptions) {
    this.#opts = options;
    this.#clock = options.clock ?? systemTimers;
    this.#random = options.random ?? Math.random;
    this.#backoff = options.backoff ?? RECONNECT_BACKOFF;
    this.#createConnection = options.createConnection ?? createStropheConnection;
    this.#newId = options.newId ?? randomId;
    this.#iq = new IqTracker(this.#clock, options.requestTimeoutMs ?? 10_000);
    this.#routerBare = bareJid(options.routerJid);
  }

  // ---------------------------------------------------------------- port

  subscribe(listener: (event: ChatEvent) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  status(): ChatConnectionStatus {
    return this.#status;
  }

  offers(): readonly ChatOffer[] {
    return [...this.#offers.values()].map((o) => o.offer);
  }

  activeChats(): readonly ChatSession[] {
    return [...this.#sessions.values()].map((s) => this.#snapshot(s));
  }

  signIn(credentials: ChatCredentials): Promise<Result<void, ChatChannelError>> {
    if (this.#detached) {
      return Promise.resolve(err(chatError('not-signed-in', 'This chat connection was handed over to another window; this window makes a new one to sign in again.')));
    }
    if (this.#status === 'online' && this.#credentials?.username === credentials.username) return Promise.resolve(ok(undefined));
    this.#credentials = credentials;
    this.#myBare = `${credentials.username}@${this.#opts.domain}`.toLowerCase();
    this.#wantOnline = true;
    this.#attempt = 0;
    this.#everConnected = false;
    this.#serviceIndex = 0;
    const waiting = new Promise<Result<void, ChatChannelError>>((resolve) => this.#signInWaiters.push(resolve));
    if (this.#status === 'offline') this.#connect();
    return waiting;
  }

  async signOut(): Promise<Result<void, ChatChannelError>> {
    let result: Result<void, ChatChannelError> = ok(undefined);
    if (this.#status === 'online') {
      for (const session of [...this.#sessions.values()]) {
        const returned = await this.transfer(session.chatId, { kind: 'queue' });
        if (!returned.ok) result = returned;
      }
    } else if (this.#sessions.size > 0) {
      result = err(chatError('unreachable', 'The chat server could not be reached: the router returns these chats to the queue when its grace period ends.'));
    }
    this.#availability = { ...this.#availability, state: 'OFFLINE', active: 0 };
    this.#wantOnline = false;
    this.#clock.clearTimeout(this.#reconnectTimer);
    const conn = this.#conn;
    if (conn && this.#status === 'online') {
      this.#send(availabilityPresence(this.#opts.routerJid, this.#availability));
      try {
        conn.disconnect('signed out');
      } catch {
        // the transport was already gone; the router's grace period covers it
      }
    }
    this.#dropLink();
    for (const chatId of [...this.#offers.keys()]) this.#removeOffer(chatId, 'revoked');
    for (const session of [...this.#sessions.values()]) this.#closeSession(session, 'returned-to-queue', false);
    this.#setStatus('offline', null);
    return result;
  }

  async detach(): Promise<Result<void, ChatChannelError>> {
    if (this.#detached) return ok(undefined);
    this.#detached = true;
    this.#wantOnline = false;
    this.#clock.clearTimeout(this.#reconnectTimer);
    this.#finishSignIn(err(chatError('not-signed-in', 'This chat connection was handed over to another window.')));
    const conn = this.#conn;
    if (conn && this.#status === 'online') {
      // What the agent wrote goes to the rooms on this stream, and is confirmed there, before it closes: the new
      // window reads it from the archive.
      for (const session of this.#sessions.values()) this.#flushOutbox(session);
      await this.#waitFor(() => this.#pendingOutgoing() === 0, (wake) => (this.#onConfirmed = wake));
      this.#onConfirmed = null;
      // A plain close: the server tells the router and the rooms this session is unavailable, with no
      // availability in it, which the router reads as a session ending, not as signing out.
      let closed = false;
      await this.#waitFor(() => closed, (wake) => {
        const done = (): void => {
          closed = true;
          wake();
        };
        this.#onClosed = { conn, done };
        try {
          conn.disconnect('handed over to another window');
        } catch {
          done(); // the transport was already gone
        }
      });
      this.#onClosed = null;
    } else if (conn) {
      // An attempt in progress must not come up after the hand-over.
      this.#linkToken += 1;
      try {
        conn.disconnect('handed over to another window');
      } catch {
        // nothing was connected
      }
    }
    const unsent = this.#pendingOutgoing();
    this.#linkToken += 1; // callbacks of the closed stream are stale
    this.#dropLink();
    for (const state of this.#offers.values()) this.#clock.clearTimeout(state.timer);
    this.#offers.clear();
    this.#sessions.clear();
    this.#setStatus('offline', 'detached');
    return unsent === 0
      ? ok(undefined)
      : err(chatError('unreachable', `${unsent} message${unsent === 1 ? '' : 's'} written in this window could not be confirmed by the chat server before the hand-over; check the conversation in the other window.`));
  }

  publishAvailability(report: AvailabilityReport): void {
    this.#availability = report;
    if (this.#status === 'online' && this.#conn) this.#send(availabilityPresence(this.#opts.routerJid, report));
  }

  async accept(chatId: string): Promise<Result<ChatSession, ChatChannelError>> {
    const pending = this.#offers.get(chatId);
    if (!pending) return err(chatError('no-such-offer', 'This chat is no longer offered to you.'));
    const conn = this.#conn;
    if (!conn || this.#status !== 'online') return err(chatError('unreachable', 'The chat server is not connected; the offer cannot be accepted now.'));
    const answer = await this.#iq.send(conn, acceptIq(this.#opts.routerJid, chatId));
    const assigned = answer.ok ? readAssigned(answer.value) : null;
    if (!answer.ok || !assigned) {
      this.#removeOffer(chatId, 'revoked');
      return err(requestError(answer.ok ? null : answer.error, 'The chat was withdrawn before it could be accepted.'));
    }
    this.#removeOffer(chatId, null);
    const session = this.#startSession(
      { ...pending.offer, customerJid: pending.customerJid },
      assigned.room,
      this.#clock.now(),
    );
    return ok(this.#snapshot(session));
  }

  async decline(chatId: string, reason?: string): Promise<Result<void, ChatChannelError>> {
    if (!this.#offers.has(chatId)) return err(chatError('no-such-offer', 'This chat is no longer offered to you.'));
    const conn = this.#conn;
    this.#removeOffer(chatId, 'declined');
    if (!conn || this.#status !== 'online') return err(chatError('unreachable', 'The chat server is not connected; the offer expires and is routed elsewhere.'));
    const answer = await this.#iq.send(conn, declineIq(this.#opts.routerJid, chatId, reason ?? null));
    return answer.ok ? ok(undefined) : err(requestError(answer.error, 'The router did not take the decline; the offer expires and is routed elsewhere.'));
  }

  send(chatId: string, text: string): Result<ChatMessage, ChatChannelError> {
    const session = this.#sessions.get(chatId);
    if (!session) return err(chatError('no-such-chat', 'This chat is not active here.'));
    const checked = messageText(text);
    if (!checked.ok) {
      return err(checked.error === 'empty'
        ? chatError('empty', 'There is nothing to send.')
        : chatError('too-long', 'The message is too long to send; split it into shorter messages.'));
    }
    const message = session.log.addOutgoing(this.#newId(), this.#displayName(), checked.value, this.#clock.now());
    session.lastTypingSent = 'active';
    this.#flushOutbox(session);
    return ok(message);
  }

  setTyping(chatId: string, state: TypingState): void {
    const session = this.#sessions.get(chatId);
    if (!session || !this.#canSendToRoom(session) || session.lastTypingSent === state) return;
    session.lastTypingSent = state;
    this.#send(typingMessage(session.room, state));
  }

  async end(chatId: string): Promise<Result<void, ChatChannelError>> {
    const session = this.#sessions.get(chatId);
    if (!session) return err(chatError('no-such-chat', 'This chat is not active here.'));
    const conn = this.#conn;
    if (!conn || this.#status !== 'online') return err(chatError('unreachable', 'The chat server is not connected; end the chat again once it is back.'));
    const answer = await this.#iq.send(conn, endIq(this.#opts.routerJid, chatId));
    if (!answer.ok) return err(requestError(answer.error, 'The router did not end the chat.'));
    const still = this.#sessions.get(chatId);
    if (still) this.#closeSession(still, 'ended-by-agent', true);
    return ok(undefined);
  }

  async transfer(chatId: string, target: TransferTarget): Promise<Result<void, ChatChannelError>> {
    const session = this.#sessions.get(chatId);
    if (!session) return err(chatError('no-such-chat', 'This chat is not active here.'));
    const conn = this.#conn;
    if (!conn || this.#status !== 'online') return err(chatError('unreachable', 'The chat server is not connected; transfer the chat once it is back.'));
    // Messages the agent wrote must reach the room before the chat leaves: the next agent reads them.
    this.#flushOutbox(session);
    const answer = await this.#iq.send(conn, transferIq(this.#opts.routerJid, chatId, target));
    if (!answer.ok) return err(requestError(answer.error, 'The router did not take the transfer.'));
    const still = this.#sessions.get(chatId);
    if (still) this.#closeSession(still, target.kind === 'queue' ? 'returned-to-queue' : 'transferred', true);
    return ok(undefined);
  }

  // ---------------------------------------------------------------- link

  #services(): string[] {
    return serviceOrder(this.#opts);
  }

  #pendingOutgoing(): number {
    let n = 0;
    for (const session of this.#sessions.values()) n += session.log.pendingCount();
    return n;
  }

  /** Resolves once `done()` holds (checked whenever `arm`'s wake-up is called) or after DETACH_WAIT_MS. */
  #waitFor(done: () => boolean, arm: (wake: () => void) => void): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (): void => {
        if (settled) return;
        settled = true;
        this.#clock.clearTimeout(timer);
        resolve();
      };
      const timer = this.#clock.setTimeout(finish, DETACH_WAIT_MS);
      arm(() => {
        if (done()) finish();
      });
    });
  }

  #connect(): void {
    const credentials = this.#credentials;
    const services = this.#services();
    if (!credentials || services.length === 0) {
      this.#finishSignIn(err(chatError('unreachable', 'No chat server address is configured (chatService).')));
      return;
    }
    const service = services[this.#serviceIndex % services.length] ?? services[0] ?? '';
    const websocket = /^wss?:/i.test(service);
    // Reuse the connection on the same endpoint so that XEP-0198 can resume the previous session.
    if (!this.#conn || this.#conn.service !== service) {
      this.#conn = this.#createConnection({
        service,
        streamManagement: websocket && (this.#opts.streamManagement ?? true),
        auth: credentials.kind,
      });
    }
    const conn = this.#conn;
    const token = ++this.#linkToken;
    this.#setStatus(this.#everConnected ? 'reconnecting' : 'connecting', null);
    const secret = credentials.kind === 'password' ? credentials.password : credentials.token;
    conn.connect(`${credentials.username}@${this.#opts.domain}`, secret.reveal(), (status: number, condition: string | null) => {
      if (token !== this.#linkToken) return; // a superseded attempt
      this.#onStatus(conn, status, condition);
    });
  }

  #onStatus(conn: XmppConnection, status: number, condition: string | null): void {
    if (this.#onClosed?.conn === conn && (status === XmppStatus.DISCONNECTED || status === XmppStatus.CONNFAIL || status === XmppStatus.ERROR)) {
      this.#onClosed.done();
    }
    switch (status) {
      case XmppStatus.CONNECTED:
      case XmppStatus.ATTACHED:
        this.#onConnected(conn);
        return;
      case XmppStatus.AUTHFAIL:
        this.#wantOnline = false;
        this.#linkToken += 1;
        this.#dropLink();
        this.#setStatus('offline', 'auth-failed');
        this.#finishSignIn(err(chatError('auth-failed', 'The chat server refused the agent\'s credentials.')));
        return;
      case XmppStatus.CONNFAIL:
      case XmppStatus.CONNTIMEOUT:
      case XmppStatus.ERROR:
      case XmppStatus.DISCONNECTED:
        this.#onLinkLost(condition);
        return;
      default:
        return;
    }
  }

  #onLinkLost(condition: string | null): void {
    this.#linkToken += 1; // later callbacks of this attempt are stale
    this.#dropLink();
    if (!this.#wantOnline) return;
    this.#opts.log?.(`chat link lost${condition ? ` (${condition})` : ''}; reconnecting`);
    if (!this.#everConnected) {
      // No session yet: the next attempt goes to the next endpoint of serviceOrder (WebSocket, then BOSH).
      this.#serviceIndex += 1;
      if (this.#attempt === 0) this.#finishSignIn(err(chatError('unreachable', 'The chat server could not be reached; still trying.')));
    }
    this.#setStatus(this.#everConnected ? 'reconnecting' : 'connecting', condition);
    const delay = backoffDelay(this.#backoff, this.#attempt, this.#random);
    this.#attempt += 1;
    this.#clock.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = this.#clock.setTimeout(() => {
      if (this.#wantOnline) this.#connect();
    }, delay);
  }

  /** Forgets everything tied to the stream that just ended. */
  #dropLink(): void {
    this.#clock.clearTimeout(this.#pingTimer);
    this.#iq.failAll();
    for (const session of this.#sessions.values()) {
      session.joined = false;
      session.catchingUp = false;
      session.buffered = [];
    }
  }

  #onConnected(conn: XmppConnection): void {
    const resumed = conn.hasResumed();
    this.#attempt = 0;
    this.#everConnected = true;
    this.#installHandlers(conn);
    this.#schedulePing(conn);
    this.#setStatus('online', resumed ? 'resumed' : null);
    this.#finishSignIn(ok(undefined));
    if (resumed) {
      // The server kept the session: rooms, offers and unacknowledged stanzas survived. Send what was
      // written while away and bring the router up to date.
      for (const session of this.#sessions.values()) {
        session.joined = true;
        this.#flushOutbox(session);
      }
      this.#send(availabilityPresence(this.#opts.routerJid, this.#availability));
      return;
    }
    for (const session of this.#sessions.values()) session.log.streamLost();
    this.#send($pres());
    this.#send(availabilityPresence(this.#opts.routerJid, this.#availability));
    void this.#reconcile(conn);
  }

  /** After a fresh session: ask the router what is ours, then rejoin every room and catch up. */
  async #reconcile(conn: XmppConnection): Promise<void> {
    // Offers and chats that arrive while the query is out are newer than its answer: keep them.
    const asked = ++this.#sequence;
    const answer = await this.#iq.send(conn, assignmentsQuery(this.#opts.routerJid));
    if (conn !== this.#conn || this.#status !== 'online') return;
    const list = answer.ok ? readAssignments(answer.value) : null;
    this.#reconcileFailed = list === null;
    if (list) {
      const listed = new Set(list.chats.map((c) => c.chatId));
      for (const session of [...this.#sessions.values()]) {
        if (!listed.has(session.chatId) && session.sequence < asked) this.#closeSession(session, 'returned-to-queue', false);
      }
      for (const chat of list.chats) {
        if (!this.#sessions.has(chat.chatId)) this.#startSession(chat, chat.room, this.#clock.now());
      }
      const offered = new Set(list.offers.map((o) => o.chatId));
      for (const [chatId, state] of [...this.#offers]) {
        if (!offered.has(chatId) && state.sequence < asked) this.#removeOffer(chatId, 'revoked');
      }
      for (const offer of list.offers) if (!this.#offers.has(offer.chatId)) this.#addOffer(offer);
      this.#emit({ type: 'assignments', chatIds: [...this.#sessions.keys()] });
    }
    for (const session of this.#sessions.values()) if (!session.joined) this.#join(session);
  }

  #schedulePing(conn: XmppConnection): void {
    this.#clock.clearTimeout(this.#pingTimer);
    this.#pingTimer = this.#clock.setTimeout(async () => {
      if (conn !== this.#conn || this.#status !== 'online') return;
      const answer = await this.#iq.send(conn, $iq({ type: 'get', to: this.#opts.domain }).c('ping', { xmlns: 'urn:xmpp:ping' }));
      if (conn !== this.#conn || this.#status !== 'online') return;
      if (!answer.ok && answer.error.kind === 'timeout') {
        // A silent link (no TCP close): drop it so reconnect takes over.
        conn._doDisconnect('ping timeout');
        return;
      }
      this.#schedulePing(conn);
    }, PING_INTERVAL_MS);
  }

  /** Sends on the current stream; a transport that is already gone counts as a lost link. */
  #send(stanza: Builder): void {
    const conn = this.#conn;
    if (!conn) return;
    try {
      conn.send(stanza);
    } catch {
      this.#clock.setTimeout(() => {
        if (this.#conn === conn && this.#status === 'online') this.#onLinkLost('send failed');
      }, 0);
    }
  }

  #finishSignIn(result: Result<void, ChatChannelError>): void {
    const waiters = this.#signInWaiters;
    this.#signInWaiters = [];
    for (const resolve of waiters) resolve(result);
  }

  #setStatus(status: ChatConnectionStatus, detail: string | null): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#emit({ type: 'status', status, detail });
  }

  #emit(event: ChatEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }

  // ---------------------------------------------------------------- inbound

  #installHandlers(conn: XmppConnection): void {
    conn.addHandler((iq) => this.#onIqSet(conn, iq), NS_CHAT, 'iq', 'set');
    conn.addHandler((message) => this.#onMessage(message), null, 'message', null);
    conn.addHandler((presence) => this.#onPresence(presence), null, 'presence', null);
  }

  #onIqSet(conn: XmppConnection, iq: Element): boolean {
    const from = iq.getAttribute('from') ?? '';
    const id = iq.getAttribute('id') ?? '';
    const reply = (type: 'result' | 'error'): void => {
      const answer = $iq({ type, to: from, id });
      if (type === 'error') answer.c('error', { type: 'cancel' }).c('not-allowed', { xmlns: NS_STANZAS });
      this.#send(answer);
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
      if (this.#offers.has(revoke.chatId)) this.#removeOffer(revoke.chatId, revoke.reason === 'expired' ? 'expired' : 'revoked');
      const session = this.#sessions.get(revoke.chatId);
      if (session) this.#closeSession(session, revoke.reason === 'transferred' ? 'transferred' : 'returned-to-queue', true);
      return true;
    }
    reply('error');
    return true;
  }

  #onPresence(presence: Element): boolean {
    const from = presence.getAttribute('from') ?? '';
    if (bareJid(from) === this.#routerBare) {
      // The router (re)started: it knows nothing of this agent until told again.
      if (presence.getAttribute('type') !== 'unavailable' && this.#status === 'online' && this.#conn) {
        this.#send(availabilityPresence(this.#opts.routerJid, this.#availability));
        if (this.#reconcileFailed) void this.#reconcile(this.#conn);
      }
      return true;
    }
    const occupant = readOccupantPresence(presence);
    if (!occupant) return true;
    const session = [...this.#sessions.values()].find((s) => s.room === occupant.room);
    if (!session) return true;
    if (occupant.error) {
      this.#opts.log?.(`joining a chat room failed: ${occupant.error}`);
      // Not a member any more: the chat was taken away while this agent was gone.
      if (occupant.error === 'registration-required' || occupant.error === 'forbidden' || occupant.error === 'item-not-found') {
        this.#closeSession(session, 'returned-to-queue', false);
      }
      return true;
    }
    if (occupant.realJid) session.occupants.set(occupant.nick, occupant.realJid);
    const isMe = occupant.self || (occupant.realJid === this.#myBare && occupant.nick === this.#displayName());
    if (!isMe) return true;
    if (occupant.available && !session.joined) {
      session.joined = true;
      void this.#catchUp(session);
    } else if (!occupant.available && occupant.removed) {
      this.#closeSession(session, 'returned-to-queue', false);
    }
    return true;
  }

  #onMessage(message: Element): boolean {
    const archived = readArchivedMessage(message);
    if (archived) {
      this.#archiveResults.get(archived.queryId)?.push(archived);
      return true;
    }
    if (message.getAttribute('type') !== 'groupchat') return true;
    const from = message.getAttribute('from') ?? '';
    const session = [...this.#sessions.values()].find((s) => s.room === bareJid(from));
    if (!session) return true;
    if (session.catchingUp) {
      session.buffered.push(message);
      return true;
    }
    this.#takeRoomMessage(session, message, null, null);
    return true;
  }

  /** Takes in one room message, live or archived, exactly once. */
  #takeRoomMessage(session: SessionState, message: Element, archiveId: string | null, archivedAt: number | null): void {
    const from = message.getAttribute('from') ?? '';
    const nick = jidResource(from) ?? '';
    const stanzaId = archiveId ?? readStanzaId(message, session.room);
    if (stanzaId) session.lastArchiveId = stanzaId;
    const realJid = archivedSenderJid(message) ?? session.occupants.get(nick) ?? null;
    const sender = this.#senderOf(session, nick, realJid);
    const body = childText(message, 'body');
    if (body === null) {
      const typing = readTypingState(message);
      if (typing && sender === 'customer' && archiveId === null && typing !== session.customerTyping) {
        session.customerTyping = typing;
        this.#emit({ type: 'typing', chatId: session.chatId, state: typing });
      }
      return;
    }
    if (message.getAttribute('type') === 'error') return;
    const id = readOriginId(message) ?? stanzaId;
    if (!id) return;
    const notice = sender === 'system' ? readNotice(message) : null;
    const outcome = session.log.receive({
      id,
      sender,
      senderName: sender === 'customer' ? session.customerName : sender === 'self' ? this.#displayName() : sender === 'system' ? 'System' : nick,
      text: body,
      at: archivedAt ?? delayStamp(message) ?? this.#clock.now(),
    });
    if (outcome.kind === 'new') {
      this.#emit({ type: 'message', chatId: session.chatId, message: outcome.message });
      if (sender === 'customer' && session.customerTyping !== 'active') session.customerTyping = 'active';
    } else if (outcome.kind === 'confirmed') {
      this.#emit({ type: 'message-confirmed', chatId: session.chatId, messageId: outcome.messageId });
      this.#onConfirmed?.();
    }
    if (outcome.kind === 'new' && notice?.type === 'ended') {
      const reason: SessionCloseReason = notice.by === 'customer' ? 'ended-by-customer' : notice.by === 'agent' ? 'ended-by-agent' : 'ended-by-system';
      this.#closeSession(session, reason, true);
    }
  }

  #senderOf(session: SessionState, nick: string, realJid: string | null): ChatSender {
    if (realJid) {
      if (realJid === this.#myBare) return 'self';
      if (realJid === this.#routerBare) return 'system';
      if (session.customerJid && realJid === bareJid(session.customerJid)) return 'customer';
      return 'agent';
    }
    // Without a real JID (should not happen in the profile's non-anonymous rooms) fall back to the nick.
    if (nick === this.#displayName()) return 'self';
    return 'customer';
  }

  // ---------------------------------------------------------------- rooms

  #startSession(offer: OfferPayload, room: string, acceptedAt: number): SessionState {
    const session: SessionState = {
      sequence: ++this.#sequence,
      chatId: offer.chatId,
      room: bareJid(room),
      customerName: offer.customerName,
      customerJid: offer.customerJid,
      context: offer.context,
      acceptedAt,
      log: new ConversationLog(offer.chatId),
      lastArchiveId: null,
      joined: false,
      catchingUp: false,
      buffered: [],
      occupants: new Map(),
      customerTyping: 'active',
      lastTypingSent: null,
    };
    this.#sessions.set(offer.chatId, session);
    this.#emit({ type: 'session-started', session: this.#snapshot(session) });
    this.#join(session);
    return session;
  }

  #join(session: SessionState): void {
    if (this.#status !== 'online' || !this.#conn) return;
    this.#send(joinPresence(session.room, this.#displayName()));
  }

  /** Fetches what the room archived after the last message taken in, then releases what arrived meanwhile. */
  async #catchUp(session: SessionState): Promise<void> {
    const conn = this.#conn;
    if (!conn) return;
    session.catchingUp = true;
    let after = session.lastArchiveId;
    for (let page = 0; page < 200; page += 1) {
      const queryId = this.#newId();
      this.#archiveResults.set(queryId, []);
      const answer = await this.#iq.send(conn, mamQuery(session.room, queryId, after, ARCHIVE_PAGE));
      const results = this.#archiveResults.get(queryId) ?? [];
      this.#archiveResults.delete(queryId);
      if (conn !== this.#conn || !this.#sessions.has(session.chatId) || !session.joined) return;
      if (!answer.ok) {
        if (answer.error.kind === 'error' && answer.error.condition === 'item-not-found' && after !== null) {
          after = null; // the archive no longer knows that id: read it all, duplicates are dropped
          continue;
        }
        this.#opts.log?.('chat history could not be read; continuing with live messages');
        break;
      }
      for (const result of results) {
        this.#takeRoomMessage(session, result.message, result.archiveId, result.at);
        if (!this.#sessions.has(session.chatId)) return;
      }
      const fin = readMamFin(answer.value);
      if (!fin || fin.complete || !fin.last || results.length === 0) break;
      after = fin.last;
    }
    session.catchingUp = false;
    const buffered = session.buffered;
    session.buffered = [];
    for (const message of buffered) {
      if (!this.#sessions.has(session.chatId)) return;
      this.#takeRoomMessage(session, message, null, null);
    }
    this.#flushOutbox(session);
  }

  #canSendToRoom(session: SessionState): boolean {
    return this.#status === 'online' && !!this.#conn && session.joined && !session.catchingUp;
  }

  /** Sends every message not yet handed to this stream, in the order they were written, with their ids. */
  #flushOutbox(session: SessionState): void {
    if (!this.#canSendToRoom(session) || !this.#conn) return;
    for (const message of session.log.unsent()) {
      this.#send(textMessage(session.room, message.id, message.text));
      session.log.markSent(message.id);
    }
  }

  #closeSession(session: SessionState, reason: SessionCloseReason, leaveRoom: boolean): void {
    if (this.#sessions.get(session.chatId) !== session) return;
    this.#sessions.delete(session.chatId);
    if (leaveRoom && this.#status === 'online' && this.#conn && session.joined) {
      this.#send(leavePresence(session.room, this.#displayName()));
    }
    this.#emit({ type: 'session-closed', chatId: session.chatId, reason, transcript: session.log.transcript() });
  }

  // ---------------------------------------------------------------- offers

  #addOffer(payload: OfferPayload): void {
    const now = this.#clock.now();
    if (this.#offers.has(payload.chatId) || this.#sessions.has(payload.chatId) || payload.expiresAt <= now) return;
    const offer: ChatOffer = {
      chatId: payload.chatId,
      customerName: payload.customerName,
      context: payload.context,
      offeredAt: now,
      expiresAt: payload.expiresAt,
      transferredFrom: payload.transferredFrom,
    };
    const state: OfferState = { sequence: ++this.#sequence, offer, customerJid: payload.customerJid, timer: null };
    state.timer = this.#clock.setTimeout(() => this.#removeOffer(offer.chatId, 'expired'), payload.expiresAt - now);
    this.#offers.set(offer.chatId, state);
    this.#emit({ type: 'offer', offer });
  }

  /** Removes an offer; `reason` null means it became a session (no withdrawal to report). */
  #removeOffer(chatId: string, reason: 'expired' | 'revoked' | 'declined' | null): void {
    const state = this.#offers.get(chatId);
    if (!state) return;
    this.#clock.clearTimeout(state.timer);
    this.#offers.delete(chatId);
    if (reason) this.#emit({ type: 'offer-withdrawn', chatId, reason });
  }

  // ---------------------------------------------------------------- helpers

  #displayName(): string {
    return this.#opts.displayName ?? this.#credentials?.username ?? 'agent';
  }

  #snapshot(session: SessionState): ChatSession {
    return {
      chatId: session.chatId,
      customerName: session.customerName,
      context: session.context,
      acceptedAt: session.acceptedAt,
      transcript: session.log.transcript(),
      customerTyping: session.customerTyping,
    };
  }
}

function chatError(code: ChatChannelErrorCode, message: string): ChatChannelError {
  return { code, message };
}

/** Maps a failed request to the router to a ChatChannelError an agent can act on. */
function requestError(failure: IqFailure | null, fallback: string): ChatChannelError {
  if (!failure) return chatError('rejected', fallback);
  if (failure.kind === 'timeout') return chatError('timeout', 'The chat router did not answer in time.');
  if (failure.kind === 'disconnected') return chatError('unreachable', 'The chat server connection dropped before the router answered.');
  if (failure.condition === 'item-not-found') return chatError('no-such-offer', fallback);
  return chatError('rejected', failure.text ?? fallback);
}

/** The XEP-0203 delay stamp of a message, or null. */
function delayStamp(message: Element): number | null {
  const delay = childElement(message, 'delay', NS_DELAY);
  const stamp = delay ? Date.parse(attr(delay, 'stamp') ?? '') : NaN;
  return Number.isNaN(stamp) ? null : stamp;
}
