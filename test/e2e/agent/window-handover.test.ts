// Two desktop windows of the same agent in one Chromium (rule 8), against the real harness: the simulator, Prosody,
// the chat router, a customer in Node. The first window handles a chat; the second says another window owns
// blending; "Use this window" and confirming move blending and the chat there. The first says it was taken over,
// the conversation continues in the second with its history, the customer's lines written during the hand-over
// arrive once, nothing goes back to the queue, and voice stays exactly as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { chooseState, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import type { User } from '../../../src/core/finesse/types.ts';
import type { GadgetPage } from './gadget-page.ts';
import { openGadget, startGadgetHarness, waitFor, type AgentLogin, type GadgetHarness } from './gadget-harness.ts';

let harness: GadgetHarness;
let desktop: DesktopWorld;
let customer: CustomerChatClient | null = null;
let agent: AgentLogin;
const windows: { page: Page; gadget: GadgetPage; problems: string[] }[] = [];
let voiceBefore: User | undefined;

const router = () => {
  const r = desktop.world.chatRouter;
  assert.ok(r, 'the world runs the chat router');
  return r;
};

/** Opens a desktop window signed in as the agent and returns its product gadget. */
async function openWindow(): Promise<{ page: Page; gadget: GadgetPage; problems: string[] }> {
  const page = await harness.chromium.browser.newPage();
  const problems = await watchForProblems(page);
  const w = { page, gadget: await openGadget(harness, page), problems };
  windows.push(w);
  return w;
}

function customerSaid(g: string[]): string[] {
  return g.filter((l) => l.startsWith('customer|')).map((l) => l.slice('customer|'.length));
}

before(async () => {
  harness = await startGadgetHarness();
  ({ desktop, agent } = harness);
});

after(async () => {
  customer?.close();
  await harness?.stop();
});

test('the first window runs blending and handles a chat', async () => {
  const first = await openWindow();
  await chooseState(first.page, 'READY');
  await first.gadget.waitForHeadline('Ready for calls and chats');
  const chat = desktop.chat;
  assert.ok(chat);
  customer = new CustomerChatClient({
    service: chat.websocketUrl,
    guestDomain: chat.guestDomain,
    routerJid: chat.routerJid,
  });
  assert.equal((await customer.start('Kim Handover', 'Can you check my bill?')).ok, true);
  await first.gadget.waitForText(/Chat from Kim Handover/);
  await first.gadget.click('fb-chat-offer >>> button.accept');
  await first.gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  await first.gadget.sendMessage('Looking at your bill now.');
  await waitFor('the first reply at the customer', () =>
    customer?.lines().some((l) => l.from === 'agent' && l.text === 'Looking at your bill now.'),
  );
  voiceBefore = await waitFor('voice Not Ready "Handling Chat"', () => {
    const u = harness.simUser();
    return u?.state === 'NOT_READY' && u.reasonCode?.label === 'Handling Chat' ? u : null;
  });
});

test('a second window of the same agent says another window owns blending and shows its chat', async () => {
  const second = await openWindow();
  await second.gadget.waitForText(/Blending for your account runs in another window/);
  await second.gadget.find('fb-ownership-notice >>> button.use-here');
  // It shows the owner's chat at once (the owner re-sends its view to a window that asks who owns blending).
  await second.gadget.waitForText(/Looking at your bill now\./);
  assert.match((await windows[0]?.gadget.headline()) ?? '', /Handling 1 of 5 chats/, 'the first window still runs it');
});

test('"Use this window" and confirming move blending and the chat; the first window says it was taken over', async () => {
  const [first, second] = windows;
  assert.ok(first && second && customer);
  await second.gadget.click('fb-ownership-notice >>> button.use-here');
  await second.gadget.waitForText(/Take over here\?/);
  await second.gadget.click('fb-ownership-notice >>> button.confirm');
  // The customer keeps writing while the windows change over.
  assert.ok(customer.send('Is it the March bill?').ok);

  await first.gadget.waitForText(/taken over in another window/);
  await second.gadget.waitForHeadline('Handling 1 of 5 chats: Not Ready for calls');
  await second.gadget.waitForText(/Is it the March bill\?/);
  const lines = await second.gadget.transcript();
  assert.deepEqual(
    customerSaid(lines),
    ['Can you check my bill?', 'Is it the March bill?'],
    'history rebuilt, each line once',
  );
  assert.ok(lines.includes('self|Looking at your bill now.'), "the first window's reply is in the history");
});

test('the chat continues in the second window; nothing went back to the queue and voice did not change', async () => {
  const [, second] = windows;
  assert.ok(second && customer);
  await second.gadget.sendMessage('Yes, the March bill.');
  await waitFor('the reply from the second window at the customer', () =>
    customer?.lines().some((l) => l.from === 'agent' && l.text === 'Yes, the March bill.'),
  );
  assert.ok(customer.send('Thanks!').ok);
  await second.gadget.waitForText(/Thanks!/);
  assert.deepEqual(customerSaid(await second.gadget.transcript()), [
    'Can you check my bill?',
    'Is it the March bill?',
    'Thanks!',
  ]);
  assert.deepEqual(
    customer
      .lines()
      .filter((l) => l.from === 'agent')
      .map((l) => l.text),
    ['Looking at your bill now.', 'Yes, the March bill.'],
  );
  assert.ok(
    !customer.lines().some((l) => l.from === 'system' && /another agent/.test(l.text)),
    'the customer was never requeued',
  );

  const snapshot = router().snapshot();
  assert.deepEqual(snapshot.requeueLog, []);
  assert.equal(snapshot.queue.find((c) => c.chatId === customer?.chatId)?.status, 'assigned');
  assert.equal(
    snapshot.sessionChanges.filter((c) => c.agent.startsWith(`${agent.id}@`)).length,
    1,
    "the agent continued on the second window's session",
  );

  const voice = harness.simUser();
  assert.equal(voice?.state, 'NOT_READY');
  assert.equal(voice?.reasonCode?.label, 'Handling Chat');
  assert.equal(voice?.stateChangeTime, voiceBefore?.stateChangeTime, 'no state change at all during the hand-over');
});

test('ending the chat in the second window restores Ready: that window now owns voice too', async () => {
  const [, second] = windows;
  assert.ok(second);
  await second.gadget.click('fb-conversation >>> button.end');
  await waitFor('the simulator to have the agent Ready', () => harness.simUser()?.state === 'READY');
  await second.gadget.waitForHeadline('Ready for calls and chats');
});

test('neither window had a CSP violation, a console error or an uncaught exception', () => {
  assert.deepEqual(
    windows.flatMap((w) => w.problems),
    [],
  );
});
