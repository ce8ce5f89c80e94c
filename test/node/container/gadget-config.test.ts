import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { readGadgetConfig, readLocalePrefs } from '../../../src/core/container/gadget-config.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const prefs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const base = {
  id: '1001',
  authorization: Buffer.from('1001:secret-pw').toString('base64'),
  host: 'finesse-a.example.com',
  scheme: 'https',
};

test('the container prefs become a typed config with defaults', () => {
  const r = readGadgetConfig(prefs(base));
  assert.ok(r.ok);
  assert.equal(r.value.agentId, '1001');
  assert.equal(r.value.authorization.reveal(), `Basic ${base.authorization}`);
  assert.equal(r.value.restHost, 'finesse-a.example.com');
  assert.equal(r.value.maxChats, 5);
  assert.equal(r.value.handlingChatReason, 'Handling Chat');
});

test('an SSO token becomes a Bearer credential', () => {
  const r = readGadgetConfig(prefs({ ...base, authorization: '', authToken: 'tok-123' }));
  assert.ok(r.ok);
  assert.equal(r.value.authorization.reveal(), 'Bearer tok-123');
});

test('credentials never show when the config is printed or serialized', () => {
  const r = readGadgetConfig(prefs(base));
  assert.ok(r.ok);
  const shown = [
    JSON.stringify(r.value),
    inspect(r.value, { depth: 5 }),
    String(r.value.authorization),
    `${r.value.authorization}`,
  ].join('\n');
  assert.ok(!shown.includes(base.authorization));
  assert.ok(!shown.includes('secret-pw'));
  assert.ok(shown.includes('[redacted]'));
});

test('missing identity and bad maxChats are reported in words an administrator can act on', () => {
  const r = readGadgetConfig(prefs({ host: 'x', maxChats: 'lots' }));
  assert.ok(!r.ok);
  const byPref = Object.fromEntries(r.error.map((p) => [p.pref, say.configProblem(p)]));
  assert.match(byPref.authorization!, /no credentials/);
  assert.equal(
    byPref.id,
    undefined,
    'no second problem for the same cause: without credentials there is no one to name',
  );
  assert.match(byPref.maxChats!, /whole number from 1 to 20/);
});

test('without an "id" pref the agent is the id inside the Basic authorization, as Cisco\'s library decodes it', () => {
  const { id: _id, ...documented } = base;
  const r = readGadgetConfig(prefs(documented));
  assert.ok(r.ok);
  assert.equal(r.value.agentId, '1001');
  const named = readGadgetConfig(prefs({ ...documented, id: '2002' }));
  assert.ok(named.ok);
  assert.equal(named.value.agentId, '2002', 'an id pref, where a desktop gives one, wins');
});

test('an SSO token without an "id" pref is reported: the token does not name the agent', () => {
  const r = readGadgetConfig(prefs({ host: 'x', authorization: 'Bearer abc.def', scheme: 'https' }));
  assert.ok(!r.ok);
  const byPref = Object.fromEntries(r.error.map((p) => [p.pref, say.configProblem(p)]));
  assert.match(byPref.id!, /who is signed in/);
});

test('maxChats outside 1..20 is refused', () => {
  for (const bad of ['0', '21', '-1', '2.5']) {
    const r = readGadgetConfig(prefs({ ...base, maxChats: bad }));
    assert.ok(!r.ok, bad);
  }
  const r = readGadgetConfig(prefs({ ...base, maxChats: '3' }));
  assert.ok(r.ok && r.value.maxChats === 3);
});

test('chat settings: the chat service address and the router JID are read and checked', () => {
  const r = readGadgetConfig(
    prefs({
      ...base,
      chatService: 'ws://127.0.0.1:5280/xmpp-websocket',
      chatRouter: 'chat-router@localhost/router',
      teamId: '10',
    }),
  );
  assert.ok(r.ok);
  assert.equal(r.value.chatService, 'ws://127.0.0.1:5280/xmpp-websocket');
  assert.equal(r.value.chatRouter, 'chat-router@localhost/router');
  assert.equal(r.value.teamId, '10');
  const none = readGadgetConfig(prefs(base));
  assert.ok(none.ok && none.value.chatService === null && none.value.chatRouter === null && none.value.teamId === null);
});

test('a chat router without a resource or a chat service that is not a URL is refused with what to set', () => {
  const r = readGadgetConfig(
    prefs({ ...base, chatService: 'prosody.example.com', chatRouter: 'chat-router@localhost' }),
  );
  assert.ok(!r.ok);
  const byPref = Object.fromEntries(r.error.map((p) => [p.pref, say.configProblem(p)]));
  assert.match(byPref.chatService!, /WebSocket address/);
  assert.match(byPref.chatRouter!, /full JID/);
});

test('chatService may name a WebSocket and a BOSH address; each is checked', () => {
  const both = readGadgetConfig(
    prefs({
      ...base,
      chatService: 'wss://chat.example.com:5443/xmpp-websocket https://chat.example.com:5443/http-bind',
    }),
  );
  assert.ok(both.ok);
  const half = readGadgetConfig(
    prefs({ ...base, chatService: 'wss://chat.example.com/xmpp-websocket chat.example.com' }),
  );
  assert.ok(!half.ok);
  assert.match(
    say.configProblem(half.error[0]!),
    /"chat\.example\.com", which is not a ws\(s\):\/\/ or http\(s\):\/\/ address/,
  );
  const twice = readGadgetConfig(prefs({ ...base, chatService: 'wss://a.example.com/ws wss://b.example.com/ws' }));
  assert.ok(!twice.ok);
  assert.match(say.configProblem(twice.error[0]!), /more than one WebSocket address/);
});

test("problems are typed, with the offending value: the UI says them in the agent's language", () => {
  const r = readGadgetConfig(prefs({ ...base, maxChats: '99', scheme: 'ftp', chatRouter: 'router' }));
  assert.ok(!r.ok);
  assert.deepEqual(r.error, [
    { pref: 'scheme', kind: 'scheme', value: 'ftp' },
    { pref: 'maxChats', kind: 'maxChats', value: '99', limit: 20 },
    { pref: 'chatRouter', kind: 'chatRouter', value: 'router' },
  ]);
});

test('the language prefs Finesse gives every gadget are read as given, empty when missing', () => {
  assert.deepEqual(readLocalePrefs(prefs({ locale: ' de_AT ', language: 'de' })), { locale: 'de_AT', language: 'de' });
  assert.deepEqual(readLocalePrefs(prefs({})), { locale: '', language: '' });
});

test('alert prefs: offerSound and desktopNotifications default on, autoAccept off; true/false in any case are read', () => {
  const r = readGadgetConfig(prefs(base));
  assert.ok(r.ok);
  assert.equal(r.value.offerSound, true);
  assert.equal(r.value.desktopNotifications, true);
  assert.equal(r.value.autoAccept, false);
  const set = readGadgetConfig(
    prefs({ ...base, offerSound: 'false', desktopNotifications: 'FALSE', autoAccept: ' True ' }),
  );
  assert.ok(set.ok);
  assert.equal(set.value.offerSound, false);
  assert.equal(set.value.desktopNotifications, false);
  assert.equal(set.value.autoAccept, true);
});

test('an alert pref that is neither true nor false is refused, naming the pref, the value and the default', () => {
  const r = readGadgetConfig(prefs({ ...base, autoAccept: 'yes', offerSound: '0' }));
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => p.pref),
    ['offerSound', 'autoAccept'],
  );
  const said = r.error[1] === undefined ? '' : say.configProblem(r.error[1]);
  assert.match(said, /autoAccept is "yes": set it to true or false .*default false/);
});
