// The diagnostics page's chat probes against a real Prosody and the router: the WebSocket and BOSH endpoints answer
// (and an address where nothing or something else listens does not), the agent signs in on a resource of its own
// (wrong password refused), asks the router for its assignments and signs out, while the agent's running chat channel
// stays online and the router keeps the agent as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import WebSocket from 'ws';
import {
  probeBosh,
  probeWebSocket,
  type OpenWebSocket,
  type PostXml,
  type ProbeWebSocket,
} from '../../../src/core/chat/xmpp/endpoint-probe.ts';
import { probeSignIn } from '../../../src/core/chat/xmpp/sign-in-probe.ts';
import { createStropheConnection } from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import { systemTimers } from '../../../src/core/shared/timers.ts';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import type { ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import { signInAgent, startTestRouter, unique, waitFor } from './chat-test-kit.ts';

const openWs: OpenWebSocket = (url, protocol) => new WebSocket(url, protocol) as unknown as ProbeWebSocket;
const post: PostXml = async (url, body, signal) => {
  const r = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, signal });
  return { status: r.status, text: await r.text() };
};

let prosody: ChatProsodyHandle;
let router: ChatRouterHandle;
/** A loopback port nothing listens on. */
let closedPort = 0;

before(async () => {
  prosody = await startProsody({ chat: true });
  router = await startTestRouter(prosody);
  closedPort = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
});
after(async () => {
  await router?.stop();
  await prosody?.stop();
});

/** The diagnostics sign-in probe against this file's Prosody, as the account given. */
const probeAs = (username: string, password: string) =>
  probeSignIn({
    service: prosody.websocketUrl,
    domain: prosody.domain,
    credentials: { kind: 'password', username, password: new Secret(password) },
    resource: 'diagnostics-test',
    createConnection: createStropheConnection,
    clock: systemTimers,
    timeoutMs: 5000,
  });

test('the WebSocket endpoint answers an <open/> with the xmpp subprotocol; a wrong path and a closed port do not', async () => {
  const up = await probeWebSocket(prosody.websocketUrl, prosody.domain, openWs, systemTimers, 5000);
  assert.equal(up.answered, true);
  const wrongPath = prosody.websocketUrl.replace(/\/[^/]*$/, '/no-websocket-here');
  assert.deepEqual(await probeWebSocket(wrongPath, prosody.domain, openWs, systemTimers, 5000), {
    answered: false,
    why: 'refused',
  });
  assert.deepEqual(
    await probeWebSocket(`ws://127.0.0.1:${closedPort}/xmpp-websocket`, prosody.domain, openWs, systemTimers, 5000),
    { answered: false, why: 'refused' },
  );
});

test('the BOSH endpoint answers a session-creation body with a session; a closed port is refused, a plain page is not BOSH', async () => {
  const up = await probeBosh(prosody.boshUrl, prosody.domain, post, systemTimers, 5000);
  assert.equal(up.answered, true);
  assert.deepEqual(
    await probeBosh(`http://127.0.0.1:${closedPort}/http-bind`, prosody.domain, post, systemTimers, 5000),
    { answered: false, why: 'refused' },
  );
  const elsewhere = await probeBosh(
    prosody.boshUrl.replace(/\/[^/]*$/, '/not-bosh'),
    prosody.domain,
    post,
    systemTimers,
    5000,
  );
  assert.equal(elsewhere.answered, false);
});

test('sign-in probe with the agent’s password, while the agent’s channel runs', async () => {
  const id = unique('diag');
  await prosody.register(id, 'agent-pw');
  const agent = await signInAgent(prosody, router, { account: { id, password: 'agent-pw' } });
  const eventsBefore = agent.events.length;
  try {
    const probe = await probeAs(id, 'agent-pw');
    assert.equal(probe.ok, true);
    if (!probe.ok) return;
    const answer = await probe.value.askRouter(router.jid);
    assert.deepEqual(answer, { ok: true, value: { queues: 1 } }, 'the router lists its one default queue');
    await probe.value.close();
    // The running channel was not replaced and the router still has the agent as it published itself.
    assert.equal(agent.channel.status(), 'online');
    await waitFor('the router to still see the agent ready', () =>
      router.snapshot().agents.find((a) => a.jid.startsWith(`${id}@`) && a.online && a.state === 'READY'),
    );
    assert.equal(
      agent.events.slice(eventsBefore).some((e) => e.type === 'status'),
      false,
      'the agent’s channel saw no status change (it stayed online)',
    );
  } finally {
    await agent.channel.signOut();
  }
});

test('sign-in probe with a wrong password is refused as auth-failed; a router that is not signed in does not answer', async () => {
  const id = unique('diag');
  await prosody.register(id, 'right-pw');
  const refused = await probeAs(id, 'wrong-pw');
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.equal(refused.error.code, 'auth-failed');

  const probe = await probeAs(id, 'right-pw');
  assert.equal(probe.ok, true);
  if (!probe.ok) return;
  const answer = await probe.value.askRouter(`nobody-${id}@${prosody.domain}/router`);
  await probe.value.close();
  assert.equal(answer.ok, false);
  if (!answer.ok)
    assert.deepEqual(answer.error.kind === 'error' ? answer.error.condition : answer.error.kind, 'service-unavailable');
});
