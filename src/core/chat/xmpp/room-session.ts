// One accepted chat: its XEP-0045 room on this agent's side. It joins the room, catches up from the room's archive
// after every fresh join (so nothing said while the link was down is lost), takes each message in exactly once,
// keeps what the agent wrote until the room has it, and knows who is in the room (to tell customer from agent).
import type { Timers } from '../../shared/timers.ts';
import type {
  ChatEvent,
  ChatMessage,
  ChatOffer,
  ChatSender,
  ChatSession,
  SessionCloseReason,
  TypingState,
} from '../chat-channel.ts';
import { ConversationLog } from '../conversation-log.ts';
import type { ChatLink } from './chat-link.ts';
import { attr, bareJid, childElement, childText, jidResource } from './dom-read.ts';
import { archivedSenderJid, joinPresence, leavePresence, readMamFin, type OccupantPresence } from './muc-stanzas.ts';
import { NS_DELAY } from './namespaces.ts';
import {
  CUSTOMER_NICK,
  readNotice,
  readOriginId,
  readStanzaId,
  readTypingState,
  textMessage,
  typingMessage,
  type OfferPayload,
} from './profile/shared.ts';
import type { RoomArchive } from './room-archive.ts';

const ARCHIVE_PAGE = 50;
/** A bound on catch-up, so a misbehaving archive cannot page forever. */
const MAX_ARCHIVE_PAGES = 200;

/** Who this agent is in rooms. */
export interface Me {
  /** The agent's bare JID, lower case. */
  readonly bareJid: string;
  /** The agent's nickname in rooms. */
  readonly nick: string;
}

/** What every session of one channel shares. */
export interface RoomSessionContext {
  readonly link: ChatLink;
  readonly archive: RoomArchive;
  readonly clock: Timers;
  readonly newId: () => string;
  readonly me: () => Me;
  readonly routerBare: string;
  readonly emit: (event: ChatEvent) => void;
  /** The session has closed (it leaves the channel before its `session-closed` event goes out). */
  readonly closed: (session: RoomSession) => void;
  /** The room confirmed an outgoing message (a hand-over waits for them). */
  readonly confirmed: () => void;
  readonly log?: ((line: string) => void) | undefined;
}

export class RoomSession {
  /** When it started, on the channel's counter shared with offers (see the channel's reconcile). */
  readonly sequence: number;
  readonly chatId: string;
  readonly room: string;
  readonly #ctx: RoomSessionContext;
  readonly #customerName: string;
  readonly #customerJid: string | null;
  readonly #context: ChatOffer['context'];
  readonly #acceptedAt: number;
  readonly #queue: string | null;
  readonly #log: ConversationLog;
  /** Occupant nick -> real bare JID, from room presence. */
  readonly #occupants = new Map<string, string>();
  /** The room's stanza-id of the newest message taken in: where archive catch-up resumes. */
  #lastArchiveId: string | null = null;
  #joined = false;
  #catchingUp = false;
  /** Live room messages that arrived during catch-up, taken in after it so the order holds. */
  #buffered: Element[] = [];
  #customerTyping: TypingState = 'active';
  #lastTypingSent: TypingState | null = null;
  /** Closed, or forgotten: nothing more is taken in or sent. */
  #gone = false;
  /** The agent handed the chat on: the router's removal of this agent from the room means that, not a requeue. */
  #handingOn: SessionCloseReason | null = null;

  constructor(ctx: RoomSessionContext, offer: OfferPayload, room: string, acceptedAt: number, sequence: number) {
    this.#ctx = ctx;
    this.sequence = sequence;
    this.chatId = offer.chatId;
    this.room = bareJid(room);
    this.#customerName = offer.customerName;
    this.#customerJid = offer.customerJid;
    this.#context = offer.context;
    this.#acceptedAt = acceptedAt;
    this.#queue = offer.queue ?? null;
    this.#log = new ConversationLog(offer.chatId);
  }

  snapshot(): ChatSession {
    return {
      chatId: this.chatId,
      customerName: this.#customerName,
      context: this.#context,
      acceptedAt: this.#acceptedAt,
      ...(this.#queue ? { queue: this.#queue } : {}),
      transcript: this.#log.transcript(),
      customerTyping: this.#customerTyping,
    };
  }

  /** Messages written here that the room has not confirmed yet. */
  pendingCount(): number {
    return this.#log.pendingCount();
  }

  /** Enters the room (when the link is up); the room's answer starts the catch-up. */
  join(): void {
    if (!this.#ctx.link.online) return;
    this.#ctx.link.send(joinPresence(this.room, this.#ctx.me().nick));
  }

  get joined(): boolean {
    return this.#joined;
  }

  // ---- the link's changes

  /** The stream ended: the room must be joined again on the next one. */
  linkLost(): void {
    this.#joined = false;
    this.#catchingUp = false;
    this.#buffered = [];
  }

  /** The server resumed the stream: still in the room, and what was written meanwhile can go. */
  linkResumed(): void {
    this.#joined = true;
    this.flushOutbox();
  }

  /** A fresh stream: nothing written on the old one is known to have arrived. */
  streamLost(): void {
    this.#log.streamLost();
  }

  // ---- what the agent does

  /** Adds a message the agent wrote and sends it when the room can take it. */
  write(text: string): ChatMessage {
    const message = this.#log.addOutgoing(this.#ctx.newId(), this.#ctx.me().nick, text, this.#ctx.clock.now());
    this.#lastTypingSent = 'active';
    this.flushOutbox();
    return message;
  }

  /** Tells the room the agent's chat state, once per change; dropped when the room cannot take it now. */
  setTyping(state: TypingState): void {
    if (!this.#canSend() || this.#lastTypingSent === state) return;
    this.#lastTypingSent = state;
    this.#ctx.link.send(typingMessage(this.room, state));
  }

  /** Sends every message not yet handed to this stream, in the order they were written, with their ids. */
  flushOutbox(): void {
    if (!this.#canSend()) return;
    for (const message of this.#log.unsent()) {
      this.#ctx.link.send(textMessage(this.room, message.id, message.text));
      this.#log.markSent(message.id);
    }
  }

  /** The chat left this agent: leaves the room if asked to and reports it with the transcript. Once only. */
  close(reason: SessionCloseReason, leaveRoom: boolean, noticeId?: string): void {
    if (this.#gone) return;
    this.#gone = true;
    this.#ctx.closed(this);
    if (leaveRoom && this.#ctx.link.online && this.#joined) {
      this.#ctx.link.send(leavePresence(this.room, this.#ctx.me().nick));
    }
    const transcript = this.#log.transcript();
    this.#ctx.emit({
      type: 'session-closed',
      chatId: this.chatId,
      reason,
      transcript,
      ...(noticeId !== undefined ? { noticeId } : {}),
    });
  }

  /**
   * The agent asked the router to hand the chat on (`reason`), or that request failed (null): the router takes the agent
   * out of the room before it answers, and that removal then closes the session with this reason.
   */
  handingOn(reason: SessionCloseReason | null): void {
    this.#handingOn = reason;
  }

  /** Stops without a word (the chat went to another window with the channel's hand-over). */
  forget(): void {
    this.#gone = true;
  }

  // ---- what the room says

  /** A presence from someone in this room (or the room's answer to our join). */
  takeOccupant(occupant: OccupantPresence): void {
    if (occupant.error) {
      this.#ctx.log?.(`joining a chat room failed: ${occupant.error}`);
      // Not a member any more: the chat was taken away while this agent was gone.
      if (
        occupant.error === 'registration-required' ||
        occupant.error === 'forbidden' ||
        occupant.error === 'item-not-found'
      ) {
        this.close('returned-to-queue', false);
      }
      return;
    }
    if (occupant.realJid) this.#occupants.set(occupant.nick, occupant.realJid);
    const me = this.#ctx.me();
    const isMe = occupant.self || (occupant.realJid === me.bareJid && occupant.nick === me.nick);
    if (!isMe) return;
    if (occupant.available && !this.#joined) {
      this.#joined = true;
      void this.#catchUp();
    } else if (!occupant.available && occupant.removed) {
      this.close(this.#handingOn ?? 'returned-to-queue', false);
    }
  }

  /** A live groupchat message from this room. */
  takeLive(message: Element): void {
    if (this.#catchingUp) {
      this.#buffered.push(message);
      return;
    }
    this.#take(message, null, null);
  }

  #canSend(): boolean {
    return this.#ctx.link.online && this.#joined && !this.#catchingUp;
  }

  /** Fetches what the room archived after the last message taken in, then releases what arrived meanwhile. */
  async #catchUp(): Promise<void> {
    const conn = this.#ctx.link.connection;
    if (!conn) return;
    this.#catchingUp = true;
    let after = this.#lastArchiveId;
    for (let page = 0; page < MAX_ARCHIVE_PAGES; page += 1) {
      const { answer, results } = await this.#ctx.archive.page(this.room, after, ARCHIVE_PAGE);
      if (conn !== this.#ctx.link.connection || this.#gone || !this.#joined) return;
      if (!answer.ok) {
        if (answer.error.kind === 'error' && answer.error.condition === 'item-not-found' && after !== null) {
          after = null; // the archive no longer knows that id: read it all, duplicates are dropped
          continue;
        }
        this.#ctx.log?.('chat history could not be read; continuing with live messages');
        break;
      }
      for (const result of results) {
        this.#take(result.message, result.archiveId, result.at);
        if (this.#gone) return;
      }
      const fin = readMamFin(answer.value);
      if (!fin || fin.complete || !fin.last || results.length === 0) break;
      after = fin.last;
    }
    this.#catchingUp = false;
    const buffered = this.#buffered;
    this.#buffered = [];
    for (const message of buffered) {
      if (this.#gone) return;
      this.#take(message, null, null);
    }
    this.flushOutbox();
  }

  /** Takes in one room message, live or archived, exactly once. */
  #take(message: Element, archiveId: string | null, archivedAt: number | null): void {
    const from = message.getAttribute('from') ?? '';
    const nick = jidResource(from) ?? '';
    const stanzaId = archiveId ?? readStanzaId(message, this.room);
    if (stanzaId) this.#lastArchiveId = stanzaId;
    const realJid = archivedSenderJid(message) ?? this.#occupants.get(nick) ?? null;
    const sender = this.#senderOf(nick, realJid);
    const body = childText(message, 'body');
    if (body === null) {
      const typing = readTypingState(message);
      if (typing && sender === 'customer' && archiveId === null && typing !== this.#customerTyping) {
        this.#customerTyping = typing;
        this.#ctx.emit({ type: 'typing', chatId: this.chatId, state: typing });
      }
      return;
    }
    if (message.getAttribute('type') === 'error') return;
    const id = readOriginId(message) ?? stanzaId;
    if (!id) return;
    const notice = sender === 'system' ? readNotice(message) : null;
    const outcome = this.#log.receive({
      id,
      sender,
      senderName:
        sender === 'customer'
          ? this.#customerName
          : sender === 'self'
            ? this.#ctx.me().nick
            : sender === 'system'
              ? 'System'
              : nick,
      text: body,
      at: archivedAt ?? delayStamp(message) ?? this.#ctx.clock.now(),
    });
    if (outcome.kind === 'new') {
      this.#ctx.emit({ type: 'message', chatId: this.chatId, message: outcome.message });
      if (sender === 'customer' && this.#customerTyping !== 'active') this.#customerTyping = 'active';
    } else if (outcome.kind === 'confirmed') {
      this.#ctx.emit({ type: 'message-confirmed', chatId: this.chatId, messageId: outcome.messageId });
      this.#ctx.confirmed();
    }
    if (outcome.kind === 'new' && notice?.type === 'ended') {
      const reason: SessionCloseReason =
        notice.by === 'customer'
          ? notice.reason === 'left'
            ? 'customer-left'
            : 'ended-by-customer'
          : notice.by === 'agent'
            ? 'ended-by-agent'
            : 'ended-by-system';
      this.close(reason, true, outcome.message.id);
    }
  }

  #senderOf(nick: string, realJid: string | null): ChatSender {
    const me = this.#ctx.me();
    if (realJid) {
      if (realJid === me.bareJid) return 'self';
      if (realJid === this.#ctx.routerBare) return 'system';
      if (this.#customerJid && realJid === bareJid(this.#customerJid)) return 'customer';
      // A customer who resumed the chat from a new session (profile section 3.1) has a new JID but the same nick,
      // which no agent can take.
      if (nick === CUSTOMER_NICK) return 'customer';
      return 'agent';
    }
    // Without a real JID (should not happen in the profile's non-anonymous rooms) fall back to the nick.
    if (nick === me.nick) return 'self';
    return 'customer';
  }
}

/** The XEP-0203 delay stamp of a message, or null. */
function delayStamp(message: Element): number | null {
  const delay = childElement(message, 'delay', NS_DELAY);
  const stamp = delay ? Date.parse(attr(delay, 'stamp') ?? '') : NaN;
  return Number.isNaN(stamp) ? null : stamp;
}
