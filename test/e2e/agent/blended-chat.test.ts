// An agent's blended day in the real harness: the gadget built by vite, the Finesse simulator, Prosody, the
// chat router, and a customer in Node. The agent goes Ready, a customer asks for a chat, the gadget offers it;
// accepting puts voice Not Ready "Handling Chat" first; messages go both ways in order, customer markup stays
// text; ending the chat restores Ready. An ACD call interrupts chat (no offer arrives) and ends back in Ready.
// The blending and chat timers run on the desktop's 1 s tick. CSP violations and console errors are watched throughout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { chooseState } from '../../../sim/desktop/desktop-driver.ts';
import type { GadgetPage } from './gadget-page.ts';
import { waitFor, type AgentLogin, type GadgetHarness } from './gadget-harness.ts';
import { openChatDesk, type ChatDesk } from './chat-desk.ts';

const HOSTILE_NAME = 'Jane <b>Doe</b>';
const HOSTILE_TEXT = '<img src=x onerror="alert(1)">Where is my order?';

let desk: ChatDesk;
let harness: GadgetHarness;
let desktop: DesktopWorld;
let page: Page;
let problems: string[];
let gadget: GadgetPage;
let agent: AgentLogin;

const headerLabel = () => page.$eval('#state-label', (e) => e.textContent ?? '');

before(async () => {
  desk = await openChatDesk({}, 'the product gadget on the home tab');
  ({ harness, desktop, page, problems, gadget, agent } = desk);
});

after(async () => {
  await desk?.stop();
});

test('Ready in the header makes the gadget ready for calls and chats, and the router sees it', async () => {
  await chooseState(page, 'READY');
  await gadget.waitForHeadline('Ready for calls and chats');
  await waitFor('the router to see the agent READY', () => desk.routerAgent()?.state === 'READY');
});

test('a customer chat is offered; accepting sets voice Not Ready "Handling Chat" first, then the chat opens', async () => {
  const jane = desk.customer();
  const started = await jane.start(HOSTILE_NAME, HOSTILE_TEXT, [
    { name: 'order', label: 'Order number', value: 'A-1001' },
  ]);
  assert.equal(started.ok, true);

  await gadget.waitForText(/Chat from Jane <b>Doe<\/b>/);
  const offerText = await gadget.text();
  assert.match(offerText, /Order number A-1001/);
  assert.match(offerText, /Expires in \d+ s/);

  await gadget.click('fb-chat-offer >>> button.accept');
  await page.waitForFunction(
    () => /Not Ready - Handling Chat/.test(document.getElementById('state-label')?.textContent ?? ''),
    { timeout: 15_000 },
  );
  const user = await waitFor('the simulator to have the agent Not Ready', () => {
    const u = harness.simUser();
    return u?.state === 'NOT_READY' ? u : null;
  });
  assert.equal(user.reasonCode?.label, 'Handling Chat');
  assert.match(await headerLabel(), /Handling Chat/);

  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  await waitFor('the router to see the agent ACTIVE', () => desk.routerAgent()?.state === 'ACTIVE');
  await waitFor('the customer to see the agent', () =>
    jane.lines().some((l) => l.from === 'system' || l.from === 'agent'),
  );
});

test("messages go both ways in order; the customer's markup shows as text", async () => {
  const jane = desk.customers[0];
  assert.ok(jane);
  await gadget.waitForText(/Where is my order\?/);
  assert.ok(jane.send('first <i>one</i>').ok);
  assert.ok(jane.send('second').ok);
  await gadget.waitForText(/second/);
  await gadget.sendMessage('Hello Jane, let me look.');
  await waitFor("the agent's reply at the customer", () =>
    jane.lines().some((l) => l.from === 'agent' && l.text === 'Hello Jane, let me look.'),
  );
  assert.ok(jane.send('third').ok);
  await gadget.waitForText(/third/);

  const lines = await gadget.transcript();
  const said = lines.filter((l) => !l.startsWith('system|'));
  assert.deepEqual(said, [
    `customer|${HOSTILE_TEXT}`,
    'customer|first <i>one</i>',
    'customer|second',
    'self|Hello Jane, let me look.',
    'customer|third',
  ]);
  const fromCustomer = jane
    .lines()
    .filter((l) => l.from !== 'system')
    .map((l) => `${l.from}|${l.text}`);
  assert.deepEqual(fromCustomer.slice(-2), ['agent|Hello Jane, let me look.', 'me|third']);
  assert.equal(await gadget.count('img'), 0, 'no element came from customer markup');
  assert.equal(await gadget.count('i'), 0);
  assert.equal(await gadget.count('b'), 0);
});

test('ending the chat restores voice to Ready', async () => {
  await gadget.click('fb-conversation >>> button.end');
  await page.waitForFunction(() => (document.getElementById('state-label')?.textContent ?? '').startsWith('Ready'), {
    timeout: 15_000,
  });
  await waitFor('the simulator to have the agent Ready', () => harness.simUser()?.state === 'READY');
  await gadget.waitForHeadline('Ready for calls and chats');
  await waitFor('the customer to be told the chat ended', () =>
    desk.customers[0]?.lines().some((l) => l.from === 'system' && /ended/i.test(l.text)),
  );
});

test('an ACD call interrupts chat: no offer arrives during it, and it ends back in Ready', async () => {
  const placed = await desktop.world.simulator.control.placeAcdCall({ agentId: agent.id });
  assert.ok(placed.ok);
  await gadget.waitForHeadline('On a call: chats paused');
  await waitFor('the router to see the agent INTERRUPTED', () => desk.routerAgent()?.state === 'INTERRUPTED');

  const sam = desk.customer();
  assert.equal((await sam.start('Sam Queue', 'Is my parcel on its way?')).ok, true);
  // The router answers the customer (queued) and chooses an agent in the same turn: by the time the customer hears
  // it is queued, an offer would already be in the router's log.
  const queued = await waitFor('the chat to be queued', () =>
    desktop.world.chatRouter?.snapshot().queue.find((c) => c.chatId === sam.chatId),
  );
  assert.equal(queued.status, 'queued', 'the chat waits in the queue');
  const offered = desktop.world.chatRouter?.snapshot().offerLog.filter((o) => o.chatId === sam.chatId) ?? [];
  assert.deepEqual(offered, [], 'no offer during the call');
  assert.equal(desk.routerAgent()?.state, 'INTERRUPTED', 'the router still sees the agent on the call');
  assert.doesNotMatch(await gadget.text(), /Chat from Sam Queue/);

  const ended = await desktop.world.simulator.control.endCall({ dialogId: placed.value.dialogId });
  assert.ok(ended.ok);
  await waitFor('the simulator to have the agent Ready', () => harness.simUser()?.state === 'READY');
  await gadget.waitForText(/Chat from Sam Queue/);
  await gadget.click('fb-chat-offer >>> button.decline');
  await gadget.waitForHeadline('Ready for calls and chats');
  assert.equal(harness.simUser()?.state, 'READY', 'declining leaves voice alone');
});

test("the gadget's timers run on the desktop's 1 s timer tick, never on setTimeouts of their own", async () => {
  // The failover monitor polls SystemInfo every 5 s on these timers; by now it has done so more than once.
  await gadget.waitForTimersOnTick(2);
  // The chat link pings the chat server every 30 s on the chat channel's timers, from sign-in on (the first test).
  await gadget.waitForChatTimersOnTick(1, 35_000);
  const counts = await gadget.timerCounts();
  assert.ok(counts.ticks >= 10, `the desktop ticked (${counts.ticks} ticks)`);
  assert.equal(counts.onFallback, 0, 'no timer waited for its own setTimeout');
  assert.equal(counts.chatOnFallback, 0, 'no chat timer waited for its own setTimeout');
});

test('the gadget ran without a CSP violation, a console error or an uncaught exception', () => {
  assert.deepEqual(problems, []);
});
