// What the desktop answers on finesse.info.requests: node subscriptions on its XMPP connection, replies on
// finesse.info.responses.<invokeID>, and connection info on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequestHandler, type FinesseResponse } from '../../../sim/desktop/client/finesse-requests.ts';

function setup(failNode?: string) {
  const published: Array<{ topic: string; data: unknown }> = [];
  const calls: string[] = [];
  let infoRequests = 0;
  const handler = createRequestHandler(
    { publish: (topic, data) => published.push({ topic, data }) },
    {
      subscribeNode: async (node) => { calls.push(`sub ${node}`); if (node === failNode) throw new Error('forbidden'); },
      unsubscribeNode: async (node) => { calls.push(`unsub ${node}`); },
    },
    () => { infoRequests += 1; },
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { handler, published, calls, infoRequests: () => infoRequests, settle };
}

test('SubscribeNodeReq subscribes the node and answers on the invokeID topic', async () => {
  const t = setup();
  t.handler('finesse.info.requests', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/Team/1/Users' }, invokeID: 'abc-1' });
  await t.settle();
  assert.deepEqual(t.calls, ['sub /finesse/api/Team/1/Users']);
  assert.equal(t.published[0]?.topic, 'finesse.info.responses.abc-1');
  const reply = t.published[0]?.data as FinesseResponse;
  assert.equal(reply.status, 'success');
  assert.equal(reply.invokeID, 'abc-1');
});

test('a refused subscription is answered with an error, and UnsubscribeNodeReq releases the node', async () => {
  const t = setup('/finesse/api/Team/9/Users');
  t.handler('x', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/Team/9/Users' }, invokeID: 'bad' });
  t.handler('x', { type: 'UnsubscribeNodeReq', data: { node: '/finesse/api/Team/1/Users', subid: 'abc-1' }, invokeID: 'u1' });
  await t.settle();
  const byTopic = new Map(t.published.map((p) => [p.topic, p.data as FinesseResponse]));
  assert.equal(byTopic.get('finesse.info.responses.bad')?.status, 'failure');
  assert.match(byTopic.get('finesse.info.responses.bad')?.error?.errorMessage ?? '', /forbidden/);
  assert.equal(byTopic.get('finesse.info.responses.u1')?.status, 'success');
  assert.ok(t.calls.includes('unsub /finesse/api/Team/1/Users'));
});

test('ConnectionInfoReq re-publishes the connection; junk and non-Finesse nodes never reach XMPP', async () => {
  const t = setup();
  t.handler('x', { type: 'ConnectionInfoReq', data: {} });
  t.handler('x', 'not an object');
  t.handler('x', { type: 'SubscribeNodeReq', data: { node: 'http://evil/' }, invokeID: 'e1' });
  t.handler('x', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/User/1' }, invokeID: 'bad.topic.*' });
  await t.settle();
  assert.equal(t.infoRequests(), 1);
  assert.deepEqual(t.calls, ['sub /finesse/api/User/1']);
  assert.deepEqual(t.published.map((p) => p.topic), ['finesse.info.responses.e1'], 'an invokeID that is not one topic token gets no reply');
});
