// The JSON control API under /control/ (dev and test only, no auth, primary listener only). Each route maps
// to one SimulatorControl function; sim/README.md lists them with curl examples.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControlResult, InternalCallKind, SimulatorControl } from './control-types.ts';
import { readBody, sendJson } from './http-io.ts';
import type { SystemReason } from './seed.ts';

const PREFIX = '/control/';
const KINDS: readonly InternalCallKind[] = ['direct', 'transfer', 'consult', 'conference'];

type Json = Record<string, unknown>;

class BadRequest extends Error {}

function str(body: Json, name: string, required: true): string;
function str(body: Json, name: string, required: false): string | undefined;
function str(body: Json, name: string, required: boolean): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new BadRequest(`"${name}" is required`);
    return undefined;
  }
  if (typeof value !== 'string' || value.length > 65_536) throw new BadRequest(`"${name}" must be a string`);
  return value;
}

function bool(body: Json, name: string): boolean {
  const value = body[name];
  if (typeof value !== 'boolean') throw new BadRequest(`"${name}" must be true or false`);
  return value;
}

function stringMap(body: Json, name: string): Record<string, string> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadRequest(`"${name}" must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new BadRequest(`"${name}.${k}" must be a string`);
    out[k] = v;
  }
  return out;
}

async function jsonBody(req: IncomingMessage): Promise<Json> {
  const text = await readBody(req);
  if (text === null) throw new BadRequest('body too large');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequest('body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadRequest('body must be a JSON object');
  return value as Json;
}

function answer<T>(res: ServerResponse, result: ControlResult<T>, okStatus = 200): void {
  if (result.ok) sendJson(res, okStatus, result.value === undefined ? { ok: true } : result.value);
  else sendJson(res, result.error.status, { error: result.error.message });
}

/** Handles /control/...; false for other paths. */
export async function handleControl(
  control: SimulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith(PREFIX)) return false;
  const method = req.method ?? 'GET';
  let parts: string[];
  try {
    parts = url.pathname
      .slice(PREFIX.length)
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    sendJson(res, 400, { error: 'bad path' });
    return true;
  }
  const route = `${method} ${parts.map((p, i) => (isParam(parts, i) ? ':' : p)).join('/')}`;
  try {
    switch (route) {
      case 'GET state':
        sendJson(res, 200, control.state());
        return true;
      case 'POST reset':
        await control.reset();
        sendJson(res, 200, { ok: true });
        return true;
      case 'POST calls/acd': {
        const body = await jsonBody(req);
        const callVariables = stringMap(body, 'callVariables');
        const fromAddress = str(body, 'fromAddress', false);
        const dialedNumber = str(body, 'dialedNumber', false);
        answer(
          res,
          await control.placeAcdCall({
            agentId: str(body, 'agentId', true),
            ...(fromAddress !== undefined ? { fromAddress } : {}),
            ...(dialedNumber !== undefined ? { dialedNumber } : {}),
            ...(callVariables !== undefined ? { callVariables } : {}),
          }),
          201,
        );
        return true;
      }
      case 'POST calls/internal': {
        const body = await jsonBody(req);
        const kind = str(body, 'kind', true);
        if (!(KINDS as readonly string[]).includes(kind))
          throw new BadRequest(`"kind" must be one of ${KINDS.join(', ')}`);
        const fromAddress = str(body, 'fromAddress', false);
        answer(
          res,
          await control.placeInternalCall({
            agentId: str(body, 'agentId', true),
            kind: kind as InternalCallKind,
            ...(fromAddress !== undefined ? { fromAddress } : {}),
          }),
          201,
        );
        return true;
      }
      case 'POST calls/:/end':
        answer(res, await control.endCall({ dialogId: parts[1] ?? '' }));
        return true;
      case 'POST calls/:/ring-no-answer':
        answer(res, await control.ringNoAnswer({ dialogId: parts[1] ?? '' }));
        return true;
      case 'PUT agents/:/wrap-up': {
        const body = await jsonBody(req);
        answer(res, await control.setWrapUp({ agentId: parts[1] ?? '', enabled: bool(body, 'enabled') }));
        return true;
      }
      case 'POST agents/:/wrap-up/expire':
        answer(res, await control.expireWrapUp({ agentId: parts[1] ?? '' }));
        return true;
      case 'POST agents/:/outbound/reserve': {
        const body = await jsonBody(req);
        const preview = body['preview'];
        if (preview !== undefined && typeof preview !== 'boolean')
          throw new BadRequest('"preview" must be true or false');
        answer(res, await control.reserveOutbound({ agentId: parts[1] ?? '', preview: preview === true }));
        return true;
      }
      case 'POST agents/:/outbound/connect': {
        const body = await jsonBody(req);
        const fromAddress = str(body, 'fromAddress', false);
        answer(
          res,
          await control.connectOutbound({
            agentId: parts[1] ?? '',
            ...(fromAddress !== undefined ? { fromAddress } : {}),
          }),
          201,
        );
        return true;
      }
      case 'POST agents/:/outbound/close':
        answer(res, await control.closeOutboundReservation({ agentId: parts[1] ?? '' }));
        return true;
      case 'POST agents/:/unknown':
        answer(res, await control.markUnknown({ agentId: parts[1] ?? '' }));
        return true;
      case 'POST agents/:/system-not-ready': {
        const body = await jsonBody(req);
        answer(
          res,
          await control.systemNotReady({ agentId: parts[1] ?? '', reason: str(body, 'reason', true) as SystemReason }),
        );
        return true;
      }
      case 'PUT nodes/:': {
        const body = await jsonBody(req);
        const node = parts[1];
        if (node !== 'primary' && node !== 'secondary') throw new BadRequest('node must be primary or secondary');
        answer(res, await control.setNodeInService({ node, inService: bool(body, 'inService') }));
        return true;
      }
      case 'POST notifications': {
        const body = await jsonBody(req);
        answer(
          res,
          await control.injectNotification({ node: str(body, 'node', true), payload: str(body, 'payload', true) }),
        );
        return true;
      }
      default:
        sendJson(res, 404, { error: `No control route ${method} ${url.pathname}; see sim/README.md` });
        return true;
    }
  } catch (error) {
    if (error instanceof BadRequest) {
      sendJson(res, 400, { error: error.message });
      return true;
    }
    throw error;
  }
}

/** Which path segments are ids: calls/{dialogId}/..., agents/{id}/..., nodes/{name}. */
function isParam(parts: readonly string[], index: number): boolean {
  if (index !== 1) return false;
  const head = parts[0];
  if (head === 'agents' || head === 'nodes') return true;
  return head === 'calls' && parts.length > 2;
}
