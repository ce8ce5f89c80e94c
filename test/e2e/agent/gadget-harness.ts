// The harness the agent e2e tests share: the gadget built by vite into a fresh directory, the simulated desktop
// serving it (simulator, Prosody, chat router), Chromium, and the seed's first agent; a window signed in as that
// agent with its product gadget loaded; and polling in Node for what the harness's own state shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'puppeteer-core';
import { startDesktopWorld, type DesktopWorld, type DesktopWorldOptions } from '../../../sim/desktop/desktop-world.ts';
import { launchChromium, type LaunchedChromium } from '../../../sim/desktop/chromium.ts';
import { gadgetFrames, signIn } from '../../../sim/desktop/desktop-driver.ts';
import type { User } from '../../../src/core/finesse/types.ts';
import { GadgetPage } from './gadget-page.ts';

export const GADGET = '/3rdpartygadget/files/finesse-blend/gadget.xml';

/**
 * What a Finesse desktop serves at /desktop/assets/js/ for the tests: jQuery as a stand-in of our own (every real
 * desktop has it; gadget.xml loads it before Cisco's library), and, without a copy of Cisco's finesse.js there, the
 * desktop stand-in's partial library.
 */
export const TEST_FINESSE_JS_DIR = join(import.meta.dirname, '../../fixtures/desktop-assets');

/** Polls `check` until it gives a value (not undefined, null or false); throws naming `what` after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface AgentLogin {
  readonly id: string;
  readonly password: string;
  readonly extension: string;
}

export interface GadgetHarness {
  readonly desktop: DesktopWorld;
  readonly chromium: LaunchedChromium;
  /** The seed's first agent (not a supervisor). */
  readonly agent: AgentLogin;
  /** The agent as the simulator holds it now. */
  simUser(): User | undefined;
  /** Closes Chromium, stops the desktop world and removes the build. */
  stop(): Promise<void>;
}

/** Builds the gadget and starts the desktop world (with `options`) and Chromium; a failed start stops what it started. */
export async function startGadgetHarness(options: Omit<DesktopWorldOptions, 'distDir'> = {}): Promise<GadgetHarness> {
  const distDir = mkdtempSync(join(tmpdir(), 'fb-dist-'));
  let desktop: DesktopWorld | undefined;
  let chromium: LaunchedChromium | undefined;
  const stop = async (): Promise<void> => {
    try {
      await chromium?.close();
      await desktop?.stop();
    } finally {
      rmSync(distDir, { recursive: true, force: true });
    }
  };
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir: distDir, emptyOutDir: true } });
    desktop = await startDesktopWorld({ finesseJsDir: TEST_FINESSE_JS_DIR, ...options, distDir });
    chromium = await launchChromium(1280, 900);
    const world = desktop.world;
    const user = world.simulator.users.find((u) => !u.supervisor);
    if (!user) throw new Error('the simulator has no agent');
    const agent: AgentLogin = { id: user.id, password: user.password, extension: user.extension };
    return {
      desktop,
      chromium,
      agent,
      simUser: () => world.simulator.control.state().users.find((u) => u.loginId === agent.id),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Signs `page` in to the desktop as the harness's agent (in the language `locale` names, English by default);
 * resolves with the product gadget once its element is defined.
 */
export async function openGadget(
  harness: GadgetHarness,
  page: Page,
  what = 'the product gadget',
  locale?: string,
): Promise<GadgetPage> {
  await signIn(page, harness.desktop.desktopUrl, locale === undefined ? harness.agent : { ...harness.agent, locale });
  const frame = await waitFor(what, () => gadgetFrames(page, GADGET)[0]);
  await frame.waitForFunction(() => customElements.get('finesse-blend-agent') !== undefined, { timeout: 15_000 });
  return new GadgetPage(frame);
}
