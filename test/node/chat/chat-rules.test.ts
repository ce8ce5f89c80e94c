// The pure rules under the chat channel and the router: text XML can carry, de-duplication, backoff, who is offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { messageText, toXmlText } from '../../../src/core/chat/chat-text.ts';
import { ConversationLog } from '../../../src/core/chat/conversation-log.ts';
import { RECONNECT_BACKOFF } from '../../../src/core/chat/reconnect-backoff.ts';
import { backoffDelay } from '../../../src/core/shared/backoff.ts';
import { hasCapacity, pickAgent, type AgentView } from '../../../server/router/routing-policy.ts';

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

test('any string becomes text XML can carry, and text XML can carry is left alone (except line ends)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const out = toXmlText(s);
      assert.match(out, XML_CHAR);
      assert.ok(!out.includes('\r'));
    }),
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const clean = s.replace(/[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''); // eslint-disable-line no-control-regex
      assert.equal(toXmlText(clean), clean);
    }),
  );
  assert.equal(toXmlText('a\u0000b\r\nc\rd\uD83D'), 'a\uFFFDb\nc\nd\uFFFD');
  assert.equal(toXmlText('😀'), '😀');
  const empty = messageText(' \t\n');
  assert.equal(!empty.ok && empty.error, 'empty');
});

test('the log takes each message once and confirms its own by id', () => {
  const log = new ConversationLog('c1');
  const mine = log.addOutgoing('m1', 'Ava', 'hello', 1);
  assert.equal(mine.pending, true);
  assert.deepEqual(
    log.unsent().map((m) => m.id),
    ['m1'],
  );
  log.markSent('m1');
  assert.deepEqual(log.unsent(), []);
  log.streamLost();
  assert.deepEqual(
    log.unsent().map((m) => m.id),
    ['m1'],
    'a fresh stream sends unconfirmed messages again',
  );
  const line = { id: 'x1', sender: 'customer' as const, senderName: 'Jane', text: 'hi', at: 2 };
  assert.equal(log.receive(line).kind, 'new');
  assert.equal(log.receive(line).kind, 'duplicate');
  assert.equal(log.receive({ ...line, id: 'm1', sender: 'self' }).kind, 'confirmed');
  assert.equal(log.receive({ ...line, id: 'm1', sender: 'self' }).kind, 'duplicate');
  assert.equal(log.pendingCount(), 0);
  assert.deepEqual(
    log.transcript().map((m) => [m.id, m.pending]),
    [
      ['m1', false],
      ['x1', false],
    ],
  );
});

test('reconnect delays grow, stay within the cap, and are spread by jitter', () => {
  const delays = [0, 1, 2, 3, 10, 40].map((n) => backoffDelay(RECONNECT_BACKOFF, n, () => 1));
  assert.deepEqual(delays, [250, 500, 1000, 2000, 15000, 15000]);
  assert.equal(
    backoffDelay(RECONNECT_BACKOFF, 0, () => 0),
    175,
  );
});

const agent = (over: Partial<AgentView>): AgentView => ({
  jid: 'a@x',
  online: true,
  state: 'READY',
  reportedActive: 0,
  max: 2,
  assigned: 0,
  offered: 0,
  idleSince: 0,
  ...over,
});

test('only READY or ACTIVE agents below M are offered chats, longest idle first', () => {
  for (const state of ['INTERRUPTED', 'BUSY', 'NOT_READY', 'OFFLINE'] as const)
    assert.equal(hasCapacity(agent({ state })), false);
  assert.equal(hasCapacity(agent({ online: false })), false);
  assert.equal(hasCapacity(agent({ state: 'ACTIVE', reportedActive: 1 })), true);
  assert.equal(hasCapacity(agent({ state: 'ACTIVE', reportedActive: 1, offered: 1 })), false);
  assert.equal(hasCapacity(agent({ reportedActive: 0, assigned: 2 })), false, 'the router counts what it assigned');
  const agents = [
    agent({ jid: 'late@x', idleSince: 50 }),
    agent({ jid: 'early@x', idleSince: 10 }),
    agent({ jid: 'busy@x', state: 'BUSY', idleSince: 0 }),
  ];
  assert.equal(pickAgent(agents, new Map(), 100, 30, null)?.jid, 'early@x');
  assert.equal(pickAgent(agents, new Map([['early@x', 90]]), 100, 30, null)?.jid, 'late@x');
  const bothPassed = new Map([
    ['early@x', 90],
    ['late@x', 95],
  ]);
  assert.equal(pickAgent(agents, bothPassed, 100, 30, null), null, 'no one again before the retry period');
  assert.equal(pickAgent(agents, bothPassed, 121, 30, null)?.jid, 'early@x');
  assert.equal(pickAgent(agents, new Map(), 100, 30, 'late@x')?.jid, 'late@x', 'a transfer to a named agent');
});
