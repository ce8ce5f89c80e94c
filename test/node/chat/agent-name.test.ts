// What customers see of the agent: the gadget sends its first name with its availability, cleaned, and nothing
// when it has none (the router then says "an agent"), so the login id never reaches a customer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availabilityPresence } from '../../../src/core/chat/xmpp/profile/agent-side.ts';
import { agentDisplayName } from '../../../src/core/chat/xmpp/profile/shared.ts';

const ROUTER = 'chat-router@example.com/router';
const READY = { state: 'READY', active: 0, max: 5 } as const;

function nameSent(name: string | null): string | null {
  const availability = availabilityPresence(ROUTER, READY, name).tree().getElementsByTagName('availability')[0];
  assert.ok(availability);
  return availability.getAttribute('name');
}

test("the availability carries the agent's first name for customers", () => {
  assert.equal(nameSent('Ana María'), 'Ana María');
});

test('no first name, no name: the router falls back to a neutral word', () => {
  assert.equal(nameSent(null), null);
  assert.equal(nameSent('  \t '), null);
});

test('a first name is one line, bounded, and never a nick the room reserves', () => {
  assert.equal(agentDisplayName(' Jo\n\u0007 Ann '), 'Jo Ann');
  assert.equal(agentDisplayName('x'.repeat(100))?.length, 40);
  assert.equal(agentDisplayName('Customer'), null);
  assert.equal(agentDisplayName('router'), null);
});
