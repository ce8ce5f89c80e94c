// The gadget at home in a Finesse 12.x desktop (the stand-in's ChannelService and PopoverService): the chat channel
// in the header follows the agent's chat state through an offer, two chats, a call and its end; the header's menu
// and its all-channels choice set the agent's chat choice; offers pop over the desktop with Accept and Decline, also
// while the gadget's tab is not the one shown. CSP violations and console errors are watched throughout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { chatGadgetPrefs } from '../../../sim/desktop/desktop-world.ts';
import {
  chooseAllChannels,
  chooseChannelMenu,
  chooseState,
  clickPopoverButton,
  headerChannel,
  popovers,
  waitForHeaderChannel,
} from '../../../sim/desktop/desktop-driver.ts';
import type { GadgetPage } from './gadget-page.ts';
import { waitFor, type AgentLogin, type GadgetHarness } from './gadget-harness.ts';
import { openChatDesk, type ChatDesk } from './chat-desk.ts';

const CHANNEL = 'finesse-blend-chat';

let desk: ChatDesk;
let harness: GadgetHarness;
let desktop: DesktopWorld;
let page: Page;
let problems: string[];
let gadget: GadgetPage;
let agent: AgentLogin;

/** Polls an asynchronous check until it gives a value; throws naming `what` after `ms`. */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The desktop's popover for a customer's offer, once it shows. */
const offerPopover = (name: string) =>
  until(`the offer popover for ${name}`, async () =>
    (await popovers(page)).find((p) => p.content.some((c) => c.name === 'Customer' && c.value === name)),
  );

/** The product gadget on the home tab and a second tab without it, so the gadget can be out of sight. */
function layout(prefs: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams(prefs).toString().replace(/&/g, '&amp;');
  const gadgetUrl = `/3rdpartygadget/files/finesse-blend/gadget.xml?${query}`;
  return `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role><tabs>
    <tab><id>home</id><label>finesse.container.tabs.agent.homeLabel</label>
      <columns><column><gadgets><gadget>${gadgetUrl}</gadget></gadgets></column></columns></tab>
    <tab><id>stats</id><label>finesse.container.tabs.agent.myStatisticsLabel</label>
      <columns><column><gadgets></gadgets></column></columns></tab>
  </tabs></layout></finesseLayout>`;
}

before(async () => {
  desk = await openChatDesk(
    {
      layoutXml: (world) => layout(world.chat ? chatGadgetPrefs(world.chat) : {}),
    },
    'the product gadget on the home tab',
  );
  ({ harness, desktop, page, problems, gadget, agent } = desk);
});

after(async () => {
  await desk?.stop();
});

test('the gadget adds a Chat channel to the header; the gadget itself shows the choice and points to the header', async () => {
  await chooseState(page, 'READY');
  const channel = await waitForHeaderChannel(page, CHANNEL, { state: 'Ready', color: 'available', enabled: true });
  assert.equal(channel.label, 'Chat');
  assert.equal(channel.badge, 'none');
  assert.equal(channel.hoverText, 'Chats: 0 of 5. Ready for chats and calls');
  await gadget.waitForText(/Chat: Available for chat/);
  assert.match(await gadget.text(), /Change it from Chat in the Finesse header\./);
});

test('an offer pops over the desktop with the customer, a countdown and Accept / Decline; Accept there reserves voice first', async () => {
  const jane = desk.customer();
  assert.equal(
    (await jane.start('Jane Doe', 'Where is my order?', [{ name: 'order', label: 'Order number', value: 'A-1001' }]))
      .ok,
    true,
  );
  await gadget.waitForText(/Chat from Jane Doe/);
  const popover = await offerPopover('Jane Doe');
  assert.deepEqual(popover.buttons, ['Accept', 'Decline']);
  assert.ok(
    popover.seconds > 0 && popover.seconds <= 30,
    `counting down from the offer's expiry (${popover.seconds} s)`,
  );
  assert.ok(
    popover.content.some((c) => c.value === 'A-1001'),
    'the pre-chat answers as text',
  );
  assert.equal((await popovers(page)).length, 1, 'one popover for one offer');

  await clickPopoverButton(page, 'Accept');
  await page.waitForFunction(
    () => /Not Ready - Handling Chat/.test(document.getElementById('state-label')?.textContent ?? ''),
    { timeout: 15_000 },
  );
  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  await until('the popover to go', async () => (await popovers(page)).length === 0);
  await waitForHeaderChannel(page, CHANNEL, { state: '1 of 5 chats', color: 'busy' });
  await waitFor('the router to see the agent ACTIVE', () => desk.routerAgent()?.state === 'ACTIVE');
});

test('a second chat, taken from the offer card: its popover goes, and the header counts 2 of 5', async () => {
  const sam = desk.customer();
  assert.equal((await sam.start('Sam Second', 'A second question')).ok, true);
  await offerPopover('Sam Second');
  await gadget.click('fb-chat-offer >>> button.accept');
  await until('the popover to go', async () => (await popovers(page)).length === 0);
  const channel = await waitForHeaderChannel(page, CHANNEL, { state: '2 of 5 chats', color: 'busy' });
  assert.equal(channel.hoverText, 'Chats: 2 of 5. Active: handling 2 of 5 chats');
});

test('both chats end: the header is back to Ready; an ACD call pauses chat in the header; its end brings Ready back', async () => {
  for (const c of desk.customers) await c.end();
  await waitFor('the simulator to have the agent Ready', () => harness.simUser()?.state === 'READY');
  await waitForHeaderChannel(page, CHANNEL, { state: 'Ready', color: 'available' });

  const placed = await desktop.world.simulator.control.placeAcdCall({ agentId: agent.id });
  assert.ok(placed.ok);
  const paused = await waitForHeaderChannel(page, CHANNEL, { state: 'Paused', color: 'unavailable' });
  assert.match(paused.hoverText, /^Chats: 0 of 5\. Interrupted: on /);
  const ended = await desktop.world.simulator.control.endCall({ dialogId: placed.value.dialogId });
  assert.ok(ended.ok);
  await waitFor('the simulator to have the agent Ready', () => harness.simUser()?.state === 'READY');
  await waitForHeaderChannel(page, CHANNEL, { state: 'Ready', color: 'available' });
});

test("the header's menu sets the agent's chat choice: Not ready for chat, then the all-channels Ready", async () => {
  await chooseChannelMenu(page, CHANNEL, 'Not ready for chat');
  const notReady = await waitForHeaderChannel(page, CHANNEL, { state: 'Not Ready', color: 'unavailable' });
  assert.match(notReady.hoverText, /chosen by the agent/);
  assert.equal(notReady.error, '', 'the gadget answered the choice with success');
  await waitFor('the router to see the agent NOT_READY', () => desk.routerAgent()?.state === 'NOT_READY');
  await gadget.waitForText(/Chat: Not ready for chat/);
  assert.equal(harness.simUser()?.state, 'READY', 'voice is left alone');

  await chooseAllChannels(page, 'ALL_READY');
  await waitForHeaderChannel(page, CHANNEL, { state: 'Ready', color: 'available' });
  await waitFor('the router to see the agent READY', () => desk.routerAgent()?.state === 'READY');
  await gadget.waitForText(/Chat: Available for chat/);

  await chooseAllChannels(page, 'ALL_NOT_READY');
  await waitForHeaderChannel(page, CHANNEL, { state: 'Not Ready' });
  await chooseChannelMenu(page, CHANNEL, 'Available for chat');
  await waitForHeaderChannel(page, CHANNEL, { state: 'Ready', color: 'available' });
});

test("an offer while the gadget's tab is not shown raises the popover, and Accept there takes the chat", async () => {
  // Records the sounds the gadget starts from now on (test instrumentation only): the chime is the out-of-sight cue.
  await gadget.frame.evaluate(() => {
    const w = window as unknown as { chimes: string[] };
    w.chimes = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      w.chimes.push(this.src);
      return play.call(this);
    };
  });
  await page.click('#tab-stats');
  await page.waitForFunction(() => document.querySelector('#panel_home')?.classList.contains('active') === false);
  const ada = desk.customer();
  assert.equal((await ada.start('Ada Hidden', 'Are you there?')).ok, true);
  await offerPopover('Ada Hidden');
  const chimes = await gadget.frame.evaluate(() => (window as unknown as { chimes: string[] }).chimes);
  assert.equal(chimes.length, 1, 'one chime for one offer while out of sight');
  assert.match(chimes[0] ?? '', /\/3rdpartygadget\/files\/finesse-blend\/offer-chime\.wav$/);
  await clickPopoverButton(page, 'Accept');
  await waitFor('the simulator to have the agent Not Ready', () => harness.simUser()?.state === 'NOT_READY');
  await waitForHeaderChannel(page, CHANNEL, { state: '1 of 5 chats', color: 'busy' });
  await until('the popover to go', async () => (await popovers(page)).length === 0);
  await waitFor('the router to see the agent ACTIVE', () => desk.routerAgent()?.state === 'ACTIVE');
  await page.click('#tab-home');
  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  assert.match(await gadget.text(), /Chat with Ada Hidden|Ada Hidden/);
});

test('no update storm: over several container ticks with nothing changing, the gadget sends the header no update', async () => {
  // Counts the channel updates the gadget's library sends the desktop, from now on (test instrumentation only).
  await gadget.frame.evaluate(() => {
    const w = window as unknown as {
      gadgets: { Hub: { publish(topic: string, data: unknown): void } };
      fncUpdates: number;
    };
    w.fncUpdates = 0;
    const publish = w.gadgets.Hub.publish.bind(w.gadgets.Hub);
    w.gadgets.Hub.publish = (topic, data) => {
      if ((data as { op?: string } | null)?.op === 'updateChannel') w.fncUpdates += 1;
      publish(topic, data);
    };
  });
  const ticks = (await gadget.timerCounts()).ticks;
  await gadget.frame.waitForFunction(
    (n) => Number(document.querySelector('finesse-blend-agent')?.getAttribute('data-container-ticks') ?? 0) >= n,
    { timeout: 10_000 },
    ticks + 3,
  );
  assert.equal(await gadget.frame.evaluate(() => (window as unknown as { fncUpdates: number }).fncUpdates), 0);
  const channel = await headerChannel(page, CHANNEL);
  assert.equal(channel?.state, '1 of 5 chats');
});

test('the gadget ran without a CSP violation, a console error or an uncaught exception', () => {
  assert.deepEqual(problems, []);
});
