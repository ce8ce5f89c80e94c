// The chat service's configuration file (JSON): read, checked and turned into settings, with one sentence per
// problem saying what is wrong and how to fix it. The router's password may come from the environment instead.
import type { StoreConfig } from '../store/open-store.ts';

/** The checked settings the service runs with. */
export interface ChatServiceConfig {
  /** The XMPP server's WebSocket (ws:, wss:) or BOSH (http:, https:) URL the router connects to. */
  readonly xmppService: string;
  /** The URL customers' browsers connect to (default: xmppService). */
  readonly customerXmppService: string;
  /** The agents' XMPP domain. */
  readonly domain: string;
  /** The MUC service chat rooms are created on (default: conference.<domain>). */
  readonly mucDomain: string;
  /** The anonymous host customers sign in to. */
  readonly guestDomain: string;
  /** The router account's local part (its JID is username@domain). */
  readonly username: string;
  readonly password: string;
  /** Where the customer page (/chat/) and the ops endpoints listen. */
  readonly http: { readonly host: string; readonly port: number };
  readonly offerTimeoutMs: number;
  readonly maxChatsPerAgent: number;
  /**
   * Where chats, agents and transcripts are kept: the embedded database in a directory (the file's default), or a
   * PostgreSQL server (which two instances can share, one active and one standby). Absent only where a host
   * builds the service without one (routing tests): nothing then outlives the process.
   */
  readonly store?: StoreConfig;
}

/** The environment variable the PostgreSQL store's password comes from. */
export const DB_PASSWORD_ENV = 'CHAT_SERVICE_DB_PASSWORD';

/** The embedded store's directory when the file names none (relative to the service's working directory). */
export const DEFAULT_STORE_DIR = './chat-service-data';

/** The environment variable the router's password may come from; it wins over the file. */
export const PASSWORD_ENV = 'CHAT_SERVICE_PASSWORD';

export type ConfigResult =
  | { readonly ok: true; readonly config: ChatServiceConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

const KNOWN = new Set([
  'xmppService',
  'customerXmppService',
  'domain',
  'mucDomain',
  'guestDomain',
  'routerJid',
  'password',
  'http',
  'offerTimeoutSeconds',
  'maxChatsPerAgent',
  'store',
]);

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

function xmppUrlProblem(name: string, value: unknown): string | null {
  if (typeof value !== 'string' || value === '')
    return `"${name}" is missing: set it to the XMPP server's WebSocket URL (wss://host/xmpp-websocket) or BOSH URL (https://host/http-bind).`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${name}" is not a URL ("${value}"): write it in full, e.g. wss://xmpp.example.com/xmpp-websocket.`;
  }
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol))
    return `"${name}" uses ${url.protocol} which is neither WebSocket nor BOSH: use a ws://, wss://, http:// or https:// URL.`;
  return null;
}

function domainProblem(name: string, value: unknown, example: string): string | null {
  if (typeof value !== 'string' || value === '')
    return `"${name}" is missing: set it to a domain name, e.g. "${example}".`;
  if (!DOMAIN.test(value))
    return `"${name}" ("${value}") is not a domain name: use letters, digits, dots and hyphens, e.g. "${example}".`;
  return null;
}

function wholeNumber(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

interface WholeSetting {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** A good value, for the problem's sentence. */
  readonly example: number;
  /** What is counted ("seconds"), when the setting's name does not say it. */
  readonly unit?: string;
}

/** An optional whole-number setting: its value, `fallback` when it is absent; out of range, a problem and `fallback`. */
function wholeSetting(value: unknown, setting: WholeSetting, fallback: number, problems: string[]): number {
  if (value === undefined) return fallback;
  const n = wholeNumber(value, setting.min, setting.max);
  if (n !== null) return n;
  const counted = setting.unit === undefined ? '' : ` of ${setting.unit}`;
  problems.push(
    `"${setting.name}" (${JSON.stringify(value)}) must be a whole number${counted} from ${setting.min} to ${setting.max}, e.g. ${setting.example}.`,
  );
  return fallback;
}

/** Checks a parsed configuration file; `env` supplies the password when CHAT_SERVICE_PASSWORD is set. */
export function checkConfig(raw: unknown, env: Readonly<Record<string, string | undefined>> = {}): ConfigResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: ['The configuration is not a JSON object: start from chat-service.example.json.'] };
  const file = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(file)) {
    if (!KNOWN.has(key))
      problems.push(
        `"${key}" is not a setting the chat service knows: remove it or check its spelling against chat-service.example.json.`,
      );
  }

  const serviceProblem = xmppUrlProblem('xmppService', file['xmppService']);
  if (serviceProblem) problems.push(serviceProblem);
  const customerProblem =
    file['customerXmppService'] === undefined
      ? null
      : xmppUrlProblem('customerXmppService', file['customerXmppService']);
  if (customerProblem) problems.push(customerProblem);

  const domainIssue = domainProblem('domain', file['domain'], 'example.com');
  if (domainIssue) problems.push(domainIssue);
  const domain = domainIssue ? '' : String(file['domain']).toLowerCase();
  const mucIssue =
    file['mucDomain'] === undefined ? null : domainProblem('mucDomain', file['mucDomain'], 'conference.example.com');
  if (mucIssue) problems.push(mucIssue);
  const guestIssue = domainProblem('guestDomain', file['guestDomain'], 'guest.example.com');
  if (guestIssue) problems.push(guestIssue);

  let username = '';
  const routerJid = file['routerJid'];
  if (typeof routerJid !== 'string' || routerJid === '') {
    problems.push(
      `"routerJid" is missing: set it to the router's account, e.g. "chat-router@${domain || 'example.com'}".`,
    );
  } else {
    const match = /^([^@/\s]+)@([^@/\s]+)$/.exec(routerJid);
    if (!match) {
      problems.push(`"routerJid" ("${routerJid}") is not a bare JID: write it as name@domain, without a resource.`);
    } else if (domain && match[2]?.toLowerCase() !== domain) {
      problems.push(
        `"routerJid" is on ${match[2]} but "domain" is ${domain}: the router's account must be on the agents' domain.`,
      );
    } else {
      username = match[1] ?? '';
    }
  }

  const envPassword = env[PASSWORD_ENV];
  const filePassword = file['password'];
  let password = '';
  if (envPassword !== undefined && envPassword !== '') password = envPassword;
  else if (typeof filePassword === 'string' && filePassword !== '') password = filePassword;
  else if (filePassword !== undefined && typeof filePassword !== 'string')
    problems.push(`"password" must be a string: quote it, or better leave it out and set ${PASSWORD_ENV}.`);
  else
    problems.push(
      `The router's password is missing: set the environment variable ${PASSWORD_ENV} (or "password" in the file).`,
    );

  let host = '127.0.0.1';
  let port = 8080;
  const http = file['http'];
  if (http !== undefined) {
    if (typeof http !== 'object' || http === null || Array.isArray(http)) {
      problems.push(`"http" must be an object like {"host": "0.0.0.0", "port": 8080}: fix its shape.`);
    } else {
      const h = http as Record<string, unknown>;
      for (const key of Object.keys(h))
        if (key !== 'host' && key !== 'port')
          problems.push(`"http.${key}" is not a setting: only "host" and "port" are.`);
      if (h['host'] !== undefined) {
        if (typeof h['host'] === 'string' && h['host'] !== '') host = h['host'];
        else problems.push(`"http.host" must be a host name or address, e.g. "0.0.0.0" for every interface.`);
      }
      port = wholeSetting(h['port'], { name: 'http.port', min: 0, max: 65535, example: 8080 }, port, problems);
    }
  }

  const offerTimeoutMs =
    wholeSetting(
      file['offerTimeoutSeconds'],
      { name: 'offerTimeoutSeconds', min: 5, max: 600, example: 30, unit: 'seconds' },
      30,
      problems,
    ) * 1000;
  const maxChatsPerAgent = wholeSetting(
    file['maxChatsPerAgent'],
    { name: 'maxChatsPerAgent', min: 1, max: 50, example: 5 },
    5,
    problems,
  );

  const store = storeSetting(file['store'], env, problems);

  if (problems.length > 0) return { ok: false, problems };
  const xmppService = String(file['xmppService']);
  return {
    ok: true,
    config: {
      xmppService,
      customerXmppService: typeof file['customerXmppService'] === 'string' ? file['customerXmppService'] : xmppService,
      domain,
      mucDomain: typeof file['mucDomain'] === 'string' ? file['mucDomain'].toLowerCase() : `conference.${domain}`,
      guestDomain: String(file['guestDomain']).toLowerCase(),
      username,
      password,
      http: { host, port },
      offerTimeoutMs,
      maxChatsPerAgent,
      store,
    },
  };
}

const STORE_SHAPE =
  '{"kind": "embedded", "dir": "./chat-service-data"} or {"kind": "postgres", "url": "postgres://chat@db.example.com:5432/chat"}';

/** The "store" setting: the embedded database by default; PostgreSQL with its password from the environment. */
function storeSetting(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): StoreConfig {
  const fallback: StoreConfig = { kind: 'embedded', dir: DEFAULT_STORE_DIR };
  if (value === undefined) return fallback;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`"store" must be an object, ${STORE_SHAPE}: fix its shape.`);
    return fallback;
  }
  const v = value as Record<string, unknown>;
  const kind = v['kind'] ?? 'embedded';
  if (kind === 'embedded') {
    for (const key of Object.keys(v))
      if (key !== 'kind' && key !== 'dir')
        problems.push(`"store.${key}" is not a setting of the embedded store: only "kind" and "dir" are.`);
    if (v['dir'] === undefined) return fallback;
    if (typeof v['dir'] !== 'string' || v['dir'].trim() === '') {
      problems.push(`"store.dir" must be a directory path, e.g. "/var/lib/chat-service".`);
      return fallback;
    }
    return { kind: 'embedded', dir: v['dir'] };
  }
  if (kind === 'postgres') {
    for (const key of Object.keys(v))
      if (key !== 'kind' && key !== 'url')
        problems.push(
          `"store.${key}" is not a setting of the PostgreSQL store: only "kind" and "url" are (the password comes from ${DB_PASSWORD_ENV}).`,
        );
    const raw = v['url'];
    if (typeof raw !== 'string' || raw === '') {
      problems.push(
        `"store.url" is missing: set it to the database's URL, e.g. "postgres://chat@db.example.com:5432/chat".`,
      );
      return fallback;
    }
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      // said below, without repeating the value (it may hold a password)
    }
    if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || url.hostname === '') {
      problems.push(`"store.url" is not a PostgreSQL URL: write it as postgres://user@host:5432/database.`);
      return fallback;
    }
    if (url.password !== '') {
      problems.push(
        `"store.url" holds a password: remove it from the URL and set the environment variable ${DB_PASSWORD_ENV} instead.`,
      );
      return fallback;
    }
    const password = env[DB_PASSWORD_ENV];
    return { kind: 'postgres', url: raw, password: password !== undefined && password !== '' ? password : null };
  }
  problems.push(`"store.kind" must be "embedded" or "postgres", not ${JSON.stringify(kind)}.`);
  return fallback;
}

/** Parses the text of a configuration file and checks it; `source` names the file in the sentence about bad JSON. */
export function parseConfig(
  text: string,
  source: string,
  env: Readonly<Record<string, string | undefined>> = {},
): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // The parser's message quotes the file, which may hold the password: it is not repeated.
    return {
      ok: false,
      problems: [
        `${source} is not valid JSON: fix the syntax (no comments, no trailing commas, keys in double quotes).`,
      ],
    };
  }
  return checkConfig(raw, env);
}
