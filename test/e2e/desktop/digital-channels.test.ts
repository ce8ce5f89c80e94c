// Finesse 12.x's digital channel state control and popovers on the desktop stand-in, end to end through Prosody and
// Chromium: a test gadget written from Cisco's documented API loads the desktop's finesse.js (the stand-in's partial
// library), adds a chat channel to the header, answers the agent's menu choices and the all-channels choice, and
// shows popovers; the header and the popover stack are read through the desktop driver. A desktop standing for
// Finesse 11.6 has no finesse.digital, and the gadget falls back to its own state bar.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { startDesktopWorld, type DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { launchChromium, type LaunchedChromium } from '../../../sim/desktop/chromium.ts';
import {
  chooseAllChannels,
  chooseChannelMenu,
  clickPopoverButton,
  closePopover,
  gadgetFrames,
  headerChannel,
  headerChannels,
  popovers,
  signIn,
  waitForHeaderChannel,
  watchForProblems,
  type Agent,
} from '../../../sim/desktop/desktop-driver.ts';

const GADGET = '/3rdpartygadget/files/digital-channel/digital-channel.xml';
const LAYOUT = `<finesseLayout><layout><role>Agent</role><tabs><tab><id>home</id><label>Home</label>
  <columns><column><gadgets><gadget>${GADGET}</gadget></gadgets></column></columns></tab></tabs></layout></finesseLayout>`;

interface Desk {
  readonly world: DesktopWorld;
  readonly page: Page;
  readonly gadget: Frame;
  readonly problems: string[];
  readonly logs: string[];
}

let chromium: LaunchedChromium;
let current: Desk;
let older: Desk;

async function openDesk(finesseVersion: string): Promise<Desk> {
  const logs: string[] = [];
  const original = console.log;
  let agent: Agent | undefined;
  const world = await startDesktopWorld({
    distDir: join(import.meta.dirname, '../../../dist'),
    gadgetFolders: { 'digital-channel': join(import.meta.dirname, '../../fixtures/gadgets/digital-channel') },
    chat: false,
    finesseVersion,
    layoutXml: (w) => {
      const user = w.simulator.users.find((u) => !u.supervisor);
      if (!user) throw new Error('the simulator has no agent');
      agent = { id: user.id, password: user.password, extension: user.extension };
      return LAYOUT;
    },
  });
  if (!agent) throw new Error('no agent');
  const page = await chromium.browser.newPage();
  const problems = await watchForProblems(page);
  console.log = (...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  };
  try {
    await signIn(page, world.desktopUrl, agent);
    let gadget: Frame | undefined;
    for (let i = 0; i < 300 && !gadget; i += 1) {
      gadget = gadgetFrames(page, GADGET)[0];
      if (!gadget) await new Promise((r) => setTimeout(r, 50));
    }
    if (!gadget) throw new Error('the digital channel gadget did not load');
    await gadget.waitForFunction(() => document.getElementById('mode')?.textContent !== 'starting', {
      timeout: 15_000,
    });
    return { world, page, gadget, problems, logs };
  } finally {
    console.log = original;
  }
}

/** The gadget's results list entries with that name, payloads parsed. */
async function results(gadget: Frame, what: string): Promise<unknown[]> {
  const raw = await gadget.$$eval(
    '#results li',
    (lis, w) => lis.filter((li) => li.getAttribute('data-what') === w).map((li) => li.getAttribute('data-payload')),
    what,
  );
  return raw.map((p) => JSON.parse(p ?? 'null') as unknown);
}

async function waitForResult(gadget: Frame, what: string): Promise<unknown> {
  await gadget.waitForFunction(
    (w) => Array.from(document.querySelectorAll('#results li')).some((li) => li.getAttribute('data-what') === w),
    { timeout: 10_000 },
    what,
  );
  return (await results(gadget, what)).at(-1);
}

async function menuClicks(gadget: Frame): Promise<string[]> {
  return gadget.$$eval('#menu-clicks li', (lis) => lis.map((li) => li.getAttribute('data-menu-id') ?? ''));
}

before(async () => {
  chromium = await launchChromium(1280, 900);
  current = await openDesk('12.5');
});

after(async () => {
  await chromium?.close();
  await current?.world.stop();
  await older?.world.stop();
});

test("the gadget gets the stand-in's finesse.js and its channel appears in the header, answered {channelId, status:'success'}", async () => {
  const { page, gadget, logs } = current;
  assert.equal(await gadget.$eval('#mode', (e) => e.textContent), 'digital channel');
  assert.deepEqual(await waitForResult(gadget, 'add-success'), { channelId: 'chat-channel', status: 'success' });
  const channel = await waitForHeaderChannel(page, 'chat-channel');
  assert.deepEqual(
    {
      label: channel.label,
      state: channel.state,
      color: channel.color,
      badge: channel.badge,
      enabled: channel.enabled,
    },
    { label: 'Chat', state: 'Not Ready', color: 'unavailable', badge: 'none', enabled: true },
  );
  assert.equal(channel.hoverText, 'Chat is Not Ready');
  assert.ok(
    logs.some((l) => /serving the stand-in's partial \/desktop\/assets\/js\/finesse\.js/.test(l)),
    'one server line says the partial library is served',
  );
});

test('a choice from the channel menu in the header reaches onMenuClick, and the gadget updates the header', async () => {
  const { page, gadget } = current;
  await chooseChannelMenu(page, 'chat-channel', 'Ready');
  const ready = await waitForHeaderChannel(page, 'chat-channel', { state: 'Ready', color: 'available', pending: '' });
  assert.equal(ready.error, '');
  assert.deepEqual((await menuClicks(gadget)).at(-1), 'ready');
});

test('a Ready channel with logoutDisabled keeps Sign Out disabled, with its reason', async () => {
  const { page } = current;
  await waitForHeaderChannel(page, 'chat-channel', { state: 'Ready' });
  const signOut = await page.$$eval('#state-menu button[data-state="LOGOUT"]', (bs) =>
    bs.map((b) => ({ disabled: (b as HTMLButtonElement).disabled, title: b.getAttribute('title') })),
  );
  assert.ok(signOut.length > 0);
  assert.ok(signOut.every((b) => b.disabled && b.title === 'Go Not Ready on chat before you sign out'));
});

test('the voice state menu sends ALL_NOT_READY to every channel', async () => {
  const { page, gadget } = current;
  await chooseAllChannels(page, 'ALL_NOT_READY');
  await waitForHeaderChannel(page, 'chat-channel', { state: 'Not Ready', color: 'unavailable', pending: '' });
  assert.equal((await menuClicks(gadget)).at(-1), 'ALL_NOT_READY');
});

test("a gadget's refusal shows its errorDesc; no answer within actionTimeoutInSec frees the header with a reason", async () => {
  const { page } = current;
  await chooseChannelMenu(page, 'chat-channel', 'Fail this choice');
  await waitForHeaderChannel(page, 'chat-channel', { error: 'The chat server is down', pending: '' });
  await chooseChannelMenu(page, 'chat-channel', 'Never answer');
  const waiting = await waitForHeaderChannel(page, 'chat-channel', { pending: 'slow' });
  assert.equal(waiting.error, '');
  assert.equal(
    await page.$eval('#digital-channels .channel-button', (b) => (b as HTMLButtonElement).disabled),
    true,
    'blocked while it waits',
  );
  await waitForHeaderChannel(page, 'chat-channel', { pending: '', error: 'no answer from Chat within 2 s' }, 6_000);
  assert.equal(await page.$eval('#digital-channels .channel-button', (b) => (b as HTMLButtonElement).disabled), false);
});

test('updateChannel with an error badge and hover text redraws the header', async () => {
  const { page, gadget } = current;
  await gadget.click('#badge');
  const channel = await waitForHeaderChannel(page, 'chat-channel', { badge: 'error' });
  assert.equal(channel.hoverText, 'The chat server is unreachable');
});

test('data the documented schema refuses reaches onError with the reason, and nothing is added', async () => {
  const { page, gadget } = current;
  await gadget.click('#bad-channel');
  assert.deepEqual(await waitForResult(gadget, 'bad-error'), {
    channelId: 'bad-channel',
    status: 'failure',
    error: {
      errorCode: 'INVALID_DATA',
      errorDesc: 'channelConfig.actionTimeoutInSec must be a whole number of seconds from 1 to 30',
    },
  });
  assert.equal(await headerChannel(page, 'bad-channel'), null);
});

test('a popover shows the banner as text, counts down, and Accept reaches the callback with its clientIdentifier', async () => {
  const { page, gadget } = current;
  await gadget.click('#show-offer');
  const offerId = (await waitForResult(gadget, 'offer-shown')) as string;
  assert.equal(typeof offerId, 'string');
  await page.waitForSelector('#popovers [data-client-identifier="chat-offer-1"]', { timeout: 10_000 });
  const [shown] = await popovers(page);
  assert.ok(shown);
  assert.deepEqual(shown.content, [
    { name: 'Customer', value: 'Ada <b>Lovelace</b>' },
    { name: 'Question', value: 'Where is my order?' },
  ]);
  assert.equal(await page.$$eval('#popovers b', (bs) => bs.length), 0, 'content is text, never markup');
  assert.equal(shown.requiredActionText, 'Accept the chat to start it');
  assert.deepEqual(shown.buttons, ['Accept', 'Decline']);
  assert.equal(shown.closable, false, 'not dismissible: no close control');
  assert.ok(shown.timerShown && shown.seconds <= 20 && shown.seconds >= 15);
  await page.waitForFunction(
    (s) => Number(document.querySelector<HTMLElement>('#popovers [data-testid="popover"]')?.dataset['seconds']) < s,
    { timeout: 5_000 },
    shown.seconds,
  );

  await clickPopoverButton(page, 'Decline', 'chat-offer-1');
  await page.waitForFunction(() => document.querySelector('#popovers [data-button-id="decline-sure"]') !== null, {
    timeout: 5_000,
  });
  assert.deepEqual((await popovers(page))[0]?.buttons, ['Yes, decline'], 'a confirm step first');
  await page.click('#popovers [data-testid="popover-back"]');
  await clickPopoverButton(page, 'Accept', 'chat-offer-1');
  await gadget.waitForFunction(() => document.querySelectorAll('#popover-events li').length > 0, { timeout: 10_000 });
  const event = await gadget.$eval('#popover-events li', (li) => ({
    button: li.getAttribute('data-button-id'),
    client: li.getAttribute('data-client-identifier'),
    popover: li.getAttribute('data-popover-id'),
  }));
  assert.deepEqual(event, { button: 'accept', client: 'chat-offer-1', popover: offerId });
  await page.waitForFunction(
    () => document.querySelector('#popovers [data-client-identifier="chat-offer-1"]') === null,
    {
      timeout: 10_000,
    },
  );
});

test('dismissPopover takes a popover away; the agent may close a dismissible one', async () => {
  const { page, gadget } = current;
  await gadget.click('#show-note');
  await page.waitForSelector('#popovers [data-client-identifier="note-1"]', { timeout: 10_000 });
  const note = (await popovers(page)).find((p) => p.clientIdentifier === 'note-1');
  assert.ok(note?.closable);
  assert.ok(note.seconds <= 2, 'COUNT_UP starts from zero');
  await gadget.click('#dismiss-note');
  await page.waitForFunction(() => document.querySelector('#popovers [data-client-identifier="note-1"]') === null, {
    timeout: 10_000,
  });
  await gadget.click('#show-note');
  await page.waitForSelector('#popovers [data-client-identifier="note-1"]', { timeout: 10_000 });
  await closePopover(page, 'note-1');
  await page.waitForFunction(() => document.querySelector('#popovers [data-testid="popover"]') === null, {
    timeout: 5_000,
  });
});

test('removeChannel takes the channel out of the header; a reloaded gadget adds it again', async () => {
  const { page, gadget } = current;
  await gadget.click('#remove');
  assert.deepEqual(await waitForResult(gadget, 'remove-success'), { channelId: 'chat-channel', status: 'success' });
  await page.waitForFunction(
    () => document.querySelectorAll('#digital-channels [data-testid="fnc-channel"]').length === 0,
    {
      timeout: 10_000,
    },
  );
  await page.evaluate(() => {
    document.querySelector<HTMLIFrameElement>('iframe.gadget-frame')?.contentWindow?.location.reload();
  });
  await waitForHeaderChannel(page, 'chat-channel', { state: 'Not Ready' });
  assert.equal((await headerChannels(page)).length, 1);
  // Reloaded with its channel still in the header: the old page's channel goes, so the new page's add succeeds.
  await page.evaluate(() => {
    document.querySelector<HTMLIFrameElement>('iframe.gadget-frame')?.contentWindow?.location.reload();
  });
  await gadget.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('#results li')).some((li) =>
        li.getAttribute('data-what')?.startsWith('add-'),
      ),
    { timeout: 15_000 },
  );
  assert.deepEqual(await results(gadget, 'add-error'), []);
  assert.deepEqual(await results(gadget, 'add-success'), [{ channelId: 'chat-channel', status: 'success' }]);
  assert.equal((await headerChannels(page)).length, 1);
  assert.deepEqual(current.problems, []);
});

test('a desktop standing for Finesse 11.6 has no finesse.digital: the gadget falls back to its own state bar', async () => {
  older = await openDesk('11.6');
  const { page, gadget, logs } = older;
  // The gadget's document may still be (re)loading after sign-in: wait for its mode rather than read it once.
  await gadget.waitForFunction(() => document.getElementById('mode')?.textContent === 'own state bar', {
    timeout: 15_000,
  });
  assert.equal(
    await gadget.evaluate(() => {
      const f = (window as unknown as { finesse?: { digital?: unknown; containerservices?: Record<string, unknown> } })
        .finesse;
      return `${typeof f?.containerservices?.['ContainerServices']} ${typeof f?.digital} ${typeof f?.containerservices?.['PopoverService']}`;
    }),
    'object undefined undefined',
  );
  await gadget.click('#own-ready');
  assert.equal(await gadget.$eval('#chat-state', (e) => e.textContent), 'Ready');
  assert.deepEqual(await headerChannels(page), []);
  assert.equal(await page.$eval('#digital-channels', (e) => (e as HTMLElement).hidden), true);
  assert.ok(logs.some((l) => /no finesse\.digital, no PopoverService/.test(l)));
  assert.deepEqual(older.problems, []);
});
