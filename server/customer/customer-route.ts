// The customer chat page on the chat service's origin (/chat/): a thin page that embeds the widget
// (server/widget/), so the simulator's customer page, the tests and customers' websites run the same code. No
// inline script or style, a strict Content-Security-Policy.
import type { ServerResponse } from 'node:http';
import type { RouteHandler } from '../http/route-handler.ts';
import { WIDGET_SCRIPT_PATH } from '../widget/widget-route.ts';

interface CustomerChatRoute {
  readonly route: RouteHandler;
  /** The page's path, e.g. "/chat/". */
  readonly path: string;
}

const STYLE = `
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1d2630; }
main { max-width: 36rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.25rem; margin: 0 0 1rem; }
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat with us</title>
<link rel="stylesheet" href="customer.css">
<script src="${WIDGET_SCRIPT_PATH}" defer></script>
</head>
<body>
<main>
<h1>Customer service</h1>
<finesse-blend-chat inline{{queue}}></finesse-blend-chat>
</main>
</body>
</html>
`;

/** The page's Content-Security-Policy: its own script and style, XMPP to the chat server only. */
export function customerPagePolicy(xmppUrl: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${new URL(xmppUrl).origin}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The page, its widget in the queue the chat link names (`/chat/?queue=billing`); the router checks the id. */
function page(queue: string | null): string {
  const id = (queue ?? '').slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '');
  return PAGE.replace('{{queue}}', queue ? ` queue="${id || '-'}"` : '');
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
 * The customer chat page as a route for the chat service's listener (or the simulated world's). `xmppUrl` is the
 * XMPP URL customers' browsers connect to (for the page's connect-src).
 */
export function customerChatRoute(xmppUrl: string, path = '/chat/'): CustomerChatRoute {
  const base = path;
  const route: RouteHandler = (req, res, url) => {
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
      send(res, 200, 'text/html; charset=utf-8', page(url.searchParams.get('queue')), customerPagePolicy(xmppUrl));
    } else if (rest === 'customer.css') {
      send(res, 200, 'text/css; charset=utf-8', STYLE, null);
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found', null);
    }
    return true;
  };
  return { route, path: base };
}
