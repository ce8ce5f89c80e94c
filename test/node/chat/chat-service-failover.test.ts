// Two chat service processes on one PostgreSQL database and one router account: one routes, the other is the
// standby (/readyz 503 saying so, /healthz up, metrics with its role). The active one killed with SIGKILL, the
// standby takes over within 10 s with the queue and the assignments intact, and customers and agents carry on.
// An active instance whose database connection is cut stops routing and exits, and the next standby takes over.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { LEADER_LOCK_KEY } from '../../../server/store/leadership.ts';
import { startPostgres, type PostgresHandle } from '../chat-service/postgres-server.ts';
import { offeredChat, startCustomer, unique, waitFor } from './chat-test-kit.ts';
import { assignmentsOf, metricOf, readyAgent, untilAgents, waitForAsync, type DurableAgent } from './durable-kit.ts';
import {
  routerConfigFile,
  routerJidOf,
  spawnService,
  untilListening,
  untilReady,
  type ServiceProcess,
} from './service-process.ts';

let prosody: ChatProsodyHandle;
let postgres: PostgresHandle;
let dir: string;
before(async () => {
  [prosody, postgres] = await Promise.all([startProsody({ chat: true }), startPostgres()]);
  dir = mkdtempSync(join(tmpdir(), 'chat-service-failover-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([prosody.stop(), postgres.stop()]);
});

const PASSWORD = 'Failover-Router-Pw-8zt';

async function readyz(
  url: string,
): Promise<{ status: number; body: { ready: boolean; role?: string; reason?: string } }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; role?: string; reason?: string } };
}

/** Starts an instance that must come up as the standby; returns it and its URL. */
async function standby(config: string, env: Record<string, string>): Promise<{ p: ServiceProcess; url: string }> {
  const p = spawnService(config, env);
  const url = await untilListening(p.stdout);
  await waitFor('the second instance to say it is the standby', () => p.stdout().includes('"msg":"standby:'), 15_000);
  return { p, url };
}

test(
  'the standby takes over within 10 s of the active instance being killed; chats carry on',
  { timeout: 150_000 },
  async () => {
    const database = unique('failover').toLowerCase();
    await postgres.createDatabase(database);
    const config = await routerConfigFile(prosody, dir, 'failover-router', PASSWORD, {
      store: { kind: 'postgres', url: postgres.url(database) },
      offerTimeoutSeconds: 300,
    });
    const routerJid = routerJidOf(config);
    const env = { CHAT_SERVICE_PASSWORD: PASSWORD };
    const processes: ServiceProcess[] = [];
    const customers: ReturnType<typeof startCustomer>[] = [];
    const agents: DurableAgent[] = [];
    try {
      const a = spawnService(config, env);
      processes.push(a);
      const readyA = await untilReady(a.stdout, 30_000);
      assert.equal(readyA.status, 200, a.stdout() + a.stderr());
      const b = await standby(config, env);
      processes.push(b.p);

      const standbyReady = await readyz(b.url);
      assert.equal(standbyReady.status, 503);
      assert.equal(standbyReady.body.role, 'standby');
      assert.match(standbyReady.body.reason ?? '', /standby: another instance is routing/);
      assert.equal((await fetch(`${b.url}/healthz`)).status, 200);
      assert.equal(await metricOf(b.url, 'chat_service_role{role="standby"}'), 1);
      assert.equal(await metricOf(readyA.url, 'chat_service_role{role="active"}'), 1);

      // Xena takes chat 1; chat 2 waits in the queue.
      const xena = await readyAgent(prosody, routerJid, 1);
      agents.push(xena);
      await untilAgents(readyA.url, 'READY', 1);
      const c1 = startCustomer(prosody, { jid: routerJid });
      const c2 = startCustomer(prosody, { jid: routerJid });
      customers.push(c1, c2);
      assert.deepEqual(await c1.start('Fay One', 'first'), { ok: true });
      const chat1 = await offeredChat(xena.channel);
      assert.equal((await xena.channel.accept(chat1)).ok, true);
      assert.deepEqual(await c2.start('Gus Two', 'second'), { ok: true });
      const chat2 = c2.chatId;

      const killedAt = Date.now();
      a.kill9();
      await waitForAsync('the standby to become ready', async () => (await readyz(b.url)).status === 200, 20_000);
      const takeoverMs = Date.now() - killedAt;
      assert.ok(takeoverMs < 10_000, `took over in ${takeoverMs} ms`);
      assert.equal(await metricOf(b.url, 'chat_service_role{role="active"}'), 1);

      // The assignment and the queue are intact; both sides of chat 1 carry on; chat 2 goes to the next agent.
      assert.deepEqual(await assignmentsOf(prosody, xena, routerJid), { chats: [chat1], offers: [] });
      c1.send('after the takeover');
      await waitFor('Xena to read the line', () =>
        xena.channel.activeChats()[0]?.transcript.some((m) => m.text === 'after the takeover'),
      );
      assert.equal(xena.channel.send(chat1, 'agent after the takeover').ok, true);
      await waitFor('the customer to read the answer', () =>
        c1.lines().some((l) => l.text === 'agent after the takeover'),
      );
      const yuri = await readyAgent(prosody, routerJid, 1);
      agents.push(yuri);
      assert.equal(await offeredChat(yuri.channel), chat2);
      assert.equal((await yuri.channel.accept(chat2)).ok, true);

      // The active instance's database connection is cut: it stops routing and exits; the next standby takes over.
      const c = await standby(config, env);
      processes.push(c.p);
      const admin = new pg.Client({ connectionString: postgres.url('postgres') });
      await admin.connect();
      try {
        const { rows } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`,
          [LEADER_LOCK_KEY],
        );
        assert.equal(rows.length, 1);
      } finally {
        await admin.end();
      }
      assert.equal(await b.p.exited, 1, 'the instance that lost its database exits for its supervisor to restart it');
      assert.match(b.p.stdout(), /"msg":"stopped routing/);
      await waitForAsync('the next standby to become ready', async () => (await readyz(c.url)).status === 200, 20_000);
      assert.deepEqual(await assignmentsOf(prosody, xena, routerJid), { chats: [chat1], offers: [] });
      assert.deepEqual(await assignmentsOf(prosody, yuri, routerJid), { chats: [chat2], offers: [] });
    } finally {
      for (const customer of customers) customer.close();
      for (const agent of agents) await agent.channel.signOut().catch(() => undefined);
      for (const p of processes) p.kill9();
    }
  },
);
