// Drives the simulated desktop from puppeteer the way a person would: sign in, pick a state from the header
// menu, find gadget frames. Used by the end-to-end tests and the README screenshots.
import type { ElementHandle, Frame, JSHandle, Page } from 'puppeteer-core';

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
  const selector = reasonCodeId
    ? `#state-menu button[data-state="${state}"][data-reason="${reasonCodeId}"]`
    : `#state-menu button[data-state="${state}"]`;
  // The header redraws its menu as notifications arrive: a button replaced between finding and clicking (puppeteer
  // says "detached", or "not clickable" when the node it found has left the page) is found again.
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await page.$eval('#state-menu', (m) => !m.hasAttribute('hidden')).catch(() => false))) {
        await page.click('#state-button');
      }
      await page.waitForSelector(selector, { visible: true });
      await page.click(selector);
      return;
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !/detached|not clickable/i.test(error.message)) throw error;
    }
  }
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

/** A digital channel as the desktop header shows it. */
export interface HeaderChannel {
  readonly channelId: string;
  readonly label: string;
  /** channelState.currentState */
  readonly state: string;
  /** channelState.iconColor (available, unavailable, busy) */
  readonly color: string;
  /** channelState.iconBadge ("none" when there is none) */
  readonly badge: string;
  /** channelState.hoverText, shown as the button's tooltip ("" when none) */
  readonly hoverText: string;
  readonly enabled: boolean;
  /** The menu choice the header waits on the gadget for ("" when none). */
  readonly pending: string;
  /** Why the last menu choice failed ("" when it did not). */
  readonly error: string;
}

/** Every digital channel in the desktop header, in order. */
export function headerChannels(page: Page): Promise<HeaderChannel[]> {
  return page.$$eval('#digital-channels [data-testid="fnc-channel"]', (nodes) =>
    nodes.map((n) => {
      const e = n as HTMLElement;
      return {
        channelId: e.dataset['channelId'] ?? '',
        label: e.dataset['label'] ?? '',
        state: e.dataset['state'] ?? '',
        color: e.dataset['color'] ?? '',
        badge: e.dataset['badge'] ?? '',
        hoverText: e.querySelector('.channel-button')?.getAttribute('title') ?? '',
        enabled: e.dataset['enabled'] === 'true',
        pending: e.dataset['pending'] ?? '',
        error: e.dataset['error'] ?? '',
      };
    }),
  );
}

/** One digital channel in the desktop header by its channelId, or null when the header has none by that id. */
export async function headerChannel(page: Page, channelId: string): Promise<HeaderChannel | null> {
  return (await headerChannels(page)).find((c) => c.channelId === channelId) ?? null;
}

/**
 * Waits until the header shows the channel with the given fields (e.g. {state: 'Ready'}), read as headerChannels
 * reads them; returns it.
 */
export async function waitForHeaderChannel(
  page: Page,
  channelId: string,
  wanted: Partial<HeaderChannel> = {},
  timeout = 10_000,
): Promise<HeaderChannel> {
  const end = Date.now() + timeout;
  for (;;) {
    const channel = await headerChannel(page, channelId);
    if (channel && Object.entries(wanted).every(([k, v]) => channel[k as keyof HeaderChannel] === v)) return channel;
    if (Date.now() > end) {
      const seen = channel ? JSON.stringify(channel) : 'no such channel';
      throw new Error(
        `timed out after ${timeout} ms waiting for header channel ${channelId} ${JSON.stringify(wanted)}; seen ${seen}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a channel's menu in the header and picks the item with that label, as an agent would. */
export async function chooseChannelMenu(page: Page, channelId: string, itemLabel: string): Promise<void> {
  const button = await page.waitForFunction(
    (id) =>
      Array.from(document.querySelectorAll<HTMLElement>('#digital-channels [data-testid="fnc-channel"]'))
        .find((n) => n.dataset['channelId'] === id)
        ?.querySelector<HTMLButtonElement>('.channel-button:not([disabled])') ?? false,
    { timeout: 10_000 },
    channelId,
  );
  await clickHandle(button, `channel ${channelId}`);
  const item = await page.waitForFunction(
    (id, label) =>
      Array.from(
        Array.from(document.querySelectorAll<HTMLElement>('#digital-channels [data-testid="fnc-channel"]'))
          .find((n) => n.dataset['channelId'] === id)
          ?.querySelectorAll<HTMLButtonElement>('.channel-menu:not([hidden]) [role="menuitem"]') ?? [],
      ).find((b) => (b.textContent ?? '').trim() === label) ?? false,
    { timeout: 5_000 },
    channelId,
    itemLabel,
  );
  await clickHandle(item, `menu item ${itemLabel}`);
}

/** Picks the voice state menu's all-channels choice: every digital channel gets ALL_READY or ALL_NOT_READY. */
export async function chooseAllChannels(page: Page, which: 'ALL_READY' | 'ALL_NOT_READY'): Promise<void> {
  await page.click('#state-button');
  const selector = `#state-menu button[data-all-channels="${which}"]`;
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}

/** A gadget popover as the desktop shows it. */
export interface ShownPopover {
  readonly popoverId: string;
  readonly clientIdentifier: string;
  /** The banner's first name/value pair, as its title. */
  readonly title: string;
  readonly content: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly requiredActionText: string;
  /** The counter now (seconds left for COUNT_DOWN, gone by for COUNT_UP) and whether it is shown. */
  readonly seconds: number;
  readonly timerShown: boolean;
  /** The labels of the buttons showing (the confirm step's, while it shows). */
  readonly buttons: readonly string[];
  readonly closable: boolean;
}

/** The popovers the desktop shows, oldest first. */
export function popovers(page: Page): Promise<ShownPopover[]> {
  return page.$$eval('#popovers [data-testid="popover"]', (nodes) =>
    nodes.map((n) => {
      const e = n as HTMLElement;
      const dts = Array.from(e.querySelectorAll('.popover-content dt'));
      const dds = Array.from(e.querySelectorAll('.popover-content dd'));
      return {
        popoverId: e.dataset['popoverId'] ?? '',
        clientIdentifier: e.dataset['clientIdentifier'] ?? '',
        title: e.querySelector('.popover-title')?.textContent ?? '',
        content: dts.map((dt, i) => ({ name: dt.textContent ?? '', value: dds[i]?.textContent ?? '' })),
        requiredActionText: e.querySelector('.popover-action-text')?.textContent ?? '',
        seconds: Number(e.dataset['seconds']),
        timerShown: !(e.querySelector<HTMLElement>('.popover-timer')?.hidden ?? true),
        buttons: Array.from(e.querySelectorAll('[data-testid="popover-button"]')).map((b) => b.textContent ?? ''),
        closable: e.querySelector('[data-testid="popover-close"]') !== null,
      };
    }),
  );
}

/**
 * Clicks the popover button with that label (in the popover with that clientIdentifier, when given), as an agent
 * would; waits for the button first.
 */
export async function clickPopoverButton(page: Page, label: string, clientIdentifier?: string): Promise<void> {
  const button = await page.waitForFunction(
    (l, c) =>
      Array.from(document.querySelectorAll<HTMLElement>('#popovers [data-testid="popover"]'))
        .filter((p) => c === null || p.dataset['clientIdentifier'] === c)
        .flatMap((p) => Array.from(p.querySelectorAll<HTMLButtonElement>('[data-testid="popover-button"]')))
        .find((b) => (b.textContent ?? '').trim() === l) ?? false,
    { timeout: 10_000 },
    label,
    clientIdentifier ?? null,
  );
  await clickHandle(button, `popover button ${label}`);
}

/** Closes a dismissible popover from its close control. */
export async function closePopover(page: Page, clientIdentifier: string): Promise<void> {
  await page.click(
    `#popovers [data-testid="popover"][data-client-identifier="${clientIdentifier.replace(/["\\]/g, '\\$&')}"] [data-testid="popover-close"]`,
  );
}

async function clickHandle(handle: JSHandle, what: string): Promise<void> {
  const element = handle.asElement();
  if (!element) throw new Error(`${what} is not on the page`);
  await (element as ElementHandle<Element>).click();
}
