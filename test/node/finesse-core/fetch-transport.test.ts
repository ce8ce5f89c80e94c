import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchTransport } from '../../../src/core/finesse/rest/fetch-transport.ts';
import { TransportError, isTransportError } from '../../../src/core/finesse/rest/http-transport.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server on a free port; `handle` decides each answer. Always closed by the test. */
async function startServer(
  handle: (seen: Seen, res: ServerResponse) => void,
): Promise<{ base: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      handle(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('fetchTransport sends method, headers and body, and returns status, lower-cased headers and body', async () => {
  const server = await startServer((_seen, res) => {
    res.writeHead(202, { 'X-Finesse-Thing': 'yes', 'Content-Type': 'application/xml' });
    res.end();
  });
  try {
    const response = await fetchTransport().request({
      method: 'PUT',
      url: `${server.base}/finesse/api/User/1001`,
      headers: { 'Content-Type': 'application/xml', requestId: 'r-1' },
      body: '<User><state>READY</state></User>',
      timeoutMs: 5000,
    });
    assert.equal(response.status, 202);
    assert.equal(response.headers['x-finesse-thing'], 'yes');
    assert.equal(response.body, '');
    const [seen] = server.seen;
    assert.equal(seen?.method, 'PUT');
    assert.equal(seen?.url, '/finesse/api/User/1001');
    assert.equal(seen?.headers['requestid'], 'r-1');
    assert.equal(seen?.body, '<User><state>READY</state></User>');
  } finally {
    await server.close();
  }
});

test('an error status is an answer, not a rejection', async () => {
  const server = await startServer((_seen, res) => {
    res.writeHead(503, { 'Content-Type': 'application/xml' });
    res.end('<ApiErrors><ApiError><ErrorType>Service Unavailable</ErrorType></ApiError></ApiErrors>');
  });
  try {
    const response = await fetchTransport().request({
      method: 'GET',
      url: `${server.base}/x`,
      headers: {},
      timeoutMs: 5000,
    });
    assert.equal(response.status, 503);
    assert.match(response.body, /Service Unavailable/);
  } finally {
    await server.close();
  }
});

test('a server that answers too slowly gives a typed timeout', async () => {
  const pending: ServerResponse[] = [];
  const server = await startServer((_seen, res) => pending.push(res)); // never answers by itself
  try {
    await assert.rejects(
      fetchTransport().request({ method: 'GET', url: `${server.base}/slow`, headers: {}, timeoutMs: 100 }),
      (e: unknown) => isTransportError(e) && e.failure === 'timeout',
    );
  } finally {
    for (const res of pending) res.destroy();
    await server.close();
  }
});

test('a connection dropped without an answer gives a typed network error', async () => {
  const server = await startServer((_seen, res) => res.socket?.destroy());
  try {
    await assert.rejects(
      fetchTransport().request({ method: 'GET', url: `${server.base}/drop`, headers: {}, timeoutMs: 5000 }),
      (e: unknown) => e instanceof TransportError && e.failure === 'network',
    );
  } finally {
    await server.close();
  }
});

test("the caller's signal cancels the request with a typed abort", async () => {
  const pending: ServerResponse[] = [];
  const server = await startServer((_seen, res) => pending.push(res));
  try {
    const controller = new AbortController();
    const request = fetchTransport().request({
      method: 'GET',
      url: `${server.base}/wait`,
      headers: {},
      timeoutMs: 5000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(request, (e: unknown) => isTransportError(e) && e.failure === 'aborted');
  } finally {
    for (const res of pending) res.destroy();
    await server.close();
  }
});

test('a network failure does not carry the request headers in its error', async () => {
  const secret = 'Basic c2VjcmV0OnBhc3N3b3Jk';
  const failing = fetchTransport(() => Promise.reject(new Error(`boom with ${secret}`)));
  await assert.rejects(
    failing.request({
      method: 'GET',
      url: 'http://127.0.0.1:9/x',
      headers: { Authorization: secret },
      timeoutMs: 1000,
    }),
    (e: unknown) =>
      isTransportError(e) && !JSON.stringify({ ...e, message: e.message, stack: e.stack }).includes('c2VjcmV0'),
  );
});
