// Who gets the next chat: an agent whose published availability is READY or ACTIVE and who has room for
// one more (load < M), the one idle longest first; agents who already passed on this chat only when no one
// else can take it.
import type { ChatAvailability } from '../../src/core/chat/chat-channel.ts';

export interface AgentView {
  readonly jid: string;
  readonly online: boolean;
  readonly state: ChatAvailability;
  /** C as the agent reported it. */
  readonly reportedActive: number;
  readonly max: number;
  /** Chats the router has assigned to the agent. */
  readonly assigned: number;
  /** Offers open to the agent right now. */
  readonly offered: number;
  /** When the agent last got or finished a chat (or came online): the smaller, the longer idle. */
  readonly idleSince: number;
}

/** The states in which an agent may be offered a chat. */
const OFFERABLE_STATES: readonly ChatAvailability[] = ['READY', 'ACTIVE'];

/** Whether the agent may be offered one more chat now. */
export function hasCapacity(agent: AgentView): boolean {
  if (!agent.online || !OFFERABLE_STATES.includes(agent.state)) return false;
  const load = Math.max(agent.reportedActive, agent.assigned) + agent.offered;
  return load < agent.max;
}

/**
 * Picks the agent for a waiting chat. `passedOn` maps agents who declined or let this chat expire to when;
 * they are chosen only if no one else can take it and `retryAfterMs` has passed since.
 */
export function pickAgent(
  agents: readonly AgentView[],
  passedOn: ReadonlyMap<string, number>,
  now: number,
  retryAfterMs: number,
  only: string | null,
): AgentView | null {
  const able = agents.filter((a) => hasCapacity(a) && (only === null || a.jid === only));
  const byIdle = (a: AgentView, b: AgentView): number => a.idleSince - b.idleSince || a.jid.localeCompare(b.jid);
  const fresh = able.filter((a) => !passedOn.has(a.jid)).sort(byIdle);
  if (fresh[0]) return fresh[0];
  const again = able.filter((a) => now - (passedOn.get(a.jid) ?? 0) >= retryAfterMs).sort(byIdle);
  return again[0] ?? null;
}
