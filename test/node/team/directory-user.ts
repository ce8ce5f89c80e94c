// A Finesse user as the chat service's directory reads it (User—Get List), for the team feed's tests: a login id,
// roles, the user's own team and the teams it supervises; everything else empty.
import type { Role, User } from '../../../src/core/finesse/types.ts';

export function directoryUser(loginId: string, roles: Role[], teamId: string, supervises: string[] = []): User {
  return {
    loginId,
    loginName: loginId,
    firstName: loginId,
    lastName: '',
    state: 'LOGOUT',
    pendingState: null,
    reasonCodeId: null,
    reasonCode: null,
    stateChangeTime: null,
    extension: null,
    roles,
    teamId,
    teamName: `Team ${teamId}`,
    teams: supervises.map((id) => ({ id, name: `Team ${id}`, uri: null })),
    uri: null,
  };
}
