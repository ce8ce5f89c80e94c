// The agent summary Finesse lists for each team member (Team/{id} users/User, Team/{id}/Users
// notifications). The full User document has the same fields plus more, so user-xml.ts builds on it.
// Required: loginId and state.
import type { AgentState, ReasonCategory, ReasonCode, TeamUser } from '../types.ts';
import { AGENT_STATES } from '../types.ts';
import { decodeReasonCode, encodeReasonCode } from './reason-code-xml.ts';
import type { XmlElement } from './xml-reader.ts';
import { child, oneOf, optionalText, optionalToken, requiredToken } from './xml-fields.ts';
import { textOrEmpty } from './xml-writer.ts';
import type { XmlTree } from './xml-writer.ts';

/** Reads a required agent state; an unknown state is an error, never mapped to another one. */
function decodeAgentState(parent: XmlElement, name: string): AgentState {
  return oneOf(parent, name, requiredToken(parent, name), AGENT_STATES, 'agent state');
}

/** Reads an optional agent state (<pendingState></pendingState> is null). */
export function decodeOptionalAgentState(parent: XmlElement, name: string): AgentState | null {
  const token = optionalToken(parent, name);
  return token === null ? null : oneOf(parent, name, token, AGENT_STATES, 'agent state');
}

/** The embedded reason code; its id falls back to reasonCodeId or its uri, its category to the state. */
function decodeEmbeddedReasonCode(
  parent: XmlElement,
  reasonCodeId: string | null,
  state: AgentState,
): ReasonCode | null {
  const element = child(parent, 'ReasonCode');
  if (element === undefined || element.value === '') return null;
  const category: ReasonCategory | null = state === 'NOT_READY' || state === 'LOGOUT' ? state : null;
  return decodeReasonCode(element, { id: reasonCodeId, category });
}

/** Decodes the agent summary fields of a <User> element (team member or full user). */
export function decodeTeamUser(element: XmlElement): TeamUser {
  const loginId = requiredToken(element, 'loginId');
  const state = decodeAgentState(element, 'state');
  const reasonCodeId = optionalToken(element, 'reasonCodeId');
  return {
    loginId,
    loginName: optionalText(element, 'loginName'),
    firstName: optionalText(element, 'firstName') ?? '',
    lastName: optionalText(element, 'lastName') ?? '',
    state,
    pendingState: decodeOptionalAgentState(element, 'pendingState'),
    reasonCodeId,
    reasonCode: decodeEmbeddedReasonCode(element, reasonCodeId, state),
    stateChangeTime: optionalToken(element, 'stateChangeTime'),
    extension: optionalToken(element, 'extension'),
  };
}

/** The member content as the Team resource lists it (reason code element named as Finesse does there). */
export function encodeTeamUser(user: TeamUser, reasonCodeTag: 'reasonCode' | 'ReasonCode'): XmlTree {
  const tree: Record<string, XmlTree | string> = {
    // Finesse lists each member with its own URI (Team resource and Team/{id}/Users notifications).
    uri: `/finesse/api/User/${user.loginId}`,
    loginId: user.loginId,
    firstName: user.firstName,
    lastName: user.lastName,
    extension: textOrEmpty(user.extension),
    pendingState: textOrEmpty(user.pendingState),
    state: user.state,
    stateChangeTime: textOrEmpty(user.stateChangeTime),
  };
  if (user.loginName !== null) tree['loginName'] = user.loginName;
  if (user.reasonCodeId !== null) tree['reasonCodeId'] = user.reasonCodeId;
  if (user.reasonCode !== null) tree[reasonCodeTag] = encodeReasonCode(user.reasonCode);
  return tree;
}
