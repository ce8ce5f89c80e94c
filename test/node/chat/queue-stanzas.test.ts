// The queue parts of the chat profile, both ends through the same codec: the customer's queue attribute, the queues
// listed in the assignments answer (and skipped by what predates them), and a transfer naming a queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $iq } from 'strophe.js';
import { readAssignments, transferIq } from '../../../src/core/chat/xmpp/profile/agent-side.ts';
import { assignmentsElement, readAgentRequest } from '../../../server/router/router-stanzas.ts';
import { chatRequestIq, readRequestedQueue } from '../../../server/router/customer-stanzas.ts';

const FIELDS = [{ name: 'name', label: 'Name', value: 'Jane' }];

test('a chat request carries the chosen queue as an attribute; without one it names none', () => {
  assert.equal(readRequestedQueue(chatRequestIq('router@x/router', FIELDS, 'billing').tree()), 'billing');
  assert.equal(readRequestedQueue(chatRequestIq('router@x/router', FIELDS).tree()), null);
});

test("the assignments answer lists the router's queues after chats and offers; each offer names its queue", () => {
  const offer = {
    chatId: 'c1',
    customerName: 'Jane',
    customerJid: null,
    context: [],
    expiresAt: Date.parse('2026-01-01T00:00:00.000Z'),
    transferredFrom: null,
    queue: 'sales',
  };
  const answer = $iq({ type: 'result' })
    .cnode(
      assignmentsElement({ chats: [], offers: [offer] }, [
        { id: 'billing', name: 'Billing' },
        { id: 'sales', name: 'Sales & Renewals' },
      ]).tree(),
    )
    .tree();
  const list = readAssignments(answer);
  assert.deepEqual(list?.queues, [
    { id: 'billing', name: 'Billing' },
    { id: 'sales', name: 'Sales & Renewals' },
  ]);
  assert.equal(list?.offers[0]?.queue, 'sales');
  assert.equal(list?.offers.length, 1, 'queue entries are not read as offers');

  const older = $iq({ type: 'result' })
    .cnode(assignmentsElement({ chats: [], offers: [] }).tree())
    .tree();
  assert.deepEqual(readAssignments(older)?.queues, [], 'a router that lists no queues: no transfer targets');
});

test('a transfer names the other queue by id; without one it is back to the same queue', () => {
  const to = (iq: ReturnType<typeof transferIq>) => readAgentRequest(iq.tree());
  assert.deepEqual(to(transferIq('router@x/router', 'c1', { kind: 'queue', queueId: 'sales' })), {
    kind: 'transfer',
    chatId: 'c1',
    target: { kind: 'queue', queueId: 'sales' },
  });
  assert.deepEqual(to(transferIq('router@x/router', 'c1', { kind: 'queue' })), {
    kind: 'transfer',
    chatId: 'c1',
    target: { kind: 'queue' },
  });
  assert.deepEqual(to(transferIq('router@x/router', 'c1', { kind: 'agent', agentId: '1001002' }))?.kind, 'transfer');
});
