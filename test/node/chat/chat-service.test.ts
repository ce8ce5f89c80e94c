// The chat service as it runs in production, on a real Prosody: the ops endpoints, the metrics following a
// queued chat, an offer and an accept, and logs that never hold customer text, customer names or credentials.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { startChatService, type ChatServiceHandle } from '../../../server/service/chat-service.ts';
import type { Logger } from '../../../server/service/log.ts';
import { jsonLogger } from '../../../server/service/log.ts';
import { DEFAULT_WIDGET_CONFIG } from '../../../server/widget/widget-config.ts';
import { offeredChat, signInAgent, startCustomer, unique, waitFor } from './chat-test-kit.ts';

let prosody: ChatProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

const ROUTER_PASSWORD = 'Router-Pw-Zq81xK';
const CUSTOMER_NAME = 'Zebulon Quaxworth';
const CUSTOMER_QUESTION = 'My card number is 4111-QUUX-9876';
const CUSTOMER_LINE = 'Second line XYZZY-PLUGH-77';
const AGENT_LINE = 'Agent reply FROBOZZ-42';

async function startService(lines: string[]): Promise<ChatServiceHandle> {
  const username = unique('service');
  await prosody.register(username, ROUTER_PASSWORD);
  const log: Logger = jsonLogger((line) => lines.push(line));
  return startChatService(
    {
      xmppService: prosody.websocketUrl,
      customerXmppService: prosody.websocketUrl,
      domain: prosody.domain,
      mucDomain: prosody.mucDomain,
      guestDomain: prosody.guestDomain,
      username,
      password: ROUTER_PASSWORD,
      http: { host: '127.0.0.1', port: 0 },
      offerTimeoutMs: 20_000,
      maxChatsPerAgent: 3,
      widget: { ...DEFAULT_WIDGET_CONFIG, allowedOrigins: ['https://shop.example.com'] },
    },
    log,
  );
}

/** The value of one sample in Prometheus text, e.g. metric(text, 'chat_service_agents{state="READY"}'). */
function metric(text: string, sample: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  assert.ok(line, `no sample ${sample} in\n${text}`);
  return Number(line.slice(sample.length + 1));
}

async function metrics(service: ChatServiceHandle): Promise<string> {
  const res = await fetch(`${service.url}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return res.text();
}

test('ops endpoints: /healthz, /readyz 200 once signed in to XMPP, the customer page, /metrics', async () => {
  const lines: string[] = [];
  const service = await startService(lines);
  try {
    const health = await fetch(`${service.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'up' });
    await waitFor('the router to sign in', () => service.router.online);
    const ready = await fetch(`${service.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ready: true });
    const page = await fetch(`${service.url}/chat/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script src="\/widget\/finesse-blend-chat\.js" defer><\/script>/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'; style-src 'self'/);

    // The widget's settings: for the service's own page and the allowed website, refused to any other website.
    const own = await fetch(`${service.url}/widget/settings.json`);
    assert.equal(own.status, 200);
    const settings = (await own.json()) as { routerJid: string; guestDomain: string; preChatFields: unknown[] };
    assert.equal(settings.routerJid, service.routerJid);
    assert.equal(settings.guestDomain, prosody.guestDomain);
    assert.equal(settings.preChatFields.length, 3);
    const shop = await fetch(`${service.url}/widget/settings.json`, {
      headers: { origin: 'https://shop.example.com' },
    });
    assert.equal(shop.status, 200);
    assert.equal(shop.headers.get('access-control-allow-origin'), 'https://shop.example.com');
    const other = await fetch(`${service.url}/widget/settings.json`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.status, 403);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.match(((await other.json()) as { error: string }).error, /widget\.allowedOrigins/);

    // The script: a stable URL revalidated hourly, a versioned URL cached for good.
    const script = await fetch(`${service.url}/widget/finesse-blend-chat.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(script.headers.get('cache-control'), 'public, max-age=3600');
    const body = await script.text();
    assert.ok(body.includes('finesse-blend-chat'), 'the script defines the element');
    const version = (await (await fetch(`${service.url}/widget/version.json`)).json()) as { script: string };
    const pinned = await fetch(`${service.url}${version.script}`);
    assert.equal(pinned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await pinned.text(), body);
    const stale = await fetch(`${service.url}/widget/000000000000/finesse-blend-chat.js`);
    assert.equal(stale.status, 404);
    assert.match(await stale.text(), /no longer served/);
    assert.equal((await fetch(`${service.url}/nothing`)).status, 404);
    assert.equal((await fetch(`${service.url}/readyz`, { method: 'POST' })).status, 405);
    assert.equal(metric(await metrics(service), 'chat_service_xmpp_up'), 1);
  } finally {
    await service.stop();
  }
  assert.equal(service.router.online, false);
  await assert.rejects(fetch(`${service.url}/healthz`), 'the listener is closed after stop');
});

test('/readyz answers 503 with a JSON reason while the router cannot sign in', async () => {
  const lines: string[] = [];
  const username = unique('nobody');
  const service = await startChatService(
    {
      xmppService: prosody.websocketUrl,
      customerXmppService: prosody.websocketUrl,
      domain: prosody.domain,
      mucDomain: prosody.mucDomain,
      guestDomain: prosody.guestDomain,
      username, // never registered: authentication fails
      password: 'wrong',
      http: { host: '127.0.0.1', port: 0 },
      offerTimeoutMs: 20_000,
      maxChatsPerAgent: 3,
      widget: { ...DEFAULT_WIDGET_CONFIG, allowedOrigins: ['https://shop.example.com'] },
    },
    jsonLogger((line) => lines.push(line)),
  );
  try {
    await new Promise((r) => setTimeout(r, 500));
    const res = await fetch(`${service.url}/readyz`);
    assert.equal(res.status, 503);
    const body = (await res.json()) as { ready: boolean; reason: string };
    assert.equal(body.ready, false);
    assert.match(body.reason, /not signed in to the XMPP server/);
    assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
  } finally {
    await service.stop();
  }
  assert.ok(!lines.join('\n').includes('wrong"'), 'the password is never logged');
  assert.ok(
    lines.some((l) => l.includes("refused the router's account or password")),
    'the log says why it cannot sign in',
  );
});

test('metrics follow a queued chat, its offer and its accept; the log holds no customer text, names or passwords', async () => {
  const lines: string[] = [];
  let resumeSecret = 'no secret';
  const service = await startService(lines);
  const customer = startCustomer(prosody, service.router);
  let agent: Awaited<ReturnType<typeof signInAgent>> | null = null;
  try {
    await waitFor('the service to be ready', () => service.router.online);
    const before = await metrics(service);
    assert.equal(metric(before, 'chat_service_queue_length{queue="default"}'), 0);
    assert.equal(metric(before, 'chat_service_offers_total'), 0);

    await customer.start(CUSTOMER_NAME, CUSTOMER_QUESTION);
    await waitFor('the chat to queue', () => service.router.stats().waiting === 1);
    await new Promise((r) => setTimeout(r, 1100));
    const queued = await metrics(service);
    assert.equal(metric(queued, 'chat_service_queue_length{queue="default"}'), 1);
    assert.ok(
      metric(queued, 'chat_service_queue_oldest_wait_seconds{queue="default"}') >= 1,
      'the chat has waited over a second',
    );
    assert.equal(metric(queued, 'chat_service_offers_total'), 0, 'no agent yet: no offer');

    agent = await signInAgent(prosody, service.router, { max: 5 });
    const chatId = await offeredChat(agent.channel, CUSTOMER_NAME);
    const offered = await metrics(service);
    assert.equal(metric(offered, 'chat_service_offers_total'), 1);
    assert.equal(metric(offered, 'chat_service_time_to_offer_seconds_count'), 1);
    assert.ok(metric(offered, 'chat_service_time_to_offer_seconds_sum') >= 1);
    assert.equal(metric(offered, 'chat_service_time_to_offer_seconds_bucket{le="1"}'), 0);
    assert.equal(metric(offered, 'chat_service_time_to_offer_seconds_bucket{le="+Inf"}'), 1);
    assert.equal(metric(offered, 'chat_service_agents{state="READY"}'), 1);
    assert.equal(
      service.router.snapshot().agents.find((a) => a.jid.startsWith(`${agent?.id}@`))?.max,
      3,
      'the service caps the agent at maxChatsPerAgent',
    );

    assert.equal((await agent.channel.accept(chatId)).ok, true);
    customer.send(CUSTOMER_LINE);
    agent.channel.send(chatId, AGENT_LINE);
    await waitFor('the agent line at the customer', () => customer.lines().some((l) => l.text === AGENT_LINE));
    const accepted = await metrics(service);
    assert.equal(metric(accepted, 'chat_service_accepts_total'), 1);
    assert.equal(metric(accepted, 'chat_service_declines_total'), 0);
    assert.equal(metric(accepted, 'chat_service_offer_expiries_total'), 0);
    assert.equal(metric(accepted, 'chat_service_queue_length{queue="default"}'), 0);
    // A customer resuming on a new session: the secret never reaches the log.
    const ticket = customer.ticket;
    assert.ok(ticket);
    resumeSecret = ticket.secret;
    customer.close();
    const back = startCustomer(prosody, service.router);
    try {
      assert.deepEqual(await back.resume(ticket), { ok: true });
      await back.end();
    } finally {
      back.close();
    }
  } finally {
    customer.close();
    await agent?.channel.signOut();
    await service.stop();
  }

  assert.ok(lines.length >= 5, 'the service logged its life');
  for (const line of lines) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    assert.ok(['debug', 'info', 'warn', 'error'].includes(String(entry['level'])), line);
    assert.ok(!Number.isNaN(Date.parse(String(entry['time']))), line);
    assert.equal(typeof entry['msg'], 'string', line);
  }
  assert.ok(lines.some((l) => l.includes('queued')) && lines.some((l) => l.includes('offering')));
  const log = lines.join('\n');
  assert.ok(
    lines.some((l) => l.includes('resumed')),
    'the resume is logged',
  );
  for (const secret of [
    CUSTOMER_NAME,
    'Zebulon',
    'Quaxworth',
    '4111-QUUX',
    'XYZZY',
    'FROBOZZ',
    ROUTER_PASSWORD,
    'pw"',
    resumeSecret,
  ])
    assert.ok(!log.includes(secret), `the log must not contain ${secret}`);
});
