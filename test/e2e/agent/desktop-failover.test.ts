// Desktop failover, as Finesse's desktop does it: the agent is signed in on the desktop of node A, Ready, with a
// customer chat accepted (voice Not Ready "Handling Chat"). Node A goes out of service: the desktop says so, moves
// the agent to node B's desktop and signs in there without asking; the gadget starts again on B like after a
// reload, with the chat and its history. The customer ends the chat: the agent is back Ready on B within 15 s, the
// gadget said what happened, every message shows once, and the router requeued or dropped nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { chooseState, gadgetFrames, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import { GadgetPage } from './gadget-page.ts';
import { openGadget, startGadgetHarness, waitFor, type AgentLogin, type GadgetHarness } from './gadget-harness.ts';

const GADGET = '/3rdpartygadget/files/finesse-blend/gadget.xml';

let harness: GadgetHarness;
let desktop: DesktopWorld;
let page: Page;
let problems: string[];
let gadget: GadgetPage;
let agent: AgentLogin;
let jane: CustomerChatClient;
/** Every address the desktop page was at, to prove the password never reached the address bar's query. */
const addresses: string[] = [];

const routerAgent = () => desktop.world.chatRouter?.snapshot().agents.find((a) => a.jid.startsWith(`${agent.id}@`));
const origin = (url: string) => new URL(url).origin;

before(async () => {
  harness = await startGadgetHarness();
  ({ desktop, agent } = harness);
  assert.ok(desktop.chat);
  page = await harness.chromium.browser.newPage();
  problems = await watchForProblems(page);
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) addresses.push(f.url());
  });
  gadget = await openGadget(harness, page, 'the product gadget on node A');
  jane = new CustomerChatClient({
    service: desktop.chat.websocketUrl,
    guestDomain: desktop.chat.guestDomain,
    routerJid: desktop.chat.routerJid,
  });
});

after(async () => {
  jane?.close();
  await harness?.stop();
});

test('on node A: Ready, a customer chat accepted puts voice Not Ready "Handling Chat", messages flow', async () => {
  assert.equal(origin(page.url()), origin(desktop.desktopUrl), 'the desktop runs on node A');
  await chooseState(page, 'READY');
  await gadget.waitForHeadline('Ready for calls and chats');
  assert.equal((await jane.start('Jane Doe', 'Where is my order?')).ok, true);
  await gadget.waitForText(/Chat from Jane Doe/);
  await gadget.click('fb-chat-offer >>> button.accept');
  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  const user = await waitFor('the agent Not Ready "Handling Chat"', () => {
    const u = harness.simUser();
    return u?.state === 'NOT_READY' ? u : null;
  });
  assert.equal(user.reasonCode?.label, 'Handling Chat');
  assert.ok(jane.send('first message').ok);
  await gadget.waitForText(/first message/);
  await gadget.sendMessage('Let me check, Jane.');
  await waitFor('the reply at the customer', () =>
    jane.lines().some((l) => l.from === 'agent' && l.text === 'Let me check, Jane.'),
  );
});

test('node A goes out of service: the desktop says so and moves the agent to node B, signed in without asking', async () => {
  const down = await desktop.world.simulator.control.setNodeInService({ node: 'primary', inService: false });
  assert.ok(down.ok);
  await page.waitForFunction(
    () =>
      /Finesse server A is out of service: moving you to server B/.test(
        document.getElementById('node-banner')?.textContent ?? '',
      ),
    { timeout: 15_000 },
  );
  await waitFor(
    'the desktop to be on node B',
    () => origin(page.url()) === origin(desktop.secondaryDesktopUrl) || null,
    15_000,
  );
  await page.waitForFunction(() => document.querySelector('#desktop')?.hasAttribute('hidden') === false, {
    timeout: 15_000,
  });
  assert.equal(new URL(page.url()).hash, '', 'the carried sign-in left the address bar at once');
  assert.ok(
    addresses.every((a) => !a.includes(agent.password) && new URL(a).search === ''),
    'no credential in any address query',
  );
  assert.match(
    await page.$eval('#node-note', (e) => e.textContent ?? ''),
    /Finesse server A went out of service: the desktop moved you to server B/,
  );
  assert.match(await page.$eval('#state-label', (e) => e.textContent ?? ''), /Not Ready - Handling Chat/);

  const frame = await waitFor('the product gadget on node B', () => gadgetFrames(page, GADGET)[0]);
  assert.equal(origin(frame.url()), origin(desktop.secondaryDesktopUrl), 'the gadget is served by node B');
  await frame.waitForFunction(() => customElements.get('finesse-blend-agent') !== undefined, { timeout: 15_000 });
  gadget = new GadgetPage(frame);
});

test('on node B the gadget picks the chat up with its history and says what happened', async () => {
  await gadget.waitForText(/Finesse server A is out of service: your desktop now runs on server B/, 20_000);
  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls', 30_000);
  await gadget.waitForText(/Let me check, Jane\./);
  assert.ok(jane.send('second message').ok);
  await gadget.waitForText(/second message/);
});

test('the customer ends the chat: the agent is back Ready on node B within 15 s, and nothing was lost', async () => {
  const ended = Date.now();
  await jane.end();
  await waitFor('the agent Ready again', () => harness.simUser()?.state === 'READY', 15_000);
  assert.ok(Date.now() - ended <= 15_000);
  await gadget.waitForHeadline('Ready for calls and chats');
  await gadget.waitForText(/The customer ended the chat/);

  const said = (await gadget.transcript()).filter((l) => !l.startsWith('system|'));
  assert.deepEqual(
    said,
    ['customer|Where is my order?', 'customer|first message', 'self|Let me check, Jane.', 'customer|second message'],
    'each message shown once, in order',
  );
  const router = desktop.world.chatRouter?.snapshot();
  assert.ok(router);
  assert.deepEqual(router.requeueLog, [], 'no chat went back to the queue');
  assert.equal(
    router.offerLog.filter((o) => o.chatId === jane.chatId).length,
    1,
    'the chat was offered once: never re-routed',
  );
  assert.equal(
    router.queue.find((c) => c.chatId === jane.chatId)?.status ?? 'ended',
    'ended',
    'the chat ended, it was not dropped or queued',
  );
  await waitFor('the router to see the agent READY', () => routerAgent()?.state === 'READY');
});

test('the move raised no CSP violation, console error or uncaught exception', () => {
  assert.deepEqual(
    problems.filter((p) => !/503|Service Unavailable/.test(p)),
    [],
  );
});
