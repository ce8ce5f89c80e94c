// The gadget on a desktop older than Finesse 12.0 (the stand-in serving finesse.js without finesse.digital): no chat
// channel in the header and no popovers, so the gadget alone does the job: its state bar sets the agent's chat
// choice and its offer card takes the offer, voice reserved first. CSP violations and console errors are watched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { chooseState, headerChannels, popovers } from '../../../sim/desktop/desktop-driver.ts';
import type { GadgetPage } from './gadget-page.ts';
import { waitFor, type GadgetHarness } from './gadget-harness.ts';
import { openChatDesk, type ChatDesk } from './chat-desk.ts';

let desk: ChatDesk;
let harness: GadgetHarness;
let page: Page;
let problems: string[];
let gadget: GadgetPage;

before(async () => {
  desk = await openChatDesk({ finesseVersion: '11.6' }, 'the product gadget on an 11.6 desktop');
  ({ harness, page, problems, gadget } = desk);
});

after(async () => {
  await desk?.stop();
});

test('no chat channel in the header: the gadget knows, and its state bar is the control', async () => {
  await chooseState(page, 'READY');
  await gadget.waitForHeadline('Ready for calls and chats');
  assert.deepEqual(await headerChannels(page), []);
  assert.equal(
    await gadget.frame.evaluate(() => document.querySelector('finesse-blend-agent')?.dataset['headerChannel']),
    'off',
  );
  await gadget.find('fb-chat-choice >>> button.not-ready');
  assert.doesNotMatch(await gadget.text(), /Change it from Chat in the Finesse header/);
});

test('"Not ready for chat" in the gadget makes chat NOT_READY for the router and leaves voice Ready', async () => {
  await gadget.click('fb-chat-choice >>> button.not-ready');
  await waitFor('the router to see the agent NOT_READY', () => desk.routerAgent()?.state === 'NOT_READY');
  await gadget.waitForText(/Not Ready for chat: chosen by the agent/);
  assert.equal(harness.simUser()?.state, 'READY', 'voice is left alone');
  await gadget.click('fb-chat-choice >>> button.available');
  await waitFor('the router to see the agent READY', () => desk.routerAgent()?.state === 'READY');
  await gadget.waitForHeadline('Ready for calls and chats');
});

test('an offer shows in the gadget only (no popovers on this desktop); Accept reserves voice first, then takes it', async () => {
  const jane = desk.customer();
  assert.equal((await jane.start('Jane Older', 'Hello from an older desktop')).ok, true);
  await gadget.waitForText(/Chat from Jane Older/);
  assert.deepEqual(await popovers(page), []);
  await gadget.click('fb-chat-offer >>> button.accept');
  await waitFor('the simulator to have the agent Not Ready', () => harness.simUser()?.state === 'NOT_READY');
  assert.equal(harness.simUser()?.reasonCode?.label, 'Handling Chat');
  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  await waitFor('the router to see the agent ACTIVE', () => desk.routerAgent()?.state === 'ACTIVE');
});

test('the gadget ran without a CSP violation, a console error or an uncaught exception', () => {
  assert.deepEqual(problems, []);
});
