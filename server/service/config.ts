// The chat service's configuration file (JSON): read, checked and turned into settings, with one sentence per
// problem saying what is wrong and how to fix it. The router's password may come from the environment instead; the
// Finesse administrator's password comes only from the environment.
import type { StoreConfig } from '../store/open-store.ts';
import type { QueueSetting } from '../router/queues.ts';
import { checkWidgetConfig, type WidgetConfig } from '../widget/widget-config.ts';

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
  /** The customer chat widget: the websites that may embed it and its pre-chat form. */
  readonly widget: WidgetConfig;
  /**
   * Where chats, agents and transcripts are kept: the embedded database in a directory (the file's default), or a
   * PostgreSQL server (which two instances can share, one active and one standby). Absent only where a host
   * builds the service without one (routing tests): nothing then outlives the process.
   */
  readonly store?: StoreConfig;
  /** The configured queues (the first is the default); absent: one queue, "default", served by every agent. */
  readonly queues?: readonly QueueSetting[] | null;
  /** Where teams and supervisors are read from; absent: no directory (queues can then list agents only). */
  readonly finesse?: FinesseSettings | null;
}

/** The Finesse administrator credential the service reads the users list (User—Get List) with. */
export interface FinesseSettings {
  /** Finesse's base URL, e.g. https://finesse.example.com:8445 */
  readonly url: string;
  readonly adminUser: string;
  readonly password: string;
  readonly refreshMs: number;
}

/** The environment variable the PostgreSQL store's password comes from. */
export const DB_PASSWORD_ENV = 'CHAT_SERVICE_DB_PASSWORD';

/** The embedded store's directory when the file names none (relative to the service's working directory). */
export const DEFAULT_STORE_DIR = './chat-service-data';

/** The environment variable the router's password may come from; it wins over the file. */
export const PASSWORD_ENV = 'CHAT_SERVICE_PASSWORD';

/** The environment variable the Finesse administrator's password comes from (never from the file). */
export const FINESSE_PASSWORD_ENV = 'CHAT_SERVICE_FINESSE_PASSWORD';

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
  'queues',
  'finesse',
  'widget',
  'store',
]);

const QUEUE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const QUEUE_KEYS = new Set(['id', 'name', 'teams', 'agents']);
const FINESSE_KEYS = new Set(['url', 'adminUser', 'refreshSeconds']);

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

  const finesse = checkFinesse(file['finesse'], env, problems);
  const queues = checkQueues(file['queues'], finesse !== null || file['finesse'] !== undefined, problems);
  const widget = checkWidgetConfig(file['widget'], problems);
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
      queues,
      finesse,
      widget,
      store,
    },
  };
}

/** The `finesse` setting: its URL, administrator and refresh period, with the password from the environment. */
function checkFinesse(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): FinesseSettings | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      `"finesse" must be an object like {"url": "https://finesse.example.com:8445", "adminUser": "chatadmin"}: fix its shape.`,
    );
    return null;
  }
  const f = value as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(f))
    if (!FINESSE_KEYS.has(key))
      problems.push(
        key === 'password'
          ? `"finesse.password" is not read from the file: remove it and set the environment variable ${FINESSE_PASSWORD_ENV}.`
          : `"finesse.${key}" is not a setting: only "url", "adminUser" and "refreshSeconds" are.`,
      );
  let url = '';
  if (typeof f['url'] !== 'string' || f['url'] === '') {
    problems.push(`"finesse.url" is missing: set it to Finesse's address, e.g. "https://finesse.example.com:8445".`);
  } else {
    try {
      const parsed = new URL(f['url']);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        problems.push(
          `"finesse.url" uses ${parsed.protocol.slice(0, -1)}, not https: use the https:// address of Finesse's REST API.`,
        );
      else url = f['url'];
    } catch {
      problems.push(
        `"finesse.url" is not a URL ("${f['url']}"): write it in full, e.g. https://finesse.example.com:8445.`,
      );
    }
  }
  const adminUser = f['adminUser'];
  if (typeof adminUser !== 'string' || adminUser.trim() === '')
    problems.push(`"finesse.adminUser" is missing: set it to the login of a Finesse administrator.`);
  const password = env[FINESSE_PASSWORD_ENV] ?? '';
  if (password === '')
    problems.push(
      `The Finesse administrator's password is missing: set the environment variable ${FINESSE_PASSWORD_ENV}.`,
    );
  const refreshMs =
    wholeSetting(
      f['refreshSeconds'],
      { name: 'finesse.refreshSeconds', min: 30, max: 86_400, example: 300, unit: 'seconds' },
      300,
      problems,
    ) * 1000;
  if (problems.length > before) return null;
  return { url, adminUser: String(adminUser), password, refreshMs };
}

/** The `queues` setting: a non-empty list of queues, each served by teams and/or agents. */
function checkQueues(value: unknown, haveFinesse: boolean, problems: string[]): QueueSetting[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(
      `"queues" must be a non-empty list like [{"id": "billing", "name": "Billing", "teams": ["10"]}]: fix it, or remove it for one queue served by every agent.`,
    );
    return null;
  }
  const queues: QueueSetting[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, i: number) => {
    const where = `queues[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`"${where}" must be an object like {"id": "billing", "name": "Billing", "teams": ["10"]}.`);
      return;
    }
    const q = entry as Record<string, unknown>;
    for (const key of Object.keys(q))
      if (!QUEUE_KEYS.has(key))
        problems.push(`"${where}.${key}" is not a setting: a queue has only "id", "name", "teams" and "agents".`);
    const id = q['id'];
    if (typeof id !== 'string' || !QUEUE_ID.test(id)) {
      problems.push(
        `"${where}.id" (${JSON.stringify(id ?? null)}) must be a short name of letters, digits, "-" or "_", e.g. "billing".`,
      );
      return;
    }
    const label = `queue "${id}"`;
    if (seen.has(id)) problems.push(`The ${label} is listed twice: give each queue its own id.`);
    seen.add(id);
    const name = q['name'] === undefined ? id : q['name'];
    if (typeof name !== 'string' || name.trim() === '' || name.length > 80)
      problems.push(`The ${label} needs a "name" agents will read (1 to 80 characters), e.g. "Billing".`);
    const teams = idList(
      q['teams'],
      `The ${label}'s "teams" must be a list of Finesse team ids, e.g. ["10"].`,
      problems,
    );
    const agents = idList(
      q['agents'],
      `The ${label}'s "agents" must be a list of Finesse login ids, e.g. ["1001003"].`,
      problems,
    );
    if (teams === null || agents === null) return;
    if (teams.length === 0 && agents.length === 0)
      problems.push(`The ${label} has no one to serve it: list Finesse team ids in "teams" or login ids in "agents".`);
    if (teams.length > 0 && !haveFinesse)
      problems.push(
        `The ${label} is served by teams, which are read from Finesse: add the "finesse" setting, or list its agents in "agents".`,
      );
    queues.push({ id, name: typeof name === 'string' ? name.trim() : id, teams, agents });
  });
  return queues;
}

/** A list of ids (strings, or whole numbers written without quotes); absent: empty; not a list: a problem and null. */
function idList(value: unknown, problem: string, problems: string[]): string[] | null {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    !value.every((v) => (typeof v === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(v)) || Number.isInteger(v))
  ) {
    problems.push(problem);
    return null;
  }
  return value.map((v) => String(v));
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
