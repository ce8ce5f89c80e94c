// The chat service's routing engine: an XMPP client on the same server as the agents. It keeps a
// queue of customer chats, one room per chat, offers each to an available agent (routing-policy.ts), and
// takes chats back when an agent hands them on, signs out or stays disconnected past a grace period.
// It speaks the profile in docs/xmpp-chat-profile.md.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { $iq, $pres } from 'strophe.js';
import type { ChatContextField } from '../../src/core/chat/chat-channel.ts';
import { toXmlText } from '../../src/core/chat/chat-text.ts';
import { systemTimers, type Timers, type TimerHandle } from '../../src/core/shared/timers.ts';
import { RECONNECT_BACKOFF } from '../../src/core/chat/reconnect-backoff.ts';
import { backoffDelay } from '../../src/core/shared/backoff.ts';
import { bareJid } from '../../src/core/chat/xmpp/dom-read.ts';
import { IqTracker, type IqFailure } from '../../src/core/chat/xmpp/iq-tracker.ts';
import {
  archivedSenderJid,
  joinPresence,
  mamQuery,
  readArchivedMessage,
  readMamFin,
  readOccupantPresence,
  type ArchivedMessage,
  type OccupantPresence,
} from '../../src/core/chat/xmpp/muc-stanzas.ts';
import { NS_CHAT, NS_MAM, NS_STANZAS } from '../../src/core/chat/xmpp/namespaces.ts';
import type { AgentRequest, Notice, OfferPayload, RevokeReason } from '../../src/core/chat/xmpp/profile/shared.ts';
import {
  createStropheConnection,
  XmppStatus,
  type ConnectionFactory,
  type XmppConnection,
} from '../../src/core/chat/xmpp/xmpp-connection.ts';
import { randomId } from '../../src/core/shared/ids.ts';
import { pickAgent, type AgentView } from './routing-policy.ts';
import {
  mediatedInvite,
  readRoomConfigFields,
  roomConfigPlan,
  roomConfigRequest,
  roomConfigSubmit,
  setAffiliation,
} from './room-admin-stanzas.ts';
import {
  assignedElement,
  assignmentsElement,
  noticeMessage,
  offerIq,
  readAgentName,
  readAgentRequest,
  readAvailability,
  revokeIq,
} from './router-stanzas.ts';
import {
  queuedElement,
  queuePositionMessage,
  readChatRequest,
  readRequestedQueue,
  readResume,
  resumedElement,
} from './customer-stanzas.ts';
import { queueProblem, singleQueue, type QueueBook, type QueueInfo } from './queues.ts';
import { readNotice, readOriginId, readStanzaId } from '../../src/core/chat/xmpp/profile/shared.ts';
import type { RouterStore, StoredAgent, StoredChat, TranscriptSender } from './router-store.ts';
import { TeamFeed, type TeamDirectorySource } from './team-feed.ts';

export interface ChatRouterOptions {
  readonly websocketUrl: string;
  /** The agents' XMPP domain. */
  readonly domain: string;
  /** The MUC service rooms are created on. */
  readonly mucDomain: string;
  /** The router's own account on `domain`. */
  readonly username: string;
  readonly password: string;
  /** How long an offer stays open (default 30 s). */
  readonly offerTimeoutMs?: number;
  /** How long a disconnected agent keeps its chats (default 30 s). */
  readonly graceMs?: number;
  /**
   * How long a customer who left the room (page closed, network lost), or who has not come into it since asking for
   * the chat, keeps the chat (default 20 s).
   */
  readonly customerGraceMs?: number;
  readonly clock?: Timers;
  readonly createConnection?: ConnectionFactory;
  readonly log?: (line: string) => void;
  /** The most chats one agent is given at once, whatever its desktop reports (an agent's lower setting wins). */
  readonly maxChatsPerAgent?: number;
  /** Told each routing event as it happens (the service's metrics); never given customer text. */
  readonly onEvent?: (event: RouterEvent) => void;
  /** The queues and who serves each (default: one queue, "default", served by every agent). */
  readonly queues?: QueueBook;
  /**
   * Where chats, agents and transcripts outlive the process (router-store.ts): every change is written before it is
   * announced, and start() loads what was there. Without one, nothing outlives the process (routing tests).
   */
  readonly store?: RouterStore;
  /** A write to the store failed: the service stops routing rather than route on state it could not keep. */
  readonly onStoreError?: (error: Error) => void;
  /** Who supervises which team (the service's Finesse directory), for the supervisors' team feed; none: refused. */
  readonly directory?: TeamDirectorySource | null;
}

/** What happened in routing, for counters: ids and timings only. */
export type RouterEvent =
  | { readonly kind: 'online' | 'offline' }
  | { readonly kind: 'offered'; readonly chatId: string; readonly waitedMs: number }
  | { readonly kind: 'accepted' | 'declined' | 'expired'; readonly chatId: string };

/** The queue and the agents in numbers (for /metrics and /readyz). */
export interface RouterStats {
  readonly online: boolean;
  /** Chats waiting for an agent (queued or offered). */
  readonly waiting: number;
  /** How long the chat first in line has waited, in ms (0 when none waits). */
  readonly oldestWaitMs: number;
  /** Agents known to the router, by chat state (OFFLINE for those not connected). */
  readonly agentsByState: Readonly<Record<string, number>>;
  /** The same waiting numbers, queue by queue (every configured queue, also when empty). */
  readonly queues?: readonly { readonly id: string; readonly waiting: number; readonly oldestWaitMs: number }[];
}

type ChatStatus = 'queued' | 'offered' | 'assigned' | 'ended';

interface RoutedChat {
  readonly id: string;
  readonly room: string;
  /** The customer's full JID; a resume (section 3.1 of the profile) moves the chat to the customer's new session. */
  customerJid: string;
  /** Shown by the customer to resume the chat from a new session; random, never logged. */
  readonly resumeSecret: string;
  readonly customerName: string;
  readonly context: readonly ChatContextField[];
  /** The queue it waits in (or came through): only agents serving it are offered the chat. */
  queue: string;
  /** Order in the queue: the time it first queued (a returned chat keeps its place at the front). */
  queuedAt: number;
  status: ChatStatus;
  agent: string | null;
  offer: { agent: string; expiresAt: number; timer: TimerHandle } | null;
  /** Agents who declined it or let it expire, and when. */
  readonly passedOn: Map<string, number>;
  /** A transfer to a named agent: only that agent is offered the chat, once. */
  onlyAgent: string | null;
  transferredFrom: string | null;
  lastPosition: number | null;
  /** Running while the customer is out of the room: when it fires, the customer has left the chat. */
  customerAway: TimerHandle;
}

interface AgentRecord {
  readonly jid: string;
  fullJid: string | null;
  online: boolean;
  state: AgentView['state'];
  reportedActive: number;
  max: number;
  idleSince: number;
  grace: TimerHandle;
  /** The name customers see (the agent's first name, from its availability); null: "An agent". Never the login id. */
  name: string | null;
}

export interface RouterSnapshot {
  readonly queue: readonly { chatId: string; status: ChatStatus; agent: string | null; queue: string }[];
  readonly agents: readonly {
    jid: string;
    online: boolean;
    state: string;
    active: number;
    max: number;
    assigned: number;
  }[];
  /** Every offer made, in order: which chat to which agent (bare JID), and the agent's state then. */
  readonly offerLog: readonly { chatId: string; agent: string; state: string; load: number; max: number }[];
  /** Every chat taken back from its agent, in order, and why (a transfer, a sign-out, a grace period that ran out). */
  readonly requeueLog: readonly { chatId: string; agent: string; reason: RevokeReason }[];
  /** Every time an agent's session was replaced by a newer one of the same account (a reload, another window). */
  readonly sessionChanges: readonly { agent: string; from: string; to: string; chats: number }[];
}

const ROUTER_NICK = 'router';
const ROUTER_RESOURCE = 'router';

export class ChatRouter {
  readonly #opts: ChatRouterOptions;
  readonly #clock: Timers;
  readonly #iq: IqTracker;
  readonly #chats = new Map<string, RoutedChat>();
  readonly #agents = new Map<string, AgentRecord>();
  readonly #offerLog: { chatId: string; agent: string; state: string; load: number; max: number }[] = [];
  readonly #requeueLog: { chatId: string; agent: string; reason: RevokeReason }[] = [];
  readonly #sessionChanges: { agent: string; from: string; to: string; chats: number }[] = [];
  readonly #roomJoins = new Map<string, () => void>();
  readonly #queues: QueueBook;
  readonly #teamFeed: TeamFeed;
  #conn: XmppConnection | null = null;
  #running = false;
  #attempt = 0;
  #reconnectTimer: TimerHandle = null;
  #retryTimer: TimerHandle = null;
  #onlineWaiters: (() => void)[] = [];
  #online = false;
  #jid: string;
  #warnedUnset = false;
  /** The store's writes, one after another in the order the changes happened. */
  #writes: Promise<void> = Promise.resolve();
  /** Set by a load from the store until the first sign-in: offers made before the restart stay open. */
  #restored = false;
  /** Room -> occupant nick -> real bare JID, to tell who wrote each transcript line. */
  readonly #occupants = new Map<string, Map<string, string>>();
  /** Archive results by query id, collected until the query's answer (transcript catch-up). */
  readonly #archived = new Map<string, ArchivedMessage[]>();

  constructor(options: ChatRouterOptions) {
    this.#opts = options;
    this.#clock = options.clock ?? systemTimers;
    this.#queues = options.queues ?? singleQueue();
    this.#iq = new IqTracker(this.#clock, 10_000);
    this.#teamFeed = new TeamFeed({
      directory: options.directory ?? null,
      send: (stanza) => this.#conn?.send(stanza),
      log: options.log,
    });
    // A fixed resource: the server answers IQs sent to a bare JID itself, so clients address the router's full JID.
    this.#jid = `${options.username}@${options.domain}/${ROUTER_RESOURCE}`;
  }

  /** The router's full JID: agents publish availability to it, customers request chats from it. */
  get jid(): string {
    return this.#jid;
  }

  /** Connects (and keeps reconnecting); resolves once online the first time. */
  start(): Promise<void> {
    this.#running = true;
    const online = new Promise<void>((resolve) => this.#onlineWaiters.push(resolve));
    if (!this.#opts.store) {
      this.#connect();
      return online;
    }
    return this.#restore().then(() => {
      this.#connect();
      return online;
    });
  }

  async stop(): Promise<void> {
    this.#running = false;
    const wasOnline = this.#online;
    this.#online = false;
    if (wasOnline) this.#opts.onEvent?.({ kind: 'offline' });
    this.#clock.clearTimeout(this.#reconnectTimer);
    this.#clock.clearTimeout(this.#retryTimer);
    for (const chat of this.#chats.values()) if (chat.offer) this.#clock.clearTimeout(chat.offer.timer);
    for (const agent of this.#agents.values()) this.#clock.clearTimeout(agent.grace);
    for (const chat of this.#chats.values()) this.#clock.clearTimeout(chat.customerAway);
    const conn = this.#conn;
    this.#conn = null;
    if (conn && wasOnline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1500);
        conn.connect_callback = (status: number) => {
          if (status === XmppStatus.DISCONNECTED) {
            clearTimeout(timer);
            resolve();
          }
        };
        conn.disconnect('router stopping');
      });
    }
    this.#iq.failAll();
    await this.#writes;
  }

  /** True while signed in to the XMPP server and routing. */
  get online(): boolean {
    return this.#online;
  }

  /** Who serves which queue changed (a directory refresh): offers waiting chats to the agents now serving them. */
  membershipChanged(): void {
    this.#dispatch();
  }

  stats(): RouterStats {
    const now = this.#clock.now();
    const waiting = this.#waiting();
    const agentsByState: Record<string, number> = {};
    for (const agent of this.#agents.values()) {
      const state = agent.online ? agent.state : 'OFFLINE';
      agentsByState[state] = (agentsByState[state] ?? 0) + 1;
    }
    const first = waiting[0];
    return {
      online: this.#online,
      waiting: waiting.length,
      oldestWaitMs: first ? Math.max(0, now - first.queuedAt) : 0,
      agentsByState,
      queues: this.#queues.list().map((q) => {
        const line = this.#waiting(q.id);
        const head = line[0];
        return { id: q.id, waiting: line.length, oldestWaitMs: head ? Math.max(0, now - head.queuedAt) : 0 };
      }),
    };
  }

  snapshot(): RouterSnapshot {
    return {
      queue: [...this.#chats.values()].map((c) => ({ chatId: c.id, status: c.status, agent: c.agent, queue: c.queue })),
      agents: [...this.#agents.values()].map((a) => ({
        jid: a.jid,
        online: a.online,
        state: a.state,
        active: a.reportedActive,
        max: a.max,
        assigned: this.#assignedTo(a.jid).length,
      })),
      offerLog: [...this.#offerLog],
      requeueLog: [...this.#requeueLog],
      sessionChanges: [...this.#sessionChanges],
    };
  }

  // ---------------------------------------------------------------- link

  #connect(): void {
    if (!this.#running) return;
    if (!this.#conn) {
      this.#conn = (this.#opts.createConnection ?? createStropheConnection)({
        service: this.#opts.websocketUrl,
        streamManagement: false,
        auth: 'password',
      });
    }
    const conn = this.#conn;
    conn.connect(this.#jid, this.#opts.password, (status: number) => {
      if (conn !== this.#conn) return;
      if (status === XmppStatus.CONNECTED) this.#onConnected(conn);
      if (status === XmppStatus.AUTHFAIL)
        this.#opts.log?.("router: the XMPP server refused the router's account or password; retrying");
      if (status === XmppStatus.DISCONNECTED || status === XmppStatus.CONNFAIL || status === XmppStatus.AUTHFAIL)
        this.#onLost();
    });
  }

  #onLost(): void {
    if (!this.#online && this.#reconnectTimer) return;
    const wasOnline = this.#online;
    this.#online = false;
    this.#iq.failAll();
    if (wasOnline) this.#opts.onEvent?.({ kind: 'offline' });
    if (!this.#running) return;
    this.#opts.log?.('router: link lost, reconnecting');
    const delay = backoffDelay(RECONNECT_BACKOFF, this.#attempt, Math.random);
    this.#attempt += 1;
    this.#clock.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = this.#clock.setTimeout(() => {
      this.#reconnectTimer = null;
      this.#connect();
    }, delay);
  }

  #onConnected(conn: XmppConnection): void {
    this.#online = true;
    this.#opts.onEvent?.({ kind: 'online' });
    this.#attempt = 0;
    conn.addHandler((iq) => this.#onIq(conn, iq), NS_CHAT, 'iq', null);
    conn.addHandler((presence) => this.#onPresence(presence), null, 'presence', null);
    if (this.#opts.store) {
      conn.addHandler((message) => this.#onRoomMessage(message), null, 'message', 'groupchat');
      conn.addHandler((message) => this.#collectArchived(message), NS_MAM, 'message', null);
    }
    conn.send($pres());
    // Every agent must announce itself again on this new session; until then (and for the grace period)
    // they keep their chats but get no offers.
    const keepOffers = this.#restored;
    this.#restored = false;
    for (const agent of this.#agents.values()) {
      this.#agentGone(agent, keepOffers);
      // Tell every known agent the router is back, so each publishes its availability again.
      conn.send($pres({ to: agent.jid }));
    }
    for (const chat of this.#chats.values()) {
      if (chat.status !== 'ended') conn.send(joinPresence(chat.room, ROUTER_NICK));
      // Loaded from the store: the agent's membership may not have been granted before the process stopped.
      if (keepOffers && chat.status === 'assigned' && chat.agent)
        void this.#iq.send(conn, setAffiliation(chat.room, chat.agent, 'member'));
      // Loaded from the store: a customer still in the room shows up in the room's presence on joining, which
      // stops this; one who left while the router was away has left the chat once the grace period is over.
      if (keepOffers && chat.status !== 'ended' && !chat.customerAway) {
        chat.customerAway = this.#clock.setTimeout(() => {
          chat.customerAway = null;
          this.#customerLeft(chat);
        }, this.#opts.customerGraceMs ?? 20_000);
      }
    }
    if (this.#opts.store) void this.#catchUpTranscripts(conn);
    const waiters = this.#onlineWaiters;
    this.#onlineWaiters = [];
    for (const resolve of waiters) resolve();
    this.#dispatch();
  }

  // ---------------------------------------------------------------- inbound

  #onIq(conn: XmppConnection, iq: Element): boolean {
    const type = iq.getAttribute('type');
    if (type !== 'set' && type !== 'get') return true;
    void this.#answer(conn, iq).catch((e: unknown) => {
      this.#opts.log?.(`router: request failed: ${e instanceof Error ? e.message : String(e)}`);
      this.#reply(conn, iq, { condition: 'internal-server-error', text: 'The router could not handle the request.' });
    });
    return true;
  }

  async #answer(conn: XmppConnection, iq: Element): Promise<void> {
    const from = iq.getAttribute('from') ?? '';
    const fromBare = bareJid(from);
    const form = readChatRequest(iq);
    if (form) {
      const queue = this.#queueOf(readRequestedQueue(iq));
      if ('condition' in queue) return this.#reply(conn, iq, queue);
      const chat = await this.#createChat(from, form, queue.id);
      await this.#writes;
      this.#reply(conn, iq, null, queuedElement(chat.id, chat.room, this.#positionOf(chat), chat.resumeSecret).tree());
      this.#dispatch();
      return;
    }
    const resume = readResume(iq);
    if (resume) return this.#resume(conn, iq, from, resume);
    const team = this.#teamFeed.answer(from, iq);
    if (team) return 'error' in team ? this.#reply(conn, iq, team.error) : this.#reply(conn, iq, null, team.payload);
    if (iq.getAttribute('type') === 'get') {
      if (!this.#isAgent(fromBare))
        return this.#reply(conn, iq, { condition: 'forbidden', text: 'Only agents have assignments.' });
      this.#reply(conn, iq, null, assignmentsElement(this.#assignmentsOf(fromBare), this.#queues.list()).tree());
      return;
    }
    const request = readAgentRequest(iq);
    if (!request) return this.#reply(conn, iq, { condition: 'bad-request', text: 'Unknown request.' });
    const chat = this.#chats.get(request.chatId);
    if (!chat) return this.#reply(conn, iq, { condition: 'item-not-found', text: 'There is no such chat.' });
    const problem = await this.#handle(request, chat, fromBare);
    this.#persist(chat);
    await this.#writes;
    if (typeof problem === 'object' && problem && 'condition' in problem) return this.#reply(conn, iq, problem);
    this.#reply(conn, iq, null, problem ?? undefined);
    this.#dispatch();
  }

  /** Carries out an agent's or customer's request; returns an error, or the result payload. */
  async #handle(
    request: AgentRequest,
    chat: RoutedChat,
    fromBare: string,
  ): Promise<{ condition: string; text: string } | Element | null> {
    switch (request.kind) {
      case 'accept': {
        if (chat.status !== 'offered' || chat.offer?.agent !== fromBare)
          return { condition: 'item-not-found', text: 'This chat is no longer offered to you.' };
        this.#clearOffer(chat);
        this.#opts.onEvent?.({ kind: 'accepted', chatId: chat.id });
        chat.status = 'assigned';
        chat.agent = fromBare;
        chat.onlyAgent = null;
        const agent = this.#agents.get(fromBare);
        if (agent) agent.idleSince = this.#clock.now();
        // Kept before anyone hears of it: after a restart the chat is this agent's, never offered again.
        this.#persist(chat, agent);
        await this.#writes;
        await this.#iq.send(this.#mustConn(), setAffiliation(chat.room, fromBare, 'member'));
        this.#mustConn().send(mediatedInvite(chat.room, fromBare, `Chat with ${chat.customerName}`));
        // What the customer reads names the agent by its first name, never by its login id.
        const name = agent?.name ?? null;
        this.#notice(
          chat,
          { type: 'agent-joined', by: name },
          name ? `${name} has joined the chat.` : 'An agent has joined the chat.',
        );
        return assignedElement(chat.id, chat.room).tree();
      }
      case 'decline': {
        if (chat.status !== 'offered' || chat.offer?.agent !== fromBare)
          return { condition: 'item-not-found', text: 'This chat is not offered to you.' };
        this.#opts.onEvent?.({ kind: 'declined', chatId: chat.id });
        this.#passOn(chat, fromBare);
        return null;
      }
      case 'end': {
        const byAgent = chat.agent === fromBare;
        const byCustomer = bareJid(chat.customerJid) === fromBare;
        if (!byAgent && !byCustomer)
          return { condition: 'forbidden', text: "Only the chat's agent or customer can end it." };
        if (chat.status === 'ended') return null;
        const wasAgent = chat.agent;
        if (chat.offer) this.#withdrawOffer(chat, 'withdrawn');
        chat.status = 'ended';
        chat.agent = null;
        const agent = wasAgent ? this.#agents.get(wasAgent) : undefined;
        if (agent) agent.idleSince = this.#clock.now();
        this.#persist(chat, agent);
        this.#notice(
          chat,
          { type: 'ended', by: byAgent ? 'agent' : 'customer' },
          byAgent ? 'The agent ended the chat.' : 'The customer ended the chat.',
        );
        return null;
      }
      case 'transfer': {
        if (chat.status !== 'assigned' || chat.agent !== fromBare)
          return { condition: 'forbidden', text: "Only the chat's agent can transfer it." };
        let only: string | null = null;
        let queue: QueueInfo | null = null;
        if (request.target.kind === 'queue' && request.target.queueId !== undefined) {
          const found = this.#queueOf(request.target.queueId);
          if ('condition' in found) return { condition: 'bad-request', text: found.text };
          queue = found;
        }
        if (request.target.kind === 'agent') {
          only = `${request.target.agentId}@${this.#opts.domain}`.toLowerCase();
          const target = this.#agents.get(only);
          if (!target || only === fromBare || !target.online || !['READY', 'ACTIVE'].includes(target.state)) {
            return {
              condition: 'service-unavailable',
              text: `Agent ${request.target.agentId} is not available for chats.`,
            };
          }
        }
        const toOtherQueue = queue !== null && queue.id !== chat.queue;
        await this.#requeue(chat, only || toOtherQueue ? 'transferred' : 'returned-to-queue', false);
        // It joins the other queue at its original place in time (queuedAt is kept), offered to that queue's agents.
        if (queue) chat.queue = queue.id;
        chat.onlyAgent = only;
        chat.transferredFrom = localPart(fromBare);
        return null;
      }
    }
  }

  #onPresence(presence: Element): boolean {
    const from = presence.getAttribute('from') ?? '';
    const fromBare = bareJid(from);
    const occupant = fromBare.endsWith(`@${this.#opts.mucDomain}`) ? readOccupantPresence(presence) : null;
    if (occupant) {
      if (occupant.realJid) {
        const nicks = this.#occupants.get(occupant.room) ?? new Map<string, string>();
        nicks.set(occupant.nick, occupant.realJid);
        this.#occupants.set(occupant.room, nicks);
      }
      if (occupant.nick === ROUTER_NICK && (occupant.self || occupant.error)) this.#roomJoins.get(occupant.room)?.();
      else this.#onCustomerPresence(occupant);
      return true;
    }
    if (!this.#isAgent(fromBare) || this.#teamFeed.subscriberPresence(from, presence)) return true;
    const report = readAvailability(presence);
    if (!report) return true;
    const agent = this.#agents.get(fromBare) ?? this.#newAgent(fromBare);
    const unavailable = presence.getAttribute('type') === 'unavailable';
    if (unavailable && agent.fullJid && from !== agent.fullJid) return true; // an older session of the agent went away
    if (unavailable) {
      const signedOut = report.state === 'OFFLINE' && presence.getElementsByTagName('availability').length > 0;
      this.#agentGone(agent);
      agent.state = 'OFFLINE';
      if (signedOut) {
        this.#clock.clearTimeout(agent.grace);
        void this.#returnAgentChats(agent);
      }
    } else {
      // A newer session of the same account (a reload, or another window taking blending over) within the grace
      // period: it carries on with the agent's chats; the older session's unavailable presence is ignored above.
      if (agent.fullJid !== null && agent.fullJid !== from) {
        const chats = this.#assignedTo(agent.jid).length;
        this.#sessionChanges.push({ agent: agent.jid, from: agent.fullJid, to: from, chats });
        this.#opts.log?.(
          `router: ${agent.jid} continues on a new session, keeping ${chats} chat${chats === 1 ? '' : 's'}`,
        );
      }
      this.#clock.clearTimeout(agent.grace);
      agent.grace = null;
      agent.fullJid = from;
      agent.online = true;
      agent.state = report.state;
      agent.reportedActive = report.active;
      agent.max = Math.min(report.max, this.#opts.maxChatsPerAgent ?? Infinity);
      agent.name = readAgentName(presence);
    }
    this.#persistAgent(agent);
    this.#teamFeed.agentPresence(fromBare, agent.online ? report : { state: 'OFFLINE', active: 0, max: 0 }, presence);
    this.#dispatch();
    return true;
  }

  /** An agent the router has not heard from yet (on this session): offline, idle from now, nameless. */
  #newAgent(jid: string): AgentRecord {
    const agent: AgentRecord = {
      jid,
      fullJid: null,
      online: false,
      state: 'OFFLINE',
      reportedActive: 0,
      max: 0,
      idleSince: this.#clock.now(),
      grace: null,
      name: null,
    };
    this.#agents.set(jid, agent);
    return agent;
  }

  /** The customer's presence in the chat's room: out of it past the grace period, the customer has left the chat. */
  #onCustomerPresence(occupant: OccupantPresence): void {
    const chat = [...this.#chats.values()].find((c) => c.room === occupant.room);
    if (!chat || chat.status === 'ended' || occupant.realJid !== bareJid(chat.customerJid)) return;
    if (occupant.available) {
      this.#clock.clearTimeout(chat.customerAway);
      chat.customerAway = null;
      return;
    }
    this.#awaitCustomer(chat);
  }

  /** Ends the chat as left by the customer unless the customer is (back) in its room within the grace period. */
  #awaitCustomer(chat: RoutedChat): void {
    this.#clock.clearTimeout(chat.customerAway);
    chat.customerAway = this.#clock.setTimeout(() => {
      chat.customerAway = null;
      this.#customerLeft(chat);
    }, this.#opts.customerGraceMs ?? 20_000);
  }

  /** Ends a chat whose customer has gone: a waiting chat leaves the queue (its offer withdrawn), an assigned one ends. */
  #customerLeft(chat: RoutedChat): void {
    if (chat.status === 'ended') return;
    this.#opts.log?.(`router: the customer of ${chat.id} left`);
    if (chat.offer) this.#withdrawOffer(chat, 'withdrawn');
    const agent = chat.agent ? this.#agents.get(chat.agent) : undefined;
    if (agent) agent.idleSince = this.#clock.now();
    chat.status = 'ended';
    chat.agent = null;
    this.#persist(chat, agent);
    this.#notice(chat, { type: 'ended', by: 'customer', reason: 'left' }, 'The customer left the chat.');
    this.#dispatch();
  }

  /** The agent is not reachable: no offers; its open offers go elsewhere; its chats wait out the grace period. */
  #agentGone(agent: AgentRecord, keepOffers = false): void {
    agent.online = false;
    for (const chat of this.#chats.values()) {
      if (chat.offer?.agent === agent.jid && !keepOffers) {
        this.#clearOffer(chat);
        chat.status = 'queued';
        this.#persist(chat);
      }
    }
    this.#clock.clearTimeout(agent.grace);
    agent.grace = this.#clock.setTimeout(() => {
      agent.grace = null;
      if (!agent.online) void this.#returnAgentChats(agent);
    }, this.#opts.graceMs ?? 30_000);
  }

  async #returnAgentChats(agent: AgentRecord): Promise<void> {
    for (const chat of this.#assignedTo(agent.jid)) await this.#requeue(chat, 'returned-to-queue', true);
    this.#dispatch();
  }

  // ---------------------------------------------------------------- chats

  async #createChat(customerFullJid: string, form: ChatContextField[], queue: string): Promise<RoutedChat> {
    const id = randomId().slice(0, 12);
    const room = `chat-${id}@${this.#opts.mucDomain}`;
    const name = cleanName(form.find((f) => f.name === 'name')?.value ?? '');
    const labels: Record<string, string> = { name: 'Name', question: 'Question', email: 'Email' };
    const context = form.slice(0, 20).map((f) => ({
      name: f.name.slice(0, 64),
      label: labels[f.name] ?? f.label.slice(0, 64),
      value: toXmlText(f.value).slice(0, 2000),
    }));
    await this.#createRoom(room, `Chat with ${name}`);
    await this.#iq.send(this.#mustConn(), setAffiliation(room, bareJid(customerFullJid), 'member'));
    const chat: RoutedChat = {
      id,
      room,
      customerJid: customerFullJid,
      resumeSecret: randomBytes(24).toString('base64url'),
      customerName: name,
      context,
      queue,
      queuedAt: this.#clock.now(),
      status: 'queued',
      agent: null,
      offer: null,
      passedOn: new Map(),
      onlyAgent: null,
      transferredFrom: null,
      lastPosition: null,
      customerAway: null,
    };
    this.#chats.set(id, chat);
    // Until the customer is in the room the chat is as good as left: one who never comes (the page closed, or gave up
    // waiting for this answer) leaves the queue after the grace instead of staying with an agent for good.
    this.#awaitCustomer(chat);
    this.#persist(chat);
    this.#opts.log?.(`router: chat ${id} queued in ${queue}`);
    return chat;
  }

  /**
   * A customer on a new session continues its chat (profile section 3.1): with the chat's secret, the new JID becomes
   * the room's member in place of the old one, and the customer is told where the chat stands. The customer-away
   * timer keeps running until the new session joins the room (#onCustomerPresence).
   */
  async #resume(
    conn: XmppConnection,
    iq: Element,
    from: string,
    request: { chatId: string; secret: string },
  ): Promise<void> {
    const chat = this.#chats.get(request.chatId);
    if (!chat || !sameSecret(chat.resumeSecret, request.secret))
      return this.#reply(conn, iq, {
        condition: 'not-authorized',
        text: 'This chat cannot be continued from here. Please start a new chat.',
      });
    if (chat.status === 'ended')
      return this.#reply(conn, iq, {
        condition: 'item-not-found',
        text: 'This chat has ended. Please start a new chat.',
      });
    const oldBare = bareJid(chat.customerJid);
    const newBare = bareJid(from);
    await this.#iq.send(this.#mustConn(), setAffiliation(chat.room, newBare, 'member'));
    if (oldBare !== newBare) await this.#iq.send(this.#mustConn(), setAffiliation(chat.room, oldBare, 'none'));
    chat.customerJid = from;
    this.#persist(chat);
    await this.#writes;
    this.#opts.log?.(`router: the customer of ${chat.id} resumed it on a new session`);
    const waiting = chat.status === 'queued' || chat.status === 'offered';
    const position = waiting ? this.#positionOf(chat) : 0;
    if (waiting) chat.lastPosition = position; // the answer tells the new session its place; updates follow changes
    this.#reply(conn, iq, null, resumedElement(chat.id, chat.room, waiting ? 'queued' : 'assigned', position).tree());
  }

  async #createRoom(room: string, title: string): Promise<void> {
    const conn = this.#mustConn();
    const joined = new Promise<void>((resolve) => {
      const timer = this.#clock.setTimeout(resolve, 5000);
      this.#roomJoins.set(room, () => {
        this.#clock.clearTimeout(timer);
        this.#roomJoins.delete(room);
        resolve();
      });
    });
    conn.send(joinPresence(room, ROUTER_NICK));
    await joined;
    // Servers name some fields differently and refuse a form with fields they do not know: submit what the
    // room's own form offers.
    const form = await this.#iq.send(conn, roomConfigRequest(room));
    const offered = form.ok ? readRoomConfigFields(form.value) : null;
    if (!offered) throw new Error(`the chat room's configuration form could not be read (${failure(form)})`);
    const plan = roomConfigPlan(title, offered);
    if (plan.missing.length > 0) {
      throw new Error(
        `the MUC service does not offer ${plan.missing.join(', ')}; the chat profile needs them (see the deployment guide)`,
      );
    }
    if (plan.unset.length > 0 && !this.#warnedUnset) {
      this.#warnedUnset = true;
      this.#opts.log?.(
        `router: the MUC service's room form has no option for ${plan.unset.join(', ')}; make sure its defaults provide them`,
      );
    }
    const configured = await this.#iq.send(conn, roomConfigSubmit(room, plan.fields));
    if (!configured.ok) throw new Error(`the chat room could not be configured (${failure(configured)})`);
  }

  /** Takes a chat back from its agent (transfer, sign-out, grace expiry) and queues it at the front. */
  async #requeue(chat: RoutedChat, reason: RevokeReason, tellAgent: boolean): Promise<void> {
    const agentJid = chat.agent;
    chat.status = 'queued';
    chat.agent = null;
    chat.lastPosition = null;
    if (agentJid) {
      this.#requeueLog.push({ chatId: chat.id, agent: agentJid, reason });
      chat.passedOn.set(agentJid, this.#clock.now());
      const agent = this.#agents.get(agentJid);
      if (agent) agent.idleSince = this.#clock.now();
      this.#persist(chat, agent);
      await this.#writes;
      if (tellAgent && agent?.online && agent.fullJid)
        void this.#iq.send(this.#mustConn(), revokeIq(agent.fullJid, chat.id, reason));
      await this.#iq.send(this.#mustConn(), setAffiliation(chat.room, agentJid, 'none'));
    }
    this.#notice(chat, { type: 'requeued', by: null }, 'You are being connected to another agent.');
  }

  #passOn(chat: RoutedChat, agentJid: string): void {
    this.#clearOffer(chat);
    chat.passedOn.set(agentJid, this.#clock.now());
    chat.status = 'queued';
    chat.onlyAgent = null; // a named agent who passes sends the chat back to the general queue
    this.#persist(chat);
  }

  #clearOffer(chat: RoutedChat): void {
    if (chat.offer) this.#clock.clearTimeout(chat.offer.timer);
    chat.offer = null;
  }

  #withdrawOffer(chat: RoutedChat, reason: RevokeReason): void {
    const offer = chat.offer;
    if (!offer) return;
    const agent = this.#agents.get(offer.agent);
    if (agent?.fullJid && this.#conn) void this.#iq.send(this.#conn, revokeIq(agent.fullJid, chat.id, reason));
    this.#passOn(chat, offer.agent);
  }

  /** Offers every waiting chat it can, in queue order, then tells waiting customers their position. */
  #dispatch(): void {
    if (!this.#online) return;
    const now = this.#clock.now();
    const retryAfter = this.#opts.offerTimeoutMs ?? 30_000;
    for (const chat of this.#waiting()) {
      if (chat.status !== 'queued') continue;
      // A chat transferred to a named agent goes to that agent whatever its queues; any other, to its queue's agents.
      const views = this.#agentViews().filter((a) => chat.onlyAgent !== null || this.#serves(chat.queue, a.jid));
      const agent = pickAgent(views, chat.passedOn, now, retryAfter, chat.onlyAgent);
      if (!agent) continue;
      this.#offer(chat, agent);
    }
    this.#announcePositions();
    this.#scheduleRetry(now, retryAfter);
  }

  /** A chat that every able agent passed on is offered again once the earliest retry period is over. */
  #scheduleRetry(now: number, retryAfter: number): void {
    let next = Infinity;
    for (const chat of this.#waiting()) {
      if (chat.status !== 'queued') continue;
      for (const at of chat.passedOn.values()) if (at + retryAfter > now) next = Math.min(next, at + retryAfter);
    }
    this.#clock.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    if (next === Infinity) return;
    this.#retryTimer = this.#clock.setTimeout(() => {
      this.#retryTimer = null;
      this.#dispatch();
    }, next - now);
  }

  #offer(chat: RoutedChat, view: AgentView): void {
    const agent = this.#agents.get(view.jid);
    if (!agent?.fullJid) return;
    const expiresAt = this.#clock.now() + (this.#opts.offerTimeoutMs ?? 30_000);
    chat.status = 'offered';
    chat.offer = { agent: view.jid, expiresAt, timer: this.#expiryTimer(chat, view.jid, expiresAt) };
    this.#persist(chat);
    this.#offerLog.push({
      chatId: chat.id,
      agent: view.jid,
      state: view.state,
      load: Math.max(view.reportedActive, view.assigned) + view.offered,
      max: view.max,
    });
    this.#opts.onEvent?.({
      kind: 'offered',
      chatId: chat.id,
      waitedMs: Math.max(0, this.#clock.now() - chat.queuedAt),
    });
    this.#opts.log?.(`router: offering ${chat.id} to ${view.jid}`);
    const payload = this.#payload(chat, expiresAt);
    const fullJid = agent.fullJid;
    const send = () =>
      chat.offer?.agent === view.jid && this.#conn ? this.#iq.send(this.#conn, offerIq(fullJid, payload)) : null;
    // Sent once the offer is kept: after a restart it is still open, with the same expiry.
    void (this.#opts.store ? this.#writes.then(send) : Promise.resolve(send())).then((answer) => {
      if (!answer) return;
      if (answer.ok || chat.offer?.agent !== view.jid || !this.#running) return;
      this.#opts.log?.(
        `router: offer of ${chat.id} to ${view.jid} failed (${answer.error.kind === 'error' ? answer.error.condition : answer.error.kind})`,
      );
      // The agent's session did not take the offer: route it elsewhere now rather than wait for expiry.
      this.#passOn(chat, view.jid);
      this.#dispatch();
    });
  }

  /** The offer's end: unanswered by `expiresAt`, it is withdrawn and the chat goes back to the queue. */
  #expiryTimer(chat: RoutedChat, agentJid: string, expiresAt: number): TimerHandle {
    return this.#clock.setTimeout(
      () => {
        if (chat.offer?.agent !== agentJid) return;
        this.#opts.onEvent?.({ kind: 'expired', chatId: chat.id });
        this.#withdrawOffer(chat, 'expired');
        this.#dispatch();
      },
      Math.max(0, expiresAt - this.#clock.now()),
    );
  }

  // ---------------------------------------------------------------- store

  /** Writes the chat (and the agent whose idle time changed with it), in order, behind the writes before. */
  #persist(chat: RoutedChat, agent?: AgentRecord): void {
    const store = this.#opts.store;
    if (!store) return;
    const row: StoredChat = {
      id: chat.id,
      room: chat.room,
      queue: chat.queue,
      customerJid: chat.customerJid,
      resumeSecret: chat.resumeSecret,
      customerName: chat.customerName,
      context: chat.context,
      queuedAt: chat.queuedAt,
      status: chat.status,
      agent: chat.agent,
      offer: chat.offer ? { agent: chat.offer.agent, expiresAt: chat.offer.expiresAt } : null,
      passedOn: Object.fromEntries(chat.passedOn),
      onlyAgent: chat.onlyAgent,
      transferredFrom: chat.transferredFrom,
    };
    this.#write(() => store.saveChat(row));
    if (agent) this.#persistAgent(agent);
  }

  #persistAgent(agent: AgentRecord): void {
    const store = this.#opts.store;
    if (!store) return;
    const row: StoredAgent = {
      jid: agent.jid,
      state: agent.state,
      active: agent.reportedActive,
      max: agent.max,
      name: agent.name,
      idleSince: agent.idleSince,
    };
    this.#write(() => store.saveAgent(row));
  }

  #write(work: () => Promise<unknown>): void {
    this.#writes = this.#writes.then(work).then(
      () => undefined,
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        this.#opts.log?.(`router: the store could not keep a change (${e.message})`);
        this.#opts.onStoreError?.(e);
      },
    );
  }

  /** Loads the store's chats and agents: the queue in its order, assignments, open offers with their expiry. */
  async #restore(): Promise<void> {
    const store = this.#opts.store;
    if (!store) return;
    const { chats, agents } = await store.load();
    for (const a of agents) {
      this.#agents.set(a.jid, {
        jid: a.jid,
        fullJid: null,
        online: false,
        state: a.state as AgentView['state'],
        reportedActive: a.active,
        max: a.max,
        idleSince: a.idleSince,
        grace: null,
        name: a.name,
      });
    }
    for (const c of chats) {
      const chat: RoutedChat = {
        id: c.id,
        room: c.room,
        queue: c.queue,
        customerJid: c.customerJid,
        // A chat kept before resume secrets were stored gets a fresh one (its customer cannot resume it).
        resumeSecret: c.resumeSecret || randomBytes(24).toString('base64url'),
        customerName: c.customerName,
        context: c.context,
        queuedAt: c.queuedAt,
        status: c.status,
        agent: c.agent,
        offer: null,
        passedOn: new Map(Object.entries(c.passedOn)),
        onlyAgent: c.onlyAgent,
        transferredFrom: c.transferredFrom,
        lastPosition: null,
        customerAway: null,
      };
      if (c.status === 'offered' && c.offer)
        chat.offer = { ...c.offer, timer: this.#expiryTimer(chat, c.offer.agent, c.offer.expiresAt) };
      else if (c.status === 'offered') chat.status = 'queued';
      this.#chats.set(chat.id, chat);
      if (chat.agent && !this.#agents.has(chat.agent)) this.#newAgent(chat.agent);
    }
    this.#restored = true;
    const offers = chats.filter((c) => c.status === 'offered').length;
    this.#opts.log?.(
      `router: loaded ${chats.length} open chat${chats.length === 1 ? '' : 's'} (${offers} offered) and ${agents.length} agent${agents.length === 1 ? '' : 's'} from the store`,
    );
  }

  /** A line in a chat's room, kept in the transcript once (its id is the key), whoever wrote it. */
  #onRoomMessage(message: Element): boolean {
    this.#keepLine(message, null, null);
    return true;
  }

  /**
   * After every sign-in (a restart, a takeover, a lost link), reads each open room's archive and keeps the lines
   * not yet kept: what was said while the router was away reaches the transcript too, once.
   */
  async #catchUpTranscripts(conn: XmppConnection): Promise<void> {
    for (const chat of [...this.#chats.values()]) {
      if (chat.status === 'ended') continue;
      let after: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const queryId = randomId();
        this.#archived.set(queryId, []);
        const answer = await this.#iq.send(conn, mamQuery(chat.room, queryId, after, 100));
        const results = this.#archived.get(queryId) ?? [];
        this.#archived.delete(queryId);
        if (conn !== this.#conn || !answer.ok) break;
        for (const result of results) this.#keepLine(result.message, result.archiveId, result.at);
        const fin = readMamFin(answer.value);
        if (!fin || fin.complete || !fin.last || results.length === 0) break;
        after = fin.last;
      }
    }
  }

  #collectArchived(message: Element): boolean {
    const archived = readArchivedMessage(message);
    if (archived) this.#archived.get(archived.queryId)?.push(archived);
    return true;
  }

  #keepLine(message: Element, archiveId: string | null, archivedAt: number | null): void {
    const store = this.#opts.store;
    const from = message.getAttribute('from') ?? '';
    const room = bareJid(from);
    const chat = [...this.#chats.values()].find((c) => c.room === room);
    const body = message.getElementsByTagName('body')[0]?.textContent ?? null;
    if (!store || !chat || body === null || message.getAttribute('type') === 'error') return;
    const nick = from.slice(room.length + 1);
    const realJid = archivedSenderJid(message) ?? this.#occupants.get(room)?.get(nick) ?? null;
    let sender: TranscriptSender = 'agent';
    if (nick === ROUTER_NICK || readNotice(message)) sender = 'system';
    else if (realJid === bareJid(chat.customerJid)) sender = 'customer';
    const originId = readOriginId(message);
    const stanzaId = archiveId ?? readStanzaId(message, room);
    const messageId = originId ?? stanzaId ?? message.getAttribute('id');
    if (!messageId) return;
    const delay = message.getElementsByTagName('delay')[0]?.getAttribute('stamp');
    const at = archivedAt ?? (delay ? Date.parse(delay) : this.#clock.now());
    this.#write(() =>
      store.addLine({
        room,
        messageId,
        stanzaId,
        originId,
        sender,
        at: Number.isNaN(at) ? this.#clock.now() : at,
        text: body,
      }),
    );
  }

  #announcePositions(): void {
    const conn = this.#conn;
    if (!conn) return;
    for (const [index, chat] of this.#waiting().entries()) {
      const position = index + 1; // as #positionOf, without scanning the queue again for each chat
      if (position === chat.lastPosition) continue;
      chat.lastPosition = position;
      conn.send(queuePositionMessage(chat.customerJid, chat.id, position, `You are number ${position} in the queue.`));
    }
  }

  #notice(chat: RoutedChat, notice: Notice, text: string): void {
    this.#conn?.send(noticeMessage(chat.room, randomId(), notice, text));
  }

  // ---------------------------------------------------------------- views

  /** Chats waiting for an agent, first in line first: all of them, or those of one queue. */
  #waiting(queue?: string): RoutedChat[] {
    return [...this.#chats.values()]
      .filter((c) => (c.status === 'queued' || c.status === 'offered') && (queue === undefined || c.queue === queue))
      .sort((a, b) => a.queuedAt - b.queuedAt);
  }

  /** The chat's place in its own queue. */
  #positionOf(chat: RoutedChat): number {
    return this.#waiting(chat.queue).indexOf(chat) + 1;
  }

  /** The queue a customer or agent named (none: the default queue), or the error answer for an unknown one. */
  #queueOf(requested: string | null): QueueInfo | { condition: string; text: string } {
    if (requested === null || requested === '') return this.#queues.defaultQueue;
    return this.#queues.find(requested) ?? { condition: 'item-not-found', text: queueProblem(requested) };
  }

  /** Whether the agent serves the queue; a chat in a queue no longer configured is served as the default queue's. */
  #serves(queue: string, agentJid: string): boolean {
    const known = this.#queues.find(queue) ? queue : this.#queues.defaultQueue.id;
    return this.#queues.serves(known, localPart(agentJid));
  }

  #assignedTo(agentJid: string): RoutedChat[] {
    return [...this.#chats.values()].filter((c) => c.status === 'assigned' && c.agent === agentJid);
  }

  #agentViews(): AgentView[] {
    // One pass over the chats for every agent's counts: per agent it made each dispatch cost agents x chats.
    const assigned = new Map<string, number>();
    const offered = new Map<string, number>();
    for (const c of this.#chats.values()) {
      if (c.status === 'assigned' && c.agent !== null) assigned.set(c.agent, (assigned.get(c.agent) ?? 0) + 1);
      else if (c.status === 'offered' && c.offer) offered.set(c.offer.agent, (offered.get(c.offer.agent) ?? 0) + 1);
    }
    return [...this.#agents.values()].map((a) => ({
      jid: a.jid,
      online: a.online,
      state: a.state,
      reportedActive: a.reportedActive,
      max: a.max,
      assigned: assigned.get(a.jid) ?? 0,
      offered: offered.get(a.jid) ?? 0,
      idleSince: a.idleSince,
    }));
  }

  #payload(chat: RoutedChat, expiresAt: number): OfferPayload {
    return {
      chatId: chat.id,
      customerName: chat.customerName,
      customerJid: bareJid(chat.customerJid),
      context: chat.context,
      expiresAt,
      transferredFrom: chat.transferredFrom,
      queue: chat.queue,
    };
  }

  #assignmentsOf(agentJid: string): { chats: (OfferPayload & { room: string })[]; offers: OfferPayload[] } {
    const chats = this.#assignedTo(agentJid).map((c) => ({ ...this.#payload(c, 0), room: c.room }));
    const offers = [...this.#chats.values()]
      .filter((c) => c.status === 'offered' && c.offer?.agent === agentJid)
      .map((c) => this.#payload(c, c.offer?.expiresAt ?? 0));
    return { chats, offers };
  }

  #isAgent(bare: string): boolean {
    return bare.endsWith(`@${this.#opts.domain}`) && bare !== bareJid(this.#jid);
  }

  #mustConn(): XmppConnection {
    if (!this.#conn) throw new Error('the router is not connected');
    return this.#conn;
  }

  #reply(
    conn: XmppConnection,
    iq: Element,
    error: { condition: string; text: string } | null,
    payload?: Element,
  ): void {
    const answer = $iq({
      type: error ? 'error' : 'result',
      to: iq.getAttribute('from') ?? '',
      id: iq.getAttribute('id') ?? '',
    });
    if (error) {
      answer
        .c('error', { type: error.condition === 'internal-server-error' ? 'wait' : 'cancel' })
        .c(error.condition, { xmlns: NS_STANZAS })
        .up()
        .c('text', { xmlns: NS_STANZAS })
        .t(error.text);
    } else if (payload) {
      answer.cnode(payload);
    }
    conn.send(answer);
  }
}

/** An IQ's failure in a word, for the log: the condition only (a server's text may quote the customer's name). */
function failure(answer: { ok: true } | { ok: false; error: IqFailure }): string {
  if (answer.ok) return 'no form in the answer';
  return answer.error.kind === 'error' ? answer.error.condition : answer.error.kind;
}

/** Compares resume secrets in constant time. */
function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function localPart(jid: string): string {
  const at = jid.indexOf('@');
  return at < 0 ? jid : jid.slice(0, at);
}

/** A display name from untrusted input: XML-safe, one line, bounded. */
function cleanName(raw: string): string {
  const name = toXmlText(raw).replace(/\s+/g, ' ').trim().slice(0, 80);
  return name || 'Customer';
}
