// The supervisor's team session: which teams Finesse says the supervisor supervises (the User's <teams>), the
// chosen team's members (GET Team/{id}) kept live by Team/{id}/Users notifications (an explicit SubscribeNodeReq
// through the desktop's hub, as Finesse requires for team nodes), a resync after the notification connection comes
// back, and the state changes Finesse lets a supervisor make (Ready, Not Ready, sign out), with why it refused one.
import type { HubPort } from '../core/container/hub.ts';
import { topicForNode } from '../core/container/hub.ts';
import { notificationDocumentOf } from '../core/finesse/notification-payload.ts';
import type { FinesseClient } from '../core/finesse/rest/finesse-client.ts';
import type { FinesseError } from '../core/finesse/rest/finesse-error.ts';
import type { ReasonCode, TeamRef, Update } from '../core/finesse/types.ts';
import { parseUpdate } from '../core/finesse/xml/index.ts';
import type { Unsubscribe } from '../core/shared/unsubscribe.ts';
import type { DecisionEntry } from '../core/blending/decision-log.ts';
import {
  REQUESTS_TOPIC,
  RESPONSES_TOPIC_PREFIX,
  watchNotificationConnection,
} from '../core/blending/adapters/agent-notifications.ts';
import {
  applyTeamChange,
  reasonLabels,
  rowsOfTeam,
  stateGroup,
  teamChangeOf,
  type ReasonLabels,
  type DecisionsProblem,
  type TeamChatFeed,
  type TeamChatRow,
  type TeamFeedStatus,
  type TeamMemberRow,
} from './team-model.ts';

/** The actions Finesse allows a supervisor on a team member. */
export type TeamAction = 'make-not-ready' | 'make-ready' | 'sign-out';

/** Why Finesse refused (or the gadget could not send) a supervisor's action; the UI says each in words. */
export type TeamActionError =
  'on-call' | 'not-allowed' | 'not-supervisor' | 'sign-in' | 'network' | 'unavailable' | 'not-found' | 'other';

export interface TeamActionView {
  readonly agentId: string;
  readonly name: string;
  readonly action: TeamAction;
  /** sending: asked; accepted: Finesse took it (the row follows when its notification comes); refused: see error. */
  readonly phase: 'sending' | 'accepted' | 'refused';
  readonly error: TeamActionError | null;
}

/** What is wrong with the team view, if anything. */
export type TeamProblem =
  | { readonly kind: 'load-failed'; readonly error: TeamActionError }
  | { readonly kind: 'subscribe-failed' }
  | { readonly kind: 'notifications-down' };

/** One member's recent decisions, opened from the team view (the same typed causes the agent's log holds). */
export interface TeamDecisionsView {
  readonly agentId: string;
  readonly name: string;
  readonly phase: 'loading' | 'ready' | 'failed';
  /** Oldest first. */
  readonly entries: readonly DecisionEntry[];
  readonly problem: DecisionsProblem | 'no-feed' | null;
}

export interface TeamSessionView {
  readonly phase: 'loading' | 'ready' | 'no-teams' | 'failed';
  /** The teams the supervisor supervises, as Finesse lists them. */
  readonly teams: readonly TeamRef[];
  readonly teamId: string | null;
  readonly rows: ReadonlyMap<string, TeamMemberRow>;
  /** The chat side by member id; null when no chat feed is connected (the chat cells say "no data"). */
  readonly chat: ReadonlyMap<string, TeamChatRow> | null;
  /** How the chat feed stands (live, refused, down...); null without one. */
  readonly chatFeed: TeamFeedStatus | null;
  /** The member's decision log the supervisor opened, or null. */
  readonly decisions: TeamDecisionsView | null;
  readonly problem: TeamProblem | null;
  readonly action: TeamActionView | null;
}

export interface TeamSessionDeps {
  readonly hub: HubPort;
  readonly client: FinesseClient;
  /** The signed-in supervisor's Finesse id. */
  readonly supervisorId: string;
  /** The chat service's team feed, when there is one (not in this release). */
  readonly chatFeed: TeamChatFeed | null;
  /** Makes a fresh invokeID for a hub request (letters, digits, - and _). */
  readonly newInvokeId: () => string;
  readonly onView: (view: TeamSessionView) => void;
  /** A notification that could not be used, and why (never its content). */
  readonly onProblem?: (detail: string) => void;
}

export interface TeamSession {
  view(): TeamSessionView;
  /** Shows another of the supervisor's teams. */
  selectTeam(teamId: string): void;
  /** Asks Finesse for the action on a member; resolves once Finesse answered (or the request failed). */
  act(agentId: string, action: TeamAction): Promise<TeamActionView>;
  /** Clears the last action's outcome from the view. */
  dismissAction(): void;
  /** Opens the member's recent decisions (read from the chat service). */
  openDecisions(agentId: string): Promise<void>;
  closeDecisions(): void;
  stop(): void;
}

const teamUsersNode = (teamId: string): string => `/finesse/api/Team/${teamId}/Users`;

/** The action's outcome error for a Finesse failure. */
export function actionErrorOf(
  error: FinesseError,
  action: TeamAction,
  member: TeamMemberRow | undefined,
): TeamActionError {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'aborted':
      return 'network';
    case 'unavailable':
      return 'unavailable';
    case 'auth':
      return 'sign-in';
    case 'not-found':
      return 'not-found';
    case 'api': {
      const types = error.apiErrors.map((e) => e.errorType.toLowerCase());
      if (types.includes('invalid supervisor')) return 'not-supervisor';
      if (types.includes('invalid state')) {
        // Finesse lets a supervisor force Not Ready only from Ready or wrap-up: a member on a call is the usual case.
        const onCall = member !== undefined && stateGroup(member.state) === 'on-call';
        return action === 'make-not-ready' && onCall ? 'on-call' : 'not-allowed';
      }
      return 'other';
    }
    default:
      return 'other';
  }
}

/** The open decision log with a member's newest decision added (when the row brought one it does not hold). */
function withLatest(open: TeamDecisionsView | null, row: TeamChatRow): TeamDecisionsView | null {
  const latest = row.latest;
  if (open === null || open.agentId !== row.agentId || open.phase !== 'ready' || latest === null) return open;
  const last = open.entries[open.entries.length - 1];
  if (last !== undefined && last.seq === latest.seq && last.at === latest.at) return open;
  return { ...open, entries: [...open.entries, latest].slice(-50) };
}

/** Starts the session: reads the supervisor's teams, shows the first, and follows it. */
export function startTeamSession(deps: TeamSessionDeps): TeamSession {
  const { hub, client } = deps;
  let state: TeamSessionView = {
    phase: 'loading',
    teams: [],
    teamId: null,
    rows: new Map(),
    chat: deps.chatFeed === null ? null : new Map(),
    chatFeed: deps.chatFeed === null ? null : 'connecting',
    decisions: null,
    problem: null,
    action: null,
  };
  let labels: ReasonLabels = new Map();
  let stopped = false;
  /** Releases what follows the shown team (its topic, its reply topic, its chat feed). */
  let releaseTeam: Unsubscribe[] = [];
  /** Bumped on every (re)load: an older GET's answer is dropped. */
  let loadSeq = 0;
  /** Member changes that arrived while a GET was in flight, re-applied on top of its answer. */
  let whileLoading: Update[] | null = null;

  const emit = (next: Partial<TeamSessionView>): void => {
    state = { ...state, ...next };
    if (!stopped) deps.onView(state);
  };

  const problem = (detail: string): void => deps.onProblem?.(detail);

  function onTeamNotification(teamId: string, payload: unknown): void {
    if (stopped || state.teamId !== teamId) return;
    const node = teamUsersNode(teamId);
    const document = notificationDocumentOf(payload);
    if (!document.ok) return problem(`a notification on ${node} was ignored: ${document.error}`);
    const update = parseUpdate(document.value.xml, { node });
    if (!update.ok) return problem(`a notification on ${node} was ignored: ${update.error.message}`);
    if (whileLoading !== null) whileLoading.push(update.value);
    applyUpdate(teamId, update.value);
  }

  function applyUpdate(teamId: string, update: Update): void {
    const change = teamChangeOf(update, teamId, labels);
    if (change.kind === 'ignored') {
      problem(`a notification on ${teamUsersNode(teamId)} was ignored: ${change.why}`);
      return;
    }
    emit({ rows: applyTeamChange(state.rows, change) });
  }

  /** SubscribeNodeReq for the team's node; the desktop answers undefined on success (also when already subscribed). */
  function subscribeNode(teamId: string): void {
    const invokeId = deps.newInvokeId();
    const replyTopic = RESPONSES_TOPIC_PREFIX + invokeId;
    const release = hub.subscribe(replyTopic, (reply) => {
      release();
      if (stopped || state.teamId !== teamId) return;
      if (reply === undefined || reply === null) {
        if (state.problem?.kind === 'subscribe-failed') emit({ problem: null });
        return;
      }
      problem(`the desktop refused the subscription to ${teamUsersNode(teamId)}`);
      emit({ problem: { kind: 'subscribe-failed' } });
    });
    releaseTeam.push(release);
    hub.publish(REQUESTS_TOPIC, {
      type: 'SubscribeNodeReq',
      data: { node: teamUsersNode(teamId) },
      invokeID: invokeId,
    });
  }

  async function load(teamId: string): Promise<void> {
    const seq = ++loadSeq;
    whileLoading = [];
    const [team, notReady, logout] = await Promise.all([
      client.getTeam(teamId),
      labels.size === 0 ? client.getAgentReasonCodes(deps.supervisorId, teamId, 'NOT_READY') : null,
      labels.size === 0 ? client.getAgentReasonCodes(deps.supervisorId, teamId, 'LOGOUT') : null,
    ]);
    if (stopped || seq !== loadSeq) return;
    const codes: ReasonCode[] = [];
    if (notReady?.ok) codes.push(...notReady.value);
    if (logout?.ok) codes.push(...logout.value);
    if (codes.length > 0) labels = reasonLabels(codes);
    const pending = whileLoading ?? [];
    whileLoading = null;
    if (!team.ok) {
      emit({
        phase: 'failed',
        problem: { kind: 'load-failed', error: actionErrorOf(team.error, 'make-ready', undefined) },
      });
      return;
    }
    emit({
      phase: 'ready',
      rows: rowsOfTeam(team.value, labels),
      problem: state.problem?.kind === 'load-failed' ? null : state.problem,
    });
    for (const update of pending) applyUpdate(teamId, update);
  }

  function show(teamId: string): void {
    for (const release of releaseTeam) release();
    releaseTeam = [];
    emit({
      teamId,
      phase: 'loading',
      rows: new Map(),
      chat: deps.chatFeed === null ? null : new Map(),
      decisions: null,
      action: null,
      problem: state.problem?.kind === 'notifications-down' ? state.problem : null,
    });
    releaseTeam.push(hub.subscribe(topicForNode(teamUsersNode(teamId)), (p) => onTeamNotification(teamId, p)));
    if (deps.chatFeed !== null) {
      releaseTeam.push(
        deps.chatFeed.watch(
          teamId,
          (row) => {
            if (stopped || state.teamId !== teamId || state.chat === null) return;
            const chat = new Map(state.chat);
            chat.set(row.agentId, row);
            emit({ chat, decisions: withLatest(state.decisions, row) });
          },
          (status) => {
            if (!stopped && state.teamId === teamId) emit({ chatFeed: status });
          },
        ),
      );
    }
    subscribeNode(teamId);
    void load(teamId);
  }

  // The notification connection: after it comes back, subscribe again and re-read the team (changes made while it
  // was down were never delivered).
  let wasDown = false;
  const stopConnection = watchNotificationConnection(
    hub,
    (up) => {
      if (stopped) return;
      if (!up) {
        wasDown = true;
        emit({ problem: { kind: 'notifications-down' } });
        return;
      }
      if (state.problem?.kind === 'notifications-down') emit({ problem: null });
      if (wasDown && state.teamId !== null) {
        wasDown = false;
        subscribeNode(state.teamId);
        void load(state.teamId);
      }
    },
    deps.newInvokeId(),
  );

  void (async () => {
    const user = await client.getUser(deps.supervisorId);
    if (stopped) return;
    if (!user.ok) {
      emit({
        phase: 'failed',
        problem: { kind: 'load-failed', error: actionErrorOf(user.error, 'make-ready', undefined) },
      });
      return;
    }
    const teams = user.value.teams;
    const first = teams[0];
    if (first === undefined) {
      emit({ phase: 'no-teams', teams });
      return;
    }
    emit({ teams });
    show(first.id);
  })();

  return {
    view: () => state,
    selectTeam(teamId) {
      if (stopped || teamId === state.teamId || !state.teams.some((t) => t.id === teamId)) return;
      show(teamId);
    },
    async act(agentId, action) {
      const member = state.rows.get(agentId);
      const name = member?.name ?? agentId;
      const sending: TeamActionView = { agentId, name, action, phase: 'sending', error: null };
      emit({ action: sending });
      const change =
        action === 'make-not-ready'
          ? ({ state: 'NOT_READY' } as const)
          : action === 'make-ready'
            ? ({ state: 'READY' } as const)
            : ({ state: 'LOGOUT' } as const);
      const result = await client.setTeamMemberState(agentId, change);
      const outcome: TeamActionView = result.ok
        ? { ...sending, phase: 'accepted' }
        : {
            ...sending,
            phase: 'refused',
            error: actionErrorOf(result.error, action, state.rows.get(agentId) ?? member),
          };
      if (state.action === sending) emit({ action: outcome });
      return outcome;
    },
    dismissAction() {
      if (state.action !== null) emit({ action: null });
    },
    async openDecisions(agentId) {
      const name = state.rows.get(agentId)?.name ?? agentId;
      const feed = deps.chatFeed;
      if (feed?.decisions === undefined) {
        emit({ decisions: { agentId, name, phase: 'failed', entries: [], problem: 'no-feed' } });
        return;
      }
      const opening: TeamDecisionsView = { agentId, name, phase: 'loading', entries: [], problem: null };
      emit({ decisions: opening });
      const read = await feed.decisions(agentId);
      if (stopped || state.decisions?.agentId !== agentId || state.decisions.phase !== 'loading') return;
      emit({
        decisions: read.ok
          ? { ...opening, phase: 'ready', entries: read.value }
          : { ...opening, phase: 'failed', problem: read.error },
      });
    },
    closeDecisions() {
      if (state.decisions !== null) emit({ decisions: null });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stopConnection();
      for (const release of releaseTeam) release();
      releaseTeam = [];
    },
  };
}
