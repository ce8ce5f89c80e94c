// The store's query layer on the embedded database (PGlite): the schema and its version, chats and agents written
// through and loaded back (only open chats, in queue order), transcript lines kept once, and one process per
// directory.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshStoreDir } from '../../../sim/chat-store-dir.ts';
import { ChatStore } from '../../../server/store/chat-store.ts';
import { openPglite } from '../../../server/store/pglite-client.ts';
import { SCHEMA_VERSION } from '../../../server/store/schema.ts';
import type { SqlClient } from '../../../server/store/sql-client.ts';
import type { StoredChat } from '../../../server/router/router-store.ts';

let dir: { dir: string; remove(): void };
let db: SqlClient;
let store: ChatStore;
before(async () => {
  dir = await freshStoreDir();
  db = await openPglite(dir.dir);
  store = new ChatStore(db);
  await store.migrate();
});
after(async () => {
  await db.close();
  dir.remove();
});

function chat(id: string, queuedAt: number, extra: Partial<StoredChat> = {}): StoredChat {
  return {
    id,
    room: `chat-${id}@conference.example.com`,
    queue: 'default',
    customerJid: `guest-${id}@guest.example.com/web`,
    resumeSecret: `secret-${id}`,
    customerName: `Customer ${id}`,
    context: [{ name: 'question', label: 'Question', value: `Where is order ${id}? "quoted" & <tagged>` }],
    queuedAt,
    status: 'queued',
    agent: null,
    offer: null,
    passedOn: {},
    onlyAgent: null,
    transferredFrom: null,
    ...extra,
  };
}

test('the schema is at the current version, recorded once; migrating again changes nothing', async () => {
  assert.equal(await store.migrate(), SCHEMA_VERSION);
  const { rows } = await db.query<{ version: number }>('SELECT version FROM chat_schema_version ORDER BY version');
  assert.deepEqual(
    rows.map((r) => Number(r.version)),
    Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
  );
});

test('a database from a newer release is refused with a sentence, not used', async () => {
  await db.query('INSERT INTO chat_schema_version (version) VALUES ($1)', [SCHEMA_VERSION + 1]);
  try {
    await assert.rejects(store.migrate(), /newer than this chat service.*run the newer release/);
  } finally {
    await db.query('DELETE FROM chat_schema_version WHERE version = $1', [SCHEMA_VERSION + 1]);
  }
});

test('chats round-trip every field; load gives the open ones, oldest first, ended ones kept but not loaded', async () => {
  const offered = chat('b2', 2000, {
    status: 'offered',
    offer: { agent: 'anna@example.com', expiresAt: 1_900_000_000_123 },
    passedOn: { 'bob@example.com': 1_800_000_000_000 },
    onlyAgent: 'anna@example.com',
    transferredFrom: 'carl',
  });
  await store.saveChat(chat('c3', 3000));
  await store.saveChat(offered);
  await store.saveChat(chat('a1', 1000, { status: 'assigned', agent: 'dora@example.com' }));
  await store.saveChat(chat('e4', 500, { status: 'ended' }));
  const { chats } = await store.load();
  assert.deepEqual(
    chats.map((c) => c.id),
    ['a1', 'b2', 'c3'],
  );
  assert.deepEqual(chats[1], offered);
  assert.equal((await store.chat('e4'))?.status, 'ended');
  await store.saveChat(chat('n5', 600, { context: [{ name: 'question', label: 'Question', value: 'a\u0000b' }] }));
  assert.equal((await store.chat('n5'))?.context[0]?.value, 'ab', 'a NUL from the customer does not fail the write');
  await store.saveChat(chat('n5', 600, { status: 'ended' }));

  // An update replaces the state, not the chat's identity.
  await store.saveChat({ ...offered, status: 'queued', offer: null, passedOn: { 'anna@example.com': 5 } });
  const again = await store.chat('b2');
  assert.equal(again?.status, 'queued');
  assert.equal(again?.offer, null);
  assert.deepEqual(again?.passedOn, { 'anna@example.com': 5 });
  assert.equal(again?.customerName, 'Customer b2');
});

test("a resumed chat keeps its customer's new session and its secret; the queue it waits in is kept", async () => {
  await store.saveChat(chat('r6', 600, { queue: 'billing' }));
  await store.saveChat(chat('r6', 600, { queue: 'sales', customerJid: 'guest-new@guest.example.com/web2' }));
  const kept = await store.chat('r6');
  assert.equal(kept?.customerJid, 'guest-new@guest.example.com/web2');
  assert.equal(kept?.resumeSecret, 'secret-r6');
  assert.equal(kept?.queue, 'sales');
});

test("agents' last availability: one row per agent, the latest report wins", async () => {
  await store.saveAgent({ jid: 'anna@example.com', state: 'READY', active: 0, max: 3, name: 'Anna', idleSince: 10 });
  await store.saveAgent({ jid: 'anna@example.com', state: 'ACTIVE', active: 2, max: 3, name: 'Anna', idleSince: 20 });
  await store.saveAgent({ jid: 'bob@example.com', state: 'NOT_READY', active: 0, max: 1, name: null, idleSince: 5 });
  assert.deepEqual(await store.agents(), [
    { jid: 'anna@example.com', state: 'ACTIVE', active: 2, max: 3, name: 'Anna', idleSince: 20 },
    { jid: 'bob@example.com', state: 'NOT_READY', active: 0, max: 1, name: null, idleSince: 5 },
  ]);
});

test('a transcript line is kept once per message id, in the order seen', async () => {
  const room = 'chat-t1@conference.example.com';
  const line = (messageId: string, text: string, sender: 'agent' | 'customer' | 'system') => ({
    room,
    messageId,
    stanzaId: `sid-${messageId}`,
    originId: messageId,
    sender,
    at: 1_700_000_000_000,
    text,
  });
  assert.equal(await store.addLine(line('m1', 'Hello', 'customer')), true);
  assert.equal(await store.addLine(line('m2', 'Hi, how can I help?', 'agent')), true);
  assert.equal(await store.addLine(line('m1', 'Hello', 'customer')), false, 'a replay is not kept twice');
  assert.equal(await store.addLine({ ...line('m1', 'Hello', 'customer'), room: 'other@conference.example.com' }), true);
  assert.equal(await store.addLine(line('m3', 'nul\u0000inside', 'customer')), true, 'a NUL does not fail the write');
  const transcript = (await store.transcript(room)).filter((l) => l.messageId !== 'm3');
  assert.equal((await store.transcript(room)).at(-1)?.text, 'nulinside');
  assert.deepEqual(
    transcript.map((l) => [l.messageId, l.sender, l.text]),
    [
      ['m1', 'customer', 'Hello'],
      ['m2', 'agent', 'Hi, how can I help?'],
    ],
  );
});

test("a second process on the same directory gets a sentence; a dead owner's lock is taken over", async () => {
  // Another live process's id in the lock file (this test's parent stands in for the other instance) keeps a
  // second opener out; the id of a process that has exited (a finished child, reaped) does not.
  const other = await freshStoreDir();
  try {
    writeFileSync(join(other.dir, 'chat-service.lock'), `${process.ppid}\n`);
    await assert.rejects(
      openPglite(other.dir),
      new RegExp(`in use by another chat service \\(process ${process.ppid}\\).*one instance only`),
    );
    const gone = spawnSync('true').pid;
    writeFileSync(join(other.dir, 'chat-service.lock'), `${gone}\n`);
    const reopened = await openPglite(other.dir);
    await reopened.close();
  } finally {
    other.remove();
  }
});
