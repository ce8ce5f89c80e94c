// The link to the chat server: one XMPP stream, kept up while the agent is signed in. It chooses the endpoint
// (WebSocket, else BOSH), reconnects with backoff, lets XEP-0198 resume a session the server kept, drops a link that
// stopped answering pings, and times out requests. What travels over the stream is the channel's business.
import { $iq, type Builder } from 'strophe.js';
import { err, ok, type Result } from '../../result.ts';
import { backoffDelay, type BackoffPolicy } from '../../shared/backoff.ts';
import type { RandomSource, TimerHandle, Timers } from '../../shared/timers.ts';
import type { ChatChannelError, ChatConnectionStatus, ChatCredentials } from '../chat-channel.ts';
import { chatError } from './channel-errors.ts';
import { IqTracker, type IqFailure } from './iq-tracker.ts';
import { waitUntil } from './wait-until.ts';
import { XmppStatus, type ConnectionFactory, type XmppConnection } from './xmpp-connection.ts';

const PING_INTERVAL_MS = 30_000;

/** Where the chat server listens; either may be missing. */
export interface ChatEndpoints {
  /** The WebSocket endpoint (preferred). */
  readonly websocketUrl: string | null;
  /** The BOSH endpoint: the fallback when WebSocket cannot connect. */
  readonly boshUrl: string | null;
}

/** The kind of transport an endpoint address names: ws:/wss: is WebSocket, anything else (http:, https:) BOSH. */
export function transportOf(service: string): 'websocket' | 'bosh' {
  return /^wss?:/i.test(service) ? 'websocket' : 'bosh';
}

/**
 * The endpoints to try, in order: WebSocket first, BOSH second. Until a session has been established the link
 * goes down this list (and round again) on every failed attempt; once one endpoint has worked, reconnects stay on
 * it (a XEP-0198 resumption needs the same endpoint), until the next sign-in starts from the top again.
 */
export function serviceOrder(endpoints: ChatEndpoints): string[] {
  return [endpoints.websocketUrl, endpoints.boshUrl].filter((s): s is string => !!s);
}

export interface ChatLinkOptions extends ChatEndpoints {
  readonly domain: string;
  readonly createConnection: ConnectionFactory;
  readonly clock: Timers;
  readonly random: RandomSource;
  readonly backoff: BackoffPolicy;
  readonly requestTimeoutMs: number;
  /** Ask for XEP-0198 on WebSocket. */
  readonly streamManagement: boolean;
  readonly log?: ((line: string) => void) | undefined;
  /** A resource of the link's own (username@domain/resource); absent, the server chooses one. */
  readonly resource?: string;
}

/** What the link tells its owner. */
export interface ChatLinkEvents {
  /** A stream came up: install the stanza handlers on it (strophe drops them with each stream). */
  installHandlers(conn: XmppConnection): void;
  /** The link is online; `resumed` when XEP-0198 kept the session, with its rooms and unacknowledged stanzas. */
  up(resumed: boolean): void;
  /** The stream ended: whatever was tied to it (room joins, open requests) is void. */
  down(): void;
  status(status: ChatConnectionStatus, detail: string | null): void;
}

export class ChatLink {
  readonly #opts: ChatLinkOptions;
  readonly #events: ChatLinkEvents;
  readonly #clock: Timers;
  readonly #iq: IqTracker;

  #status: ChatConnectionStatus = 'offline';
  #conn: XmppConnection | null = null;
  #credentials: ChatCredentials | null = null;
  #wantOnline = false;
  #attempt = 0;
  #serviceIndex = 0;
  #everConnected = false;
  #reconnectTimer: TimerHandle = null;
  #pingTimer: TimerHandle = null;
  /** Bumped whenever an attempt's later callbacks must be ignored. */
  #linkToken = 0;
  #signInWaiters: ((result: Result<void, ChatChannelError>) => void)[] = [];
  /** Called when the stream being closed on purpose is gone. */
  #onClosed: { readonly conn: XmppConnection; readonly done: () => void } | null = null;

  constructor(options: ChatLinkOptions, events: ChatLinkEvents) {
    this.#opts = options;
    this.#events = events;
    this.#clock = options.clock;
    this.#iq = new IqTracker(options.clock, options.requestTimeoutMs);
  }

  get status(): ChatConnectionStatus {
    return this.#status;
  }

  /** The current stream's connection (kept across reconnects to one endpoint, for XEP-0198). */
  get connection(): XmppConnection | null {
    return this.#conn;
  }

  /** True while stanzas sent now reach the server. */
  get online(): boolean {
    return this.#status === 'online' && this.#conn !== null;
  }

  /** The signed-in user, or null. */
  get username(): string | null {
    return this.#credentials?.username ?? null;
  }

  /** Signs in and keeps the link up; resolves once online, or when the first attempt fails (the link keeps trying). */
  open(credentials: ChatCredentials): Promise<Result<void, ChatChannelError>> {
    if (this.#status === 'online' && this.#credentials?.username === credentials.username)
      return Promise.resolve(ok(undefined));
    this.#credentials = credentials;
    this.#wantOnline = true;
    this.#attempt = 0;
    this.#everConnected = false;
    this.#serviceIndex = 0;
    const waiting = new Promise<Result<void, ChatChannelError>>((resolve) => this.#signInWaiters.push(resolve));
    if (this.#status === 'offline') this.#connect();
    return waiting;
  }

  /** Stops reconnecting; a sign-in still waiting gets `error`. The stream, if any, stays up until closed. */
  giveUp(error: ChatChannelError | null): void {
    this.#wantOnline = false;
    this.#clock.clearTimeout(this.#reconnectTimer);
    if (error) this.#finishSignIn(err(error));
  }

  /** Signs out: sends `farewell` on a live stream, closes it, and forgets it. The status is left to `settle`. */
  stop(farewell: Builder): void {
    this.giveUp(null);
    const conn = this.#conn;
    if (conn && this.#status === 'online') {
      this.send(farewell);
      try {
        conn.disconnect('signed out');
      } catch {
        // the transport was already gone; the router's grace period covers it
      }
    }
    this.#dropLink();
  }

  /**
   * Closes the stream without signing out (the server then reports the session as merely gone), waits at most
   * `waitMs` for it to close, and forgets it; an attempt still connecting never comes up. The status is left to `settle`.
   */
  async close(reason: string, waitMs: number): Promise<void> {
    const conn = this.#conn;
    if (conn && this.#status === 'online') {
      let closed = false;
      await waitUntil(
        this.#clock,
        waitMs,
        () => closed,
        (wake) => {
          const done = (): void => {
            closed = true;
            wake();
          };
          this.#onClosed = { conn, done };
          try {
            conn.disconnect(reason);
          } catch {
            done(); // the transport was already gone
          }
        },
      );
      this.#onClosed = null;
    } else if (conn) {
      this.#linkToken += 1;
      try {
        conn.disconnect(reason);
      } catch {
        // nothing was connected
      }
    }
    this.#linkToken += 1; // callbacks of the closed stream are stale
    this.#dropLink();
  }

  /** Reports the final status after `stop` or `close`, once the owner has said what went with the link. */
  settle(detail: string | null): void {
    this.#setStatus('offline', detail);
  }

  /** Sends on the current stream; a transport that is already gone counts as a lost link. */
  send(stanza: Builder): void {
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

  /** Sends an IQ on the current stream and resolves with the answer, a timeout, or the link going down. */
  request(iq: Builder): Promise<Result<Element, IqFailure>> {
    const conn = this.#conn;
    if (!conn) return Promise.resolve(err({ kind: 'disconnected' }));
    return this.#iq.send(conn, iq);
  }

  #connect(): void {
    const credentials = this.#credentials;
    const services = serviceOrder(this.#opts);
    if (!credentials || services.length === 0) {
      this.#finishSignIn(err(chatError('unreachable', 'No chat server address is configured (chatService).')));
      return;
    }
    const service = services[this.#serviceIndex % services.length] ?? services[0] ?? '';
    // Reuse the connection on the same endpoint so that XEP-0198 can resume the previous session.
    if (!this.#conn || this.#conn.service !== service) {
      this.#conn = this.#opts.createConnection({
        service,
        streamManagement: transportOf(service) === 'websocket' && this.#opts.streamManagement,
        auth: credentials.kind,
      });
    }
    const conn = this.#conn;
    const token = ++this.#linkToken;
    this.#setStatus(this.#everConnected ? 'reconnecting' : 'connecting', null);
    const secret = credentials.kind === 'password' ? credentials.password : credentials.token;
    const resource = this.#opts.resource ? `/${this.#opts.resource}` : '';
    conn.connect(
      `${credentials.username}@${this.#opts.domain}${resource}`,
      secret.reveal(),
      (status: number, condition: string | null) => {
        if (token !== this.#linkToken) return; // a superseded attempt
        this.#onStatus(conn, status, condition);
      },
    );
  }

  #onStatus(conn: XmppConnection, status: number, condition: string | null): void {
    if (
      this.#onClosed?.conn === conn &&
      (status === XmppStatus.DISCONNECTED || status === XmppStatus.CONNFAIL || status === XmppStatus.ERROR)
    ) {
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
        this.#finishSignIn(err(chatError('auth-failed', "The chat server refused the agent's credentials.")));
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

  #onConnected(conn: XmppConnection): void {
    const resumed = conn.hasResumed();
    this.#attempt = 0;
    this.#everConnected = true;
    this.#events.installHandlers(conn);
    this.#schedulePing(conn);
    this.#setStatus('online', resumed ? 'resumed' : null);
    this.#finishSignIn(ok(undefined));
    this.#events.up(resumed);
  }

  #onLinkLost(condition: string | null): void {
    this.#linkToken += 1; // later callbacks of this attempt are stale
    this.#dropLink();
    if (!this.#wantOnline) return;
    this.#opts.log?.(`chat link lost${condition ? ` (${condition})` : ''}; reconnecting`);
    if (!this.#everConnected) {
      // No session yet: the next attempt goes to the next endpoint of serviceOrder (WebSocket, then BOSH).
      this.#serviceIndex += 1;
      if (this.#attempt === 0)
        this.#finishSignIn(err(chatError('unreachable', 'The chat server could not be reached; still trying.')));
    }
    this.#setStatus(this.#everConnected ? 'reconnecting' : 'connecting', condition);
    const delay = backoffDelay(this.#opts.backoff, this.#attempt, this.#opts.random);
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
    this.#events.down();
  }

  #schedulePing(conn: XmppConnection): void {
    this.#clock.clearTimeout(this.#pingTimer);
    this.#pingTimer = this.#clock.setTimeout(async () => {
      if (conn !== this.#conn || this.#status !== 'online') return;
      const answer = await this.#iq.send(
        conn,
        $iq({ type: 'get', to: this.#opts.domain }).c('ping', { xmlns: 'urn:xmpp:ping' }),
      );
      if (conn !== this.#conn || this.#status !== 'online') return;
      if (!answer.ok && answer.error.kind === 'timeout') {
        // A silent link (no TCP close): drop it so reconnect takes over.
        conn._doDisconnect('ping timeout');
        return;
      }
      this.#schedulePing(conn);
    }, PING_INTERVAL_MS);
  }

  #finishSignIn(result: Result<void, ChatChannelError>): void {
    const waiters = this.#signInWaiters;
    this.#signInWaiters = [];
    for (const resolve of waiters) resolve(result);
  }

  #setStatus(status: ChatConnectionStatus, detail: string | null): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#events.status(status, detail);
  }
}
