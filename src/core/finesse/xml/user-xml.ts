// The User document (GET User/{id}, User notifications). Required: loginId and state.
// Optional fields absent or empty become null (names become ""), roles and teams become [].
import type { Result } from '../../result.ts';
import type { ParseError, Role, TeamRef, User } from '../types.ts';
import { encodeReasonCode } from './reason-code-xml.ts';
import { decodeTeamUser } from './team-user-xml.ts';
import type { XmlElement, XmlLimits } from './xml-reader.ts';
import { decodeDocument, listOf, oneOf, optionalText, optionalToken, requiredToken, textOf } from './xml-fields.ts';
import { buildXml, textOrEmpty } from './xml-writer.ts';
import type { XmlTree } from './xml-writer.ts';

const ROLES: readonly Role[] = ['Agent', 'Supervisor', 'Administrator'];

/** Decodes a <User> element. */
export function decodeUser(element: XmlElement): User {
  const summary = decodeTeamUser(element);
  return {
    ...summary,
    roles: listOf(element, 'roles', 'role').map((role) => {
      const token = textOf(role).trim();
      return oneOf(role, 'role', token, ROLES, 'role');
    }),
    teamId: optionalToken(element, 'teamId'),
    teamName: optionalText(element, 'teamName'),
    teams: listOf(element, 'teams', 'Team').map(decodeTeamRef),
    uri: optionalToken(element, 'uri'),
  };
}

function decodeTeamRef(element: XmlElement): TeamRef {
  return {
    id: requiredToken(element, 'id'),
    name: optionalText(element, 'name') ?? '',
    uri: optionalToken(element, 'uri'),
  };
}

/** The <User> content in the order Finesse documents it. */
export function encodeUser(user: User): XmlTree {
  const tree: Record<string, XmlTree | string | readonly XmlTree[]> = {
    uri: textOrEmpty(user.uri),
    roles: { role: user.roles },
    loginId: user.loginId,
    loginName: textOrEmpty(user.loginName),
    state: user.state,
    stateChangeTime: textOrEmpty(user.stateChangeTime),
    pendingState: textOrEmpty(user.pendingState),
    reasonCodeId: textOrEmpty(user.reasonCodeId),
  };
  if (user.reasonCode !== null) tree['ReasonCode'] = encodeReasonCode(user.reasonCode);
  Object.assign(tree, {
    extension: textOrEmpty(user.extension),
    firstName: user.firstName,
    lastName: user.lastName,
    teamId: textOrEmpty(user.teamId),
    teamName: textOrEmpty(user.teamName),
    dialogs: `/finesse/api/User/${user.loginId}/Dialogs`,
  });
  if (user.teams.length > 0) {
    tree['teams'] = { Team: user.teams.map((team) => ({ uri: textOrEmpty(team.uri), id: team.id, name: team.name })) };
  }
  return tree;
}

/** Parses a <User> document (REST body or notification data). */
export function parseUser(xml: string, options?: XmlLimits): Result<User, ParseError> {
  return decodeDocument(xml, options, { root: 'User', doc: 'Finesse User document' }, decodeUser);
}

/** Serializes a User as Finesse's <User> body. */
export function userToXml(user: User): string {
  return buildXml('User', encodeUser(user));
}
