// The notification envelope: <Update><event/><requestId/><source/><data>ROOT</data></Update>.
// Tag case varies in real Finesse (Update/update, user/User, dialogs/Dialogs, apiErrors/ApiErrors...),
// so the envelope and the data root match in any case. Required: event (PUT|POST|DELETE, any case)
// and source. The data root decides the UpdateData kind:
//   user -> user, or teamUser when the node it arrived on is Team/{id}/Users (Finesse's source there is the
//     member's own /finesse/api/User/{id}, so only the node tells; a Team/{id}/Users source is accepted too)
//   dialogs -> dialogs (POST: the new dialog; DELETE: the dialog that went away), Dialog -> dialog (PUT from
//     /finesse/api/Dialog/{id}: one changed dialog), team -> team,
//   SystemInfo -> systemInfo, apiErrors -> apiErrors,
//   any other well-formed root -> unknown (by name); no data at all (Finesse sends none when a user
//   is deleted) -> unknown with root "".
import type { Result } from '../../result.ts';
import type { ParseError, Update, UpdateData, UpdateEvent } from '../types.ts';
import { decodeApiErrorList, encodeApiErrors } from './api-errors-xml.ts';
import { decodeDialog, decodeDialogList, encodeDialog } from './dialog-xml.ts';
import { decodeSystemInfo, encodeSystemInfo } from './system-info-xml.ts';
import { decodeTeam, encodeTeam } from './team-xml.ts';
import { decodeTeamUser, encodeTeamUser } from './team-user-xml.ts';
import { decodeUser, encodeUser } from './user-xml.ts';
import { isXmlMap } from './xml-reader.ts';
import type { XmlElement, XmlLimits } from './xml-reader.ts';
import { child, decodeDocument, fail, oneOf, optionalToken, requiredToken } from './xml-fields.ts';
import { buildXml, textOrEmpty } from './xml-writer.ts';
import type { XmlNodeContent, XmlTree } from './xml-writer.ts';

const UPDATE_EVENTS: readonly UpdateEvent[] = ['PUT', 'POST', 'DELETE'];

/** Limits plus where the notification arrived, which tells a team member's <user> from the agent's own. */
interface UpdateParseOptions extends XmlLimits {
  /** The pubsub node or hub topic, e.g. "/finesse/api/Team/1004/Users" or "finesse.api.Team.1004.Users". */
  readonly node?: string;
}

/** Decodes an <Update> element. */
function decodeUpdate(element: XmlElement, node?: string): Update {
  const event = oneOf(
    element,
    'event',
    requiredToken(element, 'event').toUpperCase(),
    UPDATE_EVENTS,
    'notification event',
  );
  const source = requiredToken(element, 'source');
  return {
    event,
    requestId: optionalToken(element, 'requestId'),
    source,
    data: decodeData(element, isTeamUsersAddress(source) || (node !== undefined && isTeamUsersAddress(node))),
  };
}

function decodeData(update: XmlElement, teamMembers: boolean): UpdateData {
  const data = child(update, 'data');
  if (data === undefined || !isXmlMap(data.value)) {
    if (data !== undefined && typeof data.value === 'string' && data.value.trim() !== '') {
      fail(
        'INVALID_VALUE',
        data.path,
        `The ${data.doc} has text inside <data> where one element was expected (${data.path}).`,
      );
    }
    return { kind: 'unknown', root: '' };
  }
  const names = Object.keys(data.value).filter((name) => name !== '#text');
  const [name] = names;
  if (name === undefined) return { kind: 'unknown', root: '' };
  if (names.length > 1) {
    fail(
      'INVALID_VALUE',
      data.path,
      `The ${data.doc} has ${names.length} elements inside <data> where one was expected (${data.path}).`,
    );
  }
  const root = child(data, name);
  if (root === undefined) return { kind: 'unknown', root: '' };
  switch (name.toLowerCase()) {
    case 'user':
      return teamMembers ? { kind: 'teamUser', user: decodeTeamUser(root) } : { kind: 'user', user: decodeUser(root) };
    case 'dialogs':
      return { kind: 'dialogs', dialogs: decodeDialogList(root) };
    case 'dialog':
      return { kind: 'dialog', dialog: decodeDialog(root) };
    case 'team':
      return { kind: 'team', team: decodeTeam(root) };
    case 'systeminfo':
      return { kind: 'systemInfo', systemInfo: decodeSystemInfo(root) };
    case 'apierrors':
      return { kind: 'apiErrors', errors: decodeApiErrorList(root) };
    default:
      return { kind: 'unknown', root: name };
  }
}

/** True for /finesse/api/Team/{id}/Users in slash (node) or dot (hub topic) form. */
export function isTeamUsersAddress(address: string): boolean {
  const segments = address.split(/[/.]/).filter((segment) => segment !== '');
  const last = segments.length - 1;
  return last >= 2 && segments[last]?.toLowerCase() === 'users' && segments[last - 2]?.toLowerCase() === 'team';
}

// A name we may write as an element: only what an unknown root read from a document can look like.
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function encodeData(data: UpdateData): XmlNodeContent {
  switch (data.kind) {
    case 'user':
      return { user: encodeUser(data.user) };
    case 'teamUser':
      return { user: encodeTeamUser(data.user, 'ReasonCode') };
    case 'dialogs':
      return { dialogs: { Dialog: data.dialogs.map(encodeDialog) } };
    case 'dialog':
      return { Dialog: encodeDialog(data.dialog) };
    case 'team':
      return { team: encodeTeam(data.team) };
    case 'systemInfo':
      return { SystemInfo: encodeSystemInfo(data.systemInfo) };
    case 'apiErrors':
      return { apiErrors: encodeApiErrors(data.errors, 'async') };
    case 'unknown': {
      // Only the name of an unknown root is kept, so it is written back empty.
      const tree: Record<string, string> = {};
      if (ELEMENT_NAME.test(data.root)) tree[data.root] = '';
      return tree as XmlTree;
    }
  }
}

/** Parses a notification <Update> envelope and its data. */
export function parseUpdate(xml: string, options?: UpdateParseOptions): Result<Update, ParseError> {
  return decodeDocument(xml, options, { root: 'Update', doc: 'Finesse notification' }, (root) =>
    decodeUpdate(root, options?.node),
  );
}

/** Serializes a notification as Finesse publishes it. */
export function updateToXml(update: Update): string {
  return buildXml('Update', {
    event: update.event,
    requestId: textOrEmpty(update.requestId),
    source: update.source,
    data: encodeData(update.data),
  });
}
