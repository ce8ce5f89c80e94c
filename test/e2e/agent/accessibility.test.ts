// The product gadget in the simulated desktop, checked with axe-core in each state an agent meets: idle, a chat
// offer, two chats, on a call, a problem shown, and another window's take-over notice. Each state must have no
// violation; a failure lists every violation's rule, impact and target.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { chooseState, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import type { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import type { GadgetPage } from './gadget-page.ts';
import { openGadget, waitFor, type AgentLogin, type GadgetHarness } from './gadget-harness.ts';
import { openChatDesk, type ChatDesk } from './chat-desk.ts';
import { axeViolations, describeViolations } from './gadget-axe.ts';

let desk: ChatDesk;
let harness: GadgetHarness;
let desktop: DesktopWorld;
let agent: AgentLogin;
let page: Page;
let gadget: GadgetPage;
let problems: string[];

async function customerStarts(name: string, question: string): Promise<CustomerChatClient> {
  const c = desk.customer();
  assert.equal((await c.start(name, question)).ok, true);
  return c;
}

async function assertNoViolations(g: GadgetPage, state: string): Promise<void> {
  const violations = await axeViolations(g.frame);
  assert.equal(violations.length, 0, `axe-core violations ${state}:\n${describeViolations(violations)}`);
}

before(async () => {
  desk = await openChatDesk();
  ({ harness, desktop, agent, page, problems, gadget } = desk);
});

after(async () => {
  await desk?.stop();
});

test('idle (Ready for calls and chats): no axe-core violation', async () => {
  await chooseState(page, 'READY');
  await gadget.waitForHeadline('Ready for calls and chats');
  await assertNoViolations(gadget, 'when idle');
});

test('on a call: no axe-core violation', async () => {
  const placed = await desktop.world.simulator.control.placeAcdCall({ agentId: agent.id });
  assert.ok(placed.ok);
  await gadget.waitForHeadline('On a call: chats paused');
  await assertNoViolations(gadget, 'on a call');
  assert.ok((await desktop.world.simulator.control.endCall({ dialogId: placed.value.dialogId })).ok);
  await gadget.waitForHeadline('Ready for calls and chats');
});

test('a chat offer: no axe-core violation', async () => {
  await customerStarts('Ada Offer', 'Can I change my delivery address?');
  await gadget.waitForText(/Chat from Ada Offer/);
  await assertNoViolations(gadget, 'with an offer');
});

test('two chats: no axe-core violation', async () => {
  await gadget.click('fb-chat-offer >>> button.accept');
  await gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  const ben = await customerStarts('Ben Second', 'See https://example.com/order/42 please');
  await gadget.waitForText(/Chat from Ben Second/);
  await gadget.click('fb-chat-offer >>> button.accept');
  await gadget.waitForHeadline('Handling 2 of 5 chats: Not Ready for calls');
  assert.ok(ben.send('And a very long line: ' + 'x'.repeat(300)).ok);
  await gadget.click('fb-conversation-tabs >>> [role="tab"][aria-selected="false"]');
  await gadget.waitForText(/x{300}/);
  await assertNoViolations(gadget, 'with two chats');
});

test('a problem shown: no axe-core violation', async () => {
  const payload = '<Update><event>PUT</event><data><user><state>READY</st';
  assert.ok(
    (await desktop.world.simulator.control.injectNotification({ node: `/finesse/api/User/${agent.id}`, payload })).ok,
  );
  await gadget.find('fb-problem-banner >>> li[data-problem="notification"]');
  await assertNoViolations(gadget, 'with a problem shown');
});

test('the take-over notice and its confirmation in a second window: no axe-core violation', async () => {
  const second = await harness.chromium.browser.newPage();
  const secondProblems = await watchForProblems(second);
  const other = await openGadget(harness, second, 'the product gadget in a second window');
  await other.waitForText(/Blending for your account runs in another window/);
  await other.find('fb-ownership-notice >>> button.use-here');
  await assertNoViolations(other, 'with the take-over notice');
  await other.click('fb-ownership-notice >>> button.use-here');
  await other.waitForText(/Take over here\?/);
  await assertNoViolations(other, 'with the take-over confirmation');
  await other.click('fb-ownership-notice >>> button.cancel');
  await waitFor('the second window to have no page problem', () => secondProblems.length === 0);
  await second.close();
});

test('a chat the customer ended stays with its transcript and says so once: no axe-core violation', async () => {
  const ada = desk.customers[0];
  assert.ok(ada);
  await gadget.click('fb-conversation-tabs >>> [role="tab"][data-chat="' + ada.chatId + '"]');
  await gadget.waitForText(/Can I change my delivery address\?/);
  await ada.end();
  await gadget.waitForText(/The customer ended the chat\./);
  const said = (await gadget.text()).match(/The customer ended the chat\./g) ?? [];
  assert.equal(said.length, 1, 'the end is said once');
  assert.match(await gadget.text(), /Can I change my delivery address\?/, 'the transcript stays');
  await gadget.find('fb-conversation >>> button.dismiss');
  await assertNoViolations(gadget, 'with an ended chat');
});

test('the gadget ran without a CSP violation, a console error or an uncaught exception', () => {
  assert.deepEqual(problems, []);
});
