// The simulated world with chat on (startWorld's default): the router is up, the customer page is served on
// the simulator's origin, a customer's chat waits in the queue and is offered to a seeded agent once they
// publish READY; and the desktop's default layout hands the product gadget the world's chat settings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, type WorldChat, type WorldHandle } from '../../../sim/world.ts';
import { chatGadgetPrefs } from '../../../sim/desktop/desktop-world.ts';
import { defaultLayoutXml, layoutForRoles, parseLayout, splitGadgetUrl } from '../../../sim/desktop/layout.ts';
import { ACCOUNTS } from '../../../sim/finesse/seed.ts';
import type { ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import { offeredChat, signInAgent, startCustomer, waitFor } from './chat-test-kit.ts';

let world: WorldHandle;
let chat: WorldChat;
let router: ChatRouterHandle;
before(async () => {
  world = await startWorld();
  assert.ok(world.chat && world.chatRouter, 'chat is on by default');
  chat = world.chat;
  router = world.chatRouter;
});
after(async () => {
  await world?.stop();
});

test('the world serves the customer page at /chat/ pointing at its router and chat server', async () => {
  assert.equal(chat.customerUrl, `${world.simulator.primaryUrl}/chat/`);
  assert.equal(chat.routerJid, router.jid);
  assert.equal(chat.websocketUrl, world.prosody.websocketUrl);
  const page = await fetch(chat.customerUrl);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<finesse-blend-chat inline><\/finesse-blend-chat>/, 'the page embeds the widget');
  const settings = (await (await fetch(`${world.simulator.primaryUrl}/widget/settings.json`)).json()) as {
    routerJid: string;
    guestDomain: string;
  };
  assert.equal(settings.routerJid, chat.routerJid, 'the widget addresses the world router');
  assert.equal(settings.guestDomain, chat.guestDomain);
});

test('the world serves a sample customer website on its own origin, allowed to embed the widget', async () => {
  const site = await fetch(chat.customerSiteUrl);
  assert.equal(site.status, 200);
  const siteOrigin = new URL(chat.customerSiteUrl).origin;
  assert.notEqual(siteOrigin, new URL(world.simulator.primaryUrl).origin);
  const csp = site.headers.get('content-security-policy') ?? '';
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(await site.text(), /<finesse-blend-chat service="http:\/\/127\.0\.0\.1:\d+"><\/finesse-blend-chat>/);
  const settings = await fetch(`${world.simulator.primaryUrl}/widget/settings.json`, {
    headers: { origin: siteOrigin },
  });
  assert.equal(settings.headers.get('access-control-allow-origin'), siteOrigin);
});

test("the world runs the chat service from server/: its ops routes answer on the simulator's origin", async () => {
  const ready = await fetch(`${world.simulator.primaryUrl}/readyz`);
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { ready: true });
  const metrics = await (await fetch(`${world.simulator.primaryUrl}/metrics`)).text();
  assert.match(metrics, /^chat_service_xmpp_up 1$/m);
});

test("a customer's chat waits in the queue and is offered to a seeded agent who publishes READY", async () => {
  const seeded = ACCOUNTS.find((a) => a.supervises.length === 0);
  assert.ok(seeded);
  const customer = startCustomer(chat, router);
  let agent: Awaited<ReturnType<typeof signInAgent>> | null = null;
  try {
    const started = await customer.start('Sam Queue', 'Is my parcel on its way?');
    assert.equal(started.ok, true);
    const queued = await waitFor('the chat in the queue', () =>
      router.snapshot().queue.find((c) => c.chatId === customer.chatId),
    );
    assert.equal(queued.status, 'queued', 'nobody is READY yet');

    agent = await signInAgent(world.prosody, router, { account: { id: seeded.id, password: seeded.password } });
    const chatId = await offeredChat(agent.channel, 'Sam Queue');
    assert.equal(chatId, customer.chatId);
    assert.equal(router.snapshot().queue.find((c) => c.chatId === chatId)?.status, 'offered');
  } finally {
    customer.close();
    await agent?.channel.signOut();
  }
});

test("the desktop's default layout gives the product gadget chatService and chatRouter", () => {
  const layouts = parseLayout(defaultLayoutXml('finesse-blend', null, chatGadgetPrefs(chat)));
  assert.ok(layouts.ok);
  const url = layoutForRoles(layouts.value, ['Agent'])?.tabs[0]?.gadgets[0] ?? '';
  const { specUrl, prefs } = splitGadgetUrl(url);
  assert.equal(specUrl, '/3rdpartygadget/files/finesse-blend/gadget.xml');
  assert.equal(prefs.get('chatService'), chat.websocketUrl);
  assert.equal(prefs.get('chatRouter'), chat.routerJid);
});
