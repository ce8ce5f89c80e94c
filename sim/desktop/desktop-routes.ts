// The desktop container harness as routes on both of the simulator's node listeners (the same origin as
// /finesse/api/, as on a Finesse server): the desktop and control pages, Shindig's /gadgets/ifr renderer and
// /gadgets/makeRequest proxy, and the uploaded gadget files under /3rdpartygadget/files/<folder>/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_HTML, DESKTOP_HTML } from './pages.ts';
import { createClientBundler } from './client-bundle.ts';
import { BASE_HEADERS, readBody, send, serveFile, selfOrigins, type RouteHandler } from './http-util.ts';
import { defaultLayoutXml, parseLayout, type RoleLayout } from './layout.ts';
import { chooseLocale, defaultLocale, parseGadgetSpec, parseMessageBundle, type GadgetSpec } from './gadget-spec.ts';
import { escapeHtml, jsonForHtml, renderGadgetDocument, substitute } from './gadget-render.ts';
import { join } from 'node:path';
import type { GadgetFeatureConfig, HarnessConfig } from './client/harness-config.ts';
import type { NodeStatusReport } from './client/desktop-failover.ts';
import { parseSystemInfo } from '../../src/core/finesse/xml/index.ts';

interface XmppEndpoints {
  readonly domain: string;
  readonly pubsubDomain: string;
  readonly websocketUrl: string;
  readonly boshUrl: string;
  /** Other chat server addresses the layout's gadgets name (a second chat server): allowed in connect-src too. */
  readonly otherChatServers?: readonly string[];
}

interface DesktopHarnessOptions {
  /** Gadget folders served under /3rdpartygadget/files/<folder>/, each from a directory (e.g. dist/). */
  readonly gadgetFolders: Readonly<Record<string, string>>;
  /** Finesse layout XML; defaults to the product gadget for agents plus a team tab for supervisors. */
  readonly layoutXml?: string;
  readonly xmpp: XmppEndpoints;
  /** The other Finesse node's base URL, shown to gadgets that fail over. */
  readonly secondaryUrl?: string;
  /**
   * Both nodes' base URLs when the harness is served by both listeners: the desktop asks its own node whether it is in
   * service and where the other node is (/desktop/harness/node-status), and moves there when it must.
   */
  readonly nodes?: { readonly primary: string; readonly secondary: string };
  readonly deployment?: string;
  /** Origins besides this server that /gadgets/makeRequest may reach (e.g. the secondary node). */
  readonly proxyOrigins?: readonly string[];
  /** Rebuild the browser bundles on each request (development). */
  readonly rebuildClient?: boolean;
  /**
   * Where a developer put their own copy of Cisco's library (finesse.js, finesse.min.js, jquery.min.js, taken from
   * their Finesse server's /desktop/assets/js/); served at /desktop/assets/js/. Default: finesse-js/ in the repo.
   */
  readonly finesseJsDir?: string;
  /**
   * The Finesse release the desktop stands for (default DEFAULT_FINESSE_VERSION). Before 12.0 the desktop has no
   * digital channel control and no popovers, and the stand-in library has no finesse.digital and no PopoverService.
   */
  readonly finesseVersion?: string;
}

/** The release the stand-in desktop stands for unless told otherwise. */
export const DEFAULT_FINESSE_VERSION = '12.5';

/** Reads a release such as "11.6" or "12.5(1)"; null when it is not one. */
export function parseFinesseVersion(text: string): { major: number; minor: number } | null {
  const m = /^(\d{1,2})\.(\d{1,2})(?:\(\d+\))?$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** Whether a release has the digital channel control (FNC) and the popover service: Finesse 12.0(1) and later. */
export function hasDigitalChannels(version: string): boolean {
  const v = parseFinesseVersion(version);
  if (!v) throw new Error(`"${version}" is not a Finesse release such as 12.5 or 11.6`);
  return v.major >= 12;
}

/** The product's upload folder: the only gadget rendered and checked under the strict CSP. */
export const PRODUCT_FOLDER = 'finesse-blend';

/** The files of Cisco's library a gadget loads from the desktop (facts A3): never shipped, slotted in by a developer. */
export const FINESSE_JS_FILES: readonly string[] = ['finesse.js', 'finesse.min.js', 'jquery.min.js'];

/** The files the stand-in answers with its own partial library when no developer copy is in place. */
const STAND_IN_FILES: readonly string[] = ['finesse.js', 'finesse.min.js'];

/** The default folder for a developer's copy of Cisco's library (git-ignored). */
const DEFAULT_FINESSE_JS_DIR = join(import.meta.dirname, '../../finesse-js');

/**
 * The CSP a gadget document gets: the product gadget (its upload folder) keeps the strict one, so the product is
 * proven to run under it; third-party gadgets get none, as on a real desktop, where Cisco's own samples use inline
 * scripts and inline event handlers.
 */
export function gadgetCspFor(specUrl: string, xmpp: XmppEndpoints): string | null {
  let path: string;
  try {
    path = new URL(specUrl, 'http://container.invalid').pathname;
  } catch {
    return gadgetCsp(xmpp);
  }
  return path.startsWith(`/3rdpartygadget/files/${PRODUCT_FOLDER}/`) ? gadgetCsp(xmpp) : null;
}

/** The one line said when the stand-in's partial library is served instead of Cisco's. */
export function standInFinesseJsLine(file: string, dir: string, digital: boolean): string {
  const parts = digital
    ? 'ContainerServices.init, finesse.digital.ChannelService and PopoverService'
    : 'ContainerServices.init only (a desktop before 12.0: no finesse.digital, no PopoverService)';
  return `finesse-blend: serving the stand-in's partial /desktop/assets/js/${file} (${parts}); for Cisco's full library copy ${file} from your Finesse server (https://<finesse>/desktop/assets/js/${file}) into ${dir} (or pass --finesse-js DIR to npm start).`;
}

const JQUERY_FILE = 'jquery.min.js';

/** Said once when a gadget loads jquery.min.js and no developer copy is there: an empty stand-in answers. */
export function emptyJqueryLine(dir: string): string {
  return `finesse-blend: serving an empty stand-in for /desktop/assets/js/${JQUERY_FILE} (jQuery is not shipped here; the stand-in's finesse.js does not need it); a gadget that uses jQuery needs the copy from your Finesse server in ${dir} (or pass --finesse-js DIR to npm start).`;
}

export interface DesktopHarness {
  readonly routes: RouteHandler;
  readonly layouts: readonly RoleLayout[];
  readonly finesseVersion: string;
  readonly digitalChannels: boolean;
  close(): Promise<void>;
}

/** The strict CSP of the product gadget's iframe document: no inline script, no eval, connections only home and to XMPP. */
export function gadgetCsp(xmpp: XmppEndpoints): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${xmppOrigins(xmpp).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The CSP of the harness's own pages: as strict, plus the gadget frames. */
function pageCsp(xmpp: XmppEndpoints): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${xmppOrigins(xmpp).join(' ')}`,
    "frame-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function xmppOrigins(xmpp: XmppEndpoints): string[] {
  const origins = new Set<string>();
  for (const u of [xmpp.websocketUrl, xmpp.boshUrl, ...(xmpp.otherChatServers ?? [])]) {
    try {
      origins.add(new URL(u).origin);
    } catch {
      // a missing endpoint adds nothing
    }
  }
  return [...origins];
}

const HARNESS_ASSETS = join(import.meta.dirname, 'client');
const FETCH_TIMEOUT_MS = 5000;

/** Creates the harness routes. */
export function createDesktopHarness(options: DesktopHarnessOptions): DesktopHarness {
  const layoutResult = parseLayout(options.layoutXml ?? defaultLayoutXml());
  if (!layoutResult.ok) throw new Error(layoutResult.error);
  const layouts = layoutResult.value;
  const bundler = createClientBundler({ rebuildEachTime: options.rebuildClient ?? false });
  const csp = { page: pageCsp(options.xmpp) };
  const pageHeaders = { 'Content-Security-Policy': csp.page, 'X-Frame-Options': 'SAMEORIGIN' };

  const finesseVersion = options.finesseVersion ?? DEFAULT_FINESSE_VERSION;
  const digitalChannels = hasDigitalChannels(finesseVersion);
  const harnessConfig: HarnessConfig = {
    xmpp: options.xmpp,
    layouts,
    secondaryUrl: options.secondaryUrl ?? null,
    deployment: options.deployment ?? 'UCCE',
    finesseVersion,
    digitalChannels,
  };

  const routes: RouteHandler = async (req, res, url) => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && (path === '/' || path === '/desktop')) {
      res.writeHead(302, { ...BASE_HEADERS, Location: '/desktop/' });
      res.end();
      return true;
    }
    if (method === 'GET' && path === '/favicon.ico') {
      res.writeHead(204, BASE_HEADERS);
      res.end();
      return true;
    }
    if (method === 'GET' && path === '/desktop/') {
      send(res, 200, DESKTOP_HTML, 'text/html; charset=utf-8', pageHeaders);
      return true;
    }
    if (method === 'GET' && (path === '/control.html' || path === '/control')) {
      // The control API lives on the primary listener only: the secondary's page is the primary's.
      const nodes = options.nodes;
      if (nodes && nodeOf(req) === 'secondary') {
        res.writeHead(302, { ...BASE_HEADERS, Location: `${nodes.primary.replace(/\/$/, '')}/control.html` });
        res.end();
        return true;
      }
      send(res, 200, CONTROL_HTML, 'text/html; charset=utf-8', pageHeaders);
      return true;
    }
    if (method === 'GET' && path === '/desktop/harness/config.json') {
      const homeUrl = options.nodes && nodeOf(req) === 'secondary' ? options.nodes.primary.replace(/\/$/, '') : null;
      send(res, 200, JSON.stringify({ ...harnessConfig, homeUrl }), 'application/json; charset=utf-8');
      return true;
    }
    if (method === 'GET' && path === '/desktop/harness/node-status' && options.nodes) {
      send(res, 200, JSON.stringify(await nodeStatus(options.nodes, nodeOf(req))), 'application/json; charset=utf-8', {
        'Cache-Control': 'no-store',
      });
      return true;
    }
    if (method === 'GET' && path.startsWith('/desktop/harness/')) {
      const name = path.slice('/desktop/harness/'.length);
      if (name.endsWith('.js')) return serveBundle(res, name);
      if (name.endsWith('.css') && /^[a-z-]+\.css$/.test(name)) return serveFile(res, HARNESS_ASSETS, name);
      return false;
    }
    if (method === 'GET' && path === '/gadgets/js/features.js') return serveBundle(res, 'features.js');
    if (method === 'GET' && path === '/gadgets/ifr') {
      await renderIfr(req, res, url);
      return true;
    }
    if (method === 'GET' && path === '/gadgets/metadata') {
      await metadata(req, res, url);
      return true;
    }
    if (method === 'POST' && path === '/gadgets/makeRequest') {
      await makeRequest(req, res);
      return true;
    }
    const asset = /^\/desktop\/assets\/js\/([^/]+)$/.exec(path);
    if (asset && (method === 'GET' || method === 'HEAD')) {
      await serveFinesseJs(res, asset[1] ?? '');
      return true;
    }
    const files = /^\/3rdpartygadget\/files\/([^/]+)\/(.+)$/.exec(path);
    if (files && (method === 'GET' || method === 'HEAD')) {
      const dir = options.gadgetFolders[files[1] ?? ''];
      if (dir && (await serveFile(res, dir, files[2] ?? ''))) return true;
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return true;
    }
    return false;
  };

  const finesseJsDir = options.finesseJsDir ?? DEFAULT_FINESSE_JS_DIR;
  const toldMissing = new Set<string>();

  /**
   * Cisco's library from the developer's folder. Without a copy, finesse.js and finesse.min.js are the stand-in's
   * partial library (one line says so); anything else is 404 with a JavaScript type (a script tag stays quiet about MIME).
   */
  async function serveFinesseJs(res: ServerResponse, file: string): Promise<void> {
    if (FINESSE_JS_FILES.includes(file) && (await serveFile(res, finesseJsDir, file))) return;
    if (STAND_IN_FILES.includes(file)) {
      if (!toldMissing.has(file)) {
        toldMissing.add(file);
        console.log(standInFinesseJsLine(file, finesseJsDir, digitalChannels));
      }
      await serveBundle(res, digitalChannels ? 'finesse-lib-12.js' : 'finesse-lib-pre12.js');
      return;
    }
    if (file === JQUERY_FILE) {
      // Every Finesse desktop serves jQuery here and Cisco's readme has gadgets load it before finesse.js; the
      // stand-in's partial library does not need it, so an empty script keeps such gadgets quiet.
      if (!toldMissing.has(file)) {
        toldMissing.add(file);
        console.log(emptyJqueryLine(finesseJsDir));
      }
      send(res, 200, `/* ${emptyJqueryLine(finesseJsDir)} */\n`, 'text/javascript; charset=utf-8');
      return;
    }
    send(
      res,
      404,
      `// ${file} is not here: copy it from your Finesse server's /desktop/assets/js/ into the folder npm start names.\n`,
      'text/javascript; charset=utf-8',
    );
  }

  /** Which node's listener a request came in on (by the local port it reached). */
  function nodeOf(req: IncomingMessage): 'primary' | 'secondary' {
    const nodes = options.nodes;
    if (!nodes) return 'primary';
    return req.socket.localPort === Number(new URL(nodes.secondary).port) ? 'secondary' : 'primary';
  }

  async function serveBundle(res: ServerResponse, name: string): Promise<boolean> {
    try {
      const text = await bundler.get(name);
      if (text === null) return false;
      send(res, 200, text, 'text/javascript; charset=utf-8');
    } catch (e) {
      send(
        res,
        500,
        `harness bundle ${name} failed to build: ${e instanceof Error ? e.message : String(e)}`,
        'text/plain; charset=utf-8',
      );
    }
    return true;
  }

  /** Fetches a gadget-side URL (spec or bundle) from this server or an allowed origin. */
  async function fetchText(req: IncomingMessage, target: string): Promise<string> {
    const own = selfOrigins(req);
    const resolved = new URL(target, own[0]);
    if (!own.includes(resolved.origin) && !(options.proxyOrigins ?? []).includes(resolved.origin)) {
      throw new Error(`${resolved.origin} is not a server this container loads gadgets from`);
    }
    const response = await fetch(resolved, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${resolved.pathname}`);
    return response.text();
  }

  async function loadSpec(req: IncomingMessage, specUrl: string, lang: string, country: string) {
    const spec = parseGadgetSpec(await fetchText(req, specUrl));
    if (!spec.ok) throw new Error(spec.error);
    const messages = new Map<string, string>();
    const chosen = chooseLocale(spec.value.locales, lang, country);
    const fallback = defaultLocale(spec.value.locales);
    for (const locale of [fallback, chosen]) {
      if (!locale) continue;
      const bundle = parseMessageBundle(
        await fetchText(req, new URL(locale.messages, new URL(specUrl, selfOrigins(req)[0])).href),
      );
      if (!bundle.ok) throw new Error(`${locale.messages}: ${bundle.error}`);
      for (const [k, v] of bundle.value) messages.set(k, v);
    }
    return { spec: spec.value, messages };
  }

  function prefsFrom(spec: GadgetSpec, url: URL): Map<string, string> {
    const prefs = new Map(spec.userPrefs.map((p) => [p.name, p.defaultValue] as const));
    for (const [k, v] of url.searchParams) if (k.startsWith('up_')) prefs.set(k.slice(3), v);
    return prefs;
  }

  async function renderIfr(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const specUrl = url.searchParams.get('url') ?? '';
    const moduleId = url.searchParams.get('mid') ?? '0';
    const lang = url.searchParams.get('lang') ?? 'en';
    const country = url.searchParams.get('country') ?? 'US';
    const policy = gadgetCspFor(specUrl, options.xmpp);
    const headers: Record<string, string> = policy === null ? {} : { 'Content-Security-Policy': policy };
    try {
      if (!specUrl) throw new Error('no gadget url');
      const { spec, messages } = await loadSpec(req, specUrl, lang, country);
      const prefs = prefsFrom(spec, url);
      const config: GadgetFeatureConfig = {
        moduleId,
        specUrl,
        features: [...spec.features],
        prefs: Object.fromEntries(prefs),
        messages: Object.fromEntries(messages),
        lang,
        country,
        parentOrigin: url.searchParams.get('parent') ?? '',
        title: substitute(spec.title, messages, prefs, moduleId),
      };
      const head =
        `<script type="application/json" id="gadget-container-config">${jsonForHtml(config)}</script>\n` +
        '<script src="/gadgets/js/features.js"></script>\n';
      const specAbsolute = new URL(specUrl, selfOrigins(req)[0]).href;
      const html = renderGadgetDocument({
        content: spec.content,
        messages,
        prefs,
        moduleId,
        head,
        specUrl: specAbsolute,
      });
      send(res, 200, html, 'text/html; charset=utf-8', headers);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      send(
        res,
        502,
        `<!DOCTYPE html><html><body><p>The gadget ${escapeHtml(specUrl)} could not be rendered: ${escapeHtml(why)}</p></body></html>`,
        'text/html; charset=utf-8',
        headers,
      );
    }
  }

  async function metadata(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const specUrl = url.searchParams.get('url') ?? '';
    try {
      const { spec, messages } = await loadSpec(
        req,
        specUrl,
        url.searchParams.get('lang') ?? 'en',
        url.searchParams.get('country') ?? 'US',
      );
      const prefs = prefsFrom(spec, url);
      send(
        res,
        200,
        JSON.stringify({
          url: specUrl,
          title: substitute(spec.title, messages, prefs, '0'),
          features: spec.features,
          userPrefs: spec.userPrefs,
        }),
        'application/json; charset=utf-8',
      );
    } catch (e) {
      send(
        res,
        502,
        JSON.stringify({ url: specUrl, error: e instanceof Error ? e.message : String(e) }),
        'application/json; charset=utf-8',
      );
    }
  }

  /** Shindig's proxied request: form fields url, httpMethod, headers (form-encoded), postData; JSON answer keyed by url. */
  async function makeRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const prefix = "throw 1; < don't be evil' >";
    let target = '';
    try {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      target = form.get('url') ?? '';
      const own = selfOrigins(req);
      const resolved = new URL(target, own[0]);
      if (!own.includes(resolved.origin) && !(options.proxyOrigins ?? []).includes(resolved.origin)) {
        send(
          res,
          403,
          `${prefix}${JSON.stringify({ [target]: { rc: 403, body: '', headers: {}, errors: ['The container does not proxy to that origin.'] } })}`,
          'application/json; charset=utf-8',
        );
        return;
      }
      const method = (form.get('httpMethod') ?? 'GET').toUpperCase();
      if (!['GET', 'POST', 'PUT', 'DELETE', 'HEAD'].includes(method))
        throw new Error(`method ${method} is not proxied`);
      const headers = new Headers();
      for (const [k, v] of new URLSearchParams(form.get('headers') ?? '')) {
        if (!HOP_BY_HOP.has(k.toLowerCase())) headers.set(k, v);
      }
      const postData = form.get('postData');
      const response = await fetch(resolved, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : (postData ?? ''),
        redirect: 'manual',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      const body = await response.text();
      const outHeaders: Record<string, string[]> = {};
      response.headers.forEach((v, k) => {
        if (k !== 'set-cookie') outHeaders[k] = [v];
      });
      send(
        res,
        200,
        `${prefix}${JSON.stringify({ [target]: { rc: response.status, body, headers: outHeaders } })}`,
        'application/json; charset=utf-8',
      );
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      send(
        res,
        200,
        `${prefix}${JSON.stringify({ [target]: { rc: 504, body: '', headers: {}, errors: [why] } })}`,
        'application/json; charset=utf-8',
      );
    }
  }

  return {
    routes,
    layouts,
    finesseVersion,
    digitalChannels,
    close: () => bundler.close(),
  };
}

/** GET SystemInfo of one node (no credentials, as Finesse allows): its status, or null when it cannot be read. */
async function systemStatus(baseUrl: string): Promise<string | null> {
  try {
    const response = await fetch(`${baseUrl.replace(/\/$/, '')}/finesse/api/SystemInfo`, {
      signal: AbortSignal.timeout(2000),
    });
    const info = parseSystemInfo(await response.text());
    return response.ok && info.ok ? info.value.status : null;
  } catch {
    return null;
  }
}

/**
 * What a desktop's own node says about itself and the other node, shaped like Finesse's DesktopConfig object
 * (systemStatus, isAlternateSystemAvailable, alternateHost, redirectToAlternateHost: developer guide, "Desktop
 * Configuration"). The path and when the desktop reads it are the stand-in's own (unconfirmed).
 */
async function nodeStatus(
  nodes: { readonly primary: string; readonly secondary: string },
  here: 'primary' | 'secondary',
): Promise<NodeStatusReport> {
  const other = here === 'primary' ? 'secondary' : 'primary';
  const [own, alternate] = await Promise.all([systemStatus(nodes[here]), systemStatus(nodes[other])]);
  const available = alternate === 'IN_SERVICE';
  return {
    systemStatus: own ?? 'OUT_OF_SERVICE',
    isAlternateSystemAvailable: available,
    alternateHost: nodes[other].replace(/\/$/, ''),
    redirectToAlternateHost: own !== 'IN_SERVICE' && available,
    thisNode: here === 'primary' ? 'A' : 'B',
    alternateNode: other === 'primary' ? 'A' : 'B',
  };
}

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'proxy-authorization',
  'te',
  'trailer',
  'cookie',
  'origin',
  'referer',
]);
