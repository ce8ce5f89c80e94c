// The Team document (GET Team/{id}, Team notifications): id, name and the members under users/User.
// Required: id (and each member's loginId and state).
import type { Result } from '../../result.ts';
import type { ParseError, Team } from '../types.ts';
import { decodeTeamUser, encodeTeamUser } from './team-user-xml.ts';
import type { XmlElement, XmlLimits } from './xml-reader.ts';
import { decodeDocument, listOf, optionalText, optionalToken, requiredToken } from './xml-fields.ts';
import { buildXml, textOrEmpty } from './xml-writer.ts';
import type { XmlTree } from './xml-writer.ts';

/** Decodes a <Team> element. */
export function decodeTeam(element: XmlElement): Team {
  return {
    id: requiredToken(element, 'id'),
    name: optionalText(element, 'name') ?? '',
    users: listOf(element, 'users', 'User').map(decodeTeamUser),
    uri: optionalToken(element, 'uri'),
  };
}

/** The <Team> content in the order Finesse documents it. */
export function encodeTeam(team: Team): XmlTree {
  return {
    uri: textOrEmpty(team.uri),
    id: team.id,
    name: team.name,
    users: { User: team.users.map((user) => encodeTeamUser(user, 'reasonCode')) },
  };
}

/** Parses a <Team> document. */
export function parseTeam(xml: string, options?: XmlLimits): Result<Team, ParseError> {
  return decodeDocument(xml, options, { root: 'Team', doc: 'Finesse Team document' }, decodeTeam);
}

/** Serializes a Team as Finesse's <Team> body. */
export function teamToXml(team: Team): string {
  return buildXml('Team', encodeTeam(team));
}
