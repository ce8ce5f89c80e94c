import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AGENT_STATE_TRANSITIONS,
  applyStateRequest,
  canTransition,
  endOfCallState,
  findTransition,
  wrapUpExpiredState,
  type VoiceStateSnapshot,
} from '../../../sim/finesse/agent-state-table.ts';
import { AGENT_STATES, type AgentState } from '../../../src/core/finesse/types.ts';

// The "Agent State Transition" table of the source document, copied as it stands (spaces inside some state
// names included), so these tests do not depend on the data file they check.
const SEED_TABLE = `
* | UNKNOWN | If the agent state is unknown, the state is UNKNOWN. This scenario is unlikely. |
LOGOUT | LOGIN | To sign in to Finesse, the agent sets the state to LOGIN. LOGIN is a transient state and transitions to NOT_READY. |
LOGIN | NOT_READY | After a successful LOGIN, the agent transitions to NOT_READY. |
NOT_READY | LOGOUT | To sign out of Finesse, the agent sets the state to LOGOUT. An agent can set the state to LOGOUT only if that agent is in NOT_READY state. |
NOT_READY | NOT_READY | To change their Not Ready reason code, agents can set a NOT_READY state from NOT_READY. |
NOT_READY | READY | To become available for incoming or Outbound Option calls, agents set their state to READY. |
NOT_READY | TALKING | An agent who places a call while in NOT_READY state transitions to TALKING. |
READY | RESERVED | An incoming call arrives at an agent. |
READY | RESERVED _OUTBOUND | An outbound agent becomes reserved to handle an Outbound Option Progressive or Predictive call. |
READY | RESERVED_OUTBOUND _PREVIEW | An outbound agent becomes reserved to handle an Outbound Option Preview call. |
READY | NOT_READY | Agents can change to NOT_READY to make themselves unavailable for incoming calls. |
RESERVED | READY | An agent can become RESERVED but never take a call. |
RESERVED | TALKING | When an agent answers an incoming call, the agent transitions to TALKING. |
RESERVED _OUTBOUND | READY | An agent can change to READY state to leave RESERVED_OUTBOUND. If the system deems it necessary, that agent may transition back to RESERVED_OUTBOUND. |
RESERVED _OUTBOUND | NOT_READY | An agent can change to NOT_READY state to leave RESERVED_OUTBOUND. |
RESERVED _OUTBOUND | TALKING | An agent transitions to TALKING when an Outbound Option call arrives at the agent. |
RESERVED_OUTBOUND _PREVIEW | READY | An agent transitions to READY if the agent was in READY state before being reserved in an Outbound Option Preview campaign. |
RESERVED_OUTBOUND _PREVIEW | NOT_READY | An agent transitions to NOT_READY if that agent changes state to NOT_READY while reserved in an Outbound Option Preview campaign. This state change is a pending state change. The agent does not transition to NOT_READY until the call is complete or the Outbound Option Preview reservation is closed or rejected. |
RESERVED_OUTBOUND _PREVIEW | TALKING | An agent transitions to TALKING when an Outbound Option call arrives at the agent. |
TALKING | READY | If an agent is on a call that is dropped, the agent transitions to READY (if the agent was in READY state before the call). |
TALKING | NOT_READY | If an agent is on a call that is dropped, the agent transitions to NOT_READY if that agent was in NOT_READY state before the call. |
TALKING | WORK | If wrap-up is enabled, and the agent chooses NOT_READY while on a call, that agent enters WORK state after the call is dropped. |
TALKING | WORK_READY | If wrap-up is enabled, an agent enters WORK_READY state after a call is dropped. |
TALKING | HOLD | An agent puts a call on hold and transitions to HOLD state. |
HOLD | READY | If an agent is connected to a held call and the call is dropped, the agent transitions to READY state (if the agent was in READY state before the call). |
HOLD | NOT_READY | If an agent is connected to a held call and the call is dropped, the agent transitions to NOT_READY state (if the agent was in NOT_READY state before the call). |
HOLD | WORK | If wrap-up is enabled and an agent is connected to a held call that is dropped, the agent transitions to WORK state if the agent chose to go NOT_READY during the call. |
HOLD | WORK_READY | If wrap-up is enabled and an agent is connected to a held call that is dropped, the agent transitions to WORK_READY state. |
HOLD | TALKING | When an agent retrieves a held call, the agent transitions to TALKING state. |
WORK | READY | To leave WORK state, agents can set their state to READY. |
WORK | NOT_READY | To leave WORK state, agents can set their state to NOT_READY. Agents automatically transition to NOT_READY after the wrap-up timer expires. |
WORK_READY | READY | To leave WORK_READY state, agents can set their state to READY. Agents automatically transition to READY after the wrap-up timer expires. |
WORK_READY | NOT_READY | To leave WORK_READY state, agents can set their state to NOT_READY. |
`;

interface SeedRow {
  readonly from: string;
  readonly to: AgentState;
  readonly description: string;
}

const SEED_ROWS: readonly SeedRow[] = SEED_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [from = '', to = '', description = ''] = line.split('|').map((cell) => cell.trim());
    // The document breaks some names across a space ("RESERVED _OUTBOUND"): the state names have none.
    return { from: from.replace(/\s+/g, ''), to: to.replace(/\s+/g, '') as AgentState, description };
  });

const normalise = (text: string): string => text.replace(/\s+/g, ' ').replace(/ _/g, '_').trim();

test('the seed table has the 33 rows this file expects', () => {
  assert.equal(SEED_ROWS.length, 33);
  assert.equal(AGENT_STATE_TRANSITIONS.length, SEED_ROWS.length);
});

for (const seed of SEED_ROWS) {
  test(`table row ${seed.from} -> ${seed.to} is known, with the guide's description`, () => {
    const froms: readonly AgentState[] = seed.from === '*' ? AGENT_STATES : [seed.from as AgentState];
    for (const from of froms) {
      assert.ok(canTransition(from, seed.to), `${from} -> ${seed.to} should be allowed`);
    }
    const data = AGENT_STATE_TRANSITIONS.find((t) => t.from === seed.from && t.to === seed.to);
    assert.ok(data, `no data row for ${seed.from} -> ${seed.to}`);
    assert.equal(normalise(data.description), normalise(seed.description));
  });
}

test('every pair the seed table does not list is refused', () => {
  const listed = new Set(SEED_ROWS.map((r) => `${r.from}->${r.to}`));
  let refused = 0;
  for (const from of AGENT_STATES) {
    for (const to of AGENT_STATES) {
      const inTable = listed.has(`${from}->${to}`) || to === 'UNKNOWN';
      assert.equal(canTransition(from, to), inTable, `${from} -> ${to}`);
      if (!inTable) refused += 1;
    }
  }
  // 12 x 12 pairs, 32 listed rows plus 12 "* -> UNKNOWN".
  assert.equal(refused, 144 - 32 - 12);
});

test('a few plainly illegal moves are refused', () => {
  assert.equal(canTransition('READY', 'LOGOUT'), false, 'LOGOUT only from NOT_READY');
  assert.equal(canTransition('TALKING', 'LOGOUT'), false);
  assert.equal(canTransition('LOGOUT', 'READY'), false, 'sign in goes through LOGIN');
  assert.equal(canTransition('READY', 'READY'), false);
  assert.equal(canTransition('NOT_READY', 'RESERVED'), false, 'calls are only routed to READY agents');
  assert.equal(findTransition('LOGIN', 'NOT_READY')?.cause, 'system', 'LOGIN is transient');
});

test('rows the agent can ask for by REST are exactly the ones the guide gives to the agent', () => {
  const requestable = AGENT_STATE_TRANSITIONS.filter((t) => t.cause === 'agent-request').map(
    (t) => `${t.from}->${t.to}`,
  );
  assert.deepEqual(requestable.sort(), [
    'LOGOUT->LOGIN',
    'NOT_READY->LOGOUT',
    'NOT_READY->NOT_READY',
    'NOT_READY->READY',
    'READY->NOT_READY',
    'RESERVED_OUTBOUND->NOT_READY',
    'RESERVED_OUTBOUND->READY',
    'RESERVED_OUTBOUND_PREVIEW->NOT_READY',
    'WORK->NOT_READY',
    'WORK->READY',
    'WORK_READY->NOT_READY',
    'WORK_READY->READY',
  ]);
  assert.ok(findTransition('RESERVED_OUTBOUND_PREVIEW', 'NOT_READY')?.pending);
});

const ucce = { wrapUpEnabled: false } as const;
const snap = (state: AgentState, pendingState: AgentState | null = null): VoiceStateSnapshot => ({
  state,
  pendingState,
});

test('every agent-requestable row of the table is accepted by applyStateRequest', () => {
  for (const t of AGENT_STATE_TRANSITIONS.filter((r) => r.cause === 'agent-request')) {
    const from = t.from as AgentState;
    const result = applyStateRequest(snap(from), t.to, ucce);
    assert.ok(result.ok, `${from} -> ${t.to}`);
    const expected = t.pending ? snap(from, t.to) : snap(t.to === 'LOGIN' ? 'NOT_READY' : t.to);
    assert.deepEqual(result.value, expected, `${from} -> ${t.to}`);
  }
});

test('LOGIN is transient: signing in lands in NOT_READY; LOGIN from a signed-in state is refused', () => {
  assert.deepEqual(applyStateRequest(snap('LOGOUT'), 'LOGIN', ucce), { ok: true, value: snap('NOT_READY') });
  assert.deepEqual(applyStateRequest(snap('READY'), 'LOGIN', ucce), { ok: false, error: 'INVALID_STATE' });
});

test('LOGOUT is accepted only from NOT_READY (UCCE); UCCX also allows it from READY', () => {
  for (const from of AGENT_STATES) {
    const result = applyStateRequest(snap(from), 'LOGOUT', ucce);
    assert.equal(result.ok, from === 'NOT_READY', from);
  }
  assert.ok(applyStateRequest(snap('READY'), 'LOGOUT', { wrapUpEnabled: false, deployment: 'UCCX' }).ok);
});

test('states only the system sets can never be requested', () => {
  for (const requested of ['TALKING', 'HOLD', 'RESERVED', 'WORK', 'WORK_READY', 'UNKNOWN'] as const) {
    for (const from of AGENT_STATES) {
      assert.equal(applyStateRequest(snap(from), requested, ucce).ok, false, `${from} -> ${requested}`);
    }
  }
});

test('READY while READY is refused (not in the table); NOT_READY while NOT_READY changes the reason', () => {
  assert.equal(applyStateRequest(snap('READY'), 'READY', ucce).ok, false);
  assert.deepEqual(applyStateRequest(snap('NOT_READY'), 'NOT_READY', ucce), { ok: true, value: snap('NOT_READY') });
});

for (const callState of ['RESERVED', 'RESERVED_OUTBOUND_PREVIEW', 'TALKING', 'HOLD'] as const) {
  test(`NOT_READY or READY requested while ${callState} becomes the pending state, the state stays`, () => {
    assert.deepEqual(applyStateRequest(snap(callState), 'NOT_READY', ucce), {
      ok: true,
      value: snap(callState, 'NOT_READY'),
    });
    assert.deepEqual(applyStateRequest(snap(callState), 'READY', ucce), { ok: true, value: snap(callState, 'READY') });
    assert.equal(
      applyStateRequest(snap(callState), 'LOGOUT', ucce).ok,
      false,
      'an agent cannot sign out during a call',
    );
  });
}

test('a later request during the call replaces the earlier pending state', () => {
  const first = applyStateRequest(snap('TALKING'), 'NOT_READY', ucce);
  assert.ok(first.ok);
  assert.deepEqual(applyStateRequest(first.value, 'READY', ucce), { ok: true, value: snap('TALKING', 'READY') });
});

test('UCCX refuses a pending READY during a call but accepts a pending NOT_READY', () => {
  const uccx = { wrapUpEnabled: false, deployment: 'UCCX' } as const;
  assert.equal(applyStateRequest(snap('TALKING'), 'READY', uccx).ok, false);
  assert.deepEqual(applyStateRequest(snap('TALKING'), 'NOT_READY', uccx), {
    ok: true,
    value: snap('TALKING', 'NOT_READY'),
  });
});

test('WORK and WORK_READY are left at once with READY or NOT_READY', () => {
  for (const from of ['WORK', 'WORK_READY'] as const) {
    assert.deepEqual(applyStateRequest(snap(from), 'READY', ucce), { ok: true, value: snap('READY') });
    assert.deepEqual(applyStateRequest(snap(from), 'NOT_READY', ucce), { ok: true, value: snap('NOT_READY') });
  }
});

test('a supervisor can make an agent Not Ready only from READY, WORK or WORK_READY', () => {
  const sup = { wrapUpEnabled: false, actor: 'supervisor' } as const;
  for (const from of AGENT_STATES) {
    const allowed = from === 'READY' || from === 'WORK' || from === 'WORK_READY';
    assert.equal(applyStateRequest(snap(from), 'NOT_READY', sup).ok, allowed, from);
  }
});

test('a supervisor can sign out a signed-in agent; during a call the sign-out waits for the call to end', () => {
  const sup = { wrapUpEnabled: true, actor: 'supervisor' } as const;
  assert.deepEqual(applyStateRequest(snap('READY'), 'LOGOUT', sup), { ok: true, value: snap('LOGOUT') });
  assert.deepEqual(applyStateRequest(snap('TALKING'), 'LOGOUT', sup), { ok: true, value: snap('TALKING', 'LOGOUT') });
  assert.equal(applyStateRequest(snap('LOGOUT'), 'LOGOUT', sup).ok, false);
  assert.deepEqual(
    endOfCallState(snap('TALKING', 'LOGOUT'), { stateBeforeCall: 'READY', wrapUpEnabled: true }),
    snap('LOGOUT'),
  );
});

test('call ends without wrap-up: pending state wins, else back to the state before the call', () => {
  const noWrap = (stateBeforeCall: 'READY' | 'NOT_READY') => ({ stateBeforeCall, wrapUpEnabled: false });
  assert.deepEqual(endOfCallState(snap('TALKING'), noWrap('READY')), snap('READY'));
  assert.deepEqual(endOfCallState(snap('HOLD'), noWrap('NOT_READY')), snap('NOT_READY'));
  assert.deepEqual(endOfCallState(snap('TALKING', 'NOT_READY'), noWrap('READY')), snap('NOT_READY'));
  assert.deepEqual(endOfCallState(snap('TALKING', 'READY'), noWrap('NOT_READY')), snap('READY'));
});

test('call ends with wrap-up: WORK on the way to NOT_READY, WORK_READY on the way to READY (UCCE)', () => {
  const wrap = (stateBeforeCall: 'READY' | 'NOT_READY') => ({ stateBeforeCall, wrapUpEnabled: true });
  assert.deepEqual(endOfCallState(snap('TALKING'), wrap('READY')), snap('WORK_READY'));
  assert.deepEqual(endOfCallState(snap('TALKING'), wrap('NOT_READY')), snap('WORK'));
  assert.deepEqual(endOfCallState(snap('HOLD', 'NOT_READY'), wrap('READY')), snap('WORK'));
  assert.deepEqual(endOfCallState(snap('TALKING', 'READY'), wrap('NOT_READY')), snap('WORK_READY'));
  assert.deepEqual(
    endOfCallState(snap('TALKING'), { ...wrap('READY'), deployment: 'UCCX' }),
    snap('WORK'),
    'no WORK_READY in UCCX',
  );
});

test('every end-of-call landing is a move the table lists from TALKING and from HOLD', () => {
  for (const pendingState of [null, 'READY', 'NOT_READY'] as const) {
    for (const stateBeforeCall of ['READY', 'NOT_READY'] as const) {
      for (const wrapUpEnabled of [false, true]) {
        for (const inCall of ['TALKING', 'HOLD'] as const) {
          const landed = endOfCallState(snap(inCall, pendingState), { stateBeforeCall, wrapUpEnabled });
          assert.ok(canTransition(inCall, landed.state), `${inCall} -> ${landed.state}`);
          assert.equal(landed.pendingState, null);
        }
      }
    }
  }
});

test('the wrap-up timer ends WORK in NOT_READY and WORK_READY in READY', () => {
  assert.equal(wrapUpExpiredState('WORK'), 'NOT_READY');
  assert.equal(wrapUpExpiredState('WORK_READY'), 'READY');
  assert.equal(wrapUpExpiredState('TALKING'), 'TALKING');
});

test('blending: a chat reservation during a call ends the call straight into NOT_READY, never READY', () => {
  // Agent READY takes an ACD call; the gadget requests NOT_READY (Handling Chat) while TALKING.
  const during = applyStateRequest(snap('TALKING'), 'NOT_READY', ucce);
  assert.ok(during.ok);
  assert.equal(during.value.state, 'TALKING');
  assert.deepEqual(endOfCallState(during.value, { stateBeforeCall: 'READY', wrapUpEnabled: false }), snap('NOT_READY'));
});
