// The product gadget, built by vite exactly as an administrator uploads it, loads in the harness under the strict
// CSP without a violation or error, and shows the agent's state as the desktop changes it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Frame, Page } from 'puppeteer-core';
import { startDesktopWorld, type DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { launchChromium, type LaunchedChromium } from '../../../sim/desktop/chromium.ts';
import { chooseState, gadgetFrames, signIn, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { TEST_FINESSE_JS_DIR } from '../agent/gadget-harness.ts';

const GADGET = '/3rdpartygadget/files/finesse-blend/gadget.xml';

let distDir: string;
let desktop: DesktopWorld;
let chromium: LaunchedChromium;
let page: Page;
let problems: string[];
let gadget: Frame;

/** The text the product gadget renders in its shadow root. */
function gadgetText(frame: Frame): Promise<string> {
  // No named helpers inside: the function is serialized into the page as written.
  return frame.evaluate(() =>
    (document.querySelector('finesse-blend-agent')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

before(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'fb-dist-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir: distDir, emptyOutDir: true } });
  desktop = await startDesktopWorld({ distDir, finesseJsDir: TEST_FINESSE_JS_DIR });
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  problems = await watchForProblems(page);
  const user = desktop.world.simulator.users.find((u) => !u.supervisor);
  if (!user) throw new Error('the simulator has no agent');
  await signIn(page, desktop.desktopUrl, { id: user.id, password: user.password, extension: user.extension });
  await page.waitForFunction(
    () => document.querySelector<HTMLIFrameElement>('iframe.gadget-frame')?.contentDocument?.readyState === 'complete',
  );
  const frame = gadgetFrames(page, GADGET)[0];
  assert.ok(frame, 'the product gadget is on the home tab');
  gadget = frame;
});

after(async () => {
  await chromium?.close();
  await desktop?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

test('the built gadget renders in its iframe and follows the state chosen in the header', async () => {
  await gadget.waitForFunction(() => customElements.get('finesse-blend-agent') !== undefined, { timeout: 10_000 });
  await chooseState(page, 'READY');
  await page.waitForFunction(() => document.getElementById('state-label')?.textContent?.startsWith('Ready'), {
    timeout: 10_000,
  });
  await gadget.waitForFunction(
    () => {
      const el = document.querySelector('finesse-blend-agent');
      return (el?.shadowRoot?.textContent ?? '').includes('READY');
    },
    { timeout: 10_000 },
  );
  assert.match(await gadgetText(gadget), /READY/);
  const height = await page.$eval(
    'iframe.gadget-frame',
    (f) => (f as HTMLIFrameElement).getBoundingClientRect().height,
  );
  assert.notEqual(Math.round(height), 200, 'the gadget resized its frame with gadgets.window.adjustHeight');
});

test('the gadget ran without a CSP violation, a console error or an uncaught exception', () => {
  assert.deepEqual(problems, []);
});
