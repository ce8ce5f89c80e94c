// Chat and notifications over BOSH because WebSocket is not available, in Chromium through the harness: the
// gadget's chatService names a WebSocket address where the server refuses the upgrade (a path Prosody does not
// serve) and Prosody's BOSH address, and the
// desktop page has no working WebSocket at all (as behind a proxy that blocks WebSocket). The channel tries
// WebSocket, falls back to BOSH, and the agent's chat works as usual: offer, accept, messages both ways. Then the
// BOSH link is cut (the endpoint answers 404 for a while): the channel reconnects over BOSH and every line written
// on either side meanwhile arrives exactly once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { defaultLayoutXml } from '../../../sim/desktop/layout.ts';
import { chooseState, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import type { GadgetPage } from './gadget-page.ts';
import { openGadget, startGadgetHarness, waitFor, type GadgetHarness } from './gadget-harness.ts';

/** The desktop page's WebSocket: every connection fails at once, like a refused one. Page script as a string. */
const NO_WEBSOCKET_IN_THE_DESKTOP = `(() => {
  if (window.top !== window) return;
  class RefusedWebSocket {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.onopen = null; this.onerror = null; this.onclose = null; this.onmessage = null;
      setTimeout(() => {
        this.readyState = 3;
        if (this.onerror) this.onerror(new Event('error'));
        if (this.onclose) this.onclose(new CloseEvent('close', { code: 1006, wasClean: false }));
      }, 0);
    }
    send() { throw new DOMException('The WebSocket is not open', 'InvalidStateError'); }
    close() { this.readyState = 3; }
  }
  RefusedWebSocket.CONNECTING = 0; RefusedWebSocket.OPEN = 1; RefusedWebSocket.CLOSING = 2; RefusedWebSocket.CLOSED = 3;
  window.WebSocket = RefusedWebSocket;
})()`;

let harness: GadgetHarness;
let desktop: DesktopWorld;
let page: Page;
let gadget: GadgetPage;
let problems: string[];
/** WebSocket connections the gadget opened (Chromium's own count, through the DevTools protocol). */
let websocketsOpened: string[] = [];
let customer: CustomerChatClient | null = null;
let agentId = '';
/** While true, the gadget's BOSH requests get 404 (its session is lost). */
let boshCut = false;
/** The gadget's BOSH requests answered 404 because the link was cut. */
let boshRefused = 0;
const boshRequests = { desktop: 0, gadget: 0 };

before(async () => {
  harness = await startGadgetHarness({
    layoutXml: (world) => {
      if (!world.chat) throw new Error('the world runs without chat');
      const refusedWebSocket = world.chat.websocketUrl.replace(/\/[^/]*$/, '/no-websocket-here');
      return defaultLayoutXml('finesse-blend', null, {
        chatService: `${refusedWebSocket} ${world.chat.boshUrl}`,
        chatRouter: world.chat.routerJid,
      });
    },
  });
  desktop = harness.desktop;
  agentId = harness.agent.id;
  page = await harness.chromium.browser.newPage();
  problems = await watchForProblems(page);
  await page.evaluateOnNewDocument(NO_WEBSOCKET_IN_THE_DESKTOP);
  const devtools = await page.createCDPSession();
  await devtools.send('Network.enable');
  devtools.on('Network.webSocketCreated', (e) => websocketsOpened.push(e.url));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!request.url().includes('/http-bind') || request.method() !== 'POST') {
      void request.continue();
      return;
    }
    const fromGadget = request.frame() !== page.mainFrame();
    if (fromGadget) boshRequests.gadget += 1;
    else boshRequests.desktop += 1;
    if (fromGadget && boshCut) boshRefused += 1;
    if (fromGadget && boshCut)
      void request.respond({ status: 404, headers: { 'Access-Control-Allow-Origin': '*' }, body: '' });
    else void request.continue();
  });
  gadget = await openGadget(harness, page);
});

after(async () => {
  customer?.close();
  await harness?.stop();
});

test("with WebSocket refused, the desktop's notifications and the gadget's chat run over BOSH", async () => {
  await chooseState(page, 'READY');
  await gadget.waitForHeadline('Ready for calls and chats');
  const router = desktop.world.chatRouter;
  assert.ok(router);
  await waitFor(
    'the router to see the agent READY',
    () => router.snapshot().agents.find((a) => a.jid.startsWith(`${agentId}@`))?.state === 'READY',
  );
  assert.ok(
    websocketsOpened.some((url) => url.endsWith('/no-websocket-here')),
    'the gadget tried WebSocket first',
  );
  assert.ok(boshRequests.gadget > 0, "the gadget's chat went over BOSH");
  assert.ok(boshRequests.desktop > 0, "the desktop's notifications went over BOSH");
});

test('over BOSH: a chat is offered and accepted, and messages go both ways', async () => {
  const chat = desktop.chat;
  assert.ok(chat);
  customer = new CustomerChatClient({
    service: chat.websocketUrl,
    guestDomain: chat.guestDomain,
    routerJid: chat.routerJid,
  });
  assert.equal((await customer.start('Pat Bosh', 'Does this work over BOSH?')).ok, true);
  await gadget.waitForText(/Chat from Pat Bosh/);
  await gadget.click('fb-chat-offer >>> button.accept');
  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  await gadget.waitForLine('customer|Does this work over BOSH?');
  await gadget.sendMessage('It does.');
  await waitFor("the agent's line at the customer", () =>
    customer?.lines().some((l) => l.from === 'agent' && l.text === 'It does.'),
  );
  assert.ok(customer.send('Great').ok);
  await gadget.waitForLine('customer|Great');
});

test('the BOSH link is cut and comes back: the channel reconnects over BOSH and each line arrives once', async () => {
  assert.ok(customer);
  websocketsOpened = [];
  boshCut = true;
  await gadget.sendMessage('Written while cut off');
  await gadget.waitForText(/reconnecting/);
  assert.ok(customer.send('Customer while cut off').ok);
  // The link comes back only after the gadget, trying again, was refused once more after the customer wrote.
  const refusedBefore = boshRefused;
  await waitFor('the gadget to try again and be refused', () => boshRefused > refusedBefore, 30_000);
  boshCut = false;

  await gadget.waitForLine('customer|Customer while cut off', 30_000);
  await waitFor(
    "the agent's line at the customer",
    () => customer?.lines().some((l) => l.text === 'Written while cut off'),
    30_000,
  );
  await gadget.sendMessage('Back again.');
  await waitFor('the line after the reconnect at the customer', () =>
    customer?.lines().some((l) => l.text === 'Back again.'),
  );

  const said = (await gadget.transcript()).filter((l) => !l.startsWith('system|'));
  assert.deepEqual(said, [
    'customer|Does this work over BOSH?',
    'self|It does.',
    'customer|Great',
    'self|Written while cut off',
    'customer|Customer while cut off',
    'self|Back again.',
  ]);
  assert.deepEqual(
    customer
      .lines()
      .filter((l) => l.from === 'agent')
      .map((l) => l.text),
    ['It does.', 'Written while cut off', 'Back again.'],
  );
  assert.deepEqual(websocketsOpened, [], 'a session that worked on BOSH reconnects on BOSH');
  assert.equal(harness.simUser()?.reasonCode?.label, 'Handling Chat', 'voice held for the chat throughout');
});

test('ending the chat restores Ready', async () => {
  await gadget.click('fb-conversation >>> button.end');
  await waitFor('the simulator to have the agent Ready', () => harness.simUser()?.state === 'READY');
});

test("the only console errors are the browser's own reports of the refused WebSocket and the cut BOSH requests", () => {
  // strophe.js's own console lines are silenced: the channel reports transport problems itself.
  const expected = [
    /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/no-websocket-here' failed/, // Chromium
    /^Failed to load resource: the server responded with a status of 404/, // Chromium
  ];
  assert.deepEqual(
    problems.filter((p) => !expected.some((e) => e.test(p))),
    [],
  );
});
