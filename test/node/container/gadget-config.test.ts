import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { configProblems, readGadgetConfig, readLocalePrefs } from '../../../src/core/container/gadget-config.ts';
import { causeText, ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';
import { createTranslator } from '../../../src/ui/i18n/translator.ts';

const prefs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const base = {
  id: '1001',
  authorization: Buffer.from('1001:secret-pw').toString('base64'),
  host: 'finesse-a.example.com',
  scheme: 'https',
  xmppDomain: 'example.com',
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
      chatService: 'wss://chat.example.com:5443/xmpp-websocket',
      chatRouter: 'chat-router@localhost/router',
      teamId: '10',
    }),
  );
  assert.ok(r.ok);
  assert.equal(r.value.chatService, 'wss://chat.example.com:5443/xmpp-websocket');
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
      chatRouter: 'chat-router@example.com/router',
    }),
  );
  assert.ok(both.ok);
  const half = readGadgetConfig(
    prefs({ ...base, chatService: 'wss://chat.example.com/xmpp-websocket chat.example.com', chatRouter: 'r@x/y' }),
  );
  assert.ok(!half.ok);
  assert.match(
    say.configProblem(half.error[0]!),
    /"chat\.example\.com", which is not a ws\(s\):\/\/ or http\(s\):\/\/ address/,
  );
  const twice = readGadgetConfig(
    prefs({ ...base, chatService: 'wss://a.example.com/ws wss://b.example.com/ws', chatRouter: 'r@x/y' }),
  );
  assert.ok(!twice.ok);
  assert.match(say.configProblem(twice.error[0]!), /more than one WebSocket address/);
});

test("problems are typed, with the offending value: the UI says them in the agent's language", () => {
  const r = readGadgetConfig(prefs({ ...base, maxChats: '99', scheme: 'ftp', chatRouter: 'router' }));
  assert.ok(!r.ok);
  assert.deepEqual(r.error, [
    { pref: 'scheme', kind: 'scheme', value: 'ftp', severity: 'error' },
    { pref: 'maxChats', kind: 'maxChats', value: '99', limit: 20, severity: 'error' },
    { pref: 'chatRouter', kind: 'chatRouter', value: 'router', severity: 'error' },
    { pref: 'chatService', kind: 'chat.serviceMissing', value: 'router', severity: 'error' },
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

test('an alert pref that is neither true nor false is a warning: the gadget runs with its default, and says so', () => {
  const r = readGadgetConfig(prefs({ ...base, autoAccept: 'yes', offerSound: '0' }));
  assert.ok(r.ok, 'warnings alone do not stop the gadget');
  assert.equal(r.value.autoAccept, false);
  assert.equal(r.value.offerSound, true);
  assert.deepEqual(
    r.value.warnings.map((p) => [p.pref, p.severity]),
    [
      ['offerSound', 'warning'],
      ['autoAccept', 'warning'],
    ],
  );
  assert.deepEqual(configProblems(r), r.value.warnings);
  const said = say.configProblem(r.value.warnings[1]!);
  assert.match(said, /autoAccept is "yes", which is neither true nor false: the gadget uses its default, false/);
  assert.match(said, /Set true or false in the gadget's URL in the desktop layout .*…\/gadget\.xml\?autoAccept=false/);
});

test('with a stopping problem, the error lists every bad value, the warnings too', () => {
  const r = readGadgetConfig(prefs({ ...base, maxChats: '0', autoAccept: 'maybe', chatService: 'ws://x' }));
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => `${p.pref}:${p.kind}:${p.severity}`),
    [
      'maxChats:maxChats:error',
      'chatService:chatService.insecure:error',
      'chatRouter:chat.routerMissing:error',
      'autoAccept:flag:warning',
    ],
  );
  assert.deepEqual(configProblems(r), r.error);
});

test('chat set up by halves is refused, naming the missing pref and how to add it (chat would silently stay off)', () => {
  const service = readGadgetConfig(prefs({ ...base, chatService: 'wss://chat.example.com/ws' }));
  assert.ok(!service.ok);
  assert.deepEqual(service.error, [
    { pref: 'chatRouter', kind: 'chat.routerMissing', value: 'wss://chat.example.com/ws', severity: 'error' },
  ]);
  const words = say.configDetail(service.error[0]!);
  assert.deepEqual(words.found, { kind: 'unset' });
  assert.match(words.problem, /chatService is set \("wss:\/\/chat\.example\.com\/ws"\) but chatRouter is not/);
  assert.match(words.fix, /Add chatRouter.*…\/gadget\.xml\?chatRouter=chat-router%40chat\.example\.com%2Frouter/);
  assert.match(words.fix, /or remove chatService for a gadget without chat/);

  const router = readGadgetConfig(prefs({ ...base, chatRouter: 'chat-router@example.com/router' }));
  assert.ok(!router.ok);
  assert.deepEqual(
    router.error.map((p) => [p.pref, p.kind]),
    [['chatService', 'chat.serviceMissing']],
  );
  assert.match(say.configProblem(router.error[0]!), /chatRouter is set .* but chatService is not.*Add chatService/);
});

test('chat without the XMPP domain from the desktop is refused; without chat the domain is not needed', () => {
  const { xmppDomain: _d, ...noDomain } = base;
  const chat = { chatService: 'wss://chat.example.com/ws', chatRouter: 'chat-router@example.com/router' };
  const r = readGadgetConfig(prefs({ ...noDomain, ...chat }));
  assert.ok(!r.ok);
  assert.deepEqual(r.error, [{ pref: 'xmppDomain', kind: 'xmppDomain', severity: 'error' }]);
  assert.match(say.configProblem(r.error[0]!), /no XMPP domain \("xmppDomain"\).*SystemInfo/);
  assert.ok(readGadgetConfig(prefs(noDomain)).ok);
});

test('handlingChatReason: a code outside 1..65535 or a label over 40 characters is refused; good ones pass', () => {
  for (const good of ['Handling Chat', '12', 'code:65535', 'label:Handling Chat', '1', 'x'.repeat(40)]) {
    const r = readGadgetConfig(prefs({ ...base, handlingChatReason: good }));
    assert.ok(r.ok, good);
  }
  assert.ok(readGadgetConfig(prefs({ ...base, handlingChatReason: '   ' })).ok, 'empty after trim is the default');
  for (const bad of ['0', '65536', 'code:0', 'code:abc', 'code:', '12345678901']) {
    const r = readGadgetConfig(prefs({ ...base, handlingChatReason: bad }));
    assert.ok(!r.ok, bad);
    assert.deepEqual(r.error, [
      { pref: 'handlingChatReason', kind: 'handlingChatReason.code', value: bad, limit: 65535, severity: 'error' },
    ]);
  }
  const long = 'Handling a customer chat on the website now';
  const r = readGadgetConfig(prefs({ ...base, handlingChatReason: long }));
  assert.ok(!r.ok);
  assert.equal(r.error[0]?.kind, 'handlingChatReason.label');
  assert.match(say.configProblem(r.error[0]!), /longer than the 40 characters Finesse allows/);
  const code = readGadgetConfig(prefs({ ...base, handlingChatReason: '70000' }));
  assert.ok(!code.ok);
  assert.match(say.configProblem(code.error[0]!), /from 1 to 65535 \(1 to 999 on Unified CCX\).*Handling%20Chat/);
});

test('an unencrypted chat address from an https desktop is refused; with a secure one beside it, a warning', () => {
  const chat = { chatRouter: 'chat-router@example.com/router' };
  const only = readGadgetConfig(prefs({ ...base, ...chat, chatService: 'ws://chat.example.com:5280/ws' }));
  assert.ok(!only.ok);
  assert.deepEqual(only.error, [
    { pref: 'chatService', kind: 'chatService.insecure', value: 'ws://chat.example.com:5280/ws', severity: 'error' },
  ]);
  assert.match(say.configProblem(only.error[0]!), /not encrypted.*the browser blocks it.*wss:\/\//);

  const mixed = readGadgetConfig(
    prefs({ ...base, ...chat, chatService: 'ws://chat.example.com/ws https://chat.example.com/http-bind' }),
  );
  assert.ok(mixed.ok);
  assert.equal(mixed.value.chatService, 'https://chat.example.com/http-bind', 'the blocked address is left out');
  assert.deepEqual(
    mixed.value.warnings.map((p) => [p.kind, p.severity]),
    [['chatService.insecure', 'warning']],
  );

  const plainDesktop = readGadgetConfig(
    prefs({ ...base, scheme: 'http', ...chat, chatService: 'ws://chat.example.com/ws' }),
  );
  assert.ok(plainDesktop.ok, 'from an http desktop ws: works');
  const loopback = readGadgetConfig(prefs({ ...base, ...chat, chatService: 'ws://127.0.0.1:5280/ws' }));
  assert.ok(loopback.ok, 'the browser trusts loopback addresses');
});

test('a malformed authorization is refused without ever carrying or showing its value', () => {
  const secret = 'not base64 !! hunter2';
  for (const authorization of [secret, `Basic ${Buffer.from('no-colon-hunter2').toString('base64')}`]) {
    const r = readGadgetConfig(prefs({ ...base, authorization }));
    assert.ok(!r.ok);
    assert.deepEqual(r.error, [{ pref: 'authorization', kind: 'authorization.malformed', severity: 'error' }]);
    const words = say.configDetail(r.error[0]!);
    assert.deepEqual(words.found, { kind: 'hidden' });
    const all = JSON.stringify([r.error, words, say.configProblem(r.error[0]!)]);
    assert.ok(!all.includes('hunter2'), 'no part of the credential');
  }
});

test("every problem's words name the pref and say where to fix it, in each language", () => {
  const problems = [
    ...configProblems(readGadgetConfig(prefs({ host: '', scheme: 'ftp', maxChats: 'x', autoAccept: 'maybe' }))),
    ...configProblems(
      readGadgetConfig(
        prefs({
          ...base,
          authorization: 'Bearer t',
          id: '',
          handlingChatReason: '0',
          chatService: 'ws://chat.example.com/ws wss://a/ws wss://b/ws',
          chatRouter: 'router',
        }),
      ),
    ),
  ];
  const kinds = new Set(problems.map((p) => p.kind));
  for (const kind of ['authorization', 'host', 'scheme', 'maxChats', 'flag', 'id', 'chatRouter']) {
    assert.ok(kinds.has(kind as never), kind);
  }
  for (const lang of ['en', 'es', 'de'] as const) {
    const words = causeText(createTranslator(lang));
    for (const p of problems) {
      const d = words.configDetail(p, 'gadget.xml');
      assert.equal(d.pref, p.pref);
      const said = `${d.problem} ${d.fix}`;
      // A pref an administrator sets is named, with an example URL carrying it; a desktop's pref names the layout.
      if (['maxChats', 'autoAccept', 'chatService', 'chatRouter', 'handlingChatReason'].includes(p.pref)) {
        assert.ok(said.includes(p.pref), `${lang} ${p.kind} names ${p.pref}: ${said}`);
        assert.match(d.fix, new RegExp(`…/gadget\\.xml\\?${p.pref}=`), `${lang} ${p.kind} example`);
      }
      assert.match(
        d.fix,
        /Desktop Layout|desktop layout|diseño del escritorio|Desktop-Layout|SystemInfo/,
        `${lang} ${p.kind}`,
      );
    }
  }
});
