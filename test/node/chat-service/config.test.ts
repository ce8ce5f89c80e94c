// The chat service's configuration file: what a good file gives, and one clear sentence per problem in a bad one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkConfig, parseConfig } from '../../../server/service/config.ts';
import { DEFAULT_WIDGET_CONFIG } from '../../../server/widget/widget-config.ts';

const GOOD = {
  xmppService: 'wss://xmpp.example.com/xmpp-websocket',
  domain: 'example.com',
  guestDomain: 'guest.example.com',
  routerJid: 'chat-router@example.com',
};

test('the example file in the repository is valid once the password comes from the environment', () => {
  const result = parseConfig(readFileSync('chat-service.example.json', 'utf8'), 'chat-service.example.json', {
    CHAT_SERVICE_PASSWORD: 's3cret',
    CHAT_SERVICE_FINESSE_PASSWORD: 'admin-s3cret',
  });
  assert.equal(result.ok, true);
  if (!result.ok) return;
  assert.equal(result.config.username, 'chat-router');
  assert.equal(result.config.password, 's3cret');
  assert.deepEqual(result.config.http, { host: '0.0.0.0', port: 8080 });
  assert.equal(result.config.offerTimeoutMs, 30_000);
  assert.equal(result.config.maxChatsPerAgent, 5);
  assert.deepEqual(result.config.finesse, {
    url: 'https://finesse.example.com:8445',
    adminUser: 'chatadmin',
    password: 'admin-s3cret',
    refreshMs: 300_000,
  });
  assert.deepEqual(result.config.queues, [
    { id: 'billing', name: 'Billing', teams: ['10'], agents: ['1001003'] },
    { id: 'sales', name: 'Sales', teams: ['20'], agents: [] },
  ]);
});

test('defaults: MUC on conference.<domain>, customers on the same XMPP URL, loopback :8080, 30 s offers, 5 chats', () => {
  const result = checkConfig({ ...GOOD, password: 'from-file' });
  assert.equal(result.ok, true);
  if (!result.ok) return;
  assert.deepEqual(result.config, {
    xmppService: GOOD.xmppService,
    customerXmppService: GOOD.xmppService,
    domain: 'example.com',
    mucDomain: 'conference.example.com',
    guestDomain: 'guest.example.com',
    username: 'chat-router',
    password: 'from-file',
    http: { host: '127.0.0.1', port: 8080 },
    offerTimeoutMs: 30_000,
    maxChatsPerAgent: 5,
    queues: null,
    finesse: null,
    widget: DEFAULT_WIDGET_CONFIG,
    store: { kind: 'embedded', dir: './chat-service-data' },
  });
});

test('store: an embedded directory, or PostgreSQL with its password from CHAT_SERVICE_DB_PASSWORD', () => {
  const embedded = checkConfig({ ...GOOD, password: 'p', store: { kind: 'embedded', dir: '/var/lib/chat' } });
  assert.deepEqual(embedded.ok && embedded.config.store, { kind: 'embedded', dir: '/var/lib/chat' });
  const url = 'postgres://chat@db.example.com:5432/chat';
  const pg = checkConfig(
    { ...GOOD, password: 'p', store: { kind: 'postgres', url } },
    { CHAT_SERVICE_DB_PASSWORD: 'db-secret' },
  );
  assert.deepEqual(pg.ok && pg.config.store, { kind: 'postgres', url, password: 'db-secret' });
  const noPassword = checkConfig({ ...GOOD, password: 'p', store: { kind: 'postgres', url } });
  assert.deepEqual(noPassword.ok && noPassword.config.store, { kind: 'postgres', url, password: null });
});

test('store problems: one sentence each, and a password in the URL is refused without repeating it', () => {
  const problems = (store: unknown) => {
    const result = checkConfig({ ...GOOD, password: 'p', store });
    return result.ok ? [] : result.problems;
  };
  assert.match(problems({ kind: 'sqlite' })[0] ?? '', /"store.kind" must be "embedded" or "postgres"/);
  assert.match(problems({ kind: 'postgres' })[0] ?? '', /"store.url" is missing/);
  assert.match(problems({ kind: 'postgres', url: 'mysql://h/db' })[0] ?? '', /not a PostgreSQL URL/);
  const withPassword = problems({ kind: 'postgres', url: 'postgres://u:Hunter2-Secret@h/db' });
  assert.equal(withPassword.length, 1);
  assert.match(withPassword[0] ?? '', /CHAT_SERVICE_DB_PASSWORD/);
  assert.ok(!withPassword[0]?.includes('Hunter2-Secret'));
  assert.match(problems({ kind: 'embedded', dir: '' })[0] ?? '', /"store.dir" must be a directory path/);
  assert.match(problems({ kind: 'embedded', size: 3 })[0] ?? '', /"store.size" is not a setting/);
  assert.match(problems('pglite')[0] ?? '', /"store" must be an object/);
});

test('the environment password wins over the file; a BOSH URL is accepted', () => {
  const result = checkConfig(
    { ...GOOD, xmppService: 'https://xmpp.example.com/http-bind', password: 'file' },
    { CHAT_SERVICE_PASSWORD: 'env' },
  );
  assert.equal(result.ok && result.config.password, 'env');
});

test('no password anywhere: one sentence naming CHAT_SERVICE_PASSWORD', () => {
  const result = checkConfig(GOOD);
  assert.equal(result.ok, false);
  assert.deepEqual(!result.ok && result.problems, [
    'The router\'s password is missing: set the environment variable CHAT_SERVICE_PASSWORD (or "password" in the file).',
  ]);
});

test('every problem of a bad file is reported, one sentence each, saying how to fix it', () => {
  const result = checkConfig(
    {
      xmppService: 'ftp://xmpp.example.com/',
      domain: 'example.com',
      guestDomain: 'guest example',
      routerJid: 'chat-router@other.example',
      http: { port: 70000 },
      offerTimeoutSeconds: 1,
      maxChatsPerAgent: 'five',
      colour: 'blue',
    },
    { CHAT_SERVICE_PASSWORD: 'pw' },
  );
  assert.equal(result.ok, false);
  const problems = result.ok ? [] : result.problems;
  assert.equal(problems.length, 7, problems.join('\n'));
  for (const problem of problems) {
    assert.match(problem, /^[^\n]+\.$/, `one line, one sentence: ${problem}`);
  }
  const about = (word: string) => problems.filter((p) => p.includes(`"${word}`)).length;
  for (const key of [
    'colour',
    'xmppService',
    'guestDomain',
    'routerJid',
    'http.port',
    'offerTimeoutSeconds',
    'maxChatsPerAgent',
  ])
    assert.equal(about(key), 1, `one problem about ${key}`);
  for (const sentence of [
    '"http.port" (70000) must be a whole number from 0 to 65535, e.g. 8080.',
    '"offerTimeoutSeconds" (1) must be a whole number of seconds from 5 to 600, e.g. 30.',
    '"maxChatsPerAgent" ("five") must be a whole number from 1 to 50, e.g. 5.',
  ])
    assert.ok(problems.includes(sentence), `says: ${sentence}`);
});

test('missing required settings are each named', () => {
  const result = checkConfig({}, { CHAT_SERVICE_PASSWORD: 'pw' });
  assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.slice(0, p.indexOf(' '))), [
    '"xmppService"',
    '"domain"',
    '"guestDomain"',
    '"routerJid"',
  ]);
});

test('a file that is not JSON: one sentence, without quoting the file (it may hold the password)', () => {
  const result = parseConfig('{ "password": "hunter2-secret", }', 'chat-service.json');
  assert.equal(result.ok, false);
  const problems = result.ok ? [] : result.problems;
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /^chat-service\.json is not valid JSON: /);
  assert.doesNotMatch(problems[0] ?? '', /hunter2/);
  assert.deepEqual(checkConfig([1, 2]).ok, false);
});

const FINESSE = { url: 'https://finesse.example.com:8445', adminUser: 'chatadmin' };
const WITH_PASSWORDS = { CHAT_SERVICE_PASSWORD: 'pw', CHAT_SERVICE_FINESSE_PASSWORD: 'admin-pw' };

test('queues listing agents only need no Finesse setting; numbers as ids are read as text; the name defaults to the id', () => {
  const result = checkConfig(
    { ...GOOD, queues: [{ id: 'vip', agents: [1001003, '1001004'] }] },
    { CHAT_SERVICE_PASSWORD: 'pw' },
  );
  assert.equal(result.ok, true);
  assert.deepEqual(result.ok && result.config.queues, [
    { id: 'vip', name: 'vip', teams: [], agents: ['1001003', '1001004'] },
  ]);
  assert.equal(result.ok && result.config.finesse, null);
});

test('bad queues: one sentence per problem, each naming the queue and what to write', () => {
  const result = checkConfig(
    {
      ...GOOD,
      queues: [
        { id: 'billing', name: 'Billing', teams: ['10'] },
        { id: 'billing', name: 'Again', agents: ['1'] },
        { id: 'has space', agents: ['1'] },
        { id: 'empty', name: 'Empty' },
        { id: 'odd', name: 'Odd', teams: '10', colour: 'red' },
        'sales',
      ],
    },
    { CHAT_SERVICE_PASSWORD: 'pw' },
  );
  assert.equal(result.ok, false);
  assert.deepEqual(!result.ok && result.problems, [
    'The queue "billing" is served by teams, which are read from Finesse: add the "finesse" setting, or list its agents in "agents".',
    'The queue "billing" is listed twice: give each queue its own id.',
    '"queues[2].id" ("has space") must be a short name of letters, digits, "-" or "_", e.g. "billing".',
    'The queue "empty" has no one to serve it: list Finesse team ids in "teams" or login ids in "agents".',
    '"queues[4].colour" is not a setting: a queue has only "id", "name", "teams" and "agents".',
    'The queue "odd"\'s "teams" must be a list of Finesse team ids, e.g. ["10"].',
    '"queues[5]" must be an object like {"id": "billing", "name": "Billing", "teams": ["10"]}.',
  ]);
  const empty = checkConfig({ ...GOOD, queues: [] }, { CHAT_SERVICE_PASSWORD: 'pw' });
  assert.match(!empty.ok ? (empty.problems[0] ?? '') : '', /^"queues" must be a non-empty list/);
});

test('the Finesse setting: its password only from CHAT_SERVICE_FINESSE_PASSWORD, never from the file', () => {
  const ok = checkConfig({ ...GOOD, finesse: FINESSE }, WITH_PASSWORDS);
  assert.deepEqual(ok.ok && ok.config.finesse, { ...FINESSE, password: 'admin-pw', refreshMs: 300_000 });

  const noPassword = checkConfig({ ...GOOD, finesse: FINESSE }, { CHAT_SERVICE_PASSWORD: 'pw' });
  assert.deepEqual(!noPassword.ok && noPassword.problems, [
    "The Finesse administrator's password is missing: set the environment variable CHAT_SERVICE_FINESSE_PASSWORD.",
  ]);

  const bad = checkConfig(
    { ...GOOD, finesse: { url: 'ftp://finesse', password: 'in-file', refreshSeconds: 5 } },
    WITH_PASSWORDS,
  );
  assert.deepEqual(!bad.ok && bad.problems, [
    '"finesse.password" is not read from the file: remove it and set the environment variable CHAT_SERVICE_FINESSE_PASSWORD.',
    '"finesse.url" uses ftp, not https: use the https:// address of Finesse\'s REST API.',
    '"finesse.adminUser" is missing: set it to the login of a Finesse administrator.',
    '"finesse.refreshSeconds" (5) must be a whole number of seconds from 30 to 86400, e.g. 300.',
  ]);
  assert.ok(!JSON.stringify(bad).includes('in-file'), 'a password written in the file is never repeated');
});

test('the widget setting: allowed website origins and a pre-chat form, with defaults for what is left out', () => {
  const result = checkConfig({
    ...GOOD,
    password: 'pw',
    widget: {
      allowedOrigins: ['https://www.example.com', 'http://localhost:3000'],
      preChatFields: [
        { name: 'name', label: 'Name', required: true },
        { name: 'order', label: 'Order number', kind: 'text', maxLength: 40 },
      ],
    },
  });
  assert.equal(result.ok, true);
  assert.deepEqual(result.ok && result.config.widget, {
    allowedOrigins: ['https://www.example.com', 'http://localhost:3000'],
    preChatFields: [
      { name: 'name', label: 'Name', kind: 'text', required: true, maxLength: 200 },
      { name: 'order', label: 'Order number', kind: 'text', required: false, maxLength: 40 },
    ],
  });
});

test('a bad widget setting: one sentence per problem, naming the entry', () => {
  const result = checkConfig({
    ...GOOD,
    password: 'pw',
    widget: {
      allowedOrigins: ['https://www.example.com/', 'ftp://files.example.com', 42],
      preChatFields: [
        { name: 'name', label: 'Name', kind: 'date' },
        { name: 'name', label: 'Name again' },
        { name: '1bad', label: '', required: 'yes', maxLength: 0 },
      ],
      colour: 'red',
    },
  });
  const problems = result.ok ? [] : result.problems;
  for (const problem of problems) assert.match(problem, /^[^\n]+\.$/, `one line, one sentence: ${problem}`);
  assert.ok(problems.includes('"widget.colour" is not a setting: only "allowedOrigins" and "preChatFields" are.'));
  assert.ok(
    problems.includes(
      '"widget.allowedOrigins"[0] ("https://www.example.com/") must be an origin only, without a path or trailing slash: write "https://www.example.com".',
    ),
  );
  assert.ok(problems.some((p) => p.startsWith('"widget.allowedOrigins"[1]') && p.includes('https://')));
  assert.ok(problems.some((p) => p.startsWith('"widget.allowedOrigins"[2] must be a string')));
  assert.ok(problems.includes('"widget.preChatFields"[0].kind must be one of text, email, textarea.'));
  assert.equal(problems.filter((p) => p.startsWith('"widget.preChatFields"[2]')).length, 4, problems.join('\n'));
  assert.ok(problems.includes('"widget.preChatFields" names "name" twice: give each field its own name.'));
});
