// The chat service's store: how long the router's writes take (a chat's state, a transcript line) and how long a
// start's load of 500 open chats takes, on the embedded store (PGlite) and on a local PostgreSQL, printed side by
// side with their ratio; and how long opening the embedded store takes. Run: node --import tsx bench/chat-store.bench.ts
import { freshStoreDir } from '../sim/chat-store-dir.ts';
import type { ChatStore } from '../server/store/chat-store.ts';
import { openStore } from '../server/store/open-store.ts';
import type { StoredChat } from '../server/router/router-store.ts';
import { startPostgres } from '../test/node/chat-service/postgres-server.ts';

const CHATS = 500;

function chat(i: number): StoredChat {
  return {
    id: `bench${i}`,
    room: `chat-bench${i}@conference.example.com`,
    queue: 'default',
    customerJid: `guest${i}@guest.example.com/web`,
    resumeSecret: `secret${i}`,
    customerName: `Customer ${i}`,
    context: [{ name: 'question', label: 'Question', value: 'Where is my order? '.repeat(4) }],
    queuedAt: 1_700_000_000_000 + i,
    status: 'queued',
    agent: null,
    offer: null,
    passedOn: {},
    onlyAgent: null,
    transferredFrom: null,
  };
}

async function median(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

async function measure(store: ChatStore): Promise<Record<string, number>> {
  const insert = await median(CHATS, (i) => store.saveChat(chat(i)));
  const update = await median(CHATS, (i) =>
    store.saveChat({ ...chat(i), status: 'offered', offer: { agent: 'a@example.com', expiresAt: 1 } }),
  );
  const line = await median(CHATS, (i) =>
    store.addLine({
      room: chat(i % 50).room,
      messageId: `m${i}`,
      stanzaId: null,
      originId: `m${i}`,
      sender: 'customer',
      at: i,
      text: 'Hello, I have a question about my order.',
    }),
  );
  const load = await median(5, () => store.load());
  return {
    'insert a chat': insert,
    'update a chat': update,
    'keep a transcript line': line,
    [`load ${CHATS} open chats`]: load,
  };
}

const openStarted = performance.now();
const dir = await freshStoreDir();
const embedded = await openStore({ kind: 'embedded', dir: dir.dir });
const openMs = performance.now() - openStarted;
const postgres = await startPostgres();
await postgres.createDatabase('bench');
const server = await openStore({ kind: 'postgres', url: postgres.url('bench'), password: null });
try {
  const a = await measure(embedded.store);
  const b = await measure(server.store);
  console.log(`opening the embedded store (template copy, migrate): ${openMs.toFixed(0)} ms`);
  console.log('operation (median ms)            PGlite   PostgreSQL   PGlite/PostgreSQL');
  for (const name of Object.keys(a)) {
    const x = a[name] ?? 0;
    const y = b[name] ?? 0;
    console.log(
      `${name.padEnd(32)} ${x.toFixed(3).padStart(7)}   ${y.toFixed(3).padStart(10)}   ${(x / y).toFixed(2).padStart(8)}`,
    );
  }
} finally {
  await embedded.close();
  await server.close();
  dir.remove();
  await postgres.stop();
}
