// The Finesse REST API under /finesse/api/ for one node: XML in and out through src/core/finesse/xml,
// Basic auth, 202 + requestId for commands, <ApiErrors> for synchronous failures, 503 when the node is out
// of service (SystemInfo still answers, saying OUT_OF_SERVICE, as the desktop's failover relies on).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  apiErrorsToXml,
  dialogToXml,
  dialogsToXml,
  parseDialogRequest,
  parseUserRequest,
  reasonCodesToXml,
  systemInfoToXml,
  teamToXml,
  userToXml,
  usersToXml,
} from '../../src/core/finesse/xml/index.ts';
import { encodeReasonCode } from '../../src/core/finesse/xml/reason-code-xml.ts';
import { buildXml } from '../../src/core/finesse/xml/xml-writer.ts';
import type { ParseError } from '../../src/core/finesse/types.ts';
import type { Result } from '../../src/core/result.ts';
import { failure, type ApiFailure } from './api-failure.ts';
import type { NodeName } from './control-types.ts';
import { basicCredentials, readBody, sendEmpty, sendXml } from './http-io.ts';
import type { SeedAccount } from './seed.ts';
import type { SimWorld } from './sim-world.ts';

const API_PREFIX = '/finesse/api/';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function sendFailure(res: ServerResponse, f: ApiFailure, headers: Readonly<Record<string, string>> = {}): void {
  sendXml(res, f.status, apiErrorsToXml(f.errors, { form: 'sync' }), headers);
}

/** How a body the parser refused is reported: a missing field, a bad value, or an unreadable document. */
function bodyFailure(error: ParseError): ApiFailure {
  if (error.code === 'MISSING_FIELD') return failure(400, 'Parameter Missing', error.message, error.path ?? null);
  if (error.code === 'INVALID_VALUE') return failure(400, 'Invalid Input', error.message, error.path ?? null);
  return failure(400, 'Bad Request', error.message, error.path ?? null);
}

function segmentsOf(path: string): string[] | null {
  try {
    return path
      .slice(API_PREFIX.length)
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/** Handles a request under /finesse/api/ for `node`; false for any other path. */
export async function handleFinesseApi(
  world: SimWorld,
  node: NodeName,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith(API_PREFIX)) return false;
  const method = req.method ?? 'GET';
  const headerId = req.headers['requestid'];
  const requestId = typeof headerId === 'string' && REQUEST_ID.test(headerId) ? headerId : randomUUID();
  let actorId: string | null = null;
  res.on('finish', () => {
    world.logRequest({
      at: new Date().toISOString(),
      node,
      method,
      path: url.pathname,
      user: actorId,
      status: res.statusCode,
      requestId: method === 'GET' ? null : requestId,
    });
  });

  const segments = segmentsOf(url.pathname);
  const [resource, id, sub, subId] = segments ?? [];
  const isSystemInfo = segments !== null && segments.length === 1 && resource === 'SystemInfo';

  if (isSystemInfo && method === 'GET') {
    // SystemInfo answers even out of service, without credentials: it is how clients find a live node.
    sendXml(res, 200, systemInfoToXml(world.systemInfo(node)));
    return true;
  }
  if (!world.inService(node)) {
    sendFailure(res, failure(503, 'Service Unavailable', 'SERVER_OUT_OF_SERVICE'));
    return true;
  }
  const credentials = basicCredentials(req);
  if (segments !== null && segments.length === 1 && resource === 'Users') {
    if (credentials !== null && world.authenticateAdministrator(credentials.username, credentials.password)) {
      actorId = credentials.username;
      if (method !== 'GET') return notAllowed(res);
      sendXml(res, 200, usersToXml(world.users()));
      return true;
    }
    // Only administrators may list users: an agent's or supervisor's good credentials are refused like bad ones.
    sendFailure(
      res,
      failure(401, 'Unauthorized', 'Only an administrator may list the users', credentials?.username ?? null),
    );
    return true;
  }
  if (segments !== null && segments.length === 2 && resource === 'ReasonCode' && method === 'DELETE') {
    // ReasonCode—Delete (developer guide 12.5(1), Configuration APIs): administrators only, on the primary node.
    if (credentials === null || !world.authenticateAdministrator(credentials.username, credentials.password)) {
      sendFailure(res, failure(401, 'Authorization Failure', 'UNAUTHORIZED', credentials?.username ?? null));
      return true;
    }
    actorId = credentials.username;
    if (node !== 'primary') {
      sendFailure(
        res,
        failure(403, 'Forbidden', 'Configuration APIs cannot be run against the secondary Finesse server'),
      );
      return true;
    }
    const codeId = segments[1] ?? '';
    if (!world.deleteReasonCode(codeId))
      sendFailure(res, failure(404, 'Not Found', `Reason code ${codeId} does not exist`));
    else sendEmpty(res, 200, {});
    return true;
  }
  const actor = credentials === null ? null : world.authenticate(credentials.username, credentials.password);
  if (actor === null) {
    sendFailure(res, failure(401, 'Authorization Failure', 'UNAUTHORIZED', credentials?.username ?? null));
    return true;
  }
  actorId = actor.id;
  if (segments === null || resource === undefined) {
    sendFailure(res, failure(404, 'Not Found', 'No such resource'));
    return true;
  }

  /** A request with an XML body: read and parse it, hand it to the world, and answer 202 or the failure. */
  const submit = async <T>(
    parse: (xml: string) => Result<T, ParseError>,
    act: (request: T) => Result<void, ApiFailure>,
  ): Promise<true> => {
    const text = await readBody(req);
    if (text === null) {
      sendFailure(res, failure(413, 'Bad Request', 'The request body is too large'));
      return true;
    }
    const parsed = parse(text);
    if (!parsed.ok) {
      sendFailure(res, bodyFailure(parsed.error), { requestId });
      return true;
    }
    const outcome = act(parsed.value);
    if (outcome.ok) sendEmpty(res, 202, { requestId });
    else sendFailure(res, outcome.error, { requestId });
    return true;
  };

  if (resource === 'User' && id !== undefined) {
    const target = world.account(id);
    if (target === null) {
      sendFailure(res, failure(404, 'Not Found', `User ${id} does not exist`));
      return true;
    }
    const mayRead = actor.id === id || world.supervises(actor, target);
    if (sub === undefined) {
      if (method === 'GET') {
        if (!mayRead) return deny(res, actor);
        const user = world.user(id);
        if (user !== null) sendXml(res, 200, userToXml(user));
        return true;
      }
      if (method === 'PUT')
        return submit(parseUserRequest, (request) => world.changeState(actor, id, request, requestId));
      return notAllowed(res);
    }
    if (sub === 'Dialogs' && subId === undefined) {
      if (method === 'GET') {
        if (!mayRead) return deny(res, actor);
        sendXml(res, 200, dialogsToXml(world.dialogsOf(id)));
        return true;
      }
      if (method === 'POST')
        return submit(parseDialogRequest, (request) => world.makeCall(actor, id, request, requestId));
      return notAllowed(res);
    }
    if (sub === 'ReasonCodes' && subId === undefined && method === 'GET') {
      if (actor.id !== id) return deny(res, actor);
      return reasonCodeList(world, res, url);
    }
    if (sub === 'ReasonCode' && subId !== undefined && method === 'GET') {
      if (actor.id !== id) return deny(res, actor);
      const code = world.reasonCode(subId);
      if (code === null) sendFailure(res, failure(404, 'Not Found', `Reason code ${subId} does not exist`));
      else sendXml(res, 200, buildXml('ReasonCode', encodeReasonCode(code)));
      return true;
    }
  }

  if (resource === 'TeamResource' && id !== undefined && sub === 'ReasonCodes' && method === 'GET') {
    if (!world.teamExists(id)) {
      sendFailure(res, failure(404, 'Not Found', `Team ${id} does not exist`));
      return true;
    }
    if (actor.teamId !== id && !actor.supervises.includes(id)) return deny(res, actor);
    return reasonCodeList(world, res, url, true);
  }

  if (resource === 'Team' && id !== undefined && sub === undefined && method === 'GET') {
    const team = world.team(id);
    if (team === null) {
      sendFailure(res, failure(404, 'Not Found', `Team ${id} does not exist`));
      return true;
    }
    if (!actor.supervises.includes(id)) {
      sendFailure(res, failure(401, 'Authorization Failure', 'Only a supervisor of this team can read it', actor.id));
      return true;
    }
    sendXml(res, 200, teamToXml(team));
    return true;
  }

  if (resource === 'Dialog' && id !== undefined && sub === undefined) {
    const dialog = world.dialog(id);
    if (method === 'GET') {
      if (dialog === null || !world.dialogsOf(actor.id).some((d) => d.id === id)) {
        sendFailure(res, failure(404, 'Not Found', `Dialog ${id} does not exist`));
      } else {
        sendXml(res, 200, dialogToXml(dialog));
      }
      return true;
    }
    if (method === 'PUT')
      return submit(parseDialogRequest, (request) => world.dialogAction(actor, id, request, requestId));
    return notAllowed(res);
  }

  sendFailure(res, failure(404, 'Not Found', 'No such resource'));
  return true;
}

function deny(res: ServerResponse, actor: SeedAccount): true {
  sendFailure(
    res,
    failure(
      401,
      'Invalid Authorization User Specified',
      'The authenticated user tried to act for another user',
      actor.id,
    ),
  );
  return true;
}

function notAllowed(res: ServerResponse): true {
  sendFailure(res, failure(405, 'Method Not Allowed', 'This resource does not support that method'));
  return true;
}

function reasonCodeList(world: SimWorld, res: ServerResponse, url: URL, allowAll = false): true {
  const category = url.searchParams.get('category');
  if (category !== 'NOT_READY' && category !== 'LOGOUT' && !(allowAll && category === 'ALL')) {
    sendFailure(
      res,
      failure(400, 'Bad Request', 'The category parameter is required (NOT_READY or LOGOUT)', 'category'),
    );
    return true;
  }
  sendXml(res, 200, reasonCodesToXml(world.reasonCodes(category)));
  return true;
}
