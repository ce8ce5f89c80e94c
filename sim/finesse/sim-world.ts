// The simulated contact center: users and their voice state, calls, reason codes, the two nodes' status;
// the rules Finesse applies to REST requests (synchronous checks answered on the response, then the CTI
// outcome published as a notification carrying the request's requestId), and the far-side events the
// control API drives (calls arriving, callers hanging up, wrap-up timers, system Not Ready).
//
// State rules come from agent-state-table.ts (the guide's table), not a copy here.
import { applyStateRequest, endOfCallState, isCallState, wrapUpExpiredState } from './agent-state-table.ts';
import type { UserRequest, DialogRequest } from '../../src/core/finesse/xml/index.ts';
import { updateToXml } from '../../src/core/finesse/xml/index.ts';
import type {
  AgentState,
  ApiError,
  Dialog,
  ReasonCode,
  SystemInfo,
  Team,
  TeamUser,
  Update,
  UpdateData,
  UpdateEvent,
  User,
} from '../../src/core/finesse/types.ts';
import { err, ok, type Result } from '../../src/core/result.ts';
import { callOperationError, ctiError, failure, type ApiFailure } from './api-failure.ts';
import type {
  AcdCallRequest,
  ControlResult,
  InternalCallRequest,
  NodeName,
  NodeStatus,
  RequestLogEntry,
  WorldSnapshot,
} from './control-types.ts';
import {
  ACCOUNTS,
  ADMINISTRATORS,
  CONFIGURED_REASON_CODES,
  TEAMS,
  systemReasonCode,
  type Deployment,
  type SeedAccount,
  type SystemReason,
} from './seed.ts';
import {
  actionsFor,
  dialogModel,
  isDialogAction,
  isLive,
  type DialogAction,
  type SimDialog,
  type SimParticipant,
} from './sim-dialog.ts';

/** Where notifications go: node and payload, in order. */
interface Notifier {
  /** Queues one item; the promise settles when the XMPP server accepted or refused it. */
  publish(node: string, payload: string): Promise<void>;
}

interface CallContext {
  readonly stateBeforeCall: 'READY' | 'NOT_READY';
  readonly reasonBeforeCall: ReasonCode | null;
  readonly acd: boolean;
  /** Whether the agent was ever connected (a reservation that never became a call has no wrap-up). */
  connected: boolean;
}

interface SimUser {
  readonly account: SeedAccount;
  state: AgentState;
  pendingState: AgentState | null;
  reasonCode: ReasonCode | null;
  /** The reason to apply with pendingState when the call (or wrap-up) ends. */
  pendingReason: ReasonCode | null;
  stateChangeTime: string;
  extension: string | null;
  wrapUp: boolean;
  call: CallContext | null;
}

interface SimWorldOptions {
  readonly deployment: Deployment;
  readonly notifier: Notifier;
  readonly xmppDomain: string;
  readonly pubsubDomain: string;
}

export const userNode = (id: string): string => `/finesse/api/User/${id}`;
export const dialogsNode = (id: string): string => `/finesse/api/User/${id}/Dialogs`;
const teamUsersNode = (id: string): string => `/finesse/api/Team/${id}/Users`;
const dialogUri = (id: string): string => `/finesse/api/Dialog/${id}`;
export const SYSTEM_INFO_NODE = '/finesse/api/SystemInfo';

/** What a new call must say about itself; the id, call variables, ACD routing, consult links and wrap-up reason have defaults. */
type NewDialog = Pick<SimDialog, 'callType' | 'state' | 'fromAddress' | 'toAddress' | 'dialedNumber' | 'participants'> &
  Partial<Pick<SimDialog, 'callVariables' | 'acd' | 'associatedDialogId' | 'consultInitiator'>>;

/** A reason code where Finesse takes none (READY, or any supervisor request): 400 Invalid Input. */
const REASON_CODE_NOT_ALLOWED = failure(
  400,
  'Invalid Input',
  'For this operation, Reason Codes are not allowed.',
  'finesse.api.reasoncode.not_allowed',
);

const REQUEST_LOG_LIMIT = 200;
const EXTENSION = /^[0-9*#+]{1,32}$/;
const ADDRESS = /^[0-9A-Za-z*#+@._-]{1,64}$/;

const now = (): string => new Date().toISOString();

/** What a supervisor may ask for on a team member, and from which member states (guide, User—Change Agent State). */
const SUPERVISOR_STATES: readonly AgentState[] = ['READY', 'NOT_READY', 'LOGOUT'];
const SUPERVISOR_NOT_READY_FROM: readonly AgentState[] = ['READY', 'WORK', 'WORK_READY'];
const SUPERVISOR_LOGOUT_FROM: readonly AgentState[] = [
  'READY',
  'NOT_READY',
  'RESERVED',
  'RESERVED_OUTBOUND',
  'RESERVED_OUTBOUND_PREVIEW',
  'TALKING',
  'HOLD',
  'WORK',
  'WORK_READY',
];

/**
 * Why Finesse refuses a supervisor's request on its own (400 Invalid State, from the state it holds), or null.
 * The User API errors table gives 400 Invalid State for a supervisor asking for a state they may not set; the
 * guide names no error for NOT_READY from another state or LOGOUT of a signed-out member, so they are answered
 * the same way (Finesse knows the member's state without asking the CTI server). A supervisor's READY follows
 * the agent's own rules (the CTI layer answers).
 */
function supervisorRefusal(requested: AgentState, state: AgentState): string | null {
  if (!SUPERVISOR_STATES.includes(requested))
    return `A supervisor can set a team member only to READY, NOT_READY or LOGOUT, not ${requested}`;
  if (requested === 'NOT_READY' && !SUPERVISOR_NOT_READY_FROM.includes(state)) {
    return `A supervisor can set NOT_READY only when the agent is READY, WORK or WORK_READY; the agent is ${state}`;
  }
  if (requested === 'LOGOUT' && !SUPERVISOR_LOGOUT_FROM.includes(state))
    return `A supervisor cannot sign out an agent who is ${state}`;
  return null;
}

/** The simulated contact center. */
export class SimWorld {
  readonly deployment: Deployment;
  readonly #notifier: Notifier;
  readonly #xmppDomain: string;
  readonly #pubsubDomain: string;
  #users = new Map<string, SimUser>();
  #dialogs = new Map<string, SimDialog>();
  #nextDialog = 1;
  readonly #nodes = new Map<NodeName, { url: string; inService: boolean }>();
  #requests: RequestLogEntry[] = [];
  /** The configured reason codes; an administrator may delete one (ReasonCode—Delete), a reset restores them. */
  #reasonCodes: ReasonCode[] = [...CONFIGURED_REASON_CODES];

  constructor(options: SimWorldOptions) {
    this.deployment = options.deployment;
    this.#notifier = options.notifier;
    this.#xmppDomain = options.xmppDomain;
    this.#pubsubDomain = options.pubsubDomain;
    this.#seed();
  }

  #seed(): void {
    this.#users = new Map(
      ACCOUNTS.map((account) => [
        account.id,
        {
          account,
          state: 'LOGOUT' as AgentState,
          pendingState: null,
          reasonCode: null,
          pendingReason: null,
          stateChangeTime: now(),
          extension: null,
          wrapUp: false,
          call: null,
        },
      ]),
    );
    this.#dialogs = new Map();
    this.#requests = [];
    this.#reasonCodes = [...CONFIGURED_REASON_CODES];
  }

  // ---------------------------------------------------------------- reading

  /** Every pubsub node the simulator publishes to. */
  allNodes(): string[] {
    return [
      ...ACCOUNTS.flatMap((a) => [userNode(a.id), dialogsNode(a.id)]),
      ...TEAMS.map((t) => teamUsersNode(t.id)),
      SYSTEM_INFO_NODE,
    ];
  }

  /** The account that these Basic credentials name (loginId or loginName), or null. */
  authenticate(username: string, password: string): SeedAccount | null {
    const account = ACCOUNTS.find((a) => a.id === username || a.loginName === username);
    return account !== undefined && account.password === password ? account : null;
  }

  /** True when these Basic credentials (id or loginName) are an administrator's. */
  authenticateAdministrator(username: string, password: string): boolean {
    return ADMINISTRATORS.some((a) => (a.id === username || a.loginName === username) && a.password === password);
  }

  /** Every agent and supervisor as full User objects (the administrator's User—Get List). */
  users(): User[] {
    return [...this.#users.values()].map((u) => this.#userModel(u));
  }

  account(id: string): SeedAccount | null {
    return ACCOUNTS.find((a) => a.id === id) ?? null;
  }

  teamExists(id: string): boolean {
    return TEAMS.some((t) => t.id === id);
  }

  /** True when `actor` supervises the team `target` belongs to. */
  supervises(actor: SeedAccount, target: SeedAccount): boolean {
    return actor.supervises.includes(target.teamId);
  }

  user(id: string): User | null {
    const u = this.#users.get(id);
    return u === undefined ? null : this.#userModel(u);
  }

  #userModel(u: SimUser): User {
    const a = u.account;
    const team = TEAMS.find((t) => t.id === a.teamId);
    return {
      loginId: a.id,
      loginName: a.loginName,
      firstName: a.firstName,
      lastName: a.lastName,
      state: u.state,
      pendingState: u.pendingState,
      reasonCodeId: u.reasonCode?.id ?? null,
      reasonCode: u.reasonCode,
      stateChangeTime: u.stateChangeTime,
      extension: u.extension,
      roles: a.roles,
      teamId: a.teamId,
      teamName: team?.name ?? null,
      teams: TEAMS.filter((t) => a.supervises.includes(t.id)).map((t) => ({
        id: t.id,
        name: t.name,
        uri: `/finesse/api/Team/${t.id}`,
      })),
      uri: `/finesse/api/User/${a.id}`,
    };
  }

  /**
   * A member as the Team resource and Team/{id}/Users notifications show it: uri, loginId, first and last name,
   * state, pendingState, stateChangeTime, ReasonCode, extension (no loginName, no reasonCodeId).
   */
  #teamUser(u: SimUser): TeamUser {
    const m = this.#userModel(u);
    return {
      loginId: m.loginId,
      loginName: null,
      firstName: m.firstName,
      lastName: m.lastName,
      state: m.state,
      pendingState: m.pendingState,
      reasonCodeId: null,
      reasonCode: m.reasonCode,
      stateChangeTime: m.stateChangeTime,
      extension: m.extension,
    };
  }

  team(id: string): Team | null {
    const team = TEAMS.find((t) => t.id === id);
    if (team === undefined) return null;
    const users = [...this.#users.values()].filter((u) => u.account.teamId === id).map((u) => this.#teamUser(u));
    return { id: team.id, name: team.name, users, uri: `/finesse/api/Team/${team.id}` };
  }

  /** The configured reason codes of a category (system codes are never listed, as in Finesse). */
  reasonCodes(category: 'NOT_READY' | 'LOGOUT' | 'ALL'): ReasonCode[] {
    return this.#reasonCodes.filter((r) => category === 'ALL' || r.category === category);
  }

  reasonCode(id: string): ReasonCode | null {
    return this.#reasonCodes.find((r) => r.id === id) ?? null;
  }

  /** Deletes a configured reason code (the administrator's ReasonCode—Delete); false when there is none with that id. */
  deleteReasonCode(id: string): boolean {
    const before = this.#reasonCodes.length;
    this.#reasonCodes = this.#reasonCodes.filter((r) => r.id !== id);
    return this.#reasonCodes.length < before;
  }

  /** The dialogs a user is on (including a call in wrap-up). */
  dialogsOf(userId: string): Dialog[] {
    return [...this.#dialogs.values()]
      .filter((d) => d.participants.some((p) => p.agentId === userId && (isLive(p) || p.state === 'WRAP_UP')))
      .map(dialogModel);
  }

  dialog(id: string): Dialog | null {
    const d = this.#dialogs.get(id);
    return d === undefined ? null : dialogModel(d);
  }

  // ---------------------------------------------------------------- nodes and log

  setNodeUrl(node: NodeName, url: string): void {
    const current = this.#nodes.get(node);
    this.#nodes.set(node, { url, inService: current?.inService ?? true });
  }

  inService(node: NodeName): boolean {
    return this.#nodes.get(node)?.inService ?? true;
  }

  systemInfo(node: NodeName): SystemInfo {
    const host = (name: NodeName): string | null => {
      const url = this.#nodes.get(name)?.url;
      return url === undefined ? null : new URL(url).host;
    };
    const up = this.inService(node);
    return {
      status: up ? 'IN_SERVICE' : 'OUT_OF_SERVICE',
      statusReason: up ? null : 'Taken out of service by the simulator control API',
      deploymentType: this.deployment,
      primaryNode: host('primary'),
      secondaryNode: host('secondary'),
      xmppDomain: this.#xmppDomain,
      xmppPubSubDomain: this.#pubsubDomain,
      currentTimestamp: now(),
      timezoneOffset: -new Date().getTimezoneOffset(),
    };
  }

  setNodeInService(node: NodeName, inService: boolean): void {
    const current = this.#nodes.get(node);
    if (current === undefined || current.inService === inService) return;
    current.inService = inService;
    this.#publish(SYSTEM_INFO_NODE, 'PUT', null, SYSTEM_INFO_NODE, {
      kind: 'systemInfo',
      systemInfo: this.systemInfo(node),
    });
  }

  logRequest(entry: RequestLogEntry): void {
    this.#requests.push(entry);
    if (this.#requests.length > REQUEST_LOG_LIMIT) this.#requests.splice(0, this.#requests.length - REQUEST_LOG_LIMIT);
  }

  snapshot(): WorldSnapshot {
    const nodes: NodeStatus[] = [...this.#nodes.entries()].map(([name, n]) => ({
      name,
      url: n.url,
      inService: n.inService,
    }));
    return {
      deployment: this.deployment,
      users: [...this.#users.values()].map((u) => this.#userModel(u)),
      dialogs: [...this.#dialogs.values()].map(dialogModel),
      settings: [...this.#users.values()].map((u) => ({ id: u.account.id, wrapUp: u.wrapUp })),
      nodes,
      requests: [...this.#requests],
    };
  }

  /** Back to the seed; both nodes in service (with a notification for a node that was down). */
  reset(): void {
    const dialogs = [...this.#dialogs.values()];
    const signedIn = [...this.#users.values()].filter((u) => u.state !== 'LOGOUT').map((u) => u.account.id);
    this.#seed();
    // Open desktops follow the reset: their calls go away and they see themselves signed out.
    for (const dialog of dialogs) {
      dialog.state = 'DROPPED';
      const on = dialog.participants.filter((p) => p.agentId !== null && (isLive(p) || p.state === 'WRAP_UP'));
      for (const p of dialog.participants) if (isLive(p) || p.state === 'WRAP_UP') this.#setParticipant(p, 'DROPPED');
      this.#publishDialog(
        'DELETE',
        dialog,
        on.flatMap((p) => (p.agentId === null ? [] : [p.agentId])),
        null,
      );
    }
    for (const id of signedIn) {
      const u = this.#users.get(id);
      if (u !== undefined) this.#publishUser(u, null);
    }
    for (const name of this.#nodes.keys()) this.setNodeInService(name, true);
  }

  // ---------------------------------------------------------------- notifications

  #publish(node: string, event: UpdateEvent, requestId: string | null, source: string, data: UpdateData): void {
    const update: Update = { event, requestId, source, data };
    // A refused publish is reported by the notification service itself; the world carries on.
    this.#notifier.publish(node, updateToXml(update)).catch(() => undefined);
  }

  #publishUser(u: SimUser, requestId: string | null): void {
    const id = u.account.id;
    this.#publish(userNode(id), 'PUT', requestId, userNode(id), { kind: 'user', user: this.#userModel(u) });
    this.#publish(teamUsersNode(u.account.teamId), 'PUT', requestId, userNode(id), {
      kind: 'teamUser',
      user: this.#teamUser(u),
    });
  }

  /**
   * A dialog notification on each agent's Dialogs node, shaped as the developer guide's Dialog Notification: a
   * dialog added to the agent's collection is POST with the collection as source and `<dialogs><Dialog>`; a
   * change is PUT with source `/finesse/api/Dialog/{id}` and one `<Dialog>`; removal is DELETE with the collection
   * as source and the dialog that went away in `<dialogs>`.
   */
  #publishDialog(event: UpdateEvent, dialog: SimDialog, agentIds: Iterable<string>, requestId: string | null): void {
    const model = dialogModel(dialog);
    for (const id of new Set(agentIds)) {
      if (event === 'PUT')
        this.#publish(dialogsNode(id), 'PUT', requestId, dialogUri(dialog.id), { kind: 'dialog', dialog: model });
      else this.#publish(dialogsNode(id), event, requestId, dialogsNode(id), { kind: 'dialogs', dialogs: [model] });
    }
  }

  #publishApiErrors(node: string, source: string, requestId: string | null, errors: readonly ApiError[]): void {
    this.#publish(node, 'PUT', requestId, source, { kind: 'apiErrors', errors });
  }

  /** Publishes raw text (the control API's malformed notifications). */
  publishRaw(node: string, payload: string): Promise<void> {
    return this.#notifier.publish(node, payload);
  }

  // ---------------------------------------------------------------- state changes

  #setState(u: SimUser, state: AgentState, reason: ReasonCode | null): void {
    const leavingWrapUp = (u.state === 'WORK' || u.state === 'WORK_READY') && state !== u.state;
    if (state !== u.state) u.stateChangeTime = now();
    u.state = state;
    u.reasonCode = state === 'NOT_READY' || state === 'LOGOUT' ? reason : null;
    if (leavingWrapUp) this.#endWrapUpDialogs(u);
  }

  /** PUT User/{id}: the synchronous checks; on success the outcome is published with `requestId`. */
  changeState(actor: SeedAccount, targetId: string, request: UserRequest, requestId: string): Result<void, ApiFailure> {
    const u = this.#users.get(targetId);
    if (u === undefined) return err(failure(404, 'Not Found', `User ${targetId} does not exist`));
    const asSupervisor = actor.id !== targetId;
    if (asSupervisor && !this.supervises(actor, u.account)) {
      return err(
        actor.supervises.length > 0
          ? failure(401, 'Invalid Supervisor', 'The supervisor does not supervise this user', actor.id)
          : failure(
              401,
              'Invalid Authorization User Specified',
              'Users can only act on their own User object',
              actor.id,
            ),
      );
    }
    const requested = request.state;
    if (requested === undefined) return err(failure(400, 'Parameter Missing', 'The state is not provided', 'state'));
    if (asSupervisor && request.reasonCodeId !== undefined) {
      return err(REASON_CODE_NOT_ALLOWED);
    }
    if (asSupervisor) {
      const refusal = supervisorRefusal(requested, u.state);
      if (refusal !== null) return err(failure(400, 'Invalid State', refusal, requested));
    }
    if (requested === 'LOGIN') {
      if (u.state !== 'LOGOUT')
        return err(failure(400, 'Invalid State', `Cannot change state from ${u.state} to LOGIN`, 'LOGIN'));
      if (request.extension === undefined)
        return err(failure(400, 'Parameter Missing', 'The extension is not provided', 'extension'));
      if (!EXTENSION.test(request.extension))
        return err(failure(400, 'Bad Request', 'The extension provided is invalid', 'extension'));
    } else if (u.state === 'LOGOUT') {
      return err(failure(400, 'Invalid State', `Cannot change state from LOGOUT to ${requested}`, requested));
    }

    let reason: ReasonCode | null = null;
    if (!asSupervisor) {
      if (request.reasonCodeId !== undefined) {
        if (requested !== 'NOT_READY' && requested !== 'LOGOUT') {
          return err(REASON_CODE_NOT_ALLOWED);
        }
        const code = this.reasonCode(request.reasonCodeId);
        if (code === null || code.category !== requested) {
          return err(
            failure(
              400,
              'Invalid Input',
              'The reason code is not valid for this state change.',
              'finesse.api.reasoncode.invalid_reasoncode',
            ),
          );
        }
        reason = code;
      } else if (requested === 'NOT_READY') {
        return err(
          failure(
            400,
            'Parameter Missing',
            'The state change requires a valid reason code.',
            'finesse.api.reasoncode.require_reasoncode',
          ),
        );
      }
    } else if (requested === 'NOT_READY') {
      // Finesse sends its own hard-coded code for a supervisor's Not Ready: 999 (UCCE) or 33 (UCCX).
      reason = systemReasonCode('SUPERVISOR', this.deployment);
    }

    // From here the CTI layer decides: accepted (202), the outcome arrives as a notification (after the response).
    setImmediate(() =>
      this.#applyStateRequest(u, requested, reason, request.extension ?? null, asSupervisor, requestId),
    );
    return ok(undefined);
  }

  #applyStateRequest(
    u: SimUser,
    requested: AgentState,
    reason: ReasonCode | null,
    extension: string | null,
    asSupervisor: boolean,
    requestId: string,
  ): void {
    const outcome = applyStateRequest({ state: u.state, pendingState: u.pendingState }, requested, {
      wrapUpEnabled: u.wrapUp,
      deployment: this.deployment,
      actor: asSupervisor ? 'supervisor' : 'agent',
    });
    if (!outcome.ok) {
      const code =
        this.deployment === 'UCCX' && isCallState(u.state) ? 'CF_INVALID_AGENT_WORKMODE' : 'CF_INVALID_OBJECT_STATE';
      this.#publishApiErrors(userNode(u.account.id), userNode(u.account.id), requestId, [ctiError(code)]);
      return;
    }
    const next = outcome.value;
    if (requested === 'LOGIN') u.extension = extension;
    if (next.pendingState !== null) {
      u.pendingState = next.pendingState;
      u.pendingReason = reason;
    } else {
      u.pendingState = null;
      u.pendingReason = null;
      // Leaving a reservation (RESERVED_OUTBOUND -> READY/NOT_READY) ends the call that never came.
      if (u.call !== null && !this.#onAnyCall(u)) u.call = null;
      this.#setState(u, next.state, next.state === 'NOT_READY' || next.state === 'LOGOUT' ? reason : null);
    }
    this.#publishUser(u, requestId);
  }

  #onAnyCall(u: SimUser): boolean {
    return [...this.#dialogs.values()].some((d) => d.participants.some((p) => p.agentId === u.account.id && isLive(p)));
  }

  // ---------------------------------------------------------------- calls

  #newDialogId(): string {
    const id = String(16_777_216 + this.#nextDialog);
    this.#nextDialog += 1;
    return id;
  }

  /** Opens a new call with a fresh id and keeps it; fields not given take a plain call's defaults. */
  #openDialog(fields: NewDialog): SimDialog {
    const dialog: SimDialog = {
      id: this.#newDialogId(),
      callVariables: [],
      acd: false,
      associatedDialogId: null,
      consultInitiator: null,
      wrapUpReason: null,
      ...fields,
    };
    this.#dialogs.set(dialog.id, dialog);
    return dialog;
  }

  #userByExtension(extension: string): SimUser | null {
    return [...this.#users.values()].find((u) => u.state !== 'LOGOUT' && u.extension === extension) ?? null;
  }

  #participant(mediaAddress: string, agentId: string | null, state: SimParticipant['state']): SimParticipant {
    const t = now();
    return { mediaAddress, agentId, state, startTime: t, stateChangeTime: t };
  }

  #setParticipant(p: SimParticipant, state: SimParticipant['state']): void {
    if (p.state !== state) p.stateChangeTime = now();
    p.state = state;
  }

  #agentIds(dialog: SimDialog): string[] {
    return dialog.participants.flatMap((p) => (p.agentId === null ? [] : [p.agentId]));
  }

  /** Whether this deployment moves the agent's state for this call (UCCX reports no state for non-ACD calls). */
  #tracksState(acd: boolean): boolean {
    return acd || this.deployment === 'UCCE';
  }

  /** Brings the agent's state in line with the calls they are on; ends the call context when none is left. */
  #syncCallState(u: SimUser, requestId: string | null): void {
    const ctx = u.call;
    if (ctx === null) return;
    const mine = [...this.#dialogs.values()].flatMap((d) =>
      d.participants.filter((p) => p.agentId === u.account.id && isLive(p)),
    );
    if (mine.length === 0) {
      this.#endOfCall(u, ctx, requestId);
      return;
    }
    let next = u.state;
    if (mine.some((p) => p.state === 'ACTIVE' || p.state === 'INITIATED' || p.state === 'INITIATING')) {
      next = 'TALKING';
      ctx.connected = true;
    } else if (mine.some((p) => p.state === 'HELD')) next = 'HOLD';
    if (next !== u.state) {
      this.#setState(u, next, null);
      this.#publishUser(u, requestId);
    }
  }

  #endOfCall(u: SimUser, ctx: CallContext, requestId: string | null): void {
    u.call = null;
    const end = endOfCallState(
      { state: u.state, pendingState: u.pendingState },
      {
        stateBeforeCall: ctx.stateBeforeCall,
        wrapUpEnabled: ctx.acd && ctx.connected && u.wrapUp,
        deployment: this.deployment,
      },
    );
    let reason: ReasonCode | null = null;
    if (end.state === 'NOT_READY') reason = u.pendingReason ?? (u.pendingState === null ? ctx.reasonBeforeCall : null);
    if (end.state === 'LOGOUT') reason = u.pendingReason;
    // A pending NOT_READY reason waits through wrap-up; it applies when WORK ends.
    const keepReason = end.state === 'WORK' ? u.pendingReason : null;
    u.pendingState = null;
    u.pendingReason = keepReason;
    this.#setState(u, end.state, reason);
    this.#publishUser(u, requestId);
  }

  /** The agent leaves the dialog: DELETE for them, or WRAP_UP when their ACD call ends into wrap-up. */
  #leave(dialog: SimDialog, p: SimParticipant, requestId: string | null): void {
    const agentId = p.agentId;
    const u = agentId === null ? undefined : this.#users.get(agentId);
    const lastCall =
      u !== undefined &&
      [...this.#dialogs.values()].every(
        (d) => d === dialog || !d.participants.some((q) => q.agentId === agentId && isLive(q)),
      );
    const answered = p.state === 'ACTIVE' || p.state === 'HELD';
    if (u !== undefined && answered && dialog.acd && u.wrapUp && u.call?.acd === true && lastCall) {
      this.#setParticipant(p, 'WRAP_UP');
      this.#publishDialog('PUT', dialog, [u.account.id], requestId);
      return;
    }
    this.#setParticipant(p, 'DROPPED');
    if (agentId !== null) this.#publishDialog('DELETE', dialog, [agentId], requestId);
  }

  #forgetIfDone(dialog: SimDialog): void {
    if (!dialog.participants.some((p) => p.agentId !== null && (isLive(p) || p.state === 'WRAP_UP')))
      this.#dialogs.delete(dialog.id);
  }

  #endWrapUpDialogs(u: SimUser): void {
    for (const dialog of [...this.#dialogs.values()]) {
      for (const p of dialog.participants) {
        if (p.agentId === u.account.id && p.state === 'WRAP_UP') {
          this.#setParticipant(p, 'DROPPED');
          this.#publishDialog('DELETE', dialog, [u.account.id], null);
        }
      }
      this.#forgetIfDone(dialog);
    }
  }

  /** Ends a dialog for everyone still on it (caller hung up, or only one party left). */
  #endDialog(dialog: SimDialog, requestId: string | null): void {
    dialog.state = 'DROPPED';
    const affected = new Set<SimUser>();
    for (const p of dialog.participants) {
      if (!isLive(p)) continue;
      if (p.agentId === null) {
        this.#setParticipant(p, 'DROPPED');
        continue;
      }
      this.#leave(dialog, p, requestId);
      const u = this.#users.get(p.agentId);
      if (u !== undefined) affected.add(u);
    }
    this.#forgetIfDone(dialog);
    for (const u of affected) this.#syncCallState(u, requestId);
  }

  /** A dialog loses one party; the call ends for all when fewer than two remain. */
  #partyLeaves(dialog: SimDialog, p: SimParticipant, requestId: string | null): void {
    const remaining = dialog.participants.filter((q) => q !== p && isLive(q));
    if (remaining.length < 2) {
      this.#endDialog(dialog, requestId);
      return;
    }
    const u = p.agentId === null ? undefined : this.#users.get(p.agentId);
    if (p.agentId === null) this.#setParticipant(p, 'DROPPED');
    else this.#leave(dialog, p, requestId);
    this.#publishDialog(
      'PUT',
      dialog,
      remaining.flatMap((q) => (q.agentId === null ? [] : [q.agentId])),
      requestId,
    );
    this.#forgetIfDone(dialog);
    if (u !== undefined) this.#syncCallState(u, requestId);
  }

  #startCallContext(u: SimUser, acd: boolean): void {
    if (u.call !== null || !this.#tracksState(acd)) return;
    const before: 'READY' | 'NOT_READY' = u.state === 'READY' ? 'READY' : 'NOT_READY';
    u.call = {
      stateBeforeCall: before,
      reasonBeforeCall: u.state === 'NOT_READY' ? u.reasonCode : null,
      acd,
      connected: false,
    };
  }

  /** PUT Dialog/{id}: synchronous checks; on success the call operation runs and its outcome is published. */
  dialogAction(
    actor: SeedAccount,
    dialogId: string,
    request: DialogRequest,
    requestId: string,
  ): Result<void, ApiFailure> {
    const dialog = this.#dialogs.get(dialogId);
    if (dialog === undefined) return err(failure(404, 'Not Found', `Dialog ${dialogId} does not exist`));
    const mine = dialog.participants.find((p) => p.agentId === actor.id && (isLive(p) || p.state === 'WRAP_UP'));
    if (mine === undefined)
      return err(
        failure(401, 'Invalid Authorization User Specified', 'The user is not a participant in this dialog', actor.id),
      );
    const action = request.requestedAction;
    if (!isDialogAction(action))
      return err(failure(400, 'Invalid Input', `Unknown requestedAction ${action}`, 'requestedAction'));
    if (request.targetMediaAddress === undefined)
      return err(failure(400, 'Parameter Missing', 'The targetMediaAddress is not provided', 'targetMediaAddress'));
    if (request.targetMediaAddress !== mine.mediaAddress) {
      return err(
        failure(
          400,
          'Invalid Input',
          "The targetMediaAddress is not this user's device on the dialog",
          'targetMediaAddress',
        ),
      );
    }
    if ((action === 'TRANSFER_SST' || action === 'CONSULT_CALL') && request.toAddress === undefined) {
      return err(failure(400, 'Parameter Missing', 'The toAddress is not provided', 'toAddress'));
    }
    if (request.toAddress !== undefined && !ADDRESS.test(request.toAddress))
      return err(failure(400, 'Invalid Input', 'The toAddress is not valid', 'toAddress'));
    setImmediate(() => this.#runDialogAction(actor.id, dialog, mine, action, request, requestId));
    return ok(undefined);
  }

  #runDialogAction(
    actorId: string,
    dialog: SimDialog,
    mine: SimParticipant,
    action: DialogAction,
    request: DialogRequest,
    requestId: string,
  ): void {
    const u = this.#users.get(actorId);
    const refuse = (): void =>
      this.#publishApiErrors(dialogsNode(actorId), dialogUri(dialog.id), requestId, [
        callOperationError('CF_INVALID_OBJECT_STATE'),
      ]);
    if (u === undefined || !this.#dialogs.has(dialog.id) || !actionsFor(dialog, mine).includes(action)) {
      refuse();
      return;
    }
    switch (action) {
      case 'ANSWER': {
        this.#startCallContext(u, dialog.acd);
        this.#setParticipant(mine, 'ACTIVE');
        for (const p of dialog.participants) if (p.state === 'INITIATED') this.#setParticipant(p, 'ACTIVE');
        dialog.state = 'ACTIVE';
        this.#publishDialog(
          'PUT',
          dialog,
          this.#agentIds(dialog).filter((id) => this.#isOn(dialog, id)),
          requestId,
        );
        for (const id of this.#agentIds(dialog)) {
          const other = this.#users.get(id);
          if (other !== undefined) this.#syncCallState(other, requestId);
        }
        return;
      }
      case 'HOLD':
      case 'RETRIEVE':
        this.#setParticipant(mine, action === 'HOLD' ? 'HELD' : 'ACTIVE');
        this.#publishDialog('PUT', dialog, this.#liveAgents(dialog), requestId);
        this.#syncCallState(u, requestId);
        return;
      case 'DROP':
        this.#partyLeaves(dialog, mine, requestId);
        return;
      case 'UPDATE_CALL_DATA':
        if (request.wrapUpReason !== undefined) dialog.wrapUpReason = request.wrapUpReason;
        this.#publishDialog(
          'PUT',
          dialog,
          this.#agentIds(dialog).filter((id) => this.#isOn(dialog, id)),
          requestId,
        );
        return;
      case 'TRANSFER_SST':
        this.#singleStepTransfer(u, dialog, mine, request.toAddress ?? '', requestId);
        return;
      case 'CONSULT_CALL':
        this.#consult(u, dialog, mine, request.toAddress ?? '', requestId);
        return;
      case 'TRANSFER':
      case 'CONFERENCE':
        this.#completeConsult(u, dialog, mine, action, requestId, refuse);
        return;
    }
  }

  #isOn(dialog: SimDialog, agentId: string): boolean {
    return dialog.participants.some((p) => p.agentId === agentId && (isLive(p) || p.state === 'WRAP_UP'));
  }

  #liveAgents(dialog: SimDialog): string[] {
    return dialog.participants.flatMap((p) => (p.agentId !== null && isLive(p) ? [p.agentId] : []));
  }

  /** The party at `address`: a signed-in agent's device, or an outside phone that answers at once. */
  #partyAt(address: string, exclude: SimUser): { participant: SimParticipant; agent: SimUser | null } {
    const agent = this.#userByExtension(address);
    if (agent !== null && agent !== exclude)
      return { participant: this.#participant(address, agent.account.id, 'ALERTING'), agent };
    return { participant: this.#participant(address, null, 'ACTIVE'), agent: null };
  }

  #singleStepTransfer(u: SimUser, dialog: SimDialog, mine: SimParticipant, toAddress: string, requestId: string): void {
    const { participant, agent } = this.#partyAt(toAddress, u);
    this.#leave(dialog, mine, requestId);
    if (agent !== null) {
      dialog.participants.push(participant);
      dialog.callType = 'TRANSFER';
      dialog.toAddress = toAddress;
      dialog.state = 'ALERTING';
      dialog.acd = false;
      this.#publishDialog('POST', dialog, [agent.account.id], requestId);
    } else {
      // The caller went to an outside number: the call leaves the simulated center.
      for (const p of dialog.participants) if (isLive(p)) this.#setParticipant(p, 'DROPPED');
    }
    this.#forgetIfDone(dialog);
    this.#syncCallState(u, requestId);
  }

  #consult(u: SimUser, original: SimDialog, mine: SimParticipant, toAddress: string, requestId: string): void {
    this.#setParticipant(mine, 'HELD');
    this.#publishDialog('PUT', original, this.#liveAgents(original), requestId);
    const { participant, agent } = this.#partyAt(toAddress, u);
    const consult = this.#openDialog({
      callType: 'CONSULT',
      state: agent === null ? 'ACTIVE' : 'ALERTING',
      fromAddress: mine.mediaAddress,
      toAddress,
      dialedNumber: toAddress,
      participants: [
        this.#participant(mine.mediaAddress, u.account.id, agent === null ? 'ACTIVE' : 'INITIATED'),
        participant,
      ],
      associatedDialogId: original.id,
      consultInitiator: u.account.id,
    });
    this.#publishDialog('POST', consult, [u.account.id], requestId);
    if (agent !== null) this.#publishDialog('POST', consult, [agent.account.id], null);
    this.#syncCallState(u, requestId);
  }

  #completeConsult(
    u: SimUser,
    consult: SimDialog,
    mine: SimParticipant,
    action: 'TRANSFER' | 'CONFERENCE',
    requestId: string,
    refuse: () => void,
  ): void {
    const original = consult.associatedDialogId === null ? undefined : this.#dialogs.get(consult.associatedDialogId);
    const mineInOriginal = original?.participants.find((p) => p.agentId === u.account.id && isLive(p));
    if (original === undefined || mineInOriginal === undefined) {
      refuse();
      return;
    }
    const others = consult.participants.filter((p) => p !== mine && isLive(p));
    // The consult call folds into the original call.
    consult.state = 'DROPPED';
    for (const p of consult.participants) this.#setParticipant(p, 'DROPPED');
    this.#publishDialog('DELETE', consult, this.#agentIds(consult), requestId);
    this.#dialogs.delete(consult.id);
    const joined = others.map((p) => this.#participant(p.mediaAddress, p.agentId, 'ACTIVE'));
    original.participants.push(...joined);
    const newcomers = joined.flatMap((p) => (p.agentId === null ? [] : [p.agentId]));
    if (action === 'CONFERENCE') {
      original.callType = 'CONFERENCE';
      this.#setParticipant(mineInOriginal, 'ACTIVE');
      this.#publishDialog(
        'PUT',
        original,
        this.#liveAgents(original).filter((id) => !newcomers.includes(id)),
        requestId,
      );
    } else {
      original.callType = 'TRANSFER';
      this.#leave(original, mineInOriginal, requestId);
      this.#publishDialog(
        'PUT',
        original,
        this.#liveAgents(original).filter((id) => !newcomers.includes(id)),
        requestId,
      );
    }
    this.#publishDialog('POST', original, newcomers, requestId);
    this.#forgetIfDone(original);
    for (const id of new Set([u.account.id, ...newcomers])) {
      const other = this.#users.get(id);
      if (other !== undefined) this.#syncCallState(other, requestId);
    }
  }

  /** POST User/{id}/Dialogs (MAKE_CALL). */
  makeCall(actor: SeedAccount, userId: string, request: DialogRequest, requestId: string): Result<void, ApiFailure> {
    if (actor.id !== userId)
      return err(
        failure(401, 'Invalid Authorization User Specified', 'Users can only make calls for themselves', actor.id),
      );
    const u = this.#users.get(userId);
    if (u === undefined) return err(failure(404, 'Not Found', `User ${userId} does not exist`));
    if (request.requestedAction !== 'MAKE_CALL')
      return err(
        failure(400, 'Invalid Input', `Unknown requestedAction ${request.requestedAction}`, 'requestedAction'),
      );
    if (request.toAddress === undefined)
      return err(failure(400, 'Parameter Missing', 'The toAddress is not provided', 'toAddress'));
    if (request.fromAddress === undefined)
      return err(failure(400, 'Parameter Missing', 'The fromAddress is not provided', 'fromAddress'));
    if (!ADDRESS.test(request.toAddress))
      return err(failure(400, 'Invalid Input', 'The toAddress is not valid', 'toAddress'));
    if (u.state === 'LOGOUT') return err(failure(400, 'Invalid State', 'The user is not signed in', 'LOGOUT'));
    if (request.fromAddress !== u.extension)
      return err(failure(400, 'Invalid Input', "The fromAddress is not this user's extension", 'fromAddress'));
    const toAddress = request.toAddress;
    setImmediate(() => {
      // "An agent who places a call while in NOT_READY state transitions to TALKING": only from NOT_READY.
      const busy = [...this.#dialogs.values()].some((d) =>
        d.participants.some((p) => p.agentId === u.account.id && isLive(p)),
      );
      if (u.state !== 'NOT_READY' || busy) {
        // No dialog exists for a refused MAKE_CALL, so the collection is the source (the guide names none for it).
        this.#publishApiErrors(dialogsNode(u.account.id), dialogsNode(u.account.id), requestId, [
          callOperationError('CF_INVALID_OBJECT_STATE'),
        ]);
        return;
      }
      const { participant, agent } = this.#partyAt(toAddress, u);
      const dialog = this.#openDialog({
        callType: agent === null ? 'OUT' : 'AGENT_INSIDE',
        state: agent === null ? 'ACTIVE' : 'ALERTING',
        fromAddress: u.extension ?? '',
        toAddress,
        dialedNumber: toAddress,
        participants: [
          this.#participant(u.extension ?? '', u.account.id, agent === null ? 'ACTIVE' : 'INITIATED'),
          participant,
        ],
      });
      this.#startCallContext(u, false);
      this.#publishDialog('POST', dialog, [u.account.id], requestId);
      if (agent !== null) this.#publishDialog('POST', dialog, [agent.account.id], null);
      this.#syncCallState(u, requestId);
    });
    return ok(undefined);
  }

  // ---------------------------------------------------------------- control (far side)

  #signedIn(agentId: string): ControlResult<SimUser> {
    const u = this.#users.get(agentId);
    if (u === undefined) return err({ status: 404, message: `No user ${agentId}` });
    if (u.state === 'LOGOUT' || u.extension === null)
      return err({ status: 409, message: `User ${agentId} is not signed in` });
    return ok(u);
  }

  placeAcdCall(request: AcdCallRequest): ControlResult<{ dialogId: string }> {
    const found = this.#signedIn(request.agentId);
    if (!found.ok) return found;
    const u = found.value;
    if (u.state !== 'READY')
      return err({
        status: 409,
        message: `User ${request.agentId} is ${u.state}; the router reserves only READY agents`,
      });
    const dialog = this.#openDialog({
      callType: 'ACD_IN',
      state: 'ALERTING',
      fromAddress: request.fromAddress ?? '6175551234',
      toAddress: u.extension ?? '',
      dialedNumber: request.dialedNumber ?? '8000',
      callVariables: Object.entries(request.callVariables ?? {}).map(([name, value]) => ({ name, value })),
      participants: [
        this.#participant(request.fromAddress ?? '6175551234', null, 'ACTIVE'),
        this.#participant(u.extension ?? '', u.account.id, 'ALERTING'),
      ],
      acd: true,
    });
    this.#startCallContext(u, true);
    this.#setState(u, 'RESERVED', null);
    this.#publishUser(u, null);
    this.#publishDialog('POST', dialog, [u.account.id], null);
    return ok({ dialogId: dialog.id });
  }

  placeInternalCall(request: InternalCallRequest): ControlResult<{ dialogId: string }> {
    const found = this.#signedIn(request.agentId);
    if (!found.ok) return found;
    const u = found.value;
    const from = request.fromAddress ?? '2000';
    if (!ADDRESS.test(from)) return err({ status: 400, message: 'fromAddress is not a phone number' });
    const fromAgent = this.#userByExtension(from);
    const callType =
      request.kind === 'direct'
        ? fromAgent !== null
          ? 'AGENT_INSIDE'
          : 'OTHER_IN'
        : request.kind === 'transfer'
          ? 'TRANSFER'
          : request.kind === 'consult'
            ? 'CONSULT'
            : 'CONFERENCE';
    const caller = '6175550100';
    const participants: SimParticipant[] =
      request.kind === 'direct' || request.kind === 'consult'
        ? [this.#participant(from, null, 'ACTIVE')]
        : request.kind === 'transfer'
          ? [this.#participant(caller, null, 'ACTIVE')]
          : [this.#participant(caller, null, 'ACTIVE'), this.#participant(from, null, 'ACTIVE')];
    participants.push(this.#participant(u.extension ?? '', u.account.id, 'ALERTING'));
    const dialog = this.#openDialog({
      callType,
      state: 'ALERTING',
      fromAddress: request.kind === 'transfer' ? caller : from,
      toAddress: u.extension ?? '',
      dialedNumber: u.extension,
      participants,
    });
    this.#publishDialog('POST', dialog, [u.account.id], null);
    return ok({ dialogId: dialog.id });
  }

  endCall(dialogId: string): ControlResult<void> {
    const dialog = this.#dialogs.get(dialogId);
    if (dialog === undefined) return err({ status: 404, message: `No dialog ${dialogId}` });
    // Every outside party hangs up; agents still connected to each other stay on the call.
    const far = dialog.participants.filter((p) => p.agentId === null && isLive(p));
    const agentsLeft = dialog.participants.filter((p) => p.agentId !== null && isLive(p));
    if (far.length === 0 || agentsLeft.length < 2) {
      this.#endDialog(dialog, null);
      return ok(undefined);
    }
    for (const p of far) this.#setParticipant(p, 'DROPPED');
    this.#publishDialog(
      'PUT',
      dialog,
      agentsLeft.flatMap((p) => (p.agentId === null ? [] : [p.agentId])),
      null,
    );
    return ok(undefined);
  }

  ringNoAnswer(dialogId: string): ControlResult<void> {
    const dialog = this.#dialogs.get(dialogId);
    if (dialog === undefined) return err({ status: 404, message: `No dialog ${dialogId}` });
    const ringing = dialog.participants.find((p) => p.agentId !== null && p.state === 'ALERTING');
    if (!dialog.acd || ringing === undefined || ringing.agentId === null)
      return err({ status: 409, message: `Dialog ${dialogId} is not an alerting ACD call` });
    const u = this.#users.get(ringing.agentId);
    if (u === undefined) return err({ status: 404, message: `No user ${ringing.agentId}` });
    // The router takes the call back and makes the agent Not Ready (Ring No Answer, 32767).
    u.call = null;
    u.pendingState = null;
    u.pendingReason = null;
    this.#setParticipant(ringing, 'DROPPED');
    dialog.state = 'DROPPED';
    this.#publishDialog('DELETE', dialog, [u.account.id], null);
    this.#dialogs.delete(dialog.id);
    this.#setState(u, 'NOT_READY', systemReasonCode('RING_NO_ANSWER', this.deployment));
    this.#publishUser(u, null);
    return ok(undefined);
  }

  setWrapUp(agentId: string, enabled: boolean): ControlResult<void> {
    const u = this.#users.get(agentId);
    if (u === undefined) return err({ status: 404, message: `No user ${agentId}` });
    u.wrapUp = enabled;
    return ok(undefined);
  }

  expireWrapUp(agentId: string): ControlResult<void> {
    const u = this.#users.get(agentId);
    if (u === undefined) return err({ status: 404, message: `No user ${agentId}` });
    if (u.state !== 'WORK' && u.state !== 'WORK_READY')
      return err({ status: 409, message: `User ${agentId} is ${u.state}, not in wrap-up` });
    const next = wrapUpExpiredState(u.state);
    const reason = next === 'NOT_READY' ? u.pendingReason : null;
    u.pendingReason = null;
    this.#setState(u, next, reason);
    this.#publishUser(u, null);
    return ok(undefined);
  }

  reserveOutbound(agentId: string, preview: boolean): ControlResult<void> {
    const found = this.#signedIn(agentId);
    if (!found.ok) return found;
    const u = found.value;
    if (u.state !== 'READY')
      return err({ status: 409, message: `User ${agentId} is ${u.state}; campaigns reserve only READY agents` });
    this.#startCallContext(u, true);
    this.#setState(u, preview ? 'RESERVED_OUTBOUND_PREVIEW' : 'RESERVED_OUTBOUND', null);
    this.#publishUser(u, null);
    return ok(undefined);
  }

  connectOutbound(agentId: string, fromAddress: string): ControlResult<{ dialogId: string }> {
    const found = this.#signedIn(agentId);
    if (!found.ok) return found;
    const u = found.value;
    if (u.state !== 'RESERVED_OUTBOUND' && u.state !== 'RESERVED_OUTBOUND_PREVIEW') {
      return err({ status: 409, message: `User ${agentId} is ${u.state}, not reserved for an outbound call` });
    }
    if (!ADDRESS.test(fromAddress)) return err({ status: 400, message: 'fromAddress is not a phone number' });
    const preview = u.state === 'RESERVED_OUTBOUND_PREVIEW';
    const dialog = this.#openDialog({
      callType: preview ? 'OUTBOUND_PREVIEW' : 'OUTBOUND',
      state: 'ACTIVE',
      fromAddress,
      toAddress: u.extension ?? '',
      dialedNumber: fromAddress,
      participants: [
        this.#participant(fromAddress, null, 'ACTIVE'),
        this.#participant(u.extension ?? '', u.account.id, 'ACTIVE'),
      ],
      acd: true,
    });
    this.#startCallContext(u, true);
    this.#publishDialog('POST', dialog, [u.account.id], null);
    this.#syncCallState(u, null);
    return ok({ dialogId: dialog.id });
  }

  closeOutboundReservation(agentId: string): ControlResult<void> {
    const u = this.#users.get(agentId);
    if (u === undefined) return err({ status: 404, message: `No user ${agentId}` });
    if (u.state !== 'RESERVED_OUTBOUND' && u.state !== 'RESERVED_OUTBOUND_PREVIEW') {
      return err({ status: 409, message: `User ${agentId} is ${u.state}, not reserved for an outbound call` });
    }
    const ctx = u.call ?? { stateBeforeCall: 'READY' as const, reasonBeforeCall: null, acd: true, connected: false };
    this.#endOfCall(u, ctx, null);
    return ok(undefined);
  }

  markUnknown(agentId: string): ControlResult<void> {
    const found = this.#signedIn(agentId);
    if (!found.ok) return found;
    const u = found.value;
    u.call = null;
    u.pendingState = null;
    u.pendingReason = null;
    this.#setState(u, 'UNKNOWN', null);
    this.#publishUser(u, null);
    return ok(undefined);
  }

  systemNotReady(agentId: string, reason: SystemReason): ControlResult<void> {
    const found = this.#signedIn(agentId);
    if (!found.ok) return found;
    const u = found.value;
    const code = systemReasonCode(reason, this.deployment);
    if (isCallState(u.state)) {
      u.pendingState = 'NOT_READY';
      u.pendingReason = code;
    } else {
      this.#setState(u, 'NOT_READY', code);
    }
    this.#publishUser(u, null);
    return ok(undefined);
  }
}
