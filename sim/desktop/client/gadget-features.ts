// The container's feature script inside each gadget iframe (/gadgets/js/features.js): the gadgets.* APIs a
// Shindig container gives a Finesse gadget — gadgets.Hub (an OpenAjax iframe hub client), HubSettings.onConnect,
// Prefs, window.adjustHeight, io.makeRequest, util.registerOnLoadHandler. Nothing here is evaluated from strings.
import { HUB_WIRE, isHubWireMessage, type GadgetFeatureConfig, type HubWireMessage } from './harness-config.ts';
import { isPublishTopic, isSubscribeTopic } from './topic-match.ts';

type OnData = (topic: string, data: unknown, subscriberData?: unknown) => void;
type OnComplete = (item: string, success: boolean, error?: string) => void;

interface ClientSubscription {
  readonly topic: string;
  readonly onData: OnData;
  readonly scope: unknown;
  readonly subscriberData: unknown;
  onComplete: OnComplete | undefined;
}

const config = readConfig();
const prefs = new Map<string, string>(Object.entries(config.prefs));
// The container passes its Finesse values (id, authorization, host...) in the URL fragment, which never
// reaches a server log; Shindig reads up_ prefs from both the query and the fragment.
for (const [k, v] of new URLSearchParams(location.hash.replace(/^#/, '')))
  if (k.startsWith('up_')) prefs.set(k.slice(3), v);
const features = new Set(config.features);
const parentOrigin = config.parentOrigin || location.origin;

function readConfig(): GadgetFeatureConfig {
  const el = document.getElementById('gadget-container-config');
  try {
    return JSON.parse(el?.textContent ?? '') as GadgetFeatureConfig;
  } catch {
    throw new Error('gadget container config is missing: load this gadget through /gadgets/ifr');
  }
}

function post(message: HubWireMessage): void {
  window.parent.postMessage(message, parentOrigin);
}

function later(fn: () => void): void {
  setTimeout(fn, 0);
}

// ---- gadgets.util ----------------------------------------------------------------------------------------

const onLoadHandlers: Array<() => void> = [];
let loaded = false;
window.addEventListener('load', () => {
  loaded = true;
  for (const fn of onLoadHandlers.splice(0)) runSafely(fn);
});

function runSafely(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error('gadget handler failed', e);
  }
}

/** Shindig's escapeString: the characters that could break out of HTML text or attributes become &#NN;. */
const ESCAPED = new Set([10, 13, 34, 39, 60, 62, 92, 0x2028, 0x2029, 0xff02, 0xff07, 0xff1c, 0xff1e, 0xff3c]);
function escapeString(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0) continue;
    out += ESCAPED.has(code) ? `&#${code};` : ch;
  }
  return out;
}
function unescapeString(value: string): string {
  return value.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
}

const util = {
  registerOnLoadHandler(fn: () => void): void {
    if (loaded) later(() => runSafely(fn));
    else onLoadHandlers.push(fn);
  },
  getUrlParameters(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(location.search)) out[k] = v;
    for (const [k, v] of new URLSearchParams(location.hash.replace(/^#/, ''))) out[k] = v;
    return out;
  },
  escapeString,
  unescapeString,
  hasFeature(name: string): boolean {
    return features.has(name);
  },
};

// ---- gadgets.Prefs ---------------------------------------------------------------------------------------

class Prefs {
  getString(key: string): string {
    const value = prefs.get(key);
    return value === undefined ? '' : escapeString(value);
  }
  getInt(key: string): number {
    const n = parseInt(prefs.get(key) ?? '', 10);
    return Number.isNaN(n) ? 0 : n;
  }
  getFloat(key: string): number {
    const n = parseFloat(prefs.get(key) ?? '');
    return Number.isNaN(n) ? 0 : n;
  }
  getBool(key: string): boolean {
    const v = prefs.get(key);
    return v === 'true' || (v !== undefined && v !== '' && !Number.isNaN(parseInt(v, 10)) && parseInt(v, 10) !== 0);
  }
  getArray(key: string): string[] {
    const v = prefs.get(key);
    return v ? v.split('|').map(escapeString) : [];
  }
  getMsg(key: string): string {
    return config.messages[key] ?? '';
  }
  getLang(): string {
    return config.lang;
  }
  getCountry(): string {
    return config.country;
  }
  getModuleId(): string {
    return config.moduleId;
  }
  set(key: string, value: unknown): void {
    if (!features.has('setprefs')) throw new Error('gadgets.Prefs.set needs <Require feature="setprefs"/>');
    const text = String(value);
    prefs.set(key, text);
    post({ hub: HUB_WIRE, type: 'setPref', name: key, value: text });
  }
  setArray(key: string, values: unknown[]): void {
    this.set(key, values.map((v) => String(v).replace(/\|/g, '%7C')).join('|'));
  }
}

// ---- gadgets.window --------------------------------------------------------------------------------------

const gadgetWindow = {
  adjustHeight(height?: number): void {
    const measured = height ?? measureHeight();
    post({ hub: HUB_WIRE, type: 'adjustHeight', height: Math.max(0, Math.ceil(measured)) });
  },
  getViewportDimensions(): { width: number; height: number } {
    return { width: window.innerWidth, height: window.innerHeight };
  },
  setTitle(title: string): void {
    post({ hub: HUB_WIRE, type: 'setTitle', title: String(title) });
  },
};

function measureHeight(): number {
  const body = document.body;
  if (!body) return 0;
  const style = getComputedStyle(body);
  return body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
}

// ---- gadgets.io ------------------------------------------------------------------------------------------

const RequestParameters = {
  METHOD: 'METHOD',
  CONTENT_TYPE: 'CONTENT_TYPE',
  POST_DATA: 'POST_DATA',
  HEADERS: 'HEADERS',
  AUTHORIZATION: 'AUTHORIZATION',
  NUM_ENTRIES: 'NUM_ENTRIES',
  GET_SUMMARIES: 'GET_SUMMARIES',
  REFRESH_INTERVAL: 'REFRESH_INTERVAL',
} as const;

interface MakeRequestResponse {
  data: unknown;
  text: string;
  rc: number;
  headers: Record<string, string[]>;
  errors: string[];
}

const io = {
  RequestParameters,
  MethodType: { GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', HEAD: 'HEAD' },
  ContentType: { TEXT: 'TEXT', DOM: 'DOM', JSON: 'JSON', FEED: 'FEED' },
  AuthorizationType: { NONE: 'NONE', SIGNED: 'SIGNED', OAUTH: 'OAUTH' },
  encodeValues(fields: Record<string, unknown>): string {
    return Object.entries(fields)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
  },
  makeRequest(
    url: string,
    callback: (response: MakeRequestResponse) => void,
    params: Record<string, unknown> = {},
  ): void {
    const headers = (params[RequestParameters.HEADERS] ?? {}) as Record<string, string>;
    const form = new URLSearchParams({
      url: new URL(url, location.href).href,
      httpMethod: String(params[RequestParameters.METHOD] ?? 'GET'),
      headers: io.encodeValues(headers),
      contentType: String(params[RequestParameters.CONTENT_TYPE] ?? 'TEXT'),
    });
    const postData = params[RequestParameters.POST_DATA];
    if (postData !== undefined && postData !== null) form.set('postData', String(postData));
    const contentType = String(params[RequestParameters.CONTENT_TYPE] ?? 'TEXT');
    const key = form.get('url') ?? url;
    fetch('/gadgets/makeRequest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    })
      .then((r) => r.text())
      .then((text) => {
        const parsed = JSON.parse(text.replace(/^throw 1; < don't be evil' >/, '')) as Record<
          string,
          { rc: number; body: string; headers: Record<string, string[]>; errors?: string[] }
        >;
        const entry = parsed[key] ?? Object.values(parsed)[0];
        if (!entry) throw new Error('empty proxy response');
        const response: MakeRequestResponse = {
          data: entry.body,
          text: entry.body,
          rc: entry.rc,
          headers: entry.headers,
          errors: entry.errors ?? [],
        };
        if (entry.rc >= 400 && response.errors.length === 0) response.errors.push(`Error ${entry.rc}`);
        if (contentType === 'JSON') {
          try {
            response.data = JSON.parse(entry.body);
          } catch {
            response.errors.push('failed to parse JSON');
            response.data = null;
          }
        } else if (contentType === 'DOM' || contentType === 'FEED') {
          response.data = entry.body ? new DOMParser().parseFromString(entry.body, 'text/xml') : null;
        }
        runSafely(() => callback(response));
      })
      .catch((e: unknown) => {
        runSafely(() =>
          callback({ data: null, text: '', rc: 0, headers: {}, errors: [e instanceof Error ? e.message : String(e)] }),
        );
      });
  },
};

// ---- gadgets.json ----------------------------------------------------------------------------------------

// Shindig's gadgets.json: stringify and parse over the browser's JSON. What Shindig's parse gives for text that is
// not JSON is not documented where we looked (unconfirmed): here it is false, as older Shindig releases did.
const json = {
  stringify(value: unknown): string {
    return JSON.stringify(value);
  },
  parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return false;
    }
  },
};

// ---- gadgets.Hub (OpenAjax Hub 2.0 iframe client) --------------------------------------------------------

const hubSettings: {
  params: Record<string, unknown>;
  onConnect?: (hub: unknown, success: boolean, error?: string) => void;
} = { params: {} };

class IframeHubClient {
  #connected = false;
  #clientId = '';
  #next = 0;
  readonly #subs = new Map<string, ClientSubscription>();

  constructor() {
    window.addEventListener('message', (event) => this.#receive(event));
  }

  /** Connects to the container's hub; called by the feature script once the document is parsed. */
  connect(onComplete?: (hub: IframeHubClient, success: boolean, error?: string) => void): void {
    if (this.#connected) {
      later(() => onComplete?.(this, false, 'OpenAjax.hub.Error.Duplicate'));
      return;
    }
    this.#pendingConnect = onComplete;
    post({ hub: HUB_WIRE, type: 'connect', moduleId: config.moduleId });
  }
  #pendingConnect: ((hub: IframeHubClient, success: boolean, error?: string) => void) | undefined;

  isConnected(): boolean {
    return this.#connected;
  }

  getClientID(): string {
    return this.#clientId;
  }

  subscribe(topic: string, onData: OnData, scope?: unknown, onComplete?: OnComplete, subscriberData?: unknown): string {
    this.#requireConnected();
    if (typeof onData !== 'function' || !isSubscribeTopic(topic)) throw new Error('OpenAjax.hub.Error.BadParameters');
    const subId = `${config.moduleId}.${++this.#next}`;
    this.#subs.set(subId, { topic, onData, scope, subscriberData, onComplete });
    post({ hub: HUB_WIRE, type: 'subscribe', subId, topic });
    return subId;
  }

  publish(topic: string, data: unknown): void {
    this.#requireConnected();
    if (!isPublishTopic(topic)) throw new Error('OpenAjax.hub.Error.BadParameters');
    // The OpenAjax iframe transport serializes with JSON: values that JSON cannot carry fail here, as there.
    const copy: unknown = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
    post({ hub: HUB_WIRE, type: 'publish', topic, data: copy });
  }

  unsubscribe(subId: string, onComplete?: OnComplete): void {
    this.#requireConnected();
    if (!this.#subs.delete(subId)) throw new Error('OpenAjax.hub.Error.NoSubscription');
    post({ hub: HUB_WIRE, type: 'unsubscribe', subId });
    if (onComplete) later(() => onComplete(subId, true));
  }

  getSubscriberData(subId: string): unknown {
    const sub = this.#subs.get(subId);
    if (!sub) throw new Error('OpenAjax.hub.Error.NoSubscription');
    return sub.subscriberData;
  }

  getScope(): unknown {
    return window;
  }

  #requireConnected(): void {
    if (!this.#connected) throw new Error('OpenAjax.hub.Error.Disconnected');
  }

  #receive(event: MessageEvent): void {
    if (event.source !== window.parent || event.origin !== parentOrigin || !isHubWireMessage(event.data)) return;
    const msg = event.data;
    if (msg.type === 'connected') {
      this.#connected = true;
      this.#clientId = msg.clientId;
      const done = this.#pendingConnect;
      this.#pendingConnect = undefined;
      runSafely(() => done?.(this, true));
      return;
    }
    if (msg.type === 'subscribed') {
      const sub = this.#subs.get(msg.subId);
      const cb = sub?.onComplete;
      if (sub) sub.onComplete = undefined;
      if (cb) runSafely(() => cb.call(sub?.scope ?? window, msg.subId, msg.ok, msg.error));
      if (!msg.ok) this.#subs.delete(msg.subId);
      return;
    }
    if (msg.type === 'message') {
      const sub = this.#subs.get(msg.subId);
      if (sub) runSafely(() => sub.onData.call(sub.scope ?? window, msg.topic, msg.data, sub.subscriberData));
    }
  }
}

// ---- wiring ----------------------------------------------------------------------------------------------

interface GadgetsNamespace {
  util: typeof util;
  Prefs: typeof Prefs;
  window: typeof gadgetWindow;
  io: typeof io;
  HubSettings: typeof hubSettings;
  json: typeof json;
  Hub?: IframeHubClient;
}

const gadgets: GadgetsNamespace = { util, Prefs, window: gadgetWindow, io, HubSettings: hubSettings, json };
if (features.has('pubsub-2')) gadgets.Hub = new IframeHubClient();
(window as unknown as { gadgets: GadgetsNamespace }).gadgets = gadgets;

function connectHub(): void {
  const hub = gadgets.Hub;
  if (!hub) return;
  hub.connect((client, success, error) => {
    const onConnect = hubSettings.onConnect;
    if (onConnect) onConnect(client, success, error);
  });
}

// Gadget scripts at the end of <body> have run by DOMContentLoaded, so HubSettings.onConnect is set by then.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', connectHub, { once: true });
else later(connectHub);
