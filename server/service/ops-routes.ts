// The operations endpoints: /healthz (the process answers), /readyz (signed in to XMPP and routing) and
// /metrics (Prometheus text).
import type { RouteHandler } from '../http/route-handler.ts';
import type { RouterStats } from '../router/chat-router.ts';
import type { DirectoryStats, ServiceMetrics, ServiceRole } from './metrics.ts';

interface OpsSource {
  /** The router's numbers now. */
  stats(): RouterStats;
  /** True once the service is stopping (it then reports not ready, so a balancer drains it). */
  stopping(): boolean;
  /** Whether this instance routes, waits as the standby, or stopped (default: active). */
  role?(): ServiceRole;
  readonly metrics: ServiceMetrics;
  /** The Finesse directory's age and size; absent or null when the service reads no directory. */
  directory?(): DirectoryStats | null;
}

function json(res: Parameters<RouteHandler>[1], status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The three ops routes on one handler. */
export function opsRoutes(source: OpsSource): RouteHandler {
  return (req, res, url) => {
    if (!['/healthz', '/readyz', '/metrics'].includes(url.pathname)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return true;
    }
    if (url.pathname === '/healthz') {
      json(res, 200, { status: 'up' });
    } else if (url.pathname === '/readyz') {
      const stats = source.stats();
      const role = source.role?.() ?? 'active';
      if (source.stopping()) json(res, 503, { ready: false, reason: 'The chat service is stopping.' });
      else if (role === 'standby')
        json(res, 503, {
          ready: false,
          role,
          reason:
            'This instance is the standby: another instance is routing chats, and this one takes over if it stops.',
        });
      else if (role === 'starting')
        json(res, 503, { ready: false, role, reason: 'The chat service is opening its store.' });
      else if (role === 'stopped')
        json(res, 503, {
          ready: false,
          role,
          reason: 'This instance lost its store and stopped routing: it must be restarted (its supervisor does that).',
        });
      else if (!stats.online)
        json(res, 503, {
          ready: false,
          reason: 'The router is not signed in to the XMPP server (connecting or reconnecting).',
        });
      else json(res, 200, { ready: true });
    } else {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
      res.end(source.metrics.render(source.stats(), source.role?.() ?? 'active', source.directory?.() ?? null));
    }
    return true;
  };
}
