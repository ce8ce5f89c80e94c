// The router's team feed (docs/xmpp-chat-profile.md, "Team feed"): it keeps each agent's chat row (state, load,
// latest decisions, the last few per agent, in memory), lets a supervisor subscribe to a team Finesse says it
// supervises (checked against the directory: the requester's bare JID local part is its Finesse login id), answers
// with a snapshot, pushes every member's change to each subscriber's full JID, and forgets subscribers that go
// unavailable. Nothing here carries conversation text: states, numbers and typed decisions only.
import { $msg, type Builder } from 'strophe.js';
import type { AvailabilityReport } from '../../src/core/chat/chat-channel.ts';
import type { DecisionEntry } from '../../src/core/blending/decision-log.ts';
import { bareJid, childElement, childElements } from '../../src/core/chat/xmpp/dom-read.ts';
import { NS_CHAT } from '../../src/core/chat/xmpp/namespaces.ts';
import { readDecision } from '../../src/core/chat/xmpp/profile/decision-wire.ts';
import {
  decisionsElement,
  memberPushElement,
  readTeamRequest,
  teamSnapshotElement,
  type TeamMemberChat,
} from '../../src/core/chat/xmpp/profile/team-stanzas.ts';
import type { Directory, DirectoryUser } from '../directory/directory.ts';

/** Where the feed learns who is in which team and who supervises which (the service's Finesse directory). */
export interface TeamDirectorySource {
  current(): Directory | null;
}

export interface TeamFeedOptions {
  /** Null when the service reads no Finesse directory: then no one may subscribe. */
  readonly directory: TeamDirectorySource | null;
  /** Sends a stanza on the router's connection (dropped while it is down). */
  readonly send: (stanza: Builder) => void;
  /** How many decisions are kept per agent (default 20). */
  readonly keepDecisions?: number;
  readonly log?: (line: string) => void;
}

/** An error answer: the stanza condition and a sentence the supervisor's administrator can act on. */
export interface TeamFeedRefusal {
  readonly condition: string;
  readonly text: string;
}

/** The answer to a supervisor's team request: an error, or the payload of the result. */
export type TeamFeedAnswer = { readonly error: TeamFeedRefusal } | { readonly payload: Element };

interface AgentChat {
  state: AvailabilityReport['state'];
  active: number;
  max: number;
  decisions: DecisionEntry[];
}

function localPart(jid: string): string {
  const at = jid.indexOf('@');
  return (at < 0 ? jid : jid.slice(0, at)).toLowerCase();
}

export class TeamFeed {
  readonly #opts: TeamFeedOptions;
  readonly #agents = new Map<string, AgentChat>();
  /** Subscriber full JID -> the team it follows (one team per session; subscribing again replaces it). */
  readonly #subscribers = new Map<string, string>();

  constructor(options: TeamFeedOptions) {
    this.#opts = options;
  }

  /** How many sessions follow a team now. */
  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  /**
   * An agent's availability presence was read (the router's presence handler calls this after updating its own
   * record): keeps the row and the decision, and pushes the row to the team's subscribers when it changed.
   */
  agentPresence(agentJid: string, report: AvailabilityReport, presence: Element): void {
    const agentId = localPart(agentJid);
    const decisions = childElements(presence, 'decision', NS_CHAT)
      .map(readDecision)
      .filter((d): d is DecisionEntry => d !== null);
    let row = this.#agents.get(agentId);
    if (!row) {
      row = { state: 'OFFLINE', active: 0, max: 0, decisions: [] };
      this.#agents.set(agentId, row);
    }
    let changed = row.state !== report.state || row.active !== report.active || row.max !== report.max;
    row.state = report.state;
    row.active = report.active;
    row.max = report.max;
    // Each presence repeats the agent's last few decisions: keep the ones not kept yet, in their order.
    for (const decision of decisions) {
      if (row.decisions.some((d) => d.seq === decision.seq && d.at === decision.at)) continue;
      row.decisions.push(decision);
      changed = true;
    }
    const keep = Math.max(1, this.#opts.keepDecisions ?? 20);
    if (row.decisions.length > keep) row.decisions.splice(0, row.decisions.length - keep);
    if (changed) this.#push(agentId);
  }

  /**
   * A presence from someone: a subscriber's session that goes unavailable is forgotten. True when the presence was a
   * subscriber's (the router then has nothing more to do with it).
   */
  subscriberPresence(from: string, presence: Element): boolean {
    if (!this.#subscribers.has(from)) return false;
    if (presence.getAttribute('type') !== 'unavailable')
      return childElement(presence, 'availability', NS_CHAT) === null;
    this.#subscribers.delete(from);
    this.#opts.log?.('router: a team feed subscriber went away');
    return true;
  }

  /** Answers a team request (null when the IQ is not one). `from` is the requester's full JID. */
  answer(from: string, iq: Element): TeamFeedAnswer | null {
    const request = readTeamRequest(iq);
    if (request === null) return null;
    if (request.kind === 'malformed')
      return { error: { condition: 'bad-request', text: 'The team request names no valid team or agent.' } };
    const directory = this.#opts.directory;
    if (directory === null)
      return {
        error: {
          condition: 'forbidden',
          text: 'This chat service reads no Finesse directory, so it cannot tell who supervises which team; its administrator sets finesse in the service configuration.',
        },
      };
    const current = directory.current();
    if (current === null)
      return {
        error: {
          condition: 'service-unavailable',
          text: 'The chat service has not read the Finesse user list yet; try again in a moment.',
        },
      };
    const requester = findUser(current, localPart(bareJid(from)));
    const supervises = requester?.roles.includes('Supervisor') ? requester.supervises : [];
    if (request.kind === 'subscribe') {
      if (!supervises.includes(request.teamId))
        return {
          error: {
            condition: 'forbidden',
            text: `Finesse does not list you as a supervisor of team ${request.teamId}, so its chat states are not shown to you.`,
          },
        };
      this.#subscribers.set(from, request.teamId);
      const members = this.#membersOf(current, request.teamId);
      return {
        payload: teamSnapshotElement(
          request.teamId,
          members.map((id) => this.#row(id)),
        ).tree(),
      };
    }
    const team = findUser(current, request.agentId)?.teamId ?? null;
    if (team === null || !supervises.includes(team))
      return {
        error: {
          condition: 'forbidden',
          text: `Finesse does not list you as a supervisor of agent ${request.agentId}'s team, so its decisions are not shown to you.`,
        },
      };
    return {
      payload: decisionsElement(
        request.agentId,
        this.#agents.get(request.agentId.toLowerCase())?.decisions ?? [],
      ).tree(),
    };
  }

  /** The team's members, as the directory lists them (login ids). */
  #membersOf(directory: Directory, teamId: string): string[] {
    return [...directory.users.values()]
      .filter((u) => u.teamId === teamId)
      .map((u) => u.loginId)
      .sort();
  }

  #row(agentId: string): TeamMemberChat {
    const row = this.#agents.get(agentId.toLowerCase());
    return {
      agentId,
      state: row?.state ?? 'OFFLINE',
      active: row?.active ?? 0,
      max: row?.max ?? 0,
      latest: row?.decisions[row.decisions.length - 1] ?? null,
    };
  }

  #push(agentId: string): void {
    if (this.#subscribers.size === 0) return;
    const directory = this.#opts.directory?.current() ?? null;
    const user = directory === null ? undefined : findUser(directory, agentId);
    const team = user?.teamId ?? null;
    if (!user || team === null) return;
    const row = this.#row(user.loginId);
    for (const [jid, followed] of this.#subscribers) {
      if (followed !== team) continue;
      this.#opts.send($msg({ to: jid, type: 'headline' }).cnode(memberPushElement(team, row).tree()));
    }
  }
}

/** A directory user by login id, the XMPP local part being case-insensitive. */
function findUser(directory: Directory, id: string): DirectoryUser | undefined {
  const exact = directory.users.get(id);
  if (exact) return exact;
  const lower = id.toLowerCase();
  for (const u of directory.users.values()) if (u.loginId.toLowerCase() === lower) return u;
  return undefined;
}
