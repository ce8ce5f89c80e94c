// fetchTransport in a real browser against a real HTTP server: the test runner's own dev server, which serves
// the fixtures beside this file (a Finesse-shaped path under fixtures/finesse/api) and 404s anything else.
import { expect } from '@open-wc/testing';
import { fetchTransport, type FetchLike } from '../../../src/core/finesse/rest/fetch-transport.ts';
import { isTransportError, type TransportFailure } from '../../../src/core/finesse/rest/http-transport.ts';
import { createFinesseClient } from '../../../src/core/finesse/rest/finesse-client.ts';

const fixtures = new URL('./fixtures', import.meta.url).href;

async function failureOf(promise: Promise<unknown>): Promise<TransportFailure | 'resolved' | 'other'> {
  try {
    await promise;
    return 'resolved';
  } catch (e) {
    return isTransportError(e) ? e.failure : 'other';
  }
}

describe('fetchTransport in the browser', () => {
  it('returns status, lower-cased headers and the body of a real answer', async () => {
    const response = await fetchTransport().request({
      method: 'GET',
      url: `${fixtures}/finesse/api/SystemInfo`,
      headers: { Accept: 'application/xml', requestId: 'browser-1' },
      timeoutMs: 5000,
    });
    expect(response.status).to.equal(200);
    expect(response.body).to.contain('<status>IN_SERVICE</status>');
    for (const name of Object.keys(response.headers)) expect(name).to.equal(name.toLowerCase());
  });

  it('resolves a 404 as an answer rather than rejecting', async () => {
    const response = await fetchTransport().request({
      method: 'GET',
      url: `${fixtures}/finesse/api/User/nobody`,
      headers: {},
      timeoutMs: 5000,
    });
    expect(response.status).to.equal(404);
  });

  it('rejects with a typed network error when nothing answers', async () => {
    // Nothing listens on port 1 of the loopback interface: the connection is refused at once.
    const failure = await failureOf(
      fetchTransport().request({
        method: 'GET',
        url: 'http://127.0.0.1:1/finesse/api/SystemInfo',
        headers: {},
        timeoutMs: 5000,
      }),
    );
    expect(failure).to.equal('network');
  });

  it('turns its own deadline into a typed timeout', async () => {
    // A fetch that only ever ends by its abort signal, as a stalled server would.
    const stalled: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const failure = await failureOf(
      fetchTransport(stalled).request({ method: 'GET', url: `${fixtures}/x`, headers: {}, timeoutMs: 50 }),
    );
    expect(failure).to.equal('timeout');
  });

  it("honours the caller's abort signal", async () => {
    const controller = new AbortController();
    controller.abort();
    const failure = await failureOf(
      fetchTransport().request({
        method: 'GET',
        url: `${fixtures}/finesse/api/SystemInfo`,
        headers: {},
        timeoutMs: 5000,
        signal: controller.signal,
      }),
    );
    expect(failure).to.equal('aborted');
  });

  it('carries the Finesse client end to end: typed SystemInfo, and 404 as not-found', async () => {
    const client = createFinesseClient({
      baseUrl: fixtures,
      auth: { kind: 'basic', id: 'agent1', password: 'secret' },
      transport: fetchTransport(),
    });
    const info = await client.getSystemInfo();
    expect(info.ok).to.equal(true);
    if (info.ok) {
      expect(info.value.status).to.equal('IN_SERVICE');
      expect(info.value.deploymentType).to.equal('UCCE');
    }
    const user = await client.getUser('nobody');
    expect(user.ok).to.equal(false);
    if (!user.ok) expect(user.error.kind).to.equal('not-found');
  });
});
