// A stand-in for a customer's own website (not Cisco, not the chat service): one page on an origin of its own that
// embeds the chat widget from the chat service, under a strict Content-Security-Policy with no 'unsafe-inline' and
// no 'unsafe-eval'. It shows what an embedding site needs to allow, and the end-to-end tests load the widget here.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CustomerSiteHandle {
  /** The page, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  /** The site's origin (for the chat service's widget.allowedOrigins). */
  readonly origin: string;
  /** Points the page at the chat service (its origin) and the XMPP URL customers connect to. */
  setService(serviceOrigin: string, xmppUrl: string): void;
  stop(): Promise<void>;
}

const STYLE = `body { font: 16px/1.5 Georgia, serif; margin: 2rem; color: #222; }
header { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }`;

/** The policy an embedding site needs: the widget's script and settings from the service, XMPP to the chat server. */
export function customerSitePolicy(serviceOrigin: string, xmppUrl: string): string {
  return [
    "default-src 'self'",
    `script-src ${serviceOrigin}`,
    `connect-src ${serviceOrigin} ${new URL(xmppUrl).origin}`,
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

function page(serviceOrigin: string, queue: string | null): string {
  const queueAttr = queue && /^[\w-]{1,64}$/.test(queue) ? ` queue="${queue}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Example Shop</title>
<link rel="stylesheet" href="/site.css">
<script src="${serviceOrigin}/widget/finesse-blend-chat.js" async></script>
</head>
<body>
<header><h1>Example Shop</h1></header>
<main><p>Questions about an order? Use the chat button.</p></main>
<finesse-blend-chat service="${serviceOrigin}"${queueAttr}></finesse-blend-chat>
</body>
</html>
`;
}

/** Starts the sample site on a free port of `host`; it answers 503 until `setService` is called. */
export async function startCustomerSite(host = '127.0.0.1'): Promise<CustomerSiteHandle> {
  let service: { origin: string; xmppUrl: string } | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204); // no icon, and no 404 in the browser's console
      res.end();
    } else if (url.pathname === '/site.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      res.end(STYLE);
    } else if (url.pathname === '/' && service) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': customerSitePolicy(service.origin, service.xmppUrl),
      });
      res.end(page(service.origin, url.searchParams.get('queue')));
    } else {
      res.writeHead(url.pathname === '/' ? 503 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(url.pathname === '/' ? 'The sample site is starting.' : 'Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    setService(serviceOrigin, xmppUrl) {
      service = { origin: serviceOrigin, xmppUrl };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
