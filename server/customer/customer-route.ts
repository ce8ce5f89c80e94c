// Serves the customer chat page on the chat service's origin: the page (no inline script or style, a strict
// Content-Security-Policy), its stylesheet, and its script bundled into a classic script (customer-script.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../http/route-handler.ts';
import { customerScript } from './customer-script.ts';

interface CustomerChatRouteOptions {
  /** The WebSocket endpoint the page connects to (the browser must reach it). */
  readonly websocketUrl: string;
  /** The anonymous VirtualHost customers sign in to. */
  readonly guestDomain: string;
  /** The chat router's full JID. */
  readonly routerJid: string;
}

interface CustomerChatRoute {
  readonly route: RouteHandler;
  /** The page's path, e.g. "/chat/". */
  readonly path: string;
}

const STYLE = `
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1d2630; }
main { max-width: 36rem; margin: 2rem auto; background: #fff; border-radius: 8px; padding: 1.25rem 1.5rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 1.25rem; margin: 0 0 1rem; }
label { display: block; margin: .5rem 0 .25rem; font-weight: 600; }
input, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .4rem .5rem; }
button { font: inherit; padding: .4rem 1rem; margin-top: .75rem; }
#status { color: #44525f; min-height: 1.4em; }
#lines { list-style: none; padding: 0; margin: 1rem 0; max-height: 24rem; overflow-y: auto; }
.line { margin: .35rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.line .who { font-weight: 600; margin-right: .5rem; }
.from-system { color: #5b6770; font-style: italic; }
.pending { opacity: .6; }
#typing { color: #5b6770; min-height: 1.4em; font-size: .9em; }
`;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function page(options: CustomerChatRouteOptions, base: string): string {
  const a = escapeAttribute;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat with us</title>
<link rel="stylesheet" href="${a(base)}customer.css">
<script src="${a(base)}customer.js" defer></script>
</head>
<body data-service="${a(options.websocketUrl)}" data-guest-domain="${a(options.guestDomain)}" data-router="${a(options.routerJid)}">
<main>
<h1>Chat with us</h1>
<form id="start">
<label for="name">Your name</label>
<input id="name" name="name" autocomplete="name" maxlength="80" required>
<label for="question">Your question</label>
<textarea id="question" name="question" rows="3" maxlength="2000"></textarea>
<button type="submit">Start chat</button>
</form>
<section id="chat" hidden>
<p id="status" role="status"></p>
<ol id="lines" aria-live="polite"></ol>
<p id="typing"></p>
<form id="send">
<label for="message">Message</label>
<textarea id="message" rows="2"></textarea>
<button type="submit">Send</button>
<button type="button" id="end">End chat</button>
</form>
</section>
</main>
</body>
</html>
`;
}

/** The Content-Security-Policy of the page: only its own script and style, XMPP to the chat server only. */
function customerPagePolicy(websocketUrl: string): string {
  const origin = new URL(websocketUrl).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${origin}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function send(res: ServerResponse, status: number, type: string, body: string, csp: string | null): void {
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (csp) headers['content-security-policy'] = csp;
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * The customer chat page as a route for the chat service's listener (or the simulated world's). `options` may be a function, for a world whose
 * Prosody and router start after its routes are declared: until it returns options the page answers 503.
 */
export function customerChatRoute(
  options: CustomerChatRouteOptions | (() => CustomerChatRouteOptions | null),
  path = '/chat/',
): CustomerChatRoute {
  const base = path;
  const script = customerScript();
  const current = typeof options === 'function' ? options : () => options;
  const route: RouteHandler = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!url.pathname.startsWith(base) && url.pathname !== base.replace(/\/$/, '')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', null);
      return true;
    }
    const rest = url.pathname.slice(base.length);
    if (url.pathname === base.replace(/\/$/, '')) {
      res.writeHead(301, { location: base });
      res.end();
    } else if (rest === '' || rest === 'index.html') {
      const config = current();
      if (config)
        send(res, 200, 'text/html; charset=utf-8', page(config, base), customerPagePolicy(config.websocketUrl));
      else send(res, 503, 'text/plain; charset=utf-8', 'The chat service is starting; reload in a moment.', null);
    } else if (rest === 'customer.js') {
      send(res, 200, 'text/javascript; charset=utf-8', await script(), null);
    } else if (rest === 'customer.css') {
      send(res, 200, 'text/css; charset=utf-8', STYLE, null);
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found', null);
    }
    return true;
  };
  return { route, path: base };
}
