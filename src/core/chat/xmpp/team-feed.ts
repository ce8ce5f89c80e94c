// The supervisor's side of the team feed (docs/xmpp-chat-profile.md, "Team feed"): one XMPP stream (the same link,
// endpoints and credentials as the agent's chat channel), a directed presence to the router so it forgets this
// session when it goes, a subscription to the shown team answered with a snapshot, then the router's pushes. After a
// reconnect the subscription and snapshot are made again (pushes sent while away were lost). Headless: no DOM, no UI.
import { $pres } from 'strophe.js';
import { err, ok, type Result } from '../../result.ts';
import type { DecisionEntry } from '../../blending/decision-log.ts';
import { systemTimers, type Timers } from '../../shared/timers.ts';
import type { Unsubscribe } from '../../shared/unsubscribe.ts';
import type { ChatAvailability, ChatCredentials } from '../chat-channel.ts';
import { RECONNECT_BACKOFF } from '../reconnect-backoff.ts';
import { ChatLink, type ChatEndpoints } from './chat-link.ts';
import { bareJid } from './dom-read.ts';
import { NS_CHAT } from './namespaces.ts';
import {
  readDecisions,
  readMemberPush,
  readTeamSnapshot,
  teamDecisionsIq,
  teamSubscribeIq,
  type TeamMemberChat,
} from './profile/team-stanzas.ts';
import { createStropheConnection, type ConnectionFactory, type XmppConnection } from './xmpp-connection.ts';

/** How the feed stands: connecting, live, refused by the router (not this team's supervisor), or the server down. */
export type TeamFeedStatus = 'connecting' | 'live' | 'refused' | 'down' | 'sign-in-failed';

/** What the team view shows of a member's chat state. */
export type TeamChatState = 'available' | 'not-available' | 'offline';

/** Ready or working on chats and taking more: available; offline: offline; anything else: not available. */
export function teamChatState(state: ChatAvailability): TeamChatState {
  if (state === 'READY' || state === 'ACTIVE') return 'available';
  return state === 'OFFLINE' ? 'offline' : 'not-available';
}

/** Why the recent decisions could not be read. */
export type DecisionsProblem = 'refused' | 'down';

export interface XmppTeamFeedOptions extends ChatEndpoints {
  readonly domain: string;
  readonly routerJid: string;
  readonly clock?: Timers;
  readonly createConnection?: ConnectionFactory;
  readonly requestTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

interface Follower {
  readonly teamId: string;
  readonly onRow: (row: TeamMemberChat) => void;
  readonly onStatus: (status: TeamFeedStatus) => void;
}

export class XmppTeamFeed {
  readonly #opts: XmppTeamFeedOptions;
  readonly #link: ChatLink;
  readonly #routerBare: string;
  #follower: Follower | null = null;
  #status: TeamFeedStatus = 'connecting';
  /** Bumped on each subscription: an older snapshot's answer is dropped. */
  #subscribeSeq = 0;
  #credentials: ChatCredentials | null = null;

  constructor(options: XmppTeamFeedOptions) {
    this.#opts = options;
    this.#routerBare = bareJid(options.routerJid);
    const clock = options.clock ?? systemTimers;
    this.#link = new ChatLink(
      {
        websocketUrl: options.websocketUrl,
        boshUrl: options.boshUrl,
        domain: options.domain,
        createConnection: options.createConnection ?? createStropheConnection,
        clock,
        random: Math.random,
        backoff: RECONNECT_BACKOFF,
        requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
        // A fresh session after each reconnect: the subscription is made again anyway.
        streamManagement: false,
        log: options.log,
      },
      {
        installHandlers: (conn) => this.#install(conn),
        up: () => this.#onUp(),
        down: () => this.#setStatus(this.#status === 'refused' ? 'refused' : 'down'),
        status: (status, detail) => {
          if (status === 'offline' && detail === 'auth-failed') this.#setStatus('sign-in-failed');
        },
      },
    );
  }

  /** Signs in and stays signed in (reconnecting with backoff) until stopped. */
  start(credentials: ChatCredentials): void {
    this.#credentials = credentials;
    void this.#link.open(credentials);
  }

  stop(): void {
    this.#follower = null;
    this.#link.stop($pres({ to: this.#opts.routerJid, type: 'unavailable' }));
    this.#link.settle(null);
  }

  get status(): TeamFeedStatus {
    return this.#status;
  }

  /** Follows a team (one at a time: following another replaces it); rows and status come to the callbacks. */
  follow(
    teamId: string,
    onRow: (row: TeamMemberChat) => void,
    onStatus: (status: TeamFeedStatus) => void = () => undefined,
  ): Unsubscribe {
    const follower: Follower = { teamId, onRow, onStatus };
    this.#follower = follower;
    // A new team is live (or refused) only once the router answered for it.
    if (this.#status === 'live' || this.#status === 'refused') this.#status = 'connecting';
    onStatus(this.#status);
    if (this.#link.online) void this.#subscribe();
    return () => {
      if (this.#follower === follower) this.#follower = null;
    };
  }

  /** The agent's recent decisions, oldest first (only for a supervisor of the agent's team). */
  async decisions(agentId: string): Promise<Result<DecisionEntry[], DecisionsProblem>> {
    if (!this.#link.online) return err('down');
    const answer = await this.#link.request(teamDecisionsIq(this.#opts.routerJid, agentId));
    if (!answer.ok) return err(answer.error.kind === 'error' ? 'refused' : 'down');
    const entries = readDecisions(answer.value);
    return entries === null ? err('down') : ok(entries);
  }

  #install(conn: XmppConnection): void {
    conn.addHandler(
      (message: Element) => {
        if (bareJid(message.getAttribute('from') ?? '') !== this.#routerBare) return true;
        const member = readMemberPush(message);
        const follower = this.#follower;
        if (member && follower && member.teamId === follower.teamId) follower.onRow(member);
        return true;
      },
      NS_CHAT,
      'message',
      null,
    );
  }

  #onUp(): void {
    // Directed presence: when this session ends, the server tells the router, which forgets the subscription.
    this.#link.send($pres({ to: this.#opts.routerJid }));
    void this.#subscribe();
  }

  async #subscribe(): Promise<void> {
    const follower = this.#follower;
    if (follower === null) return;
    const seq = ++this.#subscribeSeq;
    const answer = await this.#link.request(teamSubscribeIq(this.#opts.routerJid, follower.teamId));
    if (seq !== this.#subscribeSeq || this.#follower !== follower) return;
    if (!answer.ok) {
      const refused = answer.error.kind === 'error' && answer.error.condition === 'forbidden';
      if (refused) this.#opts.log?.(`the chat service refused the team feed for team ${follower.teamId}`);
      this.#setStatus(refused ? 'refused' : 'down');
      return;
    }
    const snapshot = readTeamSnapshot(answer.value);
    if (snapshot === null || snapshot.teamId !== follower.teamId) {
      this.#setStatus('down');
      return;
    }
    for (const member of snapshot.members) follower.onRow(member);
    this.#setStatus('live');
  }

  #setStatus(status: TeamFeedStatus): void {
    if (this.#credentials === null) return;
    if (status === this.#status) return;
    this.#status = status;
    this.#follower?.onStatus(status);
  }
}
