// The named sets of agent states, pinned: a state moving in or out of a set changes blending, so it must be a
// deliberate edit here too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONNECTED_STATES,
  PENDING_REQUEST_STATES,
  RESERVED_STATES,
  ROUTED_CALL_ONLY_STATES,
  TRANSIENT_STATES,
  WRAP_UP_STATES,
} from '../../../src/core/finesse/agent-states.ts';
import { AGENT_STATES, type AgentState } from '../../../src/core/finesse/types.ts';

const sorted = (s: ReadonlySet<AgentState>): AgentState[] => [...s].sort();

describe('agent state sets', () => {
  it('a READY/NOT_READY request becomes pending in RESERVED, RESERVED_OUTBOUND_PREVIEW, TALKING and HOLD, not in RESERVED_OUTBOUND', () => {
    assert.deepEqual(sorted(PENDING_REQUEST_STATES), ['HOLD', 'RESERVED', 'RESERVED_OUTBOUND_PREVIEW', 'TALKING']);
    assert.equal(PENDING_REQUEST_STATES.has('RESERVED_OUTBOUND'), false);
  });

  it('reserved states are the three a routed call reserves a READY agent in', () => {
    assert.deepEqual(sorted(RESERVED_STATES), ['RESERVED', 'RESERVED_OUTBOUND', 'RESERVED_OUTBOUND_PREVIEW']);
  });

  it('connected states are TALKING and HOLD; wrap-up states are WORK and WORK_READY', () => {
    assert.deepEqual(sorted(CONNECTED_STATES), ['HOLD', 'TALKING']);
    assert.deepEqual(sorted(WRAP_UP_STATES), ['WORK', 'WORK_READY']);
  });

  it('only a routed call puts the agent in a reserved or wrap-up state; TALKING and HOLD can be any call', () => {
    assert.deepEqual(sorted(ROUTED_CALL_ONLY_STATES), [
      'RESERVED',
      'RESERVED_OUTBOUND',
      'RESERVED_OUTBOUND_PREVIEW',
      'WORK',
      'WORK_READY',
    ]);
    for (const s of CONNECTED_STATES) assert.equal(ROUTED_CALL_ONLY_STATES.has(s), false, s);
  });

  it('the pending-request states are a call reserved or connected, so a pending state never outlives the call', () => {
    for (const s of PENDING_REQUEST_STATES) assert.ok(RESERVED_STATES.has(s) || CONNECTED_STATES.has(s), s);
  });

  it('every state in a set is one Finesse reports; READY, NOT_READY and LOGOUT are in none of the call sets', () => {
    const all = new Set<AgentState>(AGENT_STATES);
    for (const group of [PENDING_REQUEST_STATES, RESERVED_STATES, CONNECTED_STATES, WRAP_UP_STATES, TRANSIENT_STATES]) {
      for (const s of group) assert.ok(all.has(s), s);
    }
    for (const s of ['READY', 'NOT_READY', 'LOGOUT'] as const) {
      assert.equal(
        RESERVED_STATES.has(s) || CONNECTED_STATES.has(s) || WRAP_UP_STATES.has(s) || TRANSIENT_STATES.has(s),
        false,
        s,
      );
    }
    assert.deepEqual(sorted(TRANSIENT_STATES), ['LOGIN', 'UNKNOWN']);
  });
});
