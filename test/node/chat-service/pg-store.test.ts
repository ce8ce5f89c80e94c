// The store on a real PostgreSQL: the same schema and queries as the embedded one, migrations safe when two
// instances start at once, leadership through the advisory lock (one active, the other standby until it goes),
// and a lost lock connection told at once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { freePort } from '../../../sim/prosody/free-port.ts';
import { LEADER_LOCK_KEY } from '../../../server/store/leadership.ts';
import { openStore, type OpenedStore } from '../../../server/store/open-store.ts';
import { SCHEMA_VERSION } from '../../../server/store/schema.ts';
import { startPostgres, type PostgresHandle } from './postgres-server.ts';
import { waitFor } from '../chat/chat-test-kit.ts';

let server: PostgresHandle;
before(async () => {
  server = await startPostgres();
});
after(async () => {
  await server.stop();
});

async function admin<T>(work: (client: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new pg.Client({ connectionString: server.url(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test('two instances starting at once migrate once; chats and transcript lines behave as on the embedded store', async () => {
  await server.createDatabase('migrate_once');
  const config = { kind: 'postgres' as const, url: server.url('migrate_once'), password: null };
  const [a, b] = await Promise.all([openStore(config), openStore(config)]);
  try {
    const versions = await admin(async (c) => {
      const { rows } = await c.query<{ version: number }>('SELECT version FROM chat_schema_version ORDER BY 1');
      return rows.map((r) => r.version);
    }, 'migrate_once');
    assert.deepEqual(
      versions,
      Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    );
    await a.store.saveChat({
      id: 'p1',
      room: 'chat-p1@conference.example.com',
      queue: 'default',
      customerJid: 'g@guest.example.com/x',
      resumeSecret: 'pg-secret',
      customerName: 'Pat',
      context: [{ name: 'name', label: 'Name', value: 'Pat' }],
      queuedAt: 1_700_000_000_001,
      status: 'offered',
      agent: null,
      offer: { agent: 'anna@example.com', expiresAt: 1_700_000_030_001 },
      passedOn: { 'bob@example.com': 1_700_000_000_500 },
      onlyAgent: null,
      transferredFrom: null,
    });
    const loaded = (await b.store.load()).chats;
    assert.equal(loaded.length, 1);
    assert.deepEqual(loaded[0]?.offer, { agent: 'anna@example.com', expiresAt: 1_700_000_030_001 });
    assert.deepEqual(loaded[0]?.passedOn, { 'bob@example.com': 1_700_000_000_500 });
    const line = {
      room: 'chat-p1@conference.example.com',
      messageId: 'o1',
      stanzaId: null,
      originId: 'o1',
      sender: 'customer' as const,
      at: 1,
      text: 'hi',
    };
    assert.equal(await a.store.addLine(line), true);
    assert.equal(await b.store.addLine(line), false, 'the other instance does not keep it twice');
  } finally {
    await a.close();
    await b.close();
  }
});

test('leadership: one active, the other standby; it takes over when the first releases or its connection dies', async () => {
  await server.createDatabase('leader');
  const config = { kind: 'postgres' as const, url: server.url('leader'), password: null };
  const stores: OpenedStore[] = [];
  try {
    const a = await openStore(config, () => undefined, { pollMs: 200 });
    const b = await openStore(config, () => undefined, { pollMs: 200 });
    const c = await openStore(config, () => undefined, { pollMs: 200 });
    stores.push(a, b, c);
    await a.leadership.acquire(() => assert.fail('the first instance does not wait'));
    let bStandby = false;
    let bLeads = false;
    void b.leadership.acquire(() => (bStandby = true)).then(() => (bLeads = true));
    await waitFor('the second instance to be told it is the standby', () => bStandby);
    await new Promise((r) => setTimeout(r, 600)); // a few polls
    assert.equal(bLeads, false, 'no second leader while the first holds the lock');

    await a.leadership.release();
    await waitFor('the standby to take over', () => bLeads, 5000);

    // The leader's lock connection is cut (the server ends it, as on a network failure): it is told, and the
    // next standby takes over.
    const lost: string[] = [];
    b.leadership.onLost((reason) => lost.push(reason));
    let cLeads = false;
    void c.leadership.acquire(() => undefined).then(() => (cLeads = true));
    const ended = await admin(async (client) => {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`,
        [LEADER_LOCK_KEY],
      );
      return rows.length;
    });
    assert.equal(ended, 1, 'exactly one connection held the lock');
    await waitFor('the leader to learn it lost the lock', () => lost.length > 0, 5000);
    await waitFor('the next standby to take over', () => cLeads, 5000);
  } finally {
    for (const s of stores) await s.close();
  }
});

test('an unreachable server: a sentence naming where, never the password', async () => {
  const port = await freePort();
  await assert.rejects(
    openStore({ kind: 'postgres', url: `postgres://chat@127.0.0.1:${port}/chat`, password: 'Db-Secret-77q' }),
    (error: Error) => {
      assert.match(error.message, new RegExp(`Cannot reach the PostgreSQL store at 127\\.0\\.0\\.1:${port}/chat`));
      assert.match(error.message, /CHAT_SERVICE_DB_PASSWORD/);
      assert.ok(!error.message.includes('Db-Secret-77q'));
      return true;
    },
  );
});
