// Bad preferences in the desktop layout, in Chromium through the harness. The agents' layout gives the product
// gadget `?maxChats=0&autoAccept=maybe&chatService=ws://x`: the agent sees one panel listing each bad value with its
// fix, in place of the gadget, and blending never starts (no chat sign-in, no reason-code lookup, the simulator sees
// only the header's own state change). The supervisors' layout gives the same gadget warnings only (two flags that
// are neither true nor false) beside good chat prefs: the panel shows above the running gadget, the gadget signs in
// to chat and follows the header, and the panel can be dismissed. The supervisors' team gadget has chatService
// without chatRouter: its panel stands in for the team.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { chooseState, gadgetFrames, signIn, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { axeViolations, describeViolations } from './gadget-axe.ts';
import { GADGET, startGadgetHarness, waitFor, type GadgetHarness } from './gadget-harness.ts';

const TEAM_GADGET = '/3rdpartygadget/files/finesse-blend/team-gadget.xml';

/** A gadget URL in the layout: the spec with its prefs in the query, '&' escaped for the XML. */
function gadgetUrl(spec: string, prefs: Record<string, string>): string {
  return `${spec}?${new URLSearchParams(prefs).toString().replace(/&/g, '&amp;')}`;
}

function layout(agentGadget: string, supervisorGadget: string, teamGadget: string): string {
  const home = (gadget: string) => `<tab><id>home</id><label>finesse.container.tabs.agent.homeLabel</label>
      <columns><column><gadgets><gadget>${gadget}</gadget></gadgets></column></columns></tab>`;
  return `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <layout><role>Agent</role><tabs>${home(agentGadget)}</tabs></layout>
  <layout><role>Supervisor</role><tabs>${home(supervisorGadget)}
    <tab><id>team</id><label>Team</label><columns><column><gadgets><gadget>${teamGadget}</gadget></gadgets></column></columns></tab>
  </tabs></layout>
</finesseLayout>`;
}

/** The panel as shown in a gadget's frame: where it is, its role and heading, and each row's pref and text. */
interface ShownPanel {
  readonly role: string | null;
  readonly heading: string;
  readonly rows: readonly { readonly pref: string; readonly text: string }[];
  readonly dismissible: boolean;
  /** The gadget's own element is still in the frame (the agent's or the team's). */
  readonly gadgetShown: boolean;
}

/** Page script as a string: nothing of the test's module scope is needed in the frame. */
const PANEL = (gadgetTag: string) => `(() => {
  const panel = document.querySelector('finesse-blend-config-problems');
  const root = panel?.shadowRoot;
  const section = root?.querySelector('section');
  if (!section) return null;
  return {
    role: section.getAttribute('role'),
    heading: (root.querySelector('h1, h2')?.textContent ?? '').trim(),
    rows: [...root.querySelectorAll('li')].map((li) => ({
      pref: li.dataset.pref ?? '',
      text: (li.textContent ?? '').replace(/\\s+/g, ' ').trim(),
    })),
    dismissible: root.querySelector('button.dismiss') !== null,
    gadgetShown: document.querySelector('${gadgetTag}') !== null,
  };
})()`;

async function waitForPanel(frame: Frame, gadgetTag: string, what: string): Promise<ShownPanel> {
  // Polled on a timer: a page in the background gets no animation frames.
  await frame.waitForFunction(`(${PANEL(gadgetTag)}) !== null`, { timeout: 15_000, polling: 100 });
  const shown = (await frame.evaluate(PANEL(gadgetTag))) as ShownPanel | null;
  assert.ok(shown, what);
  return shown;
}

let harness: GadgetHarness;
let agentPage: Page;
let supervisorPage: Page;
/** CSP violations, console errors and uncaught exceptions on each page. */
const pageProblems: string[][] = [];
const supervisor = { id: '1002001', password: 'supervisor1pw', extension: '6001' };

before(async () => {
  harness = await startGadgetHarness({
    layoutXml: (world) => {
      if (!world.chat) throw new Error('the world runs without chat');
      const chat = { chatService: world.chat.websocketUrl, chatRouter: world.chat.routerJid };
      return layout(
        gadgetUrl(GADGET, { maxChats: '0', autoAccept: 'maybe', chatService: 'ws://x' }),
        gadgetUrl(GADGET, { ...chat, autoAccept: 'maybe', offerSound: 'loud' }),
        gadgetUrl(TEAM_GADGET, { chatService: world.chat.websocketUrl }),
      );
    },
  });
  agentPage = await harness.chromium.browser.newPage();
  pageProblems.push(await watchForProblems(agentPage));
  supervisorPage = await harness.chromium.browser.newPage();
  pageProblems.push(await watchForProblems(supervisorPage));
});

after(async () => {
  await harness?.stop();
});

/** The REST requests the simulator has had from a user (never a password: the log holds ids only). */
function requestsBy(userId: string) {
  return harness.desktop.world.simulator.control.state().requests.filter((r) => r.user === userId);
}

function routerAgent(userId: string) {
  return harness.desktop.world.chatRouter?.snapshot().agents.find((a) => a.jid.startsWith(`${userId}@`));
}

test('bad prefs: the agent sees each bad value with its fix in place of the gadget, and blending never starts', async () => {
  const agent = harness.agent;
  await agentPage.bringToFront();
  await signIn(agentPage, harness.desktop.desktopUrl, agent);
  const frame = await waitFor('the product gadget frame', () => gadgetFrames(agentPage, GADGET)[0]);
  const panel = await waitForPanel(frame, 'finesse-blend-agent', 'the preferences panel');
  assert.equal(panel.role, 'alert');
  assert.equal(panel.heading, 'This gadget cannot start: its preferences need fixing');
  assert.equal(panel.gadgetShown, false, 'the panel stands in for the gadget: no half-started view');
  assert.equal(panel.dismissible, false);
  assert.deepEqual(
    panel.rows.map((r) => r.pref),
    ['maxChats', 'chatRouter', 'autoAccept'],
  );
  const row = (pref: string) => panel.rows.find((r) => r.pref === pref)?.text ?? '';
  assert.match(row('maxChats'), /Value found: "0".*not a whole number from 1 to 20.*…\/gadget\.xml\?maxChats=3/);
  assert.match(row('chatRouter'), /Value found: not set.*chatService is set \("ws:\/\/x"\) but chatRouter is not/);
  assert.match(row('autoAccept'), /Warning.*Value found: "maybe".*uses its default, false/);
  const violations = await axeViolations(frame);
  assert.deepEqual(violations, [], describeViolations(violations));

  // The header still works: the agent goes Ready there. The gadget does nothing with it: it never signed in to
  // chat, never looked up its Not Ready reason, and sent the simulator no state change of its own.
  const putsBefore = requestsBy(agent.id).filter((r) => r.method === 'PUT').length;
  await chooseState(agentPage, 'READY');
  await waitFor('the agent Ready in the simulator', () => harness.simUser()?.state === 'READY');
  await agentPage.waitForFunction(() => document.getElementById('state-label')?.textContent?.startsWith('Ready'), {
    timeout: 10_000,
  });
  const requests = requestsBy(agent.id);
  assert.equal(requests.filter((r) => r.method === 'PUT').length, putsBefore + 1, "only the header's Ready");
  assert.deepEqual(
    requests.filter((r) => r.path.includes('/TeamResource/')).map((r) => r.path),
    [],
    "the gadget's reason-code lookup never ran",
  );
  assert.equal(routerAgent(agent.id), undefined, 'the chat router never saw the agent');
  assert.equal((await waitForPanel(frame, 'finesse-blend-agent', 'the panel, still')).rows.length, 3);
});

test('warnings only: the panel shows above the gadget, the gadget works, and the panel can be dismissed', async () => {
  await supervisorPage.bringToFront();
  await signIn(supervisorPage, harness.desktop.desktopUrl, supervisor);
  const frame = await waitFor('the product gadget frame', () => gadgetFrames(supervisorPage, GADGET)[0]);
  const panel = await waitForPanel(frame, 'finesse-blend-agent', 'the preferences panel');
  assert.equal(panel.role, 'region');
  assert.equal(panel.heading, 'Some preferences of this gadget have bad values');
  assert.equal(panel.gadgetShown, true, 'the gadget runs under the panel');
  assert.deepEqual(
    panel.rows.map((r) => [r.pref, /Warning/.test(r.text)]),
    [
      ['offerSound', true],
      ['autoAccept', true],
    ],
  );

  // Blending runs: the gadget signs in to chat and follows the header to Ready.
  await chooseState(supervisorPage, 'READY');
  await waitFor(
    'the chat router sees the supervisor Ready for chats',
    () => routerAgent(supervisor.id)?.state === 'READY',
  );
  assert.ok(
    requestsBy(supervisor.id).some((r) => r.path.includes('/TeamResource/') && r.path.includes('ReasonCodes')),
    'the gadget looked up its Not Ready reason',
  );
  const violations = await axeViolations(frame);
  assert.deepEqual(violations, [], describeViolations(violations));

  const dismiss = await frame.evaluateHandle(
    () => document.querySelector('finesse-blend-config-problems')?.shadowRoot?.querySelector('button.dismiss') ?? null,
  );
  const button = dismiss.asElement();
  assert.ok(button, 'a Dismiss button');
  await (button as ElementHandle<Element>).click();
  await frame.waitForFunction(`(${PANEL('finesse-blend-agent')}) === null`, { timeout: 10_000, polling: 100 });
  assert.equal(
    await frame.evaluate(() => document.querySelector('finesse-blend-agent') !== null),
    true,
    'the gadget stays',
  );
});

test("the team gadget with chat set by halves shows the panel in place of the team, with the team gadget's URL", async () => {
  await supervisorPage.bringToFront();
  await supervisorPage.click('#tab-team');
  const frame = await waitFor('the team gadget frame', () => gadgetFrames(supervisorPage, TEAM_GADGET)[0]);
  const panel = await waitForPanel(frame, 'finesse-blend-team', 'the team gadget preferences panel');
  assert.equal(panel.role, 'alert');
  assert.equal(panel.gadgetShown, false);
  assert.deepEqual(
    panel.rows.map((r) => r.pref),
    ['chatRouter'],
  );
  assert.match(panel.rows[0]?.text ?? '', /…\/team-gadget\.xml\?chatRouter=chat-router%40chat\.example\.com%2Frouter/);
});

test('no CSP violation, console error or uncaught exception on either desktop', () => {
  assert.deepEqual(pageProblems.flat(), []);
});
