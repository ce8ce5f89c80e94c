// The team feed of the chat profile (docs/xmpp-chat-profile.md, "Team feed"): a supervisor's client subscribes to a
// team it supervises and the router answers with every member's chat row, then pushes each change; a supervisor may
// also ask for one member's recent decisions. Both halves are here (the router builds what the client reads), so
// they cannot disagree. Rows carry states, numbers and typed decisions only, never conversation text.
import { $build, $iq, type Builder } from 'strophe.js';
import { CHAT_AVAILABILITIES, type ChatAvailability } from '../../chat-channel.ts';
import type { DecisionEntry } from '../../../blending/decision-log.ts';
import { attr, childElement, childElements } from '../dom-read.ts';
import { NS_CHAT } from '../namespaces.ts';
import { decisionElement, readDecision } from './decision-wire.ts';

/** One member's chat side as the router knows it. */
export interface TeamMemberChat {
  readonly agentId: string;
  readonly state: ChatAvailability;
  readonly active: number;
  readonly max: number;
  readonly latest: DecisionEntry | null;
}

const ID = /^[A-Za-z0-9_.-]{1,64}$/;

// ---- supervisor -> router ----

/** `<team-subscribe team="…"/>`: the snapshot of the team's chat rows, then a push on every change. */
export function teamSubscribeIq(router: string, teamId: string): Builder {
  return $iq({ type: 'get', to: router }).c('team-subscribe', { xmlns: NS_CHAT, team: teamId });
}

/** `<team-decisions agent="…"/>`: the agent's recent decisions. */
export function teamDecisionsIq(router: string, agentId: string): Builder {
  return $iq({ type: 'get', to: router }).c('team-decisions', { xmlns: NS_CHAT, agent: agentId });
}

/** A supervisor's team request read by the router; null when the IQ is not one. */
export type TeamRequest =
  | { readonly kind: 'subscribe'; readonly teamId: string }
  | { readonly kind: 'decisions'; readonly agentId: string }
  | { readonly kind: 'malformed' };

export function readTeamRequest(iq: Element): TeamRequest | null {
  const subscribe = childElement(iq, 'team-subscribe', NS_CHAT);
  if (subscribe) {
    const teamId = attr(subscribe, 'team');
    return teamId !== null && ID.test(teamId) ? { kind: 'subscribe', teamId } : { kind: 'malformed' };
  }
  const decisions = childElement(iq, 'team-decisions', NS_CHAT);
  if (decisions) {
    const agentId = attr(decisions, 'agent');
    return agentId !== null && ID.test(agentId) ? { kind: 'decisions', agentId } : { kind: 'malformed' };
  }
  return null;
}

// ---- router -> supervisor ----

function memberBuilder(teamId: string, member: TeamMemberChat, withNs: boolean): Builder {
  const attrs: Record<string, string> = {
    team: teamId,
    agent: member.agentId,
    state: member.state,
    active: String(member.active),
    max: String(member.max),
  };
  const el = $build('member', withNs ? { xmlns: NS_CHAT, ...attrs } : attrs);
  if (member.latest) el.cnode(decisionElement(member.latest).tree()).up();
  return el;
}

/** The answer to a subscription: `<team team="…">` with one `<member/>` per member. */
export function teamSnapshotElement(teamId: string, members: readonly TeamMemberChat[]): Builder {
  const el = $build('team', { xmlns: NS_CHAT, team: teamId });
  for (const m of members) el.cnode(memberBuilder(teamId, m, false).tree()).up();
  return el;
}

/** A push: the `<member/>` that goes into a headline message to the subscriber's full JID. */
export function memberPushElement(teamId: string, member: TeamMemberChat): Builder {
  return memberBuilder(teamId, member, true);
}

/** The answer to `<team-decisions/>`: `<decisions agent="…">` with the decisions, oldest first. */
export function decisionsElement(agentId: string, entries: readonly DecisionEntry[]): Builder {
  const el = $build('decisions', { xmlns: NS_CHAT, agent: agentId });
  for (const e of entries) el.cnode(decisionElement(e).tree()).up();
  return el;
}

// ---- read by the supervisor's client ----

export function readMember(el: Element): (TeamMemberChat & { readonly teamId: string }) | null {
  const teamId = attr(el, 'team');
  const agentId = attr(el, 'agent');
  const state = attr(el, 'state');
  const active = attr(el, 'active');
  const max = attr(el, 'max');
  if (teamId === null || agentId === null || !ID.test(agentId)) return null;
  if (state === null || !(CHAT_AVAILABILITIES as readonly string[]).includes(state)) return null;
  if (active === null || max === null || !/^\d{1,4}$/.test(active) || !/^\d{1,4}$/.test(max)) return null;
  const decision = childElement(el, 'decision');
  return {
    teamId,
    agentId,
    state: state as ChatAvailability,
    active: Number(active),
    max: Number(max),
    latest: decision ? readDecision(decision) : null,
  };
}

/** The members of a subscription's answer (malformed ones left out), or null when it is not one. */
export function readTeamSnapshot(iq: Element): { teamId: string; members: TeamMemberChat[] } | null {
  const el = childElement(iq, 'team', NS_CHAT);
  const teamId = el && attr(el, 'team');
  if (!el || !teamId) return null;
  const members = childElements(el, 'member')
    .map(readMember)
    .filter((m): m is TeamMemberChat & { teamId: string } => m !== null && m.teamId === teamId);
  return { teamId, members };
}

/** A pushed `<member/>` of a message, or null. */
export function readMemberPush(message: Element): (TeamMemberChat & { readonly teamId: string }) | null {
  const el = childElement(message, 'member', NS_CHAT);
  return el ? readMember(el) : null;
}

/** The decisions of a `<team-decisions/>` answer, oldest first (malformed ones left out), or null. */
export function readDecisions(iq: Element): DecisionEntry[] | null {
  const el = childElement(iq, 'decisions', NS_CHAT);
  if (!el) return null;
  return childElements(el, 'decision')
    .map(readDecision)
    .filter((d): d is DecisionEntry => d !== null);
}
