// The control page drives the simulator: an ACD call placed from its form reserves the signed-in agent (the
// desktop header shows it through the notification), the call is listed, and ending it there frees the agent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { startDesktopWorld, type DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { launchChromium, type LaunchedChromium } from '../../../sim/desktop/chromium.ts';
import { chooseState, signIn, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';

let desktop: DesktopWorld;
let chromium: LaunchedChromium;
let agentPage: Page;
let controlPage: Page;
let problems: string[];
let agentId: string;

// Two tabs: the one in the background gets no animation frames, so waits poll on a timer instead.
const POLL = { timeout: 10_000, polling: 100 } as const;
const headerSays = (page: Page, prefix: string) =>
  page.waitForFunction((p) => document.getElementById('state-label')?.textContent?.startsWith(p), POLL, prefix);

before(async () => {
  desktop = await startDesktopWorld({
    distDir: 'dist',
    layoutXml: '<finesseLayout><layout><role>Agent</role><tabs/></layout></finesseLayout>',
  });
  chromium = await launchChromium();
  const agent = desktop.world.simulator.users.find((u) => !u.supervisor);
  if (!agent) throw new Error('the simulator has no agent');
  agentId = agent.id;
  agentPage = await chromium.browser.newPage();
  await signIn(agentPage, desktop.desktopUrl, { id: agent.id, password: agent.password, extension: agent.extension });
  await chooseState(agentPage, 'READY');
  await headerSays(agentPage, 'Ready');
  controlPage = await chromium.browser.newPage();
  problems = await watchForProblems(controlPage);
  await controlPage.goto(desktop.controlUrl);
  await controlPage.waitForSelector(`#acd-form select[name="agentId"] option[value="${agentId}"]`);
});

after(async () => {
  await chromium?.close();
  await desktop?.stop();
});

test('an ACD call placed on the control page reserves the agent, and ending it there frees them', async () => {
  await controlPage.select('#acd-form select[name="agentId"]', agentId);
  await controlPage.click('#acd-form button[type="submit"]');
  await headerSays(agentPage, 'Reserved');
  await controlPage.waitForFunction(() => document.querySelectorAll('#dialogs li button').length > 0, POLL);
  assert.match(await controlPage.$eval('#result', (e) => e.textContent ?? ''), /ACD call: done/);

  await controlPage.click('#dialogs li button');
  await agentPage.waitForFunction(
    () => !document.getElementById('state-label')?.textContent?.startsWith('Reserved'),
    POLL,
  );
  await controlPage.waitForFunction(() => document.querySelectorAll('#dialogs li button').length === 0, POLL);
  assert.match(
    await controlPage.$eval('#log', (e) => e.textContent ?? ''),
    new RegExp(`PUT\\s+202\\s+/finesse/api/User/${agentId}`),
  );
  assert.deepEqual(problems, []);
});
