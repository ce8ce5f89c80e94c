// A blending decision on the wire (docs/xmpp-chat-profile.md, "Decisions"): `<decision/>` with the decision's kind,
// time and typed cause as attributes, codes and numbers only. The agent sends its latest decision with its
// availability; the router keeps the last few per agent and hands them to the agent's supervisors. Both ends read
// and write through this one schema, so they cannot disagree. Free text never travels: an error's own text
// (`detail`) is left out, and a reason label is a Finesse reason code's label (an administrator's setting, at most
// 40 characters, one line), never anything a customer wrote.
import { $build, type Builder } from 'strophe.js';
import type { DecisionEntry, DecisionKind } from '../../../blending/decision-log.ts';
import type { LogCause } from '../../../blending/causes.ts';
import { attr } from '../dom-read.ts';
import { NS_CHAT } from '../namespaces.ts';

/**
 * A field's type: n a whole number; b true/false; t? a token (letters, digits, `_.:-`) or none; l / l? a reason label
 * (or none); x free text, never sent (read back as ''); p a retry's problem (timeout / unavailable, else not sent);
 * f an offer's reservation failure (refused / unavailable / none); rs a requested state; else a nested union or record.
 */
type FieldType = 'n' | 'b' | 't?' | 'l' | 'l?' | 'x' | 'p' | 'f' | 'rs' | 'request' | UnionName;
type UnionName = 'log' | 'hold' | 'reason' | 'work' | 'chat' | 'voice';
type Fields = Readonly<Record<string, FieldType>>;

const HOLD: Record<string, Fields> = {
  'finesse-down': {},
  'node-move': { from: 't?', to: 't?' },
  'notifications-down': {},
};
const REASON: Record<string, Fields> = {
  label: { label: 'l' },
  code: { code: 'n' },
  id: { id: 't?' },
  none: {},
  'signing-out': {},
};
const WORK: Record<string, Fields> = {
  'wrap-up': {},
  reserved: {},
  'acd-state': {},
  'acd-call': { callType: 't?' },
  'unknown-call': {},
};
const CHAT: Record<string, Fields> = {
  'chat-server-down': {},
  'voice-unknown': {},
  'signed-out': {},
  holding: { hold: 'hold', continuing: 'n' },
  'routed-work': { work: 'work', continuing: 'n' },
  'internal-call': { callType: 't?' },
  'agent-chose-not-ready': { continuing: 'n' },
  'voice-not-ready': { reason: 'reason', continuing: 'n' },
  'voice-transient': { state: 't?' },
  'chats-full': { count: 'n', max: 'n' },
  'chats-active': { count: 'n', max: 'n' },
  'chat-idle': {},
  'taking-over': {},
};
const VOICE: Record<string, Fields> = {
  'reserve-for-chat': { label: 'l' },
  'answer-ready': { label: 'l', count: 'n' },
  'pending-after-call': { label: 'l', count: 'n' },
  'leave-wrap-up': { label: 'l', count: 'n' },
  'ready-after-call': {},
  'restore-ready': {},
};
const LOG: Record<string, Fields> = {
  'declined-holding': { hold: 'hold' },
  'declined-reservation': { failure: 'f' },
  'declined-unavailable': { chat: 'chat' },
  'declined-full': { max: 'n' },
  'declined-voice': { state: 't?' },
  'declined-by-agent': {},
  'wait-voice-busy': {},
  'wait-reserve': { label: 'l' },
  'chat-accepted': { label: 'l', count: 'n' },
  'chats-handed-back': { count: 'n' },
  'voice-request': { intent: 'voice', attempt: 'n', maxAttempts: 'n' },
  'voice-confirmed': { request: 'request' },
  'voice-refused': { request: 'request' },
  'voice-refused-during-call': { request: 'request' },
  'voice-retry': { request: 'request', problem: 'p', delayMs: 'n' },
  'voice-failed': { request: 'request', detail: 'x' },
  'reread-failed': { detail: 'x' },
  'accept-failed': { detail: 'x' },
  'hand-back-failed': { detail: 'x' },
  'chat-availability': { chat: 'chat', signedIn: 'b' },
  'holding-still': { hold: 'hold' },
  'finesse-back': {},
  'owner-here': {},
  'owner-elsewhere': {},
};
const UNIONS: Readonly<Record<UnionName, Record<string, Fields>>> = {
  log: LOG,
  hold: HOLD,
  reason: REASON,
  work: WORK,
  chat: CHAT,
  voice: VOICE,
};
const REQUEST: Fields = { state: 'rs', label: 'l?' };

const DECISION_KINDS: readonly DecisionKind[] = [
  'voice-request',
  'voice-confirmed',
  'voice-refused',
  'voice-retry',
  'voice-failed',
  'chat-availability',
  'offer-accepted',
  'offer-declined',
  'chats-handed-back',
  'hold-still',
  'recovered',
  'ownership',
];

const TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;
const LABEL_MAX = 40;

/** A reason label as it may travel: one line, no control characters, at most 40 characters; null if nothing is left. */
function wireLabel(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const label = value
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LABEL_MAX);
  return label === '' ? null : label;
}

const isUnion = (type: FieldType): type is UnionName => type in UNIONS;
const fieldPath = (prefix: string, field: string): string => (prefix === '' ? field : `${prefix}.${field}`);

function encodeValue(value: unknown, type: FieldType, path: string, out: Record<string, string>): void {
  if (isUnion(type) || type === 'request') {
    const obj = (value ?? {}) as Record<string, unknown>;
    let fields = REQUEST;
    // A union's kind sits at its own path (the top level's in `cause`); its fields below it.
    const prefix = path === 'cause' ? '' : path;
    if (type !== 'request') {
      const kind = String(obj['kind']);
      fields = UNIONS[type][kind] ?? {};
      out[path] = kind;
    }
    for (const [field, fieldType] of Object.entries(fields))
      encodeValue(obj[field], fieldType, fieldPath(prefix, field), out);
    return;
  }
  switch (type) {
    case 'n':
      if (typeof value === 'number' && Number.isFinite(value)) out[path] = String(Math.max(0, Math.round(value)));
      return;
    case 'b':
      out[path] = value === true ? 'true' : 'false';
      return;
    case 't?':
    case 'f':
    case 'rs':
      if (typeof value === 'string' && TOKEN.test(value)) out[path] = value;
      return;
    case 'l':
    case 'l?': {
      const label = wireLabel(value);
      if (label !== null) out[path] = label;
      return;
    }
    case 'p':
      if (value === 'timeout' || value === 'unavailable') out[path] = value;
      return;
    case 'x':
      return;
  }
}

/** Reads a value of `type` at `path`; undefined when it is missing or malformed. */
function decodeValue(el: Element, type: FieldType, path: string): unknown {
  if (isUnion(type) || type === 'request') {
    const prefix = path === 'cause' ? '' : path;
    let fields = REQUEST;
    const obj: Record<string, unknown> = {};
    if (type !== 'request') {
      const kind = attr(el, path);
      const known = kind === null ? undefined : UNIONS[type][kind];
      if (kind === null || known === undefined) return undefined;
      fields = known;
      obj['kind'] = kind;
    }
    for (const [field, fieldType] of Object.entries(fields)) {
      const value = decodeValue(el, fieldType, fieldPath(prefix, field));
      if (value === undefined) return undefined;
      obj[field] = value;
    }
    return obj;
  }
  const raw = attr(el, path);
  switch (type) {
    case 'n':
      return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
    case 'b':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 't?':
      return raw === null ? null : TOKEN.test(raw) ? raw : undefined;
    case 'f':
      return raw === null ? null : raw === 'refused' || raw === 'unavailable' ? raw : undefined;
    case 'rs':
      return raw === 'READY' || raw === 'NOT_READY' ? raw : undefined;
    case 'l':
      return raw === null ? undefined : (wireLabel(raw) ?? undefined);
    case 'l?':
      return raw === null ? null : wireLabel(raw);
    case 'p':
      return raw === 'timeout' || raw === 'unavailable' ? raw : '';
    case 'x':
      return '';
  }
}

/** The attributes of `<decision/>` for an entry: kind, seq, at (ISO time) and the cause. */
export function decisionAttrs(entry: DecisionEntry): Record<string, string> {
  const out: Record<string, string> = {
    kind: entry.kind,
    seq: String(entry.seq),
    at: new Date(entry.at).toISOString(),
  };
  encodeValue(entry.cause, 'log', 'cause', out);
  return out;
}

/** `<decision/>` in the chat namespace. */
export function decisionElement(entry: DecisionEntry): Builder {
  return $build('decision', { xmlns: NS_CHAT, ...decisionAttrs(entry) });
}

/** Reads a `<decision/>` element; null when anything in it is malformed or unknown. */
export function readDecision(el: Element): DecisionEntry | null {
  const kind = attr(el, 'kind');
  if (kind === null || !(DECISION_KINDS as readonly string[]).includes(kind)) return null;
  const seq = attr(el, 'seq');
  const at = Date.parse(attr(el, 'at') ?? '');
  if (seq === null || !/^\d{1,10}$/.test(seq) || Number.isNaN(at)) return null;
  const cause = decodeValue(el, 'log', 'cause');
  if (cause === undefined) return null;
  return { kind: kind as DecisionKind, seq: Number(seq), at, cause: cause as LogCause };
}
