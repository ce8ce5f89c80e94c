// A page object for the supervisor's team gadget in the simulated desktop: signs in as a supervisor, opens the team
// tab, reads the rows and the summary through the gadget's shadow root, and presses its buttons as a person does.
// Page scripts are strings so nothing of the test's module scope is needed in the page.
import type { Frame, Page } from 'puppeteer-core';
import { gadgetFrames, signIn, type Agent } from '../../../sim/desktop/desktop-driver.ts';
import { waitFor } from '../agent/gadget-harness.ts';

export const TEAM_GADGET = '/3rdpartygadget/files/finesse-blend/team-gadget.xml';

export interface ShownRow {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  /** The voice state cell's text: "Not Ready (Break)". */
  readonly stateText: string;
  readonly chatText: string;
  /** The active chats cell ("1 of 5"), or the dash's words. */
  readonly chatsText: string;
  /** The latest decision in words, or the dash's words. */
  readonly decisionText: string;
}

/** The decision log panel as shown: whose, its phase, and each entry's kind and words, newest first. */
export interface ShownDecisions {
  readonly agent: string;
  readonly phase: string;
  readonly entries: readonly { readonly kind: string; readonly text: string }[];
  readonly focused: boolean;
}

const ROOT = `document.querySelector('finesse-blend-team')?.shadowRoot`;

const ROWS = `(() => {
  const root = ${ROOT};
  return [...(root?.querySelectorAll('.body .tr') ?? [])].map((tr) => ({
    id: tr.dataset.agent ?? '',
    name: tr.querySelector('.name')?.textContent?.trim() ?? '',
    state: tr.dataset.state ?? '',
    stateText: (tr.querySelector('.voice')?.textContent ?? '').replace(/\\s+/g, ' ').trim(),
    chatText: cellText(tr, '.chat'),
    chatsText: cellText(tr, '.chats'),
    decisionText: cellText(tr, '.decision'),
  }));
  function cellText(tr, selector) {
    const cell = tr.querySelector(selector);
    return (cell?.querySelector('[role="img"]')?.getAttribute('aria-label') ?? cell?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  }
})()`;

const TEXT = `(() => (${ROOT}?.textContent ?? '').replace(/\\s+/g, ' ').trim())()`;

const COUNTS = `(() => {
  const root = ${ROOT};
  const out = {};
  for (const li of root?.querySelectorAll('.summary > li[data-count]') ?? []) {
    out[li.dataset.count] = Number(li.querySelector('.count')?.textContent ?? 'NaN');
  }
  for (const li of root?.querySelectorAll('.summary li[data-reason]') ?? []) {
    out['reason:' + li.dataset.reason] = Number((li.textContent ?? '').split(':').pop());
  }
  return out;
})()`;

const SPOKEN = `(() => (${ROOT}?.querySelector('[role="status"][aria-live]')?.textContent ?? '').replace(/\\s+/g, ' ').trim())()`;

const NOTICE = `(() => {
  const n = ${ROOT}?.querySelector('.notice.outcome');
  return n ? { phase: n.dataset.phase ?? '', error: n.dataset.error ?? '', text: (n.textContent ?? '').replace(/\\s+/g, ' ').trim() } : null;
})()`;

const DECISIONS = `(() => {
  const root = ${ROOT};
  const panel = root?.querySelector('.decisions');
  if (!panel) return null;
  return {
    agent: panel.dataset.agent ?? '',
    phase: panel.dataset.phase ?? '',
    entries: [...panel.querySelectorAll('li')].map((li) => ({ kind: li.dataset.kind ?? '', text: (li.textContent ?? '').replace(/\\s+/g, ' ').trim() })),
    focused: panel.contains(root.activeElement),
  };
})()`;

export class TeamPage {
  constructor(readonly frame: Frame) {}

  /** The gadget's text, whitespace collapsed. */
  text(): Promise<string> {
    return this.frame.evaluate(TEXT) as Promise<string>;
  }

  rows(): Promise<ShownRow[]> {
    return this.frame.evaluate(ROWS) as Promise<ShownRow[]>;
  }

  counts(): Promise<Record<string, number>> {
    return this.frame.evaluate(COUNTS) as Promise<Record<string, number>>;
  }

  spoken(): Promise<string> {
    return this.frame.evaluate(SPOKEN) as Promise<string>;
  }

  notice(): Promise<{ phase: string; error: string; text: string } | null> {
    return this.frame.evaluate(NOTICE) as Promise<{ phase: string; error: string; text: string } | null>;
  }

  decisions(): Promise<ShownDecisions | null> {
    return this.frame.evaluate(DECISIONS) as Promise<ShownDecisions | null>;
  }

  /** Clicks a member's row (its voice state cell, as a person clicks anywhere on the row). */
  async clickRow(agentId: string): Promise<void> {
    const cell = await this.frame.waitForSelector(`pierce/.tr[data-agent="${agentId}"] .voice`, {
      visible: true,
      timeout: 10_000,
    });
    if (!cell) throw new Error(`no row for ${agentId}`);
    await cell.click();
  }

  /** Polls the rows until `check` accepts them, for at most `ms`; returns the rows it accepted. */
  async waitForRows(what: string, check: (rows: ShownRow[]) => boolean, ms = 15_000): Promise<ShownRow[]> {
    const until = Date.now() + ms;
    let last: ShownRow[] = [];
    for (;;) {
      last = await this.rows();
      if (check(last)) return last;
      if (Date.now() > until)
        throw new Error(`timed out after ${ms} ms waiting for ${what}; rows: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async waitForCounts(what: string, wanted: Record<string, number>, ms = 15_000): Promise<Record<string, number>> {
    const until = Date.now() + ms;
    for (;;) {
      const counts = await this.counts();
      if (Object.entries(wanted).every(([k, v]) => counts[k] === v)) return counts;
      if (Date.now() > until)
        throw new Error(
          `timed out waiting for ${what}: wanted ${JSON.stringify(wanted)}, saw ${JSON.stringify(counts)}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Presses a row's action button and then the confirm step's Confirm. */
  async act(agentId: string, action: 'make-not-ready' | 'make-ready' | 'sign-out'): Promise<void> {
    const button = await this.frame.waitForSelector(
      `pierce/.tr[data-agent="${agentId}"] button[data-action="${action}"]`,
      { visible: true, timeout: 10_000 },
    );
    if (!button) throw new Error(`no ${action} button for ${agentId}`);
    await button.click();
    const confirm = await this.frame.waitForSelector('pierce/.confirm button.primary', {
      visible: true,
      timeout: 5_000,
    });
    if (!confirm) throw new Error('no confirm step');
    await confirm.click();
  }
}

/** Signs `page` in as `supervisor`, opens the team tab, and resolves with the team gadget once it shows rows. */
export async function openTeamGadget(page: Page, desktopUrl: string, supervisor: Agent): Promise<TeamPage> {
  await signIn(page, desktopUrl, supervisor);
  await page.click('#tab-team');
  const frame = await waitFor('the team gadget frame', () => gadgetFrames(page, TEAM_GADGET)[0]);
  await frame.waitForFunction(() => customElements.get('finesse-blend-team') !== undefined, { timeout: 15_000 });
  const team = new TeamPage(frame);
  await team.waitForRows('the team rows', (rows) => rows.length > 0);
  return team;
}
