// The widget's HTTP routes on the chat service: its script at a stable URL (cached for an hour, revalidated by ETag)
// and at a versioned URL (cached for a year, immutable), its settings as JSON for the websites allowed to embed
// it (CORS), and the current version.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../http/route-handler.ts';
import type { WidgetSettings } from './widget-settings.ts';
import { widgetScript } from './widget-script.ts';

export const WIDGET_BASE = '/widget/';
export const WIDGET_SCRIPT_NAME = 'finesse-blend-chat.js';
/** The stable URL of the widget's script, on the chat service's origin. */
export const WIDGET_SCRIPT_PATH = `${WIDGET_BASE}${WIDGET_SCRIPT_NAME}`;

interface WidgetRouteOptions {
  /** The settings to hand out; null while the service is starting (answered with 503). */
  readonly settings: () => WidgetSettings | null;
  /** Origins of the websites that may read the settings (the service's own origin always may). */
  readonly allowedOrigins: () => readonly string[];
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(
    res,
    status,
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', ...headers },
    JSON.stringify(body),
  );
}

/** The site's origin may read the settings: it is listed, or it is the service's own origin (the /chat/ page). */
function originAllowed(req: IncomingMessage, origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The widget's routes under /widget/. */
export function widgetRoute(options: WidgetRouteOptions): RouteHandler {
  const script = widgetScript();
  let versioned: Promise<{ text: string; version: string }> | null = null;
  const current = (): Promise<{ text: string; version: string }> => {
    versioned ??= script().then((text) => ({
      text,
      version: createHash('sha256').update(text).digest('hex').slice(0, 12),
    }));
    return versioned;
  };
  return async (req, res, url) => {
    if (!url.pathname.startsWith(WIDGET_BASE)) return false;
    const rest = url.pathname.slice(WIDGET_BASE.length);
    const origin = req.headers.origin;
    if (rest === 'settings.json' && req.method === 'OPTIONS') {
      const ok = typeof origin === 'string' && originAllowed(req, origin, options.allowedOrigins());
      res.writeHead(ok ? 204 : 403, {
        vary: 'Origin',
        ...(ok ? { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'GET' } : {}),
      });
      res.end();
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Method not allowed');
      return true;
    }
    if (rest === 'settings.json') {
      if (typeof origin === 'string' && !originAllowed(req, origin, options.allowedOrigins())) {
        json(
          res,
          403,
          {
            error:
              'This website may not embed the chat: add its origin to "widget.allowedOrigins" in the chat service configuration.',
          },
          { vary: 'Origin' },
        );
        return true;
      }
      const settings = options.settings();
      const cors: Record<string, string> = typeof origin === 'string' ? { 'access-control-allow-origin': origin } : {};
      if (!settings)
        json(res, 503, { error: 'The chat service is starting; try again in a moment.' }, { vary: 'Origin', ...cors });
      else json(res, 200, settings, { vary: 'Origin', ...cors });
      return true;
    }
    const { text, version } = await current();
    if (rest === 'version.json') {
      json(
        res,
        200,
        { version, script: `${WIDGET_BASE}${version}/${WIDGET_SCRIPT_NAME}` },
        { 'access-control-allow-origin': '*' },
      );
      return true;
    }
    const scriptHeaders = {
      'content-type': 'text/javascript; charset=utf-8',
      // Loaded by other websites' pages; readable with crossorigin="anonymous" (for Subresource Integrity).
      'cross-origin-resource-policy': 'cross-origin',
      'access-control-allow-origin': '*',
      etag: `"${version}"`,
    };
    if (rest === WIDGET_SCRIPT_NAME) {
      if (req.headers['if-none-match'] === `"${version}"`) {
        send(res, 304, { etag: `"${version}"`, 'cache-control': 'public, max-age=3600' }, '');
        return true;
      }
      send(res, 200, { ...scriptHeaders, 'cache-control': 'public, max-age=3600' }, text);
      return true;
    }
    const pinned = /^([0-9a-f]{12})\/finesse-blend-chat\.js$/.exec(rest);
    if (pinned && pinned[1] === version) {
      send(res, 200, { ...scriptHeaders, 'cache-control': 'public, max-age=31536000, immutable' }, text);
      return true;
    }
    send(
      res,
      404,
      { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' },
      pinned
        ? `This version of the chat widget is no longer served: use ${WIDGET_SCRIPT_PATH} or the version in ${WIDGET_BASE}version.json.`
        : 'Not found',
    );
    return true;
  };
}
