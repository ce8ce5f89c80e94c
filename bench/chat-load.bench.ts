// The chat service under load, on loopback: a real Prosody, the built chat service in a process of its own (so its
// memory and CPU are its alone), agents on the gadget's own chat channel (XmppChatChannel) and customers on the
// customer page's client (CustomerChatClient), all real XMPP. Customers arrive over a span of simulated time on a
// compressed clock: their arrival times are a seeded Poisson process (N arrivals in the span are N sorted uniform
// draws). Each asks for a chat, waits for an agent, sends a message and waits for the reply, K times, then the chat
// ends: the customer ends it (odd-numbered customers) or the agent does (even-numbered), once the last reply is
// confirmed. Each agent is READY with a capacity of 5, accepts an offer after a short think, replies to each
// customer message after a think, and publishes its new count (ACTIVE) as chats start and end.
//
// It prints numbers, no thresholds: time from a customer's chat request to the agent's offer, message delivery
// times, offers and accepts, messages sent and received each way (lost and duplicated by message id), chats
// completed, the service's memory (idle, with its agents, as the baseline) and CPU, Prosody's CPU, and wall time.
// It exits 1 only on a correctness failure: a message lost or duplicated, or a chat that never completed (a customer
// whose chat request got no answer within the client's 10 s counts as one; the reasons are printed).
//
// Run: npm run bench -- chat [options]   (or: node --import tsx bench/chat-load.bench.ts [options])
//   --customers N  customers arriving (default 1000)
//   --agents M     agents signed in, READY, 5 chats at most each (default 200)
//   --minutes S    simulated minutes over which the customers arrive (default 10)
//   --speed X      simulated seconds per real second (default 3: 10 minutes of arrivals in 200 s)
//   --messages K   messages each way per chat (default 3)
//   --seed N       seed of the arrival and think times (default 1)
// A smaller run: npm run bench -- chat --customers 100 --agents 20 --minutes 2
// CHAT_LOAD_PROFILE=DIR in the environment: the service writes a V8 CPU profile (.cpuprofile) in DIR when it stops.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChatService } from '../scripts/build-chat-service.ts';
import { startProsody, type ChatProsodyHandle } from '../sim/prosody/start-prosody.ts';
import { CustomerChatClient } from '../server/customer/customer-chat-client.ts';
import { Secret } from '../src/core/container/secret.ts';
import type { ChatEvent } from '../src/core/chat/chat-channel.ts';
import { XmppChatChannel } from '../src/core/chat/xmpp/xmpp-chat-channel.ts';
import { createStropheConnection, type ConnectionFactory } from '../src/core/chat/xmpp/xmpp-connection.ts';

// ---------------------------------------------------------------- options

interface Options {
  readonly customers: number;
  readonly agents: number;
  readonly minutes: number;
  readonly speed: number;
  readonly messages: number;
  readonly seed: number;
}

function readOptions(args: readonly string[]): Options {
  const defaults: Options = { customers: 1000, agents: 200, minutes: 10, speed: 3, messages: 3, seed: 1 };
  const options: Record<string, number> = { ...defaults };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split('=', 2) : [arg, undefined];
    if (!flag || !(flag in defaults)) {
      console.error(
        `chat-load: unknown option "${arg}"; the options are ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
      process.exit(2);
    }
    const raw = inline ?? args[(i += 1)];
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
      console.error(`chat-load: --${flag} needs a positive number, not "${raw ?? ''}"`);
      process.exit(2);
    }
    options[flag] = flag === 'speed' || flag === 'minutes' ? value : Math.round(value);
  }
  return options as unknown as Options;
}

const opts = readOptions(process.argv.slice(2));
const MAX_CHATS = 5;
/** Think times in simulated seconds (each drawn between half and one and a half times this). */
const THINK = { accept: 4, agentReply: 15, customerNext: 15 };
/** Sign-ins and customer connections open at once. */
const CONNECT_CONCURRENCY = 16;
/** How long the run waits, in real seconds, for the last chats to finish after the last arrival. */
const DRAIN_S = 90;

// ---------------------------------------------------------------- small tools

/** mulberry32: a small seeded generator, so a run's arrivals and thinks can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(opts.seed);
/** A think time in real ms: `simSeconds` give or take half, on the compressed clock. */
const think = (simSeconds: number): number => ((simSeconds * (0.5 + random())) / opts.speed) * 1000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const now = (): number => performance.now();

/** At most `limit` tasks at once. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
const connecting = limiter(CONNECT_CONCURRENCY);

function quantiles(values: readonly number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, n: sorted.length };
}

/** A line of /proc/<pid>/status in MB (VmRSS, VmHWM), or NaN once the process is gone. */
function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The PID of the Prosody this process started: its child whose command line runs prosody (null if not found). */
function prosodyPid(): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes('-F') && args.some((a) => a === 'prosody' || a.endsWith('/prosody'))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------- what is counted

const stats = {
  offers: 0,
  accepts: 0,
  acceptFailures: 0,
  agentReconnects: 0,
  customerStartFailures: 0,
  customerDisconnects: 0,
  sendFailures: 0,
  endFailures: 0,
  endedByAgent: 0,
  endedByCustomer: 0,
  /** Customer messages: sent by customers, received by agents (ids), and received again. */
  toAgent: { sent: 0, received: new Set<string>(), duplicates: 0 },
  /** Agent replies: sent by agents, received by customers, and received again. */
  toCustomer: { sent: 0, received: new Set<string>(), duplicates: 0 },
};
/** Why customers could not start, in the client's words, and how often. */
const startProblems = new Map<string, number>();
/** When each message was handed to its client, by id: for delivery times. */
const sentAt = new Map<string, number>();
const deliveryToAgent: number[] = [];
const deliveryToCustomer: number[] = [];
/** When the agent side first saw each chat's offer, by chat id. */
const offeredAt = new Map<string, number>();

interface CustomerRecord {
  readonly index: number;
  arrivalAt: number;
  requestAt: number | null;
  chatId: string | null;
  replies: number;
  ended: boolean;
  agentClosed: boolean;
  /** The chat request failed (no answer within the client's 10 s): counted, not waited for. */
  failed: boolean;
}
const customers: CustomerRecord[] = [];
const byChat = new Map<string, CustomerRecord>();
/** Chats the agent side closed before the customer's chat id was known (a race on a fast path). */
const closedEarly = new Set<string>();

// ---------------------------------------------------------------- the processes

let prosody = null as ChatProsodyHandle | null;
let service: ChildProcess | null = null;
let workDir: string | null = null;

function killService(): void {
  if (service?.pid !== undefined && service.exitCode === null) {
    try {
      process.kill(service.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
/** Stops the service as systemd would (SIGTERM, so a --cpu-prof profile is written), SIGKILL after 10 s. */
async function stopService(): Promise<void> {
  const child = service;
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  killService();
}
process.on('exit', () => {
  killService();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

async function startService(
  p: ChatProsodyHandle,
  dir: string,
): Promise<{ pid: number; url: string; routerJid: string }> {
  await buildChatService(join(dir, 'dist'));
  const password = 'bench-router-pw';
  await p.registerMany([{ username: 'chat-router', password }]);
  const config = join(dir, 'chat-service.json');
  writeFileSync(
    config,
    JSON.stringify({
      xmppService: p.websocketUrl,
      domain: p.domain,
      mucDomain: p.mucDomain,
      guestDomain: p.guestDomain,
      routerJid: `chat-router@${p.domain}`,
      http: { host: '127.0.0.1', port: 0 },
      maxChatsPerAgent: MAX_CHATS,
    }),
  );
  // CHAT_LOAD_PROFILE=DIR: the service writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env['CHAT_LOAD_PROFILE'];
  const profiling = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  const child = spawn(process.execPath, [...profiling, join(dir, 'dist', 'chat-service.mjs'), '--config', config], {
    cwd: dir,
    env: { ...process.env, NODE_OPTIONS: '', CHAT_SERVICE_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  service = child;
  // The service logs a line per routing step: kept only until it says where it listens, then read and dropped.
  let head = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (head.length < 65_536) head += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) readServiceLine(line);
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const until = Date.now() + 20_000;
  let url: string | undefined;
  while (!(url = /"msg":"listening","url":"([^"]+)"/.exec(head)?.[1])) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`the chat service did not start:\n${head}`);
    await sleep(50);
  }
  while ((await fetch(`${url}/readyz`)).status !== 200) {
    if (Date.now() > until) throw new Error('the chat service did not become ready');
    await sleep(100);
  }
  if (child.pid === undefined) throw new Error('the chat service has no process id');
  return { pid: child.pid, url, routerJid: `chat-router@${p.domain}/router` };
}

/** The router's own moments for each chat, from its log lines (on this process's clock): queued, offer sent. */
const routerQueuedAt = new Map<string, number>();
const routerOfferedAt = new Map<string, number>();

/** The service's lines other than the per-chat ones (sign-in, link lost, warnings), the last 40: shown on failure. */
const serviceNotes: string[] = [];

function readServiceLine(line: string): void {
  if (!/"msg":"router: (chat \w+ queued|offering )/.test(line)) {
    serviceNotes.push(line);
    if (serviceNotes.length > 40) serviceNotes.shift();
  }
  const queued = /"msg":"router: chat (\w+) queued[^"]*"/.exec(line);
  const offered = queued ? null : /"msg":"router: offering (\w+) to /.exec(line);
  const chatId = queued?.[1] ?? offered?.[1];
  const time = /"time":"([^"]+)"/.exec(line)?.[1];
  if (!chatId || !time) return;
  const at = Date.parse(time) - performance.timeOrigin;
  if (queued) routerQueuedAt.set(chatId, at);
  else if (!routerOfferedAt.has(chatId)) routerOfferedAt.set(chatId, at);
}

async function agentsReady(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^chat_service_agents\{state="READY"\} (\d+)/m.exec(text)?.[1] ?? 0);
}

// ---------------------------------------------------------------- agents

interface AgentChat {
  readonly customerIndex: number;
  received: number;
  replied: number;
  /** The id of the last reply, once sent, when this agent ends the chat after the room confirms it. */
  endAfter: string | null;
}

async function startAgent(p: ChatProsodyHandle, routerJid: string, id: string): Promise<XmppChatChannel> {
  const channel = new XmppChatChannel({
    websocketUrl: p.websocketUrl,
    boshUrl: p.boshUrl,
    domain: p.domain,
    routerJid,
    displayName: 'Agent',
  });
  const chats = new Map<string, AgentChat>();
  const names = new Map<string, string>();
  const publish = (): void => {
    const active = channel.activeChats().length;
    channel.publishAvailability({ state: active > 0 ? 'ACTIVE' : 'READY', active, max: MAX_CHATS });
  };
  const onEvent = (event: ChatEvent): void => {
    switch (event.type) {
      case 'status':
        if (event.status === 'reconnecting') stats.agentReconnects += 1;
        return;
      case 'offer': {
        stats.offers += 1;
        const chatId = event.offer.chatId;
        if (!offeredAt.has(chatId)) offeredAt.set(chatId, now());
        names.set(chatId, event.offer.customerName);
        setTimeout(() => {
          void channel.accept(chatId).then((accepted) => {
            if (!accepted.ok) {
              stats.acceptFailures += 1;
              return;
            }
            stats.accepts += 1;
            const customerIndex = Number(/(\d+)$/.exec(names.get(chatId) ?? '')?.[1] ?? -1);
            chats.set(chatId, { customerIndex, received: 0, replied: 0, endAfter: null });
            publish();
          });
        }, think(THINK.accept));
        return;
      }
      case 'message': {
        if (event.message.sender !== 'customer') return;
        const { id } = event.message;
        if (stats.toAgent.received.has(id)) {
          stats.toAgent.duplicates += 1;
          return;
        }
        stats.toAgent.received.add(id);
        const sent = sentAt.get(id);
        if (sent !== undefined) deliveryToAgent.push(now() - sent);
        const chat = chats.get(event.chatId);
        if (!chat) return;
        chat.received += 1;
        setTimeout(() => {
          const reply = channel.send(event.chatId, `reply ${chat.received} to customer ${chat.customerIndex}`);
          if (!reply.ok) {
            stats.sendFailures += 1;
            return;
          }
          stats.toCustomer.sent += 1;
          sentAt.set(reply.value.id, now());
          chat.replied += 1;
          if (chat.replied === opts.messages && chat.customerIndex % 2 === 0) chat.endAfter = reply.value.id;
        }, think(THINK.agentReply));
        return;
      }
      case 'message-confirmed': {
        const chat = chats.get(event.chatId);
        if (!chat || chat.endAfter !== event.messageId) return;
        void channel.end(event.chatId).then((ended) => {
          if (ended.ok) stats.endedByAgent += 1;
          else stats.endFailures += 1;
        });
        return;
      }
      case 'session-closed': {
        chats.delete(event.chatId);
        names.delete(event.chatId);
        const record = byChat.get(event.chatId);
        if (record) record.agentClosed = true;
        else closedEarly.add(event.chatId);
        publish();
        return;
      }
      default:
        return;
    }
  };
  channel.subscribe(onEvent);
  const signedIn = await channel.signIn({ kind: 'password', username: id, password: new Secret(`pw-${id}`) });
  if (!signedIn.ok) throw new Error(`agent ${id} could not sign in: ${signedIn.error.message}`);
  channel.publishAvailability({ state: 'READY', active: 0, max: MAX_CHATS });
  return channel;
}

// ---------------------------------------------------------------- customers

async function runCustomer(p: ChatProsodyHandle, routerJid: string, record: CustomerRecord): Promise<void> {
  let onRequestSent = (): void => undefined;
  const requestSent = new Promise<void>((resolve) => (onRequestSent = resolve));
  // The chat request is the customer's first IQ: its moment is when the request left.
  const createConnection: ConnectionFactory = (request) => {
    const conn = createStropheConnection(request);
    const sendIQ = conn.sendIQ.bind(conn);
    conn.sendIQ = ((...args: Parameters<typeof sendIQ>) => {
      record.requestAt ??= now();
      onRequestSent();
      return sendIQ(...args);
    }) as typeof conn.sendIQ;
    return conn;
  };
  const client = new CustomerChatClient({
    service: p.websocketUrl,
    guestDomain: p.guestDomain,
    routerJid,
    createConnection,
  });
  const i = record.index;
  /** Messages written so far; the question counts as the first. */
  let written = 1;
  const write = (): void => {
    written += 1;
    const line = client.send(`customer ${i} message ${written}`);
    if (!line.ok) stats.sendFailures += 1;
  };
  client.subscribe((event) => {
    if (event.type === 'disconnected') stats.customerDisconnects += 1;
    if (event.type === 'ended') {
      record.ended = true;
      client.close();
    }
    if (event.type !== 'line') return;
    const { line } = event;
    if (line.from === 'me') {
      stats.toAgent.sent += 1;
      // The first message (the question) waits in the room for an agent: only later ones time delivery.
      if (written > 1) sentAt.set(line.id, now());
      return;
    }
    if (line.from !== 'agent') return;
    if (stats.toCustomer.received.has(line.id)) {
      stats.toCustomer.duplicates += 1;
      return;
    }
    stats.toCustomer.received.add(line.id);
    const sent = sentAt.get(line.id);
    if (sent !== undefined) deliveryToCustomer.push(now() - sent);
    record.replies += 1;
    if (record.replies < opts.messages) {
      setTimeout(write, think(THINK.customerNext));
    } else if (i % 2 === 1) {
      void client.end().then(() => (stats.endedByCustomer += 1));
    }
  });
  // Only signing in is bounded (a burst of arrivals would open too many sockets at once): the slot is free again
  // once the chat request has left, so a slow answer never holds up the customers arriving behind.
  const slot = await connecting(async () => {
    const starting = client.start(`Customer ${i}`, `customer ${i} message 1`);
    await Promise.race([requestSent, starting]);
    return { starting }; // wrapped, so the slot does not wait for the answer
  });
  const started = await slot.starting;
  if (!started.ok) {
    record.failed = true;
    stats.customerStartFailures += 1;
    startProblems.set(started.message, (startProblems.get(started.message) ?? 0) + 1);
    client.close();
    return;
  }
  record.chatId = client.chatId;
  byChat.set(client.chatId, record);
  if (closedEarly.has(client.chatId)) record.agentClosed = true;
}

// ---------------------------------------------------------------- the run

const fmt = (ms: number): string => (Number.isFinite(ms) ? ms.toFixed(0) : '-');
const row = (label: string, ...cells: (string | number)[]): string =>
  `${label.padEnd(34)}${cells.map((c) => String(c).padStart(10)).join('')}`;

async function main(): Promise<number> {
  const wallStart = now();
  const windowMs = ((opts.minutes * 60) / opts.speed) * 1000;
  console.log(
    `Chat service load (Node ${process.version}): ${opts.customers} customers over ${opts.minutes} simulated min ` +
      `(${(windowMs / 1000).toFixed(0)} s real, speed ${opts.speed}), ${opts.agents} agents x ${MAX_CHATS} chats, ` +
      `${opts.messages} messages each way, seed ${opts.seed}`,
  );
  // Prosody keeps archives and the persistent rooms list in SQLite here, as a site with many chats would (its flat
  // files rewrite the whole rooms list for each new room); the project's install script adds the driver if missing.
  if (spawnSync('node', ['scripts/system-deps.mjs', 'luaDbiSqlite'], { stdio: 'inherit' }).status !== 0)
    process.exit(2);
  workDir = mkdtempSync(join(tmpdir(), 'chat-load-bench-'));
  const p = await startProsody({ chat: true, sqlStorage: true });
  prosody = p;
  const agentIds = Array.from({ length: opts.agents }, (_, i) => `bench-agent-${i + 1}`);
  await p.registerMany(agentIds.map((id) => ({ username: id, password: `pw-${id}` })));
  const svc = await startService(p, workDir);
  const rssIdle = procMb(svc.pid, 'VmRSS');

  const channels = await Promise.all(agentIds.map((id) => connecting(() => startAgent(p, svc.routerJid, id))));
  const readyDeadline = Date.now() + 60_000;
  while ((await agentsReady(svc.url)) < opts.agents) {
    if (Date.now() > readyDeadline) throw new Error('the router did not see every agent READY within 60 s');
    await sleep(200);
  }
  const rssAgents = procMb(svc.pid, 'VmRSS');
  const cpuBefore = cpuSeconds(svc.pid);
  const xmppPid = prosodyPid();
  const xmppCpuBefore = xmppPid === null ? NaN : cpuSeconds(xmppPid);
  const setupS = (now() - wallStart) / 1000;

  // Arrivals: a Poisson process with N arrivals in the window is N sorted uniform times in it.
  const arrivals = Array.from({ length: opts.customers }, () => random() * windowMs).sort((a, b) => a - b);
  // How late a 100 ms tick of this process runs: when it is late, the clients here (not the service) are the limit.
  const lags: number[] = [];
  let tick = now();
  const lagTimer = setInterval(() => {
    lags.push(Math.max(0, now() - tick - 100));
    tick = now();
  }, 100);
  const trafficStart = now();
  const benchCpuBefore = process.cpuUsage();
  let loadPeak = 0;
  const loadTimer = setInterval(() => (loadPeak = Math.max(loadPeak, loadavg()[0] ?? 0)), 1000);
  const runs: Promise<void>[] = [];
  for (const [index, at] of arrivals.entries()) {
    const wait = trafficStart + at - now();
    if (wait > 0) await sleep(wait);
    const record: CustomerRecord = {
      index: index + 1,
      arrivalAt: now(),
      requestAt: null,
      chatId: null,
      replies: 0,
      ended: false,
      agentClosed: false,
      failed: false,
    };
    customers.push(record);
    runs.push(runCustomer(p, svc.routerJid, record));
  }
  const arrivalsS = (now() - trafficStart) / 1000;
  await Promise.all(runs);
  const done = (c: CustomerRecord): boolean => c.ended && c.agentClosed && c.replies === opts.messages;
  const drainDeadline = now() + DRAIN_S * 1000;
  while (customers.some((c) => !done(c) && !c.failed) && now() < drainDeadline) await sleep(100);
  const trafficS = (now() - trafficStart) / 1000;
  clearInterval(lagTimer);
  clearInterval(loadTimer);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const benchCpuRun = (benchCpu.user + benchCpu.system) / 1e6;
  const lag = quantiles(lags);

  const rssEnd = procMb(svc.pid, 'VmRSS');
  const rssPeak = procMb(svc.pid, 'VmHWM');
  const cpuRun = cpuSeconds(svc.pid) - cpuBefore;
  const xmppCpuRun = xmppPid === null ? NaN : cpuSeconds(xmppPid) - xmppCpuBefore;
  const xmppRss = xmppPid === null ? NaN : procMb(xmppPid, 'VmRSS');

  // Customers and agents leave; the processes are stopped by PID in the finally below.
  for (const channel of channels) void channel.signOut();

  const toOffer: number[] = [];
  for (const c of customers) {
    const offered = c.chatId ? offeredAt.get(c.chatId) : undefined;
    if (c.requestAt !== null && offered !== undefined) toOffer.push(offered - c.requestAt);
  }
  const tenth = Math.max(1, Math.floor(customers.length / 10));
  const offerOf = (c: CustomerRecord): number | undefined => {
    const offered = c.chatId ? offeredAt.get(c.chatId) : undefined;
    return offered !== undefined && c.requestAt !== null ? offered - c.requestAt : undefined;
  };
  const firstTenth = quantiles(
    customers
      .slice(0, tenth)
      .map(offerOf)
      .filter((v) => v !== undefined),
  );
  const lastTenth = quantiles(
    customers
      .slice(-tenth)
      .map(offerOf)
      .filter((v) => v !== undefined),
  );
  const offer = quantiles(toOffer);
  // Where the time to an offer goes: the router making the chat's room, choosing an agent, the offer's way there.
  const phase = (from: (c: CustomerRecord, id: string) => number | undefined, to: (id: string) => number | undefined) =>
    quantiles(
      customers.flatMap((c) => {
        const a = c.chatId ? from(c, c.chatId) : undefined;
        const b = c.chatId ? to(c.chatId) : undefined;
        return a !== undefined && b !== undefined ? [b - a] : [];
      }),
    );
  const roomMade = phase(
    (c) => c.requestAt ?? undefined,
    (id) => routerQueuedAt.get(id),
  );
  const agentChosen = phase(
    (_c, id) => routerQueuedAt.get(id),
    (id) => routerOfferedAt.get(id),
  );
  const offerTravel = phase(
    (_c, id) => routerOfferedAt.get(id),
    (id) => offeredAt.get(id),
  );
  const toAgent = quantiles(deliveryToAgent);
  const toCustomer = quantiles(deliveryToCustomer);
  const completed = customers.filter(done).length;
  const lostToAgent = stats.toAgent.sent - stats.toAgent.received.size;
  const lostToCustomer = stats.toCustomer.sent - stats.toCustomer.received.size;

  console.log('');
  console.log(row('real ms', 'p50', 'p95', 'max', 'n'));
  console.log(row('chat request -> offer', fmt(offer.p50), fmt(offer.p95), fmt(offer.max), offer.n));
  console.log(
    row('  request -> chat queued (router)', fmt(roomMade.p50), fmt(roomMade.p95), fmt(roomMade.max), roomMade.n),
  );
  console.log(
    row(
      '  queued -> offer sent (router)',
      fmt(agentChosen.p50),
      fmt(agentChosen.p95),
      fmt(agentChosen.max),
      agentChosen.n,
    ),
  );
  console.log(
    row(
      '  offer sent -> agent has it',
      fmt(offerTravel.p50),
      fmt(offerTravel.p95),
      fmt(offerTravel.max),
      offerTravel.n,
    ),
  );
  console.log(
    row(`  first ${tenth} customers`, fmt(firstTenth.p50), fmt(firstTenth.p95), fmt(firstTenth.max), firstTenth.n),
  );
  console.log(
    row(`  last ${tenth} customers`, fmt(lastTenth.p50), fmt(lastTenth.p95), fmt(lastTenth.max), lastTenth.n),
  );
  const growth = lastTenth.p50 / firstTenth.p50;
  console.log(row('  last / first (p50)', Number.isFinite(growth) ? `${growth.toFixed(2)}x` : '-'));
  console.log(row('customer message -> agent (2nd+)', fmt(toAgent.p50), fmt(toAgent.p95), fmt(toAgent.max), toAgent.n));
  console.log(
    row('agent reply -> customer', fmt(toCustomer.p50), fmt(toCustomer.p95), fmt(toCustomer.max), toCustomer.n),
  );
  console.log('');
  console.log(row('messages', 'sent', 'received', 'lost', 'dups'));
  console.log(
    row('customer -> agent', stats.toAgent.sent, stats.toAgent.received.size, lostToAgent, stats.toAgent.duplicates),
  );
  console.log(
    row(
      'agent -> customer',
      stats.toCustomer.sent,
      stats.toCustomer.received.size,
      lostToCustomer,
      stats.toCustomer.duplicates,
    ),
  );
  console.log('');
  console.log(row('offers / accepts / failed accepts', stats.offers, stats.accepts, stats.acceptFailures));
  console.log(row('chats completed / customers', completed, opts.customers));
  console.log(row('chats ended by customer / agent', stats.endedByCustomer, stats.endedByAgent));
  console.log(
    row(
      'failures: start / send / end / link',
      stats.customerStartFailures,
      stats.sendFailures,
      stats.endFailures,
      stats.agentReconnects + stats.customerDisconnects,
    ),
  );
  console.log('');
  console.log(row('chat service process', 'idle', 'agents in', 'end', 'peak'));
  console.log(row('  RSS MB', rssIdle.toFixed(0), rssAgents.toFixed(0), rssEnd.toFixed(0), rssPeak.toFixed(0)));
  console.log(row('  RSS end / with agents', `${(rssEnd / rssAgents).toFixed(2)}x`));
  console.log(row('  CPU s during traffic', cpuRun.toFixed(1), `${((cpuRun / trafficS) * 100).toFixed(0)}%`));
  console.log(
    row(
      'Prosody: CPU s, share / RSS MB',
      xmppCpuRun.toFixed(1),
      `${((xmppCpuRun / trafficS) * 100).toFixed(0)}%`,
      xmppRss.toFixed(0),
    ),
  );
  console.log(
    row('bench process: CPU s, share', benchCpuRun.toFixed(1), `${((benchCpuRun / trafficS) * 100).toFixed(0)}%`),
  );
  console.log(row('machine: cores, peak load average', cpus().length, loadPeak.toFixed(1)));
  console.log(row('bench process timer lag ms', fmt(lag.p50), fmt(lag.p95), fmt(lag.max), lag.n));
  console.log(
    row(
      'wall s: setup / arrivals / total',
      setupS.toFixed(1),
      arrivalsS.toFixed(1),
      ((now() - wallStart) / 1000).toFixed(1),
    ),
  );

  const failed =
    lostToAgent !== 0 ||
    lostToCustomer !== 0 ||
    stats.toAgent.duplicates + stats.toCustomer.duplicates > 0 ||
    completed < opts.customers;
  if (failed) {
    const stuck = customers.filter((c) => !done(c)).slice(0, 5);
    for (const c of stuck)
      console.log(
        `not completed: customer ${c.index} chat ${c.chatId ?? '(none)'}: ${c.replies} replies, ended ${c.ended}, agent closed ${c.agentClosed}`,
      );
    for (const [problem, count] of startProblems) console.log(`${count} customers could not start: ${problem}`);
    console.log(`the chat service's last notes:\n${serviceNotes.join('\n')}`);
    console.log('FAILED: messages were lost or duplicated, or chats never completed');
  }
  return failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`chat-load: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopService();
  await prosody?.stop();
}
process.exit(code);
