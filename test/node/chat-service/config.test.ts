// The chat service's configuration file: what a good file gives, and one clear sentence per problem in a bad one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkConfig, parseConfig } from '../../../server/service/config.ts';

const GOOD = {
  xmppService: 'wss://xmpp.example.com/xmpp-websocket',
  domain: 'example.com',
  guestDomain: 'guest.example.com',
  routerJid: 'chat-router@example.com',
};

test('the example file in the repository is valid once the password comes from the environment', () => {
  const result = parseConfig(readFileSync('chat-service.example.json', 'utf8'), 'chat-service.example.json', {
    CHAT_SERVICE_PASSWORD: 's3cret',
  });
  assert.equal(result.ok, true);
  if (!result.ok) return;
  assert.equal(result.config.username, 'chat-router');
  assert.equal(result.config.password, 's3cret');
  assert.deepEqual(result.config.http, { host: '0.0.0.0', port: 8080 });
  assert.equal(result.config.offerTimeoutMs, 30_000);
  assert.equal(result.config.maxChatsPerAgent, 5);
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
