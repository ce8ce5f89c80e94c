// A supervisor's desktop with our gadget and a conformance gadget (written from Cisco's documented gadget API) side
// by side: a state change, an ACD call and a team member signing in reach both, in the shapes Finesse publishes.
// Real Prosody, the simulator and Chromium; the conformance gadget is third-party (inline script and handler).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { chatGadgetPrefs } from '../../../sim/desktop/desktop-world.ts';
import { chooseState, gadgetFrames, signIn, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { gadgetCsp } from '../../../sim/desktop/desktop-routes.ts';
import { startGadgetHarness, waitFor, type GadgetHarness } from '../agent/gadget-harness.ts';
import { GadgetPage } from '../agent/gadget-page.ts';

const PRODUCT = '/3rdpartygadget/files/finesse-blend/gadget.xml';
const CONFORMANCE = '/3rdpartygadget/files/conformance/conformance.xml';
const SUPERVISOR = { id: '1002001', password: 'supervisor1pw', extension: '6001' };
const TEAM_MEMBER = { id: '1001002', password: 'agent2pw', extension: '5002' };

let harness: GadgetHarness;
let page: Page;
let problems: string[];
let product: Frame;
let ours: GadgetPage;
let conformance: Frame;

function layout(productQuery: string): string {
  const gadgets = `<gadget>${PRODUCT}?${productQuery.replace(/&/g, '&amp;')}</gadget><gadget>${CONFORMANCE}</gadget>`;
  return `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Supervisor</role><page/><tabs>
    <tab><id>home</id><label>finesse.container.tabs.agent.homeLabel</label><columns><column><gadgets>${gadgets}</gadgets></column></columns></tab>
    <tab><id>team</id><label>Team</label><columns><column><gadgets></gadgets></column></columns></tab>
  </tabs></layout></finesseLayout>`;
}

function text(frame: Frame, id: string): Promise<string> {
  return frame.$eval(`#${id}`, (e) => e.textContent ?? '');
}

function items(frame: Frame, listId: string): Promise<Array<Record<string, string>>> {
  return frame.$$eval(`#${listId} li`, (lis) =>
    lis.map((li) => Object.fromEntries(Array.from(li.attributes).map((a) => [a.name, a.value]))),
  );
}

async function waitForItem(
  frame: Frame,
  listId: string,
  attributes: Record<string, string>,
): Promise<Record<string, string>> {
  await frame.waitForFunction(
    (list, wanted) =>
      Array.from(document.querySelectorAll(`#${list} li`)).some((li) =>
        Object.entries(wanted).every(([k, v]) => li.getAttribute(k) === v),
      ),
    { timeout: 15_000 },
    listId,
    attributes,
  );
  const found = (await items(frame, listId)).find((item) =>
    Object.entries(attributes).every(([k, v]) => item[k] === v),
  );
  assert.ok(found);
  return found;
}

before(async () => {
  harness = await startGadgetHarness({
    gadgetFolders: { conformance: join(import.meta.dirname, '../../fixtures/gadgets/conformance') },
    layoutXml: (world) => layout(new URLSearchParams(world.chat ? chatGadgetPrefs(world.chat) : {}).toString()),
  });
  page = await harness.chromium.browser.newPage();
  problems = await watchForProblems(page);
  await signIn(page, harness.desktop.desktopUrl, SUPERVISOR);
  product = await waitFor('our gadget', () => gadgetFrames(page, PRODUCT)[0]);
  conformance = await waitFor('the conformance gadget', () => gadgetFrames(page, CONFORMANCE)[0]);
  ours = new GadgetPage(product);
  await product.waitForFunction(() => customElements.get('finesse-blend-agent') !== undefined, { timeout: 15_000 });
  await conformance.waitForFunction(() => document.getElementById('connected')?.textContent === 'yes', {
    timeout: 15_000,
  });
});

after(async () => {
  await harness?.stop();
});

test('the conformance gadget finds what a Finesse desktop gives a gadget: Config prefs, gadgets.json, the session credential, the container', async () => {
  assert.equal(await text(conformance, 'inline'), 'ran', 'a third-party gadget may use an inline script');
  await conformance.click('#inline-button');
  assert.equal(
    await conformance.$eval('#inline-button', (b) => b.getAttribute('data-clicked')),
    'yes',
    'and an inline event handler',
  );
  assert.equal(await text(conformance, 'config'), `complete for ${SUPERVISOR.id}`);
  assert.equal(await text(conformance, 'json'), 'round trip');
  assert.equal(await text(conformance, 'session-auth'), 'matches Config.authorization');
  assert.equal(await text(conformance, 'container'), 'found');
  assert.equal(await text(conformance, 'my-tab'), 'home');
});

test('SubscribeNodeReq for the team node is answered undefined, and container ticks arrive every second', async () => {
  await conformance.waitForFunction(() => document.getElementById('subscribe-reply')?.textContent !== 'pending', {
    timeout: 15_000,
  });
  assert.equal(await text(conformance, 'subscribe-reply'), 'undefined');
  assert.equal(await text(conformance, 'team'), '10');
  await conformance.waitForFunction(() => Number(document.getElementById('ticks')?.textContent) >= 2, {
    timeout: 10_000,
  });
  assert.equal(await text(conformance, 'tick-frequency'), '1000');
});

test('a state change from the header reaches both gadgets: ours shows it, the conformance gadget reads it both ways', async () => {
  await chooseState(page, 'READY');
  const seen = await waitForItem(conformance, 'user-states', { 'data-object': 'READY' });
  assert.equal(
    seen['data-content'],
    'READY',
    'object.Update.data.user.state and the content cut after the node path agree',
  );
  // Ours heard it too: voice Ready (chat is on, so the headline is the blended one).
  await ours.waitForText(/Voice READY/);
});

test('an ACD call reaches the conformance gadget on the Dialogs topic', async () => {
  const placed = await harness.desktop.world.simulator.control.placeAcdCall({ agentId: SUPERVISOR.id });
  assert.ok(placed.ok, placed.ok ? '' : placed.error.message);
  const dialog = await waitForItem(conformance, 'dialogs', { 'data-id': placed.value.dialogId });
  assert.equal(dialog['data-event'], 'POST');
  assert.equal(dialog['data-content-id'], placed.value.dialogId);
  await waitForItem(conformance, 'user-states', { 'data-object': 'RESERVED', 'data-content': 'RESERVED' });
  // Ours read the same notifications: the call pauses chat.
  await ours.waitForHeadline('On a call: chats paused');
  assert.ok((await harness.desktop.world.simulator.control.endCall({ dialogId: placed.value.dialogId })).ok);
  await ours.waitForText(/Voice READY/);
});

test('a team member signing in reaches the conformance gadget on the team node it subscribed to', async () => {
  const response = await fetch(`${harness.desktop.world.simulator.primaryUrl}/finesse/api/User/${TEAM_MEMBER.id}`, {
    method: 'PUT',
    headers: {
      Authorization: `Basic ${Buffer.from(`${TEAM_MEMBER.id}:${TEAM_MEMBER.password}`).toString('base64')}`,
      'Content-Type': 'application/xml',
    },
    body: `<User><state>LOGIN</state><extension>${TEAM_MEMBER.extension}</extension></User>`,
  });
  assert.equal(response.status, 202);
  const change = await waitForItem(conformance, 'team-changes', {
    'data-login-id': TEAM_MEMBER.id,
    'data-state': 'NOT_READY',
  });
  assert.equal(change['data-source'], `/finesse/api/User/${TEAM_MEMBER.id}`);
});

test('switching tabs publishes finesse.containerservices.activeTab with the tab id', async () => {
  await page.click('#tab-team');
  await conformance.waitForFunction(
    () => (document.getElementById('active-tab')?.textContent ?? '').includes('other:team'),
    { timeout: 10_000 },
  );
  await page.click('#tab-home');
  await conformance.waitForFunction(
    () => (document.getElementById('active-tab')?.textContent ?? '').trim().endsWith('mine:home'),
    { timeout: 10_000 },
  );
});

test('our gadget is still served under the strict CSP, the conformance gadget under none, and nothing failed', async () => {
  const ifr = (spec: string) =>
    fetch(`${harness.desktop.baseUrl}/gadgets/ifr?${new URLSearchParams({ url: spec, mid: '9' }).toString()}`);
  assert.equal(
    (await ifr(PRODUCT)).headers.get('content-security-policy'),
    gadgetCsp({ ...harness.desktop.world.prosody }),
  );
  assert.equal((await ifr(CONFORMANCE)).headers.get('content-security-policy'), null);
  assert.deepEqual(await items(conformance, 'problems'), []);
  assert.deepEqual(problems, []);
});
