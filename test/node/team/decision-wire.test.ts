// A blending decision on the wire: every kind of cause goes out as attributes and comes back equal; free text (an
// error's own words) never leaves the agent; malformed or unknown decisions are not read; an OFFLINE presence
// carries none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DecisionEntry } from '../../../src/core/blending/decision-log.ts';
import type { LogCause } from '../../../src/core/blending/causes.ts';
import { decisionAttrs, decisionElement, readDecision } from '../../../src/core/chat/xmpp/profile/decision-wire.ts';
import { availabilityPresence } from '../../../src/core/chat/xmpp/profile/agent-side.ts';

const AT = Date.parse('2026-03-04T05:06:07.000Z');
const entry = (cause: LogCause, kind: DecisionEntry['kind'] = 'chat-availability'): DecisionEntry => ({
  seq: 3,
  at: AT,
  kind,
  cause,
});
const roundTrip = (e: DecisionEntry): DecisionEntry | null => readDecision(decisionElement(e).tree());

const CAUSES: LogCause[] = [
  { kind: 'chat-availability', chat: { kind: 'chats-active', count: 2, max: 3 }, signedIn: false },
  {
    kind: 'chat-availability',
    chat: { kind: 'routed-work', work: { kind: 'acd-call', callType: 'ACD_IN' }, continuing: 1 },
    signedIn: true,
  },
  {
    kind: 'chat-availability',
    chat: { kind: 'voice-not-ready', reason: { kind: 'label', label: 'Break' }, continuing: 0 },
    signedIn: false,
  },
  { kind: 'chat-availability', chat: { kind: 'internal-call', callType: null }, signedIn: false },
  {
    kind: 'chat-availability',
    chat: { kind: 'holding', hold: { kind: 'finesse-down' }, continuing: 2 },
    signedIn: false,
  },
  {
    kind: 'voice-request',
    intent: { kind: 'answer-ready', label: 'Handling Chat', count: 2 },
    attempt: 2,
    maxAttempts: 3,
  },
  { kind: 'voice-confirmed', request: { state: 'NOT_READY', label: 'Handling Chat' } },
  { kind: 'voice-refused', request: { state: 'READY', label: null } },
  { kind: 'voice-retry', request: { state: 'READY', label: null }, problem: 'timeout', delayMs: 1500 },
  { kind: 'declined-reservation', failure: null },
  { kind: 'declined-reservation', failure: 'refused' },
  { kind: 'declined-unavailable', chat: { kind: 'voice-transient', state: 'RESERVED' } },
  { kind: 'chat-accepted', label: 'Handling Chat', count: 1 },
  { kind: 'chats-handed-back', count: 2 },
  { kind: 'holding-still', hold: { kind: 'node-move', from: 'side-a.example.com', to: 'side-b.example.com' } },
  { kind: 'owner-here' },
];

test('every kind of cause comes back as it went out', () => {
  for (const cause of CAUSES) assert.deepEqual(roundTrip(entry(cause)), entry(cause), JSON.stringify(cause));
});

test("an error's own words never travel: detail and an unknown retry problem are left out", () => {
  const failed = entry({ kind: 'voice-failed', request: { state: 'READY', label: null }, detail: 'secret text' });
  assert.ok(!Object.values(decisionAttrs(failed)).some((v) => v.includes('secret')));
  assert.deepEqual(roundTrip(failed)?.cause, {
    kind: 'voice-failed',
    request: { state: 'READY', label: null },
    detail: '',
  });
  const retry = entry({
    kind: 'voice-retry',
    request: { state: 'READY', label: null },
    problem: 'Server said: x',
    delayMs: 9,
  });
  assert.ok(!Object.values(decisionAttrs(retry)).some((v) => v.includes('Server')));
  assert.equal(roundTrip(retry)?.cause.kind, 'voice-retry');
});

test('a label is one line of at most 40 characters', () => {
  const sent = decisionAttrs(entry({ kind: 'chat-accepted', label: `Handling\n${'x'.repeat(60)}`, count: 1 }));
  assert.equal(sent['label']?.length, 40);
  assert.ok(!sent['label']?.includes('\n'));
});

test('an unknown kind, a missing number or a bad time is not read', () => {
  const el = (attrs: Record<string, string>): Element => {
    const base = decisionElement(entry({ kind: 'chats-handed-back', count: 2 }, 'chats-handed-back')).tree();
    for (const [k, v] of Object.entries(attrs)) base.setAttribute(k, v);
    return base;
  };
  assert.notEqual(readDecision(el({})), null);
  assert.equal(readDecision(el({ cause: 'format-disk' })), null);
  assert.equal(readDecision(el({ kind: 'whatever' })), null);
  assert.equal(readDecision(el({ count: 'two' })), null);
  assert.equal(readDecision(el({ at: 'yesterday' })), null);
});

test('the availability carries the latest decisions, oldest first, except when going OFFLINE', () => {
  const first = { ...entry({ kind: 'owner-here' }, 'ownership'), seq: 2 };
  const latest = entry({ kind: 'chat-accepted', label: 'Handling Chat', count: 1 }, 'offer-accepted');
  const ready = availabilityPresence('router@x/router', { state: 'ACTIVE', active: 1, max: 3 }, null, [
    first,
    latest,
  ]).tree();
  const sent = [...ready.getElementsByTagName('decision')].map((d) => readDecision(d));
  assert.deepEqual(sent, [first, latest]);
  const offline = availabilityPresence('router@x/router', { state: 'OFFLINE', active: 0, max: 3 }, null, [
    latest,
  ]).tree();
  assert.equal(offline.getElementsByTagName('decision').length, 0);
});
