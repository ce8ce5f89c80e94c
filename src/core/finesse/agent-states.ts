// The agent voice states grouped by what they mean to a client, each set with its source. One list for everyone
// (blending, the simulator's transition model, the property-test world) so the copies cannot drift apart.
// Source: Cisco Finesse Web Services Developer Guide, "User—Change Agent State" (the Unified CCE transition table
// and the notes under it); docs/finesse-contract.md says which of these the gadget relies on.
import type { AgentState } from './types.ts';

const set = (...states: AgentState[]): ReadonlySet<AgentState> => new Set(states);

/** Sets the union of the given sets. */
export function unionOf(...sets: readonly ReadonlySet<AgentState>[]): ReadonlySet<AgentState> {
  return new Set(sets.flatMap((s) => [...s]));
}

/**
 * States in which a READY or NOT_READY request does not change the state but becomes Finesse's pendingState, applied
 * when the call ends (the guide's notes on changing state during a call, and its pending READY while TALKING).
 * RESERVED_OUTBOUND is not one: the table lets the agent leave it at once with READY or NOT_READY.
 */
export const PENDING_REQUEST_STATES = set('RESERVED', 'RESERVED_OUTBOUND_PREVIEW', 'TALKING', 'HOLD');

/** Reserved for a routed call (inbound ACD or an Outbound Option campaign): the table enters them only from READY, by the system. */
export const RESERVED_STATES = set('RESERVED', 'RESERVED_OUTBOUND', 'RESERVED_OUTBOUND_PREVIEW');

/** Connected to a call, whoever placed it: TALKING, and HOLD while the call is held. */
export const CONNECTED_STATES = set('TALKING', 'HOLD');

/** Wrap-up (After Call Work) after a routed call: WORK heads to NOT_READY, WORK_READY to READY (Unified CCE only). */
export const WRAP_UP_STATES = set('WORK', 'WORK_READY');

/**
 * States only a routed (ACD or campaign) call puts the agent in: reserved for it, or wrapping it up. A call the agent
 * placed or an internal call is TALKING or HOLD without them, so these say "routed" even when no dialog is known.
 */
export const ROUTED_CALL_ONLY_STATES = unionOf(RESERVED_STATES, WRAP_UP_STATES);

/** States the agent reaches only by signing in or out, or that Finesse reports when it does not know. */
export const TRANSIENT_STATES = set('LOGIN', 'UNKNOWN');
