// Who is in which Finesse team and who supervises which teams, as read from Finesse's user list (User—Get List).
// Plain data and pure functions: finesse-directory.ts keeps it fresh.
import type { Role, User } from '../../src/core/finesse/types.ts';

/** One Finesse user, as far as routing and supervision need it (no state: that comes from the desktops). */
export interface DirectoryUser {
  readonly loginId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly roles: readonly Role[];
  /** The team the user belongs to, or null. */
  readonly teamId: string | null;
  /** The teams a supervisor supervises (empty for agents). */
  readonly supervises: readonly string[];
}

export interface Directory {
  readonly users: ReadonlyMap<string, DirectoryUser>;
  /** Team id -> team name, from every team any user belongs to or supervises. */
  readonly teams: ReadonlyMap<string, string>;
  /** When it was read (ms since epoch). */
  readonly readAt: number;
}

/** A directory from the users Finesse listed. */
export function buildDirectory(users: readonly User[], readAt: number): Directory {
  const byId = new Map<string, DirectoryUser>();
  const teams = new Map<string, string>();
  for (const u of users) {
    byId.set(u.loginId, {
      loginId: u.loginId,
      firstName: u.firstName,
      lastName: u.lastName,
      roles: u.roles,
      teamId: u.teamId,
      supervises: u.teams.map((t) => t.id),
    });
    if (u.teamId !== null && !teams.has(u.teamId)) teams.set(u.teamId, u.teamName ?? '');
    for (const t of u.teams) if (!teams.has(t.id) || teams.get(t.id) === '') teams.set(t.id, t.name);
  }
  return { users: byId, teams, readAt };
}

/** The agent's team, or null when the agent is unknown or in no team. */
export function teamOf(directory: Directory, agentId: string): string | null {
  return directory.users.get(agentId)?.teamId ?? null;
}

/** The agents (login ids, sorted) a supervisor may see: the members of the teams it supervises, itself excluded. */
export function agentsVisibleTo(directory: Directory, supervisorId: string): string[] {
  const supervisor = directory.users.get(supervisorId);
  if (!supervisor || !supervisor.roles.includes('Supervisor')) return [];
  const teams = new Set(supervisor.supervises);
  return [...directory.users.values()]
    .filter((u) => u.loginId !== supervisorId && u.teamId !== null && teams.has(u.teamId))
    .map((u) => u.loginId)
    .sort();
}
