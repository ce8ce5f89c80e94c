// The diagnostics page in Chromium inside the desktop stand-in. The agent's layout has the product gadget and a
// diagnostics gadget (mode=diagnostics) on the home tab, both on the world's chat server, and a second diagnostics
// gadget on a tab of its own whose chatService is a second real Prosody this test starts. With everything up every
// check of the first passes (axe clean, the copied report without the password). From the agent panel the
// Diagnostics button opens the page and "Back to chats" returns. Then the second Prosody is stopped by its PID and
// an administrator deletes the Handling Chat reason code through Finesse's ReasonCode—Delete API: "Run again" on the
// second page fails exactly those two checks, with what to do, and the chat sign-in and router checks say they did
// not run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'puppeteer-core';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { gadgetFrames, signIn, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { ADMINISTRATORS } from '../../../sim/finesse/seed.ts';
import { authorizationHeader } from '../../../src/core/finesse/rest/finesse-auth.ts';
import type { WorldChat } from '../../../sim/world.ts';
import { GADGET, startGadgetHarness, waitFor, type GadgetHarness } from './gadget-harness.ts';
import { axeViolations, describeViolations } from './gadget-axe.ts';

let second: ChatProsodyHandle | null = null;
let harness: GadgetHarness;
let page: Page;
let problems: string[];

/** A gadget URL in layout XML (its query's '&' escaped). */
function gadgetUrl(prefs: Record<string, string>): string {
  return `${GADGET}?${new URLSearchParams(prefs).toString().replace(/&/g, '&amp;')}`;
}

function layout(chat: WorldChat, other: ChatProsodyHandle): string {
  const worldChat = { chatService: `${chat.websocketUrl} ${chat.boshUrl}`, chatRouter: chat.routerJid };
  const tabs = `<tab><id>home</id><label>finesse.container.tabs.agent.homeLabel</label><columns><column><gadgets>
      <gadget>${gadgetUrl(worldChat)}</gadget>
      <gadget>${gadgetUrl({ ...worldChat, mode: 'diagnostics' })}</gadget>
    </gadgets></column></columns></tab>
    <tab><id>diagnostics</id><label>Diagnostics</label><columns><column><gadgets>
      <gadget>${gadgetUrl({ mode: 'diagnostics', chatService: `${other.websocketUrl} ${other.boshUrl}`, chatRouter: chat.routerJid })}</gadget>
    </gadgets></column></columns></tab>`;
  return `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <layout><role>Agent</role><tabs>${tabs}</tabs></layout>
  <layout><role>Supervisor</role><tabs>${tabs}</tabs></layout>
</finesseLayout>`;
}

/** Each check on a diagnostics page: id, outcome, sentence, advice. */
interface CheckRow {
  readonly id: string;
  readonly outcome: string;
  readonly sentence: string;
  readonly advice: string;
}

const ROWS = `(() => {
  const page = document.querySelector('fb-diagnostics');
  const root = page && page.shadowRoot;
  if (!root) return null;
  return {
    finished: Boolean(page.run && page.run.finishedAt !== null),
    startedAt: page.run ? page.run.startedAt : 0,
    progress: root.querySelector('.progress')?.textContent.trim() ?? '',
    rows: [...root.querySelectorAll('li.check')].map((li) => ({
      id: li.dataset.check,
      outcome: li.dataset.outcome,
      sentence: li.querySelector('.sentence')?.textContent.trim() ?? '',
      advice: li.querySelector('.advice')?.textContent.trim() ?? '',
    })),
  };
})()`;

interface PageState {
  readonly finished: boolean;
  readonly startedAt: number;
  readonly progress: string;
  readonly rows: readonly CheckRow[];
}

/** Waits until the page in `frame` has finished a run started after `since`; returns its checks. */
async function finishedRun(frame: Frame, what: string, since = 0): Promise<PageState> {
  let state: PageState | null = null;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    state = (await frame.evaluate(ROWS)) as PageState | null;
    if (state?.finished && state.startedAt > since) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(state)}`);
}

const outcomes = (s: PageState): Record<string, string> => Object.fromEntries(s.rows.map((r) => [r.id, r.outcome]));
const row = (s: PageState, id: string): CheckRow => {
  const r = s.rows.find((x) => x.id === id);
  assert.ok(r, id);
  return r;
};

/** The diagnostics frames: the one on the world's chat server and the one on the second Prosody. */
function diagnosticsFrame(which: 'world' | 'second'): Frame | undefined {
  const port = String(new URL(second?.websocketUrl ?? 'ws://x:1').port);
  return gadgetFrames(page, GADGET).find((f) => {
    const url = decodeURIComponent(f.url());
    return url.includes('up_mode=diagnostics') && url.includes(`:${port}/`) === (which === 'second');
  });
}

before(async () => {
  second = await startProsody({ chat: true });
  const other = second;
  harness = await startGadgetHarness({
    otherChatServers: [other.websocketUrl, other.boshUrl],
    layoutXml: (world) => {
      if (!world.chat) throw new Error('the world runs without chat');
      return layout(world.chat, other);
    },
  });
  // The agent has an account on the second chat server too (only its router is missing there).
  await other.register(harness.agent.id, harness.agent.password);
  page = await harness.chromium.browser.newPage();
  problems = await watchForProblems(page);
  await harness.chromium.browser
    .defaultBrowserContext()
    .overridePermissions(harness.desktop.baseUrl, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  await signIn(page, harness.desktop.desktopUrl, harness.agent);
});

after(async () => {
  await page?.close().catch(() => undefined);
  await harness?.stop();
  await second?.stop();
});

test('everything up: every check passes, the page is accessible, and the copied report holds no password', async () => {
  const frame = await waitFor('the diagnostics gadget', () => diagnosticsFrame('world'));
  const state = await finishedRun(frame, 'the first run');
  assert.deepEqual(
    outcomes(state),
    {
      prefs: 'pass',
      'finesse-rest': 'pass',
      notifications: 'pass',
      'system-info': 'pass',
      'reason-code': 'pass',
      'chat-server': 'pass',
      'chat-sign-in': 'pass',
      'chat-router': 'pass',
    },
    JSON.stringify(state.rows, null, 1),
  );
  assert.equal(state.progress, 'Done: 8 passed, 0 with a warning, 0 failed, 0 not run.');
  assert.match(row(state, 'chat-server').sentence, /The chat server answers/);
  assert.match(row(state, 'chat-sign-in').sentence, /over WebSocket in \d+ ms/);
  assert.match(row(state, 'chat-router').sentence, /The chat router answered in \d+ ms/);
  assert.match(row(state, 'reason-code').sentence, /“Handling Chat” \(code 40\)/);
  // The diagnostics mode starts no blending session: no agent panel in that frame.
  assert.equal(await frame.evaluate(`document.querySelector('finesse-blend-agent') === null`), true);

  const violations = await axeViolations(frame);
  assert.equal(violations.length, 0, `axe-core violations:\n${describeViolations(violations)}`);

  await frame.evaluate(`document.querySelector('fb-diagnostics').shadowRoot.querySelector('button.copy').click()`);
  await frame.waitForFunction(`document.querySelector('fb-diagnostics').copyState !== 'none'`, { timeout: 5000 });
  const copyState = (await frame.evaluate(`document.querySelector('fb-diagnostics').copyState`)) as string;
  const report = (await frame.evaluate(`document.querySelector('fb-diagnostics').report()`)) as string;
  const copied =
    copyState === 'copied'
      ? ((await page.evaluate('navigator.clipboard.readText()')) as string)
      : ((await frame.evaluate(
          `document.querySelector('fb-diagnostics').shadowRoot.querySelector('textarea').value`,
        )) as string);
  assert.equal(copied, report);
  assert.match(report, new RegExp(`Agent id: ${harness.agent.id}`));
  assert.match(report, /1\. Gadget preferences: Passed/);
  const basic = Buffer.from(`${harness.agent.id}:${harness.agent.password}`).toString('base64');
  for (const secret of [harness.agent.password, basic, 'Basic '])
    assert.equal(report.includes(secret), false, `the report holds ${secret}`);
  assert.deepEqual(problems, []);
});

test('from the agent panel: Diagnostics opens the page in place of the panel, Back to chats returns', async () => {
  const frame = await waitFor('the product gadget', () =>
    gadgetFrames(page, GADGET).find((f) => !decodeURIComponent(f.url()).includes('up_mode=diagnostics')),
  );
  await frame.waitForFunction(
    `document.querySelector('finesse-blend-agent')?.shadowRoot?.querySelector('button.diagnostics-open') != null`,
    { timeout: 15_000 },
  );
  await frame.evaluate(
    `document.querySelector('finesse-blend-agent').shadowRoot.querySelector('button.diagnostics-open').click()`,
  );
  const state = await finishedRun(frame, 'the run opened from the panel');
  assert.equal(state.rows.length, 8);
  assert.equal(
    state.rows.every((r) => r.outcome === 'pass'),
    true,
    JSON.stringify(state.rows, null, 1),
  );
  assert.equal(
    await frame.evaluate(`getComputedStyle(document.querySelector('finesse-blend-agent')).display`),
    'none',
    'the panel is out of view meanwhile',
  );
  await frame.evaluate(`document.querySelector('fb-diagnostics').shadowRoot.querySelector('button.back').click()`);
  await frame.waitForFunction(
    `document.querySelector('fb-diagnostics') === null && getComputedStyle(document.querySelector('finesse-blend-agent')).display !== 'none'`,
    { timeout: 5000 },
  );
});

test('chat server stopped and the Handling Chat code deleted: exactly those two fail, with what to do', async () => {
  const frame = await waitFor('the second diagnostics gadget', () => diagnosticsFrame('second'));
  // Before: the second chat server answers and takes the agent's sign-in (its router is missing, so that fails).
  const before = await finishedRun(frame, 'the first run on the second chat server');
  assert.equal(row(before, 'chat-server').outcome, 'pass', JSON.stringify(before.rows, null, 1));
  assert.equal(row(before, 'chat-sign-in').outcome, 'pass');
  assert.equal(row(before, 'reason-code').outcome, 'pass');

  // The chat server stops (by its PID) and an administrator deletes the reason code, as Finesse is administered.
  await second?.stop();
  const admin = ADMINISTRATORS[0];
  assert.ok(admin);
  const deleted = await fetch(`${harness.desktop.baseUrl}/finesse/api/ReasonCode/5`, {
    method: 'DELETE',
    headers: {
      Authorization: authorizationHeader({ kind: 'basic', id: admin.loginName, password: admin.password }).reveal(),
    },
  });
  assert.equal(deleted.status, 200);

  await frame.evaluate(`document.querySelector('fb-diagnostics').shadowRoot.querySelector('button.run').click()`);
  const after = await finishedRun(frame, 'the run with the chat server stopped', before.startedAt);
  assert.deepEqual(
    outcomes(after),
    {
      prefs: 'pass',
      'finesse-rest': 'pass',
      notifications: 'pass',
      'system-info': 'pass',
      'reason-code': 'fail',
      'chat-server': 'fail',
      'chat-sign-in': 'skipped',
      'chat-router': 'skipped',
    },
    JSON.stringify(after.rows, null, 1),
  );
  const reason = row(after, 'reason-code');
  assert.equal(reason.sentence, 'Finesse gives this agent no Not Ready reason labelled “Handling Chat”.');
  assert.match(
    reason.advice,
    /Create a Not Ready reason code labelled “Handling Chat” in the Finesse administration console/,
  );
  assert.match(
    reason.advice,
    /set the handlingChatReason preference to an existing one: “Break”, “Lunch”, “Meeting”, “Training”/,
  );
  const chat = row(after, 'chat-server');
  assert.equal(chat.sentence, 'The chat server does not answer.');
  assert.match(chat.advice, /Start the chat service and its XMPP server, or correct chatService/);
  assert.equal(row(after, 'chat-sign-in').sentence, 'Not run: it needs “The chat server” to pass first.');
  assert.equal(row(after, 'chat-router').sentence, "Not run: it needs “The agent's chat sign-in” to pass first.");
  assert.equal(after.progress, 'Done: 4 passed, 0 with a warning, 2 failed, 2 not run.');
});
