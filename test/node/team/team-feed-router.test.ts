// The router's team feed as a unit (server/router/team-feed.ts): before the directory's first read a subscription
// is asked to wait, a malformed request is a bad request, pushes go only to the sessions following the member's
// team, the last 20 decisions are kept per agent, and a subscriber that goes unavailable gets nothing more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $pres, type Builder } from 'strophe.js';
import { TeamFeed } from '../../../server/router/team-feed.ts';
import { buildDirectory, type Directory } from '../../../server/directory/directory.ts';
import { directoryUser as user } from './directory-user.ts';
import {
  readDecisions,
  readMemberPush,
  teamDecisionsIq,
  teamSubscribeIq,
} from '../../../src/core/chat/xmpp/profile/team-stanzas.ts';
import { availabilityPresence } from '../../../src/core/chat/xmpp/profile/agent-side.ts';
import type { DecisionEntry } from '../../../src/core/blending/decision-log.ts';

const ROUTER = 'router@example.com/router';

const DIRECTORY = buildDirectory(
  [
    user('a10', ['Agent'], '10'),
    user('a20', ['Agent'], '20'),
    user('s10', ['Agent', 'Supervisor'], '1', ['10']),
    user('s20', ['Agent', 'Supervisor'], '1', ['20']),
  ],
  0,
);

function feed(directory: Directory | null = DIRECTORY) {
  const sent: Element[] = [];
  const f = new TeamFeed({
    directory: { current: () => directory },
    send: (stanza: Builder) => sent.push(stanza.tree()),
  });
  return { f, sent };
}

const decision = (seq: number): DecisionEntry => ({
  seq,
  at: 1_700_000_000_000 + seq,
  kind: 'chat-availability',
  cause: { kind: 'chat-availability', chat: { kind: 'chats-active', count: 1, max: 5 }, signedIn: false },
});

function presence(state: 'READY' | 'ACTIVE', active: number, decisions: DecisionEntry[] = []): Element {
  return availabilityPresence(ROUTER, { state, active, max: 5 }, null, decisions).tree();
}

test('before the first directory read a subscription is asked to wait; a malformed one is a bad request', () => {
  const waiting = feed(null);
  const early = waiting.f.answer('s10@example.com/t', teamSubscribeIq(ROUTER, '10').tree());
  assert.ok(early && 'error' in early);
  assert.equal(early.error.condition, 'service-unavailable');
  const { f } = feed();
  const bad = f.answer('s10@example.com/t', teamSubscribeIq(ROUTER, '1 0; drop').tree());
  assert.ok(bad && 'error' in bad);
  assert.equal(bad.error.condition, 'bad-request');
  assert.equal(f.answer('s10@example.com/t', $pres().tree()), null, 'not a team request');
});

test("pushes go only to the sessions following the member's team, and stop when a session goes away", () => {
  const { f, sent } = feed();
  assert.ok(f.answer('s10@example.com/t', teamSubscribeIq(ROUTER, '10').tree()));
  assert.ok(f.answer('s20@example.com/t', teamSubscribeIq(ROUTER, '20').tree()));
  f.agentPresence('a10@example.com', { state: 'READY', active: 0, max: 5 }, presence('READY', 0));
  assert.deepEqual(
    sent.map((m) => m.getAttribute('to')),
    ['s10@example.com/t'],
  );
  assert.equal(readMemberPush(sent[0] as Element)?.state, 'READY');
  // The same presence again changes nothing: no push.
  f.agentPresence('a10@example.com', { state: 'READY', active: 0, max: 5 }, presence('READY', 0));
  assert.equal(sent.length, 1);
  // The session of team 10's supervisor goes away: it is forgotten.
  assert.equal(f.subscriberPresence('s10@example.com/t', $pres({ type: 'unavailable' }).tree()), true);
  f.agentPresence('a10@example.com', { state: 'ACTIVE', active: 1, max: 5 }, presence('ACTIVE', 1));
  assert.equal(sent.length, 1);
  assert.equal(f.subscriberCount, 1);
});

test('the last 20 decisions are kept per agent, each once, oldest first', () => {
  const { f } = feed();
  for (let seq = 1; seq <= 25; seq++) {
    const recent = [decision(seq - 2), decision(seq - 1), decision(seq)].filter((d) => d.seq >= 1);
    f.agentPresence('a10@example.com', { state: 'ACTIVE', active: 1, max: 5 }, presence('ACTIVE', 1, recent));
  }
  const answer = f.answer('s10@example.com/t', teamDecisionsIq(ROUTER, 'a10').tree());
  assert.ok(answer && 'payload' in answer);
  const wrapper = $pres().tree();
  wrapper.appendChild(answer.payload);
  assert.deepEqual(
    readDecisions(wrapper)?.map((d) => d.seq),
    Array.from({ length: 20 }, (_, i) => i + 6),
  );
  const refused = f.answer('s20@example.com/t', teamDecisionsIq(ROUTER, 'a10').tree());
  assert.ok(refused && 'error' in refused);
  assert.equal(refused.error.condition, 'forbidden');
});
