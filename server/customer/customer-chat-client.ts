// The customer's side of a chat (docs/xmpp-chat-profile.md), without any DOM: the customer page drives it in
// the browser, and tests drive it from Node. Anonymous login, a chat request with the pre-chat form, the
// room, queue position, messages, typing, end.
import { $pres } from 'strophe.js';
import type { ChatContextField, TypingState } from '../../src/core/chat/chat-channel.ts';
import { messageText } from '../../src/core/chat/chat-text.ts';
import { systemTimers, type Timers } from '../../src/core/shared/timers.ts';
import { ConversationLog } from '../../src/core/chat/conversation-log.ts';
import { bareJid, childText, jidResource } from '../../src/core/chat/xmpp/dom-read.ts';
import { IqTracker } from '../../src/core/chat/xmpp/iq-tracker.ts';
import {
  archivedSenderJid,
  joinPresence,
  mamQuery,
  readArchivedMessage,
  readMamFin,
  readOccupantPresence,
  type ArchivedMessage,
} from '../../src/core/chat/xmpp/muc-stanzas.ts';
import {
  CUSTOMER_NICK,
  endIq,
  readNotice,
  readOriginId,
  readStanzaId,
  readTypingState,
  textMessage,
  typingMessage,
} from '../../src/core/chat/xmpp/profile/shared.ts';
import { chatRequestIq, readQueued, readQueuePosition, readResumed, resumeIq } from '../router/customer-stanzas.ts';
import {
  createStropheConnection,
  XmppStatus,
  type ConnectionFactory,
  type XmppConnection,
} from '../../src/core/chat/xmpp/xmpp-connection.ts';
import { randomId } from '../../src/core/shared/ids.ts';

interface CustomerChatOptions {
  readonly service: string;
  /** The anonymous VirtualHost customers sign in to. */
  readonly guestDomain: string;
  readonly routerJid: string;
  /** The queue the chat is asked for (the widget's `queue` attribute); the router decides what it means. */
  readonly queue?: string | null;
  readonly createConnection?: ConnectionFactory;
  readonly clock?: Timers;
}

/** A line of the conversation as the customer sees it. */
export interface CustomerLine {
  readonly id: string;
  readonly from: 'me' | 'agent' | 'system';
  readonly name: string;
  readonly text: string;
  readonly pending: boolean;
}

export type CustomerEvent =
  | { readonly type: 'queued'; readonly position: number }
  | { readonly type: 'line'; readonly line: CustomerLine }
  | { readonly type: 'confirmed'; readonly id: string }
  | { readonly type: 'agent-typing'; readonly state: TypingState }
  | { readonly type: 'agent'; readonly name: string | null }
  | { readonly type: 'ended'; readonly by: string }
  | { readonly type: 'disconnected' };

/** What the customer keeps to continue its chat from a new session (a reload, a lost connection). */
export interface ResumeTicket {
  readonly chatId: string;
  readonly secret: string;
  /** The customer's name, for its own lines. */
  readonly name: string;
}

export type ResumeResult =
  | { readonly ok: true }
  /** `refused`: the router will not continue this chat (ended, unknown, wrong secret); start a new one. */
  | { readonly ok: false; readonly reason: 'refused' | 'unreachable'; readonly message: string };

const MY_NICK = CUSTOMER_NICK;

export class CustomerChatClient {
  readonly #opts: CustomerChatOptions;
  readonly #clock: Timers;
  readonly #iq: IqTracker;
  readonly #listeners = new Set<(event: CustomerEvent) => void>();
  readonly #occupants = new Map<string, string>();
  readonly #archive = new Map<string, ArchivedMessage[]>();
  #log: ConversationLog | null = null;
  #conn: XmppConnection | null = null;
  #myBare = '';
  #room = '';
  #chatId = '';
  #joined = false;
  #catchingUp = false;
  #buffered: Element[] = [];
  #ended = false;
  #routerBare: string;
  #name = 'Customer';
  #secret: string | null = null;

  constructor(options: CustomerChatOptions) {
    this.#opts = options;
    this.#clock = options.clock ?? systemTimers;
    this.#iq = new IqTracker(this.#clock, 10_000);
    this.#routerBare = bareJid(options.routerJid);
  }

  subscribe(listener: (event: CustomerEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get chatId(): string {
    return this.#chatId;
  }

  /** What to keep to continue this chat from a new session; null before the router queued it (or an older router). */
  get ticket(): ResumeTicket | null {
    return this.#chatId && this.#secret ? { chatId: this.#chatId, secret: this.#secret, name: this.#name } : null;
  }

  /** True once the chat has ended (either side, or the router). */
  get ended(): boolean {
    return this.#ended;
  }

  /** The conversation so far, in order, each line once. */
  lines(): CustomerLine[] {
    return (this.#log?.transcript() ?? []).map((m) => ({
      id: m.id,
      from: m.sender === 'self' ? 'me' : m.sender === 'system' ? 'system' : 'agent',
      name: m.senderName,
      text: m.text,
      pending: m.pending,
    }));
  }

  /**
   * Signs in anonymously, asks for a chat (in `queue`, or the router's default queue), joins its room and sends the
   * question as the first message.
   */
  async start(
    name: string,
    question: string,
    extra: readonly ChatContextField[] = [],
    queue: string | null = null,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    this.#name = name.trim() || 'Customer';
    const connected = await this.#connect();
    if (!connected) return { ok: false, message: 'The chat service is not reachable. Please try again later.' };
    const conn = this.#conn;
    if (!conn) return { ok: false, message: 'The chat service is not reachable.' };
    const fields: ChatContextField[] = [
      { name: 'name', label: 'Name', value: name },
      { name: 'question', label: 'Question', value: question },
      ...extra,
    ];
    const answer = await this.#iq.send(
      conn,
      chatRequestIq(this.#opts.routerJid, fields, queue ?? this.#opts.queue ?? null),
    );
    // The router's own sentence for a queue it does not have (the chat link names a queue that is not configured).
    if (!answer.ok && answer.error.kind === 'error' && answer.error.condition === 'item-not-found' && answer.error.text)
      return { ok: false, message: answer.error.text };
    const queued = answer.ok ? readQueued(answer.value) : null;
    if (!queued) return { ok: false, message: 'No agent queue is available right now. Please try again later.' };
    this.#chatId = queued.chatId;
    this.#secret = queued.secret;
    this.#room = bareJid(queued.room);
    this.#log = new ConversationLog(queued.chatId);
    this.#emit({ type: 'queued', position: queued.position });
    conn.send(joinPresence(this.#room, MY_NICK));
    if (question.trim()) this.send(question);
    return { ok: true };
  }

  /**
   * Continues a chat on a new anonymous session (after a reload, with the ticket kept from `ticket`, or after the
   * connection was lost, with none: this client's own). The router makes the new session the room's member; the
   * client re-joins and fetches the history, each line once.
   */
  async resume(ticket: ResumeTicket | null = this.ticket): Promise<ResumeResult> {
    if (!ticket) return { ok: false, reason: 'refused', message: 'There is no chat to continue.' };
    if (this.#chatId && this.#chatId !== ticket.chatId)
      return { ok: false, reason: 'refused', message: 'This window is in another chat.' };
    this.#name = ticket.name.trim() || 'Customer';
    this.#dropConnection();
    const connected = await this.#connect();
    const conn = this.#conn;
    if (!connected || !conn)
      return { ok: false, reason: 'unreachable', message: 'The chat service is not reachable. Trying again…' };
    const answer = await this.#iq.send(conn, resumeIq(this.#opts.routerJid, ticket.chatId, ticket.secret));
    const resumed = answer.ok ? readResumed(answer.value) : null;
    if (!resumed) {
      if (answer.ok || answer.error.kind !== 'error')
        return { ok: false, reason: 'unreachable', message: 'The chat service did not answer. Trying again…' };
      this.#dropConnection();
      const message = answer.error.text ?? 'This chat cannot be continued. Please start a new chat.';
      return { ok: false, reason: 'refused', message };
    }
    this.#chatId = resumed.chatId;
    this.#secret = ticket.secret;
    this.#room = bareJid(resumed.room);
    // Lines not yet confirmed by the room go again after the catch-up, with the same ids (the archive may have them).
    if (this.#log) this.#log.streamLost();
    else this.#log = new ConversationLog(resumed.chatId);
    if (resumed.status === 'queued') this.#emit({ type: 'queued', position: resumed.position });
    conn.send(joinPresence(this.#room, MY_NICK));
    return { ok: true };
  }

  /** Sends a line; it is queued until the room is joined and confirmed when the room echoes it. */
  send(text: string): { ok: true; line: CustomerLine } | { ok: false; message: string } {
    if (!this.#log || this.#ended) return { ok: false, message: 'The chat is not open.' };
    const checked = messageText(text);
    if (!checked.ok)
      return {
        ok: false,
        message: checked.error === 'empty' ? 'There is nothing to send.' : 'The message is too long.',
      };
    const message = this.#log.addOutgoing(randomId(), this.#name, checked.value, this.#clock.now());
    this.#flush();
    const line: CustomerLine = { id: message.id, from: 'me', name: this.#name, text: message.text, pending: true };
    this.#emit({ type: 'line', line });
    return { ok: true, line };
  }

  setTyping(state: TypingState): void {
    if (this.#conn && this.#joined && !this.#ended) this.#conn.send(typingMessage(this.#room, state));
  }

  /** Ends the chat for both sides. */
  async end(): Promise<void> {
    if (!this.#conn || !this.#chatId || this.#ended) return;
    await this.#iq.send(this.#conn, endIq(this.#opts.routerJid, this.#chatId));
  }

  /** Leaves without ending (closing the page). */
  close(): void {
    this.#dropConnection();
  }

  #dropConnection(): void {
    const conn = this.#conn;
    this.#conn = null;
    this.#joined = false;
    this.#catchingUp = false;
    this.#buffered = [];
    this.#occupants.clear();
    this.#iq.failAll();
    if (conn) conn.disconnect('customer left');
  }

  // ---------------------------------------------------------------- internals

  #connect(): Promise<boolean> {
    return new Promise((resolve) => {
      const conn = (this.#opts.createConnection ?? createStropheConnection)({
        service: this.#opts.service,
        streamManagement: false,
        auth: 'anonymous',
      });
      this.#conn = conn;
      let settled = false;
      conn.connect(this.#opts.guestDomain, '', (status: number) => {
        if (status === XmppStatus.CONNECTED) {
          this.#myBare = bareJid(conn.jid);
          conn.addHandler((m) => this.#onMessage(m), null, 'message', null);
          conn.addHandler((p) => this.#onPresence(p), null, 'presence', null);
          conn.send($pres());
          settled = true;
          resolve(true);
        } else if (
          status === XmppStatus.CONNFAIL ||
          status === XmppStatus.AUTHFAIL ||
          status === XmppStatus.DISCONNECTED
        ) {
          this.#iq.failAll();
          if (this.#conn === conn) this.#joined = false; // what is sent from now on waits for the resume
          if (!settled) resolve(false);
          else if (this.#conn === conn) this.#emit({ type: 'disconnected' });
          settled = true;
        }
      });
    });
  }

  #onPresence(presence: Element): boolean {
    const occupant = readOccupantPresence(presence);
    if (!occupant || occupant.room !== this.#room) return true;
    if (occupant.realJid) this.#occupants.set(occupant.nick, occupant.realJid);
    const isAgent =
      occupant.realJid !== null &&
      !this.#isMe(occupant.realJid, occupant.nick) &&
      occupant.realJid !== this.#routerBare;
    if (isAgent) this.#emit({ type: 'agent', name: occupant.available ? occupant.nick : null });
    if (occupant.self && occupant.available && !this.#joined) {
      this.#joined = true;
      void this.#catchUp();
    }
    return true;
  }

  #onMessage(message: Element): boolean {
    const archived = readArchivedMessage(message);
    if (archived) {
      this.#archive.get(archived.queryId)?.push(archived);
      return true;
    }
    const position = readQueuePosition(message);
    if (
      position &&
      position.chatId === this.#chatId &&
      bareJid(message.getAttribute('from') ?? '') === this.#routerBare
    ) {
      this.#emit({ type: 'queued', position: position.position });
      return true;
    }
    if (message.getAttribute('type') !== 'groupchat' || bareJid(message.getAttribute('from') ?? '') !== this.#room)
      return true;
    if (this.#catchingUp) this.#buffered.push(message);
    else this.#take(message, null);
    return true;
  }

  async #catchUp(): Promise<void> {
    const conn = this.#conn;
    if (!conn) return;
    this.#catchingUp = true;
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const queryId = randomId();
      this.#archive.set(queryId, []);
      const answer = await this.#iq.send(conn, mamQuery(this.#room, queryId, after, 50));
      const results = this.#archive.get(queryId) ?? [];
      this.#archive.delete(queryId);
      for (const r of results) this.#take(r.message, r.archiveId);
      const fin = answer.ok ? readMamFin(answer.value) : null;
      if (!fin || fin.complete || !fin.last || results.length === 0) break;
      after = fin.last;
    }
    this.#catchingUp = false;
    const buffered = this.#buffered;
    this.#buffered = [];
    for (const m of buffered) this.#take(m, null);
    this.#flush();
  }

  #take(message: Element, archiveId: string | null): void {
    const log = this.#log;
    if (!log) return;
    const nick = jidResource(message.getAttribute('from') ?? '') ?? '';
    const realJid = archivedSenderJid(message) ?? this.#occupants.get(nick) ?? null;
    const from: CustomerLine['from'] =
      realJid === this.#routerBare ? 'system' : this.#isMe(realJid, nick) ? 'me' : 'agent';
    const body = childText(message, 'body');
    if (body === null) {
      const typing = readTypingState(message);
      if (typing && from === 'agent' && archiveId === null) this.#emit({ type: 'agent-typing', state: typing });
      return;
    }
    const id = readOriginId(message) ?? archiveId ?? readStanzaId(message, this.#room);
    if (!id) return;
    const outcome = log.receive({
      id,
      sender: from === 'me' ? 'self' : from === 'system' ? 'system' : 'agent',
      senderName: from === 'me' ? this.#name : from === 'system' ? 'System' : nick,
      text: body,
      at: this.#clock.now(),
    });
    if (outcome.kind === 'confirmed') this.#emit({ type: 'confirmed', id: outcome.messageId });
    if (outcome.kind !== 'new') return;
    this.#emit({ type: 'line', line: { id, from, name: outcome.message.senderName, text: body, pending: false } });
    // A message ends the agent's typing (it carries XEP-0085 `active`); no separate chat state follows it.
    if (from === 'agent' && archiveId === null) this.#emit({ type: 'agent-typing', state: 'active' });
    const notice = from === 'system' ? readNotice(message) : null;
    if (notice?.type === 'ended' && !this.#ended) {
      this.#ended = true;
      this.#emit({ type: 'ended', by: notice.by ?? 'system' });
    }
  }

  /**
   * This customer, now or in an earlier session of this chat (a resumed chat's history holds lines from the sessions
   * before, under other JIDs): the customer's nick, which no agent can take.
   */
  #isMe(realJid: string | null, nick: string): boolean {
    return realJid === this.#myBare || nick === MY_NICK;
  }

  #flush(): void {
    if (!this.#conn || !this.#log || !this.#joined || this.#catchingUp) return;
    for (const message of this.#log.unsent()) {
      this.#conn.send(textMessage(this.#room, message.id, message.text));
      this.#log.markSent(message.id);
    }
  }

  #emit(event: CustomerEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}
