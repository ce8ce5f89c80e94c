// The desktop's call control, as Finesse's desktop gives an agent beside the gadgets: an ACD call arrives, the agent
// answers it from the desktop, holds, retrieves and ends it, and in wrap-up sets the wrap-up reason. Each button is
// Finesse's REST call control (PUT Dialog/{id} with requestedAction and the agent's extension as
// targetMediaAddress), and the list follows the Dialogs notifications.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { chooseState, signIn } from '../../../sim/desktop/desktop-driver.ts';
import { startGadgetHarness, waitFor, type GadgetHarness } from './gadget-harness.ts';

let harness: GadgetHarness;
let page: Page;
let dialogId = '';
/** The Dialog requests the page sent: method, path and body. */
const sent: { method: string; path: string; body: string }[] = [];

const callState = () =>
  page.$eval('#call-control', (e) => e.querySelector('li.call')?.getAttribute('data-state') ?? 'none');
const waitForCallState = (state: string) =>
  page.waitForFunction(
    (s) => document.querySelector('#call-control li.call')?.getAttribute('data-state') === s,
    { timeout: 15_000 },
    state,
  );
const press = (action: string) => page.click(`#call-control li.call button[data-action="${action}"]`);

before(async () => {
  harness = await startGadgetHarness({
    layoutXml: '<finesseLayout><layout><role>Agent</role><tabs/></layout></finesseLayout>',
  });
  page = await harness.chromium.browser.newPage();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/finesse/api/Dialog/'))
      sent.push({ method: r.method(), path: url.pathname, body: r.postData() ?? '' });
  });
  await signIn(page, harness.desktop.desktopUrl, harness.agent);
  await chooseState(page, 'READY');
  await waitFor('the agent Ready', () => harness.simUser()?.state === 'READY');
  const wrapUp = await harness.desktop.world.simulator.control.setWrapUp({ agentId: harness.agent.id, enabled: true });
  assert.ok(wrapUp.ok);
});

after(async () => {
  await harness?.stop();
});

test('no call: the call control says so', async () => {
  await page.waitForFunction(() => /No calls\./.test(document.getElementById('call-control')?.textContent ?? ''), {
    timeout: 15_000,
  });
});

test('an ACD call rings: Answer from the desktop connects it', async () => {
  const placed = await harness.desktop.world.simulator.control.placeAcdCall({
    agentId: harness.agent.id,
    fromAddress: '6175551234',
  });
  assert.ok(placed.ok);
  dialogId = placed.value.dialogId;
  await waitForCallState('ALERTING');
  assert.match(await page.$eval('#call-control', (e) => e.textContent ?? ''), /6175551234/);
  await press('ANSWER');
  await waitForCallState('ACTIVE');
  assert.equal(harness.simUser()?.state, 'TALKING');
  const answer = sent.at(-1);
  assert.equal(answer?.method, 'PUT');
  assert.equal(answer?.path, `/finesse/api/Dialog/${dialogId}`);
  assert.match(answer?.body ?? '', /<requestedAction>ANSWER<\/requestedAction>/);
  assert.match(answer?.body ?? '', new RegExp(`<targetMediaAddress>${harness.agent.extension}</targetMediaAddress>`));
});

test('Hold, then Retrieve, from the desktop', async () => {
  await press('HOLD');
  await waitForCallState('HELD');
  assert.equal(harness.simUser()?.state, 'HOLD');
  await press('RETRIEVE');
  await waitForCallState('ACTIVE');
  assert.equal(harness.simUser()?.state, 'TALKING');
});

test('End the call: wrap-up, where the wrap-up reason is set through UPDATE_CALL_DATA', async () => {
  await press('DROP');
  await waitForCallState('WRAP_UP');
  assert.equal(await callState(), 'WRAP_UP');
  await waitFor('the agent in wrap-up', () => harness.simUser()?.state === 'WORK_READY' || null);
  await page.type('#call-control input.wrap-up-reason', 'Order fixed');
  await page.click('#call-control form.wrap-up button[type="submit"]');
  const update = await waitFor('the wrap-up reason request', () => sent.find((s) => /UPDATE_CALL_DATA/.test(s.body)));
  assert.match(update.body, /<mediaProperties><wrapUpReason>Order fixed<\/wrapUpReason><\/mediaProperties>/);
  assert.match(update.body, new RegExp(`<targetMediaAddress>${harness.agent.extension}</targetMediaAddress>`));
  const lastOnDialog = () =>
    harness.desktop.world.simulator.control
      .state()
      .requests.filter((r) => r.path.endsWith(`/Dialog/${dialogId}`))
      .at(-1);
  const logged = await waitFor('Finesse to answer the wrap-up reason request', () =>
    sent.length === 5 && lastOnDialog()?.method === 'PUT' ? lastOnDialog() : null,
  );
  assert.equal(logged.status, 202);
  assert.equal(
    await page.$eval('#call-control', (e) => e.querySelector('[role="alert"]')?.textContent ?? ''),
    '',
    'no error shown',
  );
});

test('wrap-up ends: the call leaves the list', async () => {
  const expired = await harness.desktop.world.simulator.control.expireWrapUp({ agentId: harness.agent.id });
  assert.ok(expired.ok);
  await page.waitForFunction(() => /No calls\./.test(document.getElementById('call-control')?.textContent ?? ''), {
    timeout: 15_000,
  });
  assert.deepEqual(
    sent.map((s) => /<requestedAction>(\w+)</.exec(s.body)?.[1]),
    ['ANSWER', 'HOLD', 'RETRIEVE', 'DROP', 'UPDATE_CALL_DATA'],
  );
});
