// Drives the simulated desktop from puppeteer the way a person would: sign in, pick a state from the header
// menu, find gadget frames. Used by the end-to-end tests and the README screenshot.
import type { Frame, Page } from 'puppeteer-core';

export interface Agent {
  readonly id: string;
  readonly password: string;
  readonly extension: string;
  /** The language picked on the sign-in page, as a Finesse locale (en_US, de_DE, es_ES); English when unset. */
  readonly locale?: string;
}

/** Signs in through the form and waits for the desktop with a connected XMPP notification channel. */
export async function signIn(page: Page, desktopUrl: string, agent: Agent, timeout = 15_000): Promise<void> {
  await page.goto(desktopUrl, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#signin-id');
  await page.type('#signin-id', agent.id);
  await page.type('#signin-password', agent.password);
  await page.type('#signin-extension', agent.extension);
  if (agent.locale !== undefined) {
    const picked = await page.select('#signin-language', agent.locale);
    if (picked[0] !== agent.locale) throw new Error(`the sign-in page offers no language ${agent.locale}`);
  }
  await page.click('#signin-submit');
  await page.waitForFunction(
    () =>
      document.querySelector('#desktop')?.hasAttribute('hidden') === false ||
      Boolean(document.querySelector('#signin-error')?.textContent),
    { timeout },
  );
  const error = await page.$eval('#signin-error', (e) => e.textContent ?? '');
  if (error) throw new Error(`sign-in failed: ${error}`);
  await page.waitForFunction(() => document.querySelector('#connection')?.getAttribute('data-status') === 'connected', {
    timeout,
  });
}

/** Opens the header's state menu and picks the item for a state (and reason code id, when given). */
export async function chooseState(
  page: Page,
  state: 'READY' | 'NOT_READY' | 'LOGOUT',
  reasonCodeId?: string,
): Promise<void> {
  await page.click('#state-button');
  const selector = reasonCodeId
    ? `#state-menu button[data-state="${state}"][data-reason="${reasonCodeId}"]`
    : `#state-menu button[data-state="${state}"]`;
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}

/** The frames rendering a gadget spec (by a part of its URL), in layout order. */
export function gadgetFrames(page: Page, specPart: string): Frame[] {
  return page
    .frames()
    .filter((f) => f.url().includes('/gadgets/ifr?') && decodeURIComponent(f.url()).includes(specPart))
    .sort(
      (a, b) => Number(new URL(a.url()).searchParams.get('mid')) - Number(new URL(b.url()).searchParams.get('mid')),
    );
}

/** Collects CSP violations and errors from the page and every gadget frame, from the first script on. */
export async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${location.pathname}`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
  return problems;
}
