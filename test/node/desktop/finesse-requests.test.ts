// What the desktop answers on finesse.info.requests, in the shapes Cisco's finesse.js master publisher uses:
// undefined for a done subscription, the library's error objects otherwise, connection info on the shared topic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DISCONNECTED_REPLY,
  NOT_CONNECTED_REPLY,
  XmppStanzaError,
  createRequestHandler,
} from '../../../sim/desktop/client/finesse-requests.ts';

interface Published {
  topic: string;
  data: unknown;
}

function setup(options: { connected?: boolean; refuse?: string; hold?: boolean } = {}) {
  const published: Published[] = [];
  const calls: string[] = [];
  const held: Array<() => void> = [];
  const nodes = {
    connected: options.connected ?? true,
    subscribeNode: async (node: string) => {
      calls.push(`sub ${node}`);
      if (options.hold) await new Promise<void>((r) => held.push(r));
      if (node === options.refuse) {
        throw new XmppStanzaError(
          'subscribe: forbidden',
          '<iq type="error"><error type="auth"><forbidden xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error></iq>',
        );
      }
    },
    unsubscribeNode: async (node: string) => {
      calls.push(`unsub ${node}`);
    },
  };
  const handler = createRequestHandler({ publish: (topic, data) => published.push({ topic, data }) }, nodes, () => ({
    status: nodes.connected ? 'connected' : 'disconnected',
    resourceID: 'desktop-1',
  }));
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const reply = (invokeID: string) => published.find((p) => p.topic === `finesse.info.responses.${invokeID}`);
  return { handler, published, calls, settle, reply, nodes, release: () => held.splice(0).forEach((r) => r()) };
}

test('SubscribeNodeReq subscribes the node and answers undefined on finesse.info.responses.<invokeID>', async () => {
  const t = setup();
  t.handler.onRequest('finesse.info.requests', {
    type: 'SubscribeNodeReq',
    data: { node: '/finesse/api/Team/10/Users' },
    invokeID: 'abc-1',
  });
  await t.settle();
  assert.deepEqual(t.calls, ['sub /finesse/api/Team/10/Users']);
  const reply = t.reply('abc-1');
  assert.ok(reply, 'a reply was published');
  assert.equal(reply.data, undefined);
});

test('subscribing to a node already subscribed is answered undefined too', async () => {
  const t = setup();
  t.handler.onRequest('x', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/User/1' }, invokeID: 'a' });
  t.handler.onRequest('x', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/User/1' }, invokeID: 'b' });
  await t.settle();
  assert.ok(t.reply('a') && t.reply('b'));
  assert.equal(t.reply('b')?.data, undefined);
});

test('without a connection the reply is the library\'s "Not connected" error and nothing reaches XMPP', async () => {
  const t = setup({ connected: false });
  t.handler.onRequest('x', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/Team/10/Users' }, invokeID: 'n1' });
  await t.settle();
  assert.deepEqual(t.reply('n1')?.data, {
    error: { errorType: 'Not connected', errorMessage: 'Cannot subscribe without connection.' },
  });
  assert.deepEqual(t.reply('n1')?.data, NOT_CONNECTED_REPLY);
  assert.deepEqual(t.calls, []);
});

test('an XMPP error is answered as {subscribe:{content, object}} with the error stanza as content', async () => {
  const t = setup({ refuse: '/finesse/api/Team/99/Users' });
  t.handler.onRequest('x', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/Team/99/Users' }, invokeID: 'bad' });
  await t.settle();
  const data = t.reply('bad')?.data as {
    subscribe: { content: string; object: { iq: { error: { forbidden: unknown } } } };
  };
  assert.match(data.subscribe.content, /^<iq type="error">.*<forbidden /);
  assert.ok('forbidden' in data.subscribe.object.iq.error, 'object is the stanza converted');
});

test('a connection that drops while the request is outstanding fails it as "Disconnected", once', async () => {
  const t = setup({ hold: true });
  t.handler.onRequest('x', {
    type: 'SubscribeNodeReq',
    data: { node: '/finesse/api/Team/10/Users' },
    invokeID: 'slow',
  });
  t.handler.connectionChanged('disconnected');
  t.release();
  await t.settle();
  const replies = t.published.filter((p) => p.topic === 'finesse.info.responses.slow');
  assert.equal(replies.length, 1);
  assert.deepEqual(replies[0]?.data, DISCONNECTED_REPLY);
  assert.deepEqual(replies[0]?.data, {
    error: { errorType: 'Disconnected', errorMessage: 'Outstanding request will never complete.' },
  });
});

test('UnsubscribeNodeReq carries {node, subid} and releases the node; the reply is undefined', async () => {
  const t = setup();
  t.handler.onRequest('x', { type: 'SubscribeNodeReq', data: { node: '/finesse/api/Team/10/Users' }, invokeID: 's1' });
  await t.settle();
  t.handler.onRequest('x', {
    type: 'UnsubscribeNodeReq',
    data: { node: '/finesse/api/Team/10/Users', subid: 's1' },
    invokeID: 'u1',
  });
  await t.settle();
  assert.deepEqual(t.calls, ['sub /finesse/api/Team/10/Users', 'unsub /finesse/api/Team/10/Users']);
  assert.ok(t.reply('u1'));
  assert.equal(t.reply('u1')?.data, undefined);
});

test('ConnectionInfoReq is answered on finesse.info.connection with {status, resourceID} and the invokeID when given', () => {
  const t = setup();
  t.handler.onRequest('x', { type: 'ConnectionInfoReq', data: {}, invokeID: 1700000000000 });
  t.handler.onRequest('x', { type: 'ConnectionInfoReq', data: {} });
  assert.deepEqual(t.published, [
    {
      topic: 'finesse.info.connection',
      data: { status: 'connected', resourceID: 'desktop-1', invokeID: 1700000000000 },
    },
    { topic: 'finesse.info.connection', data: { status: 'connected', resourceID: 'desktop-1' } },
  ]);
});

test('junk, non-Finesse nodes and invokeIDs that are not one topic token never reach XMPP', async () => {
  const t = setup();
  t.handler.onRequest('x', 'not an object');
  t.handler.onRequest('x', { type: 'SubscribeNodeReq', data: { node: 'http://evil/' }, invokeID: 'e1' });
  t.handler.onRequest('x', {
    type: 'SubscribeNodeReq',
    data: { node: '/finesse/api/User/1' },
    invokeID: 'bad.topic.*',
  });
  await t.settle();
  assert.deepEqual(t.calls, []);
  assert.deepEqual(
    t.published.map((p) => p.topic),
    ['finesse.info.responses.e1'],
  );
  assert.match(JSON.stringify(t.reply('e1')?.data), /data\.node must be a Finesse node path/);
});
