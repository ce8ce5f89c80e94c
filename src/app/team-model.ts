// The supervisor's team as rows: one per member, made from the Team document (GET Team/{id}) and kept live by the
// Team/{id}/Users notifications (one member's <user> each, or a whole <team>). Pure: no hub, no clock, no DOM.
// The chat columns come from a TeamChatFeed (the chat service's team feed); without one they stay empty, and the
// view says so rather than showing made-up values.
import type { DecisionEntry } from '../core/blending/decision-log.ts';
import type { AgentState, ReasonCode, Team, TeamUser, Update } from '../core/finesse/types.ts';
import type { Unsubscribe } from '../core/shared/unsubscribe.ts';
import type { Result } from '../core/result.ts';
import type { DecisionsProblem, TeamFeedStatus } from '../core/chat/xmpp/team-feed.ts';

export type { DecisionsProblem, TeamFeedStatus } from '../core/chat/xmpp/team-feed.ts';

/** One team member's voice side, as Finesse reports it. */
export interface TeamMemberRow {
  readonly id: string;
  /** "First Last", or the login id when Finesse gives no name. */
  readonly name: string;
  readonly state: AgentState;
  readonly pendingState: AgentState | null;
  readonly reasonCodeId: string | null;
  /** The reason's label (Not Ready or sign-out), from the notification or the team's reason codes; null when none. */
  readonly reasonLabel: string | null;
  /** True for a code the system set (a supervisor's 999/33, a device failure...). */
  readonly reasonSystem: boolean;
  /** When the member entered the state (ms since the epoch), null when Finesse gave no time. */
  readonly since: number | null;
}

/** One member's chat side, as the chat service's team feed reports it. */
export interface TeamChatRow {
  readonly agentId: string;
  readonly chat: 'available' | 'not-available' | 'offline';
  readonly active: number;
  readonly max: number;
  /** The agent's latest blending decision (the UI says it in words), null before any. */
  readonly latest: DecisionEntry | null;
}

/**
 * The seam for the chat columns: the chat service pushes each member's chat state for a team the supervisor
 * supervises (src/app/team-chat-feed.ts over XMPP). Without one the team view shows "no chat data" cells.
 */
export interface TeamChatFeed {
  /** Follows the team's chat rows; `onStatus` says whether the feed is live, refused or down. */
  watch(teamId: string, onRow: (row: TeamChatRow) => void, onStatus?: (status: TeamFeedStatus) => void): Unsubscribe;
  /** The member's recent decisions, oldest first. */
  decisions?(agentId: string): Promise<Result<readonly DecisionEntry[], DecisionsProblem>>;
}

/** Finds a reason code's label by its id (the team's reason codes, Not Ready and sign-out). */
export type ReasonLabels = ReadonlyMap<string, string>;

/** The reason codes' labels by id. */
export function reasonLabels(codes: readonly ReasonCode[]): ReasonLabels {
  return new Map(codes.map((c) => [c.id, c.label]));
}

function sinceOf(stateChangeTime: string | null): number | null {
  if (stateChangeTime === null) return null;
  const at = Date.parse(stateChangeTime);
  return Number.isNaN(at) ? null : at;
}

/** A member's row from Finesse's summary of them. */
export function memberRow(user: TeamUser, labels: ReasonLabels): TeamMemberRow {
  const name = `${user.firstName} ${user.lastName}`.trim();
  const hasReason = user.state === 'NOT_READY' || user.state === 'LOGOUT';
  const label = hasReason
    ? (user.reasonCode?.label ?? (user.reasonCodeId !== null ? (labels.get(user.reasonCodeId) ?? null) : null))
    : null;
  return {
    id: user.loginId,
    name: name === '' ? user.loginId : name,
    state: user.state,
    pendingState: user.pendingState,
    reasonCodeId: hasReason ? user.reasonCodeId : null,
    reasonLabel: label === '' ? null : label,
    reasonSystem: hasReason && (user.reasonCode?.systemCode ?? false),
    since: sinceOf(user.stateChangeTime),
  };
}

/** The rows of a Team document, by member id. */
export function rowsOfTeam(team: Team, labels: ReasonLabels): ReadonlyMap<string, TeamMemberRow> {
  return new Map(team.users.map((u) => [u.loginId, memberRow(u, labels)]));
}

/** What a notification on a team's node does to its rows. */
export type TeamChange =
  | { readonly kind: 'member'; readonly row: TeamMemberRow }
  | { readonly kind: 'team'; readonly rows: ReadonlyMap<string, TeamMemberRow> }
  | { readonly kind: 'member-removed'; readonly id: string }
  | { readonly kind: 'ignored'; readonly why: string };

/**
 * Reads a notification that arrived on Team/{teamId}/Users: a PUT with one member's <user> (source: the member's
 * own User URI), or a whole <team> with its <users> (the developer guide's sample). A <team> of another team
 * is ignored, as is anything else (said why, never the content).
 */
export function teamChangeOf(update: Update, teamId: string, labels: ReasonLabels): TeamChange {
  const data = update.data;
  switch (data.kind) {
    case 'teamUser':
      if (update.event === 'DELETE') return { kind: 'member-removed', id: data.user.loginId };
      return { kind: 'member', row: memberRow(data.user, labels) };
    case 'user':
      // A <user> that did not come through the team node's reading (no node given): still a member's summary.
      if (update.event === 'DELETE') return { kind: 'member-removed', id: data.user.loginId };
      return { kind: 'member', row: memberRow(data.user, labels) };
    case 'team':
      if (data.team.id !== teamId) return { kind: 'ignored', why: `it described team ${data.team.id}` };
      return { kind: 'team', rows: rowsOfTeam(data.team, labels) };
    case 'apiErrors':
      return { kind: 'ignored', why: 'it carried errors, not a member' };
    default:
      return { kind: 'ignored', why: `its data was ${data.kind === 'unknown' ? `<${data.root}>` : data.kind}` };
  }
}

/** Applies a change to the rows (a new map; the old one is left as it was). */
export function applyTeamChange(
  rows: ReadonlyMap<string, TeamMemberRow>,
  change: TeamChange,
): ReadonlyMap<string, TeamMemberRow> {
  switch (change.kind) {
    case 'member': {
      const next = new Map(rows);
      next.set(change.row.id, change.row);
      return next;
    }
    case 'member-removed': {
      if (!rows.has(change.id)) return rows;
      const next = new Map(rows);
      next.delete(change.id);
      return next;
    }
    case 'team':
      return change.rows;
    case 'ignored':
      return rows;
  }
}

// ---- grouping, counts, sorting, filtering -------------------------------------------------------------------

/** The groups the summary counts and the state filter use. */
export type StateGroup = 'ready' | 'on-call' | 'not-ready' | 'signed-out' | 'other';

const ON_CALL: ReadonlySet<AgentState> = new Set([
  'TALKING',
  'HOLD',
  'RESERVED',
  'RESERVED_OUTBOUND',
  'RESERVED_OUTBOUND_PREVIEW',
  'WORK',
  'WORK_READY',
]);

/** A state's group: Ready; on a call (reserved, talking, on hold or in wrap-up); Not Ready; signed out; other. */
export function stateGroup(state: AgentState): StateGroup {
  if (state === 'READY') return 'ready';
  if (ON_CALL.has(state)) return 'on-call';
  if (state === 'NOT_READY') return 'not-ready';
  if (state === 'LOGOUT') return 'signed-out';
  return 'other';
}

export interface TeamCounts {
  readonly total: number;
  readonly ready: number;
  readonly onCall: number;
  readonly notReady: number;
  /** Not Ready members by reason label (null: no reason given), most first, then by label, no reason last. */
  readonly notReadyByReason: readonly { readonly label: string | null; readonly count: number }[];
  readonly signedOut: number;
  /** Members with chats in progress, from the chat feed (null without one). */
  readonly handlingChats: number | null;
}

/** The summary counts of a team. */
export function teamCounts(
  rows: Iterable<TeamMemberRow>,
  chat: ReadonlyMap<string, TeamChatRow> | null = null,
): TeamCounts {
  let total = 0;
  const groups: Record<StateGroup, number> = { ready: 0, 'on-call': 0, 'not-ready': 0, 'signed-out': 0, other: 0 };
  const reasons = new Map<string | null, number>();
  let handling = 0;
  for (const row of rows) {
    total++;
    const group = stateGroup(row.state);
    groups[group]++;
    if (group === 'not-ready') reasons.set(row.reasonLabel, (reasons.get(row.reasonLabel) ?? 0) + 1);
    if ((chat?.get(row.id)?.active ?? 0) > 0) handling++;
  }
  const notReadyByReason = [...reasons]
    .map(([label, count]) => ({ label, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.label === null ? 1 : 0) - (b.label === null ? 1 : 0) ||
        (a.label ?? '').localeCompare(b.label ?? ''),
    );
  return {
    total,
    ready: groups.ready,
    onCall: groups['on-call'],
    notReady: groups['not-ready'],
    notReadyByReason,
    signedOut: groups['signed-out'],
    handlingChats: chat === null ? null : handling,
  };
}

export type TeamColumn = 'name' | 'state' | 'pending' | 'time' | 'chat' | 'chats' | 'decision';
export const TEAM_COLUMNS: readonly TeamColumn[] = ['name', 'state', 'pending', 'time', 'chat', 'chats', 'decision'];

export interface TeamQuery {
  readonly sort: TeamColumn;
  readonly direction: 'ascending' | 'descending';
  /** 'all', or one state group. */
  readonly filter: StateGroup | 'all';
  /** Part of a member's name or id (any case); '' for everyone. */
  readonly search: string;
}

export const DEFAULT_TEAM_QUERY: TeamQuery = { sort: 'name', direction: 'ascending', filter: 'all', search: '' };

const GROUP_ORDER: Readonly<Record<StateGroup, number>> = {
  ready: 0,
  'on-call': 1,
  'not-ready': 2,
  other: 3,
  'signed-out': 4,
};

const CHAT_ORDER = { available: 0, 'not-available': 1, offline: 2 } as const;

/** Compares two values where null (no data) always goes last, whichever the direction. */
type Key = string | number | null;

function keyOf(column: TeamColumn, row: TeamMemberRow, chat: TeamChatRow | undefined): Key {
  switch (column) {
    case 'name':
      return row.name.toLocaleLowerCase();
    case 'state':
      // Grouped as the summary groups them, then by state and reason, so Not Ready members sit together by reason.
      return `${GROUP_ORDER[stateGroup(row.state)]}:${row.state}:${(row.reasonLabel ?? '').toLocaleLowerCase()}`;
    case 'pending':
      return row.pendingState;
    case 'time':
      // Longest in state first when ascending: the earliest entry time.
      return row.since;
    case 'chat':
      return chat === undefined ? null : CHAT_ORDER[chat.chat];
    case 'chats':
      return chat === undefined ? null : chat.active;
    case 'decision':
      return chat?.latest ? chat.latest.at : null;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** The rows to show: filtered by group and name, sorted by a column (ties by name, then id). */
export function queryRows(
  rows: Iterable<TeamMemberRow>,
  query: TeamQuery,
  chat: ReadonlyMap<string, TeamChatRow> | null = null,
): TeamMemberRow[] {
  const search = query.search.trim().toLocaleLowerCase();
  const shown = [...rows].filter(
    (r) =>
      (query.filter === 'all' || stateGroup(r.state) === query.filter) &&
      (search === '' || r.name.toLocaleLowerCase().includes(search) || r.id.includes(search)),
  );
  const sign = query.direction === 'ascending' ? 1 : -1;
  const keyed = shown.map((row) => ({ row, key: keyOf(query.sort, row, chat?.get(row.id)) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const c = compareKeys(a.key, b.key);
      if (c !== 0) return c * sign;
    }
    return a.row.name.localeCompare(b.row.name) || a.row.id.localeCompare(b.row.id);
  });
  return keyed.map((k) => k.row);
}
