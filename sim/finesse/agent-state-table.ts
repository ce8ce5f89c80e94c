// The Unified CCE agent state transition table (Cisco Finesse Web Services Developer Guide, "User—Change
// Agent State"), as data, plus the rules a Finesse simulator and a property-test model need to move an agent
// between states the way Finesse does: which requests apply at once, which become a pendingState during a
// call, and where the agent lands when the call ends.
//
// The guide warns that the table holds only the logical transitions: "because the underlying system determines
// the state, an agent can transition from any state to any state, especially under failover conditions". So a
// client must never reject a state Finesse reports; `canTransition` is for models and simulators, not for
// second-guessing notifications. That is why the table lives with the simulator and the tests: the gadget
// never consults it, it takes whatever state Finesse reports.

import { err, ok, type Result } from '../../src/core/result.ts';
import type { AgentState } from '../../src/core/finesse/types.ts';
import { PENDING_REQUEST_STATES } from '../../src/core/finesse/agent-states.ts';

/** Who causes a transition: the agent (or client) by a REST state request, or the system / telephony. */
type TransitionCause = 'agent-request' | 'system';

interface AgentStateTransition {
  /** '*' means any state. */
  readonly from: AgentState | '*';
  readonly to: AgentState;
  /** The guide's description of the row, verbatim. */
  readonly description: string;
  /** 'agent-request' when a client can ask for it with PUT User/{id}; 'system' when only Finesse/CTI moves the agent. */
  readonly cause: TransitionCause;
  /** True when the request is accepted during a call but only takes effect when the call ends (pendingState). */
  readonly pending: boolean;
  /** True when the system also makes this move by itself (e.g. the wrap-up timer ending WORK). */
  readonly alsoBySystem: boolean;
}

const row = (
  from: AgentState | '*',
  to: AgentState,
  cause: TransitionCause,
  description: string,
  extra: { pending?: boolean; alsoBySystem?: boolean } = {},
): AgentStateTransition => ({
  from,
  to,
  cause,
  description,
  pending: extra.pending ?? false,
  alsoBySystem: extra.alsoBySystem ?? false,
});

/** Every row of the guide's Unified CCE transition table, in the guide's order. */
export const AGENT_STATE_TRANSITIONS: readonly AgentStateTransition[] = [
  row('*', 'UNKNOWN', 'system', 'If the agent state is unknown, the state is UNKNOWN. This scenario is unlikely.'),
  row(
    'LOGOUT',
    'LOGIN',
    'agent-request',
    'To sign in to Finesse, the agent sets the state to LOGIN. LOGIN is a transient state and transitions to NOT_READY.',
  ),
  row('LOGIN', 'NOT_READY', 'system', 'After a successful LOGIN, the agent transitions to NOT_READY.'),
  row(
    'NOT_READY',
    'LOGOUT',
    'agent-request',
    'To sign out of Finesse, the agent sets the state to LOGOUT. An agent can set the state to LOGOUT only if that agent is in NOT_READY state.',
  ),
  row(
    'NOT_READY',
    'NOT_READY',
    'agent-request',
    'To change their Not Ready reason code, agents can set a NOT_READY state from NOT_READY.',
  ),
  row(
    'NOT_READY',
    'READY',
    'agent-request',
    'To become available for incoming or Outbound Option calls, agents set their state to READY.',
  ),
  row('NOT_READY', 'TALKING', 'system', 'An agent who places a call while in NOT_READY state transitions to TALKING.'),
  row('READY', 'RESERVED', 'system', 'An incoming call arrives at an agent.'),
  row(
    'READY',
    'RESERVED_OUTBOUND',
    'system',
    'An outbound agent becomes reserved to handle an Outbound Option Progressive or Predictive call.',
  ),
  row(
    'READY',
    'RESERVED_OUTBOUND_PREVIEW',
    'system',
    'An outbound agent becomes reserved to handle an Outbound Option Preview call.',
  ),
  row(
    'READY',
    'NOT_READY',
    'agent-request',
    'Agents can change to NOT_READY to make themselves unavailable for incoming calls.',
  ),
  row('RESERVED', 'READY', 'system', 'An agent can become RESERVED but never take a call.'),
  row('RESERVED', 'TALKING', 'system', 'When an agent answers an incoming call, the agent transitions to TALKING.'),
  row(
    'RESERVED_OUTBOUND',
    'READY',
    'agent-request',
    'An agent can change to READY state to leave RESERVED_OUTBOUND. If the system deems it necessary, that agent may transition back to RESERVED_OUTBOUND.',
  ),
  row(
    'RESERVED_OUTBOUND',
    'NOT_READY',
    'agent-request',
    'An agent can change to NOT_READY state to leave RESERVED_OUTBOUND.',
  ),
  row(
    'RESERVED_OUTBOUND',
    'TALKING',
    'system',
    'An agent transitions to TALKING when an Outbound Option call arrives at the agent.',
  ),
  row(
    'RESERVED_OUTBOUND_PREVIEW',
    'READY',
    'system',
    'An agent transitions to READY if the agent was in READY state before being reserved in an Outbound Option Preview campaign.',
  ),
  row(
    'RESERVED_OUTBOUND_PREVIEW',
    'NOT_READY',
    'agent-request',
    'An agent transitions to NOT_READY if that agent changes state to NOT_READY while reserved in an Outbound Option Preview campaign. This state change is a pending state change. The agent does not transition to NOT_READY until the call is complete or the Outbound Option Preview reservation is closed or rejected.',
    { pending: true },
  ),
  row(
    'RESERVED_OUTBOUND_PREVIEW',
    'TALKING',
    'system',
    'An agent transitions to TALKING when an Outbound Option call arrives at the agent.',
  ),
  row(
    'TALKING',
    'READY',
    'system',
    'If an agent is on a call that is dropped, the agent transitions to READY (if the agent was in READY state before the call).',
  ),
  row(
    'TALKING',
    'NOT_READY',
    'system',
    'If an agent is on a call that is dropped, the agent transitions to NOT_READY if that agent was in NOT_READY state before the call.',
  ),
  row(
    'TALKING',
    'WORK',
    'system',
    'If wrap-up is enabled, and the agent chooses NOT_READY while on a call, that agent enters WORK state after the call is dropped.',
  ),
  row(
    'TALKING',
    'WORK_READY',
    'system',
    'If wrap-up is enabled, an agent enters WORK_READY state after a call is dropped.',
  ),
  row('TALKING', 'HOLD', 'system', 'An agent puts a call on hold and transitions to HOLD state.'),
  row(
    'HOLD',
    'READY',
    'system',
    'If an agent is connected to a held call and the call is dropped, the agent transitions to READY state (if the agent was in READY state before the call).',
  ),
  row(
    'HOLD',
    'NOT_READY',
    'system',
    'If an agent is connected to a held call and the call is dropped, the agent transitions to NOT_READY state (if the agent was in NOT_READY state before the call).',
  ),
  row(
    'HOLD',
    'WORK',
    'system',
    'If wrap-up is enabled and an agent is connected to a held call that is dropped, the agent transitions to WORK state if the agent chose to go NOT_READY during the call.',
  ),
  row(
    'HOLD',
    'WORK_READY',
    'system',
    'If wrap-up is enabled and an agent is connected to a held call that is dropped, the agent transitions to WORK_READY state.',
  ),
  row('HOLD', 'TALKING', 'system', 'When an agent retrieves a held call, the agent transitions to TALKING state.'),
  row('WORK', 'READY', 'agent-request', 'To leave WORK state, agents can set their state to READY.'),
  row(
    'WORK',
    'NOT_READY',
    'agent-request',
    'To leave WORK state, agents can set their state to NOT_READY. Agents automatically transition to NOT_READY after the wrap-up timer expires.',
    { alsoBySystem: true },
  ),
  row(
    'WORK_READY',
    'READY',
    'agent-request',
    'To leave WORK_READY state, agents can set their state to READY. Agents automatically transition to READY after the wrap-up timer expires.',
    { alsoBySystem: true },
  ),
  row(
    'WORK_READY',
    'NOT_READY',
    'agent-request',
    'To leave WORK_READY state, agents can set their state to NOT_READY.',
  ),
];

/** The transition-table row for from -> to, if the table has one. */
export function findTransition(from: AgentState, to: AgentState): AgentStateTransition | undefined {
  if (to === 'UNKNOWN') return AGENT_STATE_TRANSITIONS[0];
  return AGENT_STATE_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** True when the guide's table lists from -> to (by anyone: agent request or system). */
export function canTransition(from: AgentState, to: AgentState): boolean {
  return findTransition(from, to) !== undefined;
}

/** What a voice state looks like to these rules: the state and the state waiting for the call to end. */
export interface VoiceStateSnapshot {
  readonly state: AgentState;
  readonly pendingState: AgentState | null;
}

/** The states a client may put in a PUT User/{id} (the guide: "Users can set ... READY, NOT_READY, LOGOUT"; LOGIN signs in). */
type RequestableState = 'LOGIN' | 'READY' | 'NOT_READY' | 'LOGOUT';

const REQUESTABLE_STATES: readonly RequestableState[] = ['LOGIN', 'READY', 'NOT_READY', 'LOGOUT'];

/** True when the agent is in a state that belongs to a call (a state request now becomes a pendingState). */
export function isCallState(state: AgentState): boolean {
  return PENDING_REQUEST_STATES.has(state);
}

interface StateRequestOptions {
  /** Whether the agent's team has wrap-up (After Call Work) enabled. */
  readonly wrapUpEnabled: boolean;
  /** Unified CCE (default; the table above) or Unified CCX, whose rules differ in a few places noted below. */
  readonly deployment?: 'UCCE' | 'UCCX';
  /** Who makes the request: the agent for themselves, or their supervisor (PUT on a team member's User). */
  readonly actor?: 'agent' | 'supervisor';
}

type StateRequestRefusal = 'INVALID_STATE';

/**
 * What Finesse does with a state request: the new snapshot, or INVALID_STATE where it answers "Invalid State".
 *
 * The rules, from the developer guide (User—Change Agent State, Release 12.5(1)):
 * - An agent can set only READY, NOT_READY and LOGOUT; LOGIN is transient and lands in NOT_READY.
 * - LOGOUT only from NOT_READY ("An agent can set the state to LOGOUT only if that agent is in NOT_READY state");
 *   Unified CCX also lists READY -> LOGOUT.
 * - NOT_READY -> NOT_READY is allowed (it changes the reason code); READY -> READY is not in the table.
 * - WORK, WORK_READY and RESERVED_OUTBOUND (UCCE) are left at once with READY or NOT_READY.
 * - During a call (RESERVED, RESERVED_OUTBOUND_PREVIEW, TALKING, HOLD) a READY or NOT_READY request does not change
 *   the state; it becomes pendingState, and the agent moves to it when the call ends ("This state change is a
 *   pending state change. The agent does not transition to NOT_READY until the call is complete", and the guide's
 *   scenario table: "While talking on an ICD call, the agent sets a pending state of READY ... Agent transitions to
 *   READY state after the call ends"). A later request replaces an earlier pending one.
 * - Unified CCX refuses a pending READY during a call (CF_INVALID_AGENT_WORKMODE / CF_RESOURCE_BUSY in the guide).
 * - A supervisor can set NOT_READY only if the agent is READY, WORK or WORK_READY (no reason code; Finesse adds its
 *   own), and LOGOUT from any signed-in state. The guide does not say when a supervisor's LOGOUT takes effect
 *   during a call; this model makes it pending until the call ends (an assumption, flagged here).
 */
export function applyStateRequest(
  current: VoiceStateSnapshot,
  requested: AgentState,
  options: StateRequestOptions,
): Result<VoiceStateSnapshot, StateRequestRefusal> {
  const deployment = options.deployment ?? 'UCCE';
  const actor = options.actor ?? 'agent';
  const { state } = current;
  const refuse = err<StateRequestRefusal>('INVALID_STATE');
  const now = (to: AgentState): Result<VoiceStateSnapshot, StateRequestRefusal> =>
    ok({ state: to, pendingState: null });
  const pend = (to: AgentState): Result<VoiceStateSnapshot, StateRequestRefusal> => ok({ state, pendingState: to });

  if (!(REQUESTABLE_STATES as readonly AgentState[]).includes(requested)) return refuse;

  if (actor === 'supervisor') {
    if (requested === 'NOT_READY') {
      return state === 'READY' || state === 'WORK' || state === 'WORK_READY' ? now('NOT_READY') : refuse;
    }
    if (requested === 'LOGOUT') {
      if (state === 'LOGOUT' || state === 'LOGIN' || state === 'UNKNOWN') return refuse;
      return isCallState(state) ? pend('LOGOUT') : now('LOGOUT');
    }
    // A supervisor's READY follows the agent's own rules below; LOGIN is never a supervisor action.
    if (requested === 'LOGIN') return refuse;
  }

  if (requested === 'LOGIN') return state === 'LOGOUT' ? now('NOT_READY') : refuse;

  if (requested === 'LOGOUT') {
    if (state === 'NOT_READY') return now('LOGOUT');
    if (deployment === 'UCCX' && state === 'READY') return now('LOGOUT');
    return refuse;
  }

  // requested is READY or NOT_READY from here on.
  if (isCallState(state)) {
    if (deployment === 'UCCX' && requested === 'READY') return refuse;
    return pend(requested);
  }
  switch (state) {
    case 'NOT_READY':
      return now(requested);
    case 'READY':
      return requested === 'NOT_READY' ? now('NOT_READY') : refuse;
    case 'WORK':
    case 'WORK_READY':
      return now(requested);
    case 'RESERVED_OUTBOUND':
      // UCCX: "users cannot change their state to exit RESERVED_OUTBOUND state".
      return deployment === 'UCCE' ? now(requested) : refuse;
    default:
      // LOGOUT, LOGIN, UNKNOWN: nothing an agent can ask for.
      return refuse;
  }
}

interface EndOfCallContext {
  /** The state the agent was in when the call began: READY for a routed call, NOT_READY for a call they placed. */
  readonly stateBeforeCall: 'READY' | 'NOT_READY';
  readonly wrapUpEnabled: boolean;
  readonly deployment?: 'UCCE' | 'UCCX';
}

/**
 * Where the agent lands when their last call ends, and pendingState cleared.
 *
 * The target is the pending state if one was requested during the call, else the state before the call
 * (the table's TALKING/HOLD -> READY / NOT_READY rows). With wrap-up enabled the agent first enters wrap-up:
 * WORK when heading to NOT_READY ("the agent chooses NOT_READY while on a call ... enters WORK state"), WORK_READY
 * when heading to READY ("The user was in READY state before taking a call. The user set a state of READY while
 * in TALKING state"); WORK_READY exists only in Unified CCE, so UCCX wraps up in WORK. A pending LOGOUT
 * (supervisor) skips wrap-up. A reservation that never became a call (RESERVED -> READY in the table, or a
 * preview reservation closed) has nothing to wrap up: pass wrapUpEnabled false for it.
 */
export function endOfCallState(current: VoiceStateSnapshot, context: EndOfCallContext): VoiceStateSnapshot {
  const target = current.pendingState ?? context.stateBeforeCall;
  if (target === 'LOGOUT') return { state: 'LOGOUT', pendingState: null };
  const heading: 'READY' | 'NOT_READY' = target === 'READY' ? 'READY' : 'NOT_READY';
  if (!context.wrapUpEnabled) return { state: heading, pendingState: null };
  if (heading === 'READY' && (context.deployment ?? 'UCCE') === 'UCCE')
    return { state: 'WORK_READY', pendingState: null };
  return { state: 'WORK', pendingState: null };
}

/** Where the wrap-up timer sends the agent: WORK -> NOT_READY, WORK_READY -> READY; other states stay. */
export function wrapUpExpiredState(state: AgentState): AgentState {
  if (state === 'WORK') return 'NOT_READY';
  if (state === 'WORK_READY') return 'READY';
  return state;
}
