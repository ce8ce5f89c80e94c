// Signing in to the desktop never loses what a person typed while the page was still loading: the agent types
// straight after the page opens, before the desktop's configuration has even arrived, and presses Enter; every
// keystroke stays in the field it was typed into, the submit waits for the page to be ready, and the agent is
// signed in. The password never lands in the address bar.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { startGadgetHarness, waitFor, type GadgetHarness } from './gadget-harness.ts';

let harness: GadgetHarness;
let page: Page;

before(async () => {
  harness = await startGadgetHarness({
    layoutXml: '<finesseLayout><layout><role>Agent</role><tabs/></layout></finesseLayout>',
  });
  page = await harness.chromium.browser.newPage();
});

after(async () => {
  await harness?.stop();
});

test('typing at once after the page opens, before its configuration arrives, signs the agent in', async () => {
  // Hold the desktop's configuration until the agent has typed everything and pressed Enter.
  const held: HTTPRequest[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().endsWith('/desktop/harness/config.json')) held.push(request);
    else void request.continue();
  });
  await page.goto(harness.desktop.desktopUrl, { waitUntil: 'domcontentloaded' });
  const { id, password, extension } = harness.agent;
  await page.keyboard.type(id);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  await page.keyboard.type(extension);
  await page.keyboard.press('Enter');
  await waitFor('the page to ask for its configuration', () => held.length > 0 || null);
  assert.deepEqual(
    await page.evaluate(() =>
      ['signin-id', 'signin-password', 'signin-extension'].map(
        (f) => (document.getElementById(f) as HTMLInputElement).value,
      ),
    ),
    [id, password, extension],
    'every keystroke went into the field it was typed into',
  );
  assert.equal(
    await page.$eval('#desktop', (e) => e.hasAttribute('hidden')),
    true,
    'still signing in while the configuration is held',
  );

  for (const request of held) void request.continue();
  await page.waitForFunction(() => document.querySelector('#desktop')?.hasAttribute('hidden') === false, {
    timeout: 15_000,
  });
  assert.equal(await page.$eval('#signin-error', (e) => e.textContent ?? ''), '');
  await waitFor('the agent signed in at the simulator', () => harness.simUser()?.state === 'NOT_READY' || null);
  assert.equal(harness.simUser()?.extension, extension);
  assert.equal(new URL(page.url()).search, '', 'the form was never submitted into the address bar');
});
