// Launches Debian's Chromium through puppeteer-core for end-to-end tests and the README screenshots:
// quiet flags for a closed network, a fresh profile each time, never a downloaded browser.
import puppeteer, { type Browser } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS } from '../../scripts/chromium-flags.mjs';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--headless', ...CHROMIUM_FLAGS];

export interface LaunchedChromium {
  readonly browser: Browser;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile; `close` always removes the profile, even if the browser died. */
export async function launchChromium(width = 1280, height = 800): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'fb-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    userDataDir: profile,
    args: [...CHROMIUM_ARGS, `--window-size=${width},${height}`],
    defaultViewport: { width, height },
  });
  return {
    browser,
    async close() {
      try {
        await browser.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
