import { expect, fixture, html } from '@open-wc/testing';
import { DiagnosticsView } from '../../../src/ui/diagnostics-view.ts';
import type { CheckResult, DiagnosticsRun } from '../../../src/app/diagnostics.ts';

customElements.define('test-diagnostics', DiagnosticsView);

const CHECKS: readonly CheckResult[] = [
  { id: 'prefs', outcome: 'pass', finding: { kind: 'prefs-ok' } },
  { id: 'finesse-rest', outcome: 'pass', finding: { kind: 'user', name: 'Ada Agent', state: 'READY', reason: null } },
  { id: 'notifications', outcome: 'pass', finding: { kind: 'notifications-ok', ms: 14 } },
  {
    id: 'system-info',
    outcome: 'pass',
    finding: {
      kind: 'nodes',
      deployment: 'UCCE',
      nodes: [{ role: 'primary', node: 'finesse-a:8445', status: 'IN_SERVICE', error: null }],
    },
  },
  {
    id: 'reason-code',
    outcome: 'fail',
    finding: {
      kind: 'reason-config',
      error: { kind: 'config', code: 'NOT_DEFINED', reason: { by: 'label', label: 'Handling Chat' } },
      configured: 'Handling Chat',
      available: ['Break'],
    },
  },
  {
    id: 'chat-server',
    outcome: 'fail',
    finding: {
      kind: 'endpoints',
      websocket: { url: 'wss://chat.example.com/ws', answer: { answered: false, why: 'refused' } },
      bosh: null,
    },
  },
  { id: 'chat-sign-in', outcome: 'skipped', because: 'chat-server' },
  { id: 'chat-router', outcome: 'skipped', because: 'chat-sign-in' },
];

const RUN: DiagnosticsRun = {
  startedAt: Date.UTC(2026, 11, 2, 9, 30),
  finishedAt: Date.UTC(2026, 11, 2, 9, 30, 2),
  agentId: '1001001',
  desktopNode: 'finesse-a:8445',
  checks: CHECKS,
  prefs: [
    { name: 'chatService', value: 'wss://chat.example.com/ws' },
    { name: 'teamId', value: '' },
  ],
};

async function page(run: DiagnosticsRun | null = RUN, closable = false): Promise<DiagnosticsView> {
  return fixture<DiagnosticsView>(html`<test-diagnostics .run=${run} ?closable=${closable}></test-diagnostics>`);
}

const q = <E extends Element>(el: DiagnosticsView, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

/** Replaces navigator.clipboard for one test; returns a restore function. */
function stubClipboard(writeText: (text: string) => Promise<void>): () => void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return () => {
    delete (navigator as unknown as { clipboard?: unknown }).clipboard;
  };
}

describe('diagnostics page', () => {
  it('shows each check in a list under its heading, with its outcome, what it found and what to do', async () => {
    const el = await page();
    const items = el.shadowRoot?.querySelectorAll('ol > li.check') ?? [];
    expect(items.length).to.equal(8);
    expect(q(el, 'h1').textContent?.trim()).to.equal('Diagnostics');
    const reason = q(el, 'li[data-check="reason-code"]');
    expect(reason.querySelector('h2')?.textContent?.trim()).to.equal('The Handling Chat reason code');
    expect(reason.querySelector('.outcome')?.textContent?.trim()).to.equal('Failed');
    expect(reason.querySelector('.advice')?.textContent).to.contain(
      'Create a Not Ready reason code labelled “Handling Chat”',
    );
    expect(q(el, 'li[data-check="chat-router"] .sentence').textContent?.trim()).to.equal(
      "Not run: it needs “The agent's chat sign-in” to pass first.",
    );
    expect(q(el, '.progress').getAttribute('role')).to.equal('status');
    expect(q(el, '.progress').textContent?.trim()).to.equal('Done: 4 passed, 0 with a warning, 2 failed, 2 not run.');
    await expect(el).to.be.accessible();
  });

  it('while checks run, the progress names the running one and Run again and Copy report wait', async () => {
    const running: DiagnosticsRun = {
      ...RUN,
      finishedAt: null,
      checks: CHECKS.map((c, i) =>
        i < 2 ? c : i === 2 ? { id: c.id, outcome: 'running' } : { id: c.id, outcome: 'waiting' },
      ),
    };
    const el = await page(running);
    expect(q(el, '.progress').textContent?.trim()).to.equal('Checking 3 of 8: Finesse notifications…');
    expect(q<HTMLButtonElement>(el, 'button.run').disabled).to.equal(true);
    expect(q<HTMLButtonElement>(el, 'button.copy').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Copy report writes the plain-text report to the clipboard and says so', async () => {
    let written = '';
    const restore = stubClipboard(async (text) => {
      written = text;
    });
    try {
      const el = await page();
      q<HTMLButtonElement>(el, 'button.copy').click();
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      expect(written).to.equal(el.report());
      expect(written).to.contain('finesse-blend diagnostics report');
      expect(written).to.contain('5. The Handling Chat reason code: Failed');
      expect(written).to.contain('teamId = (not set)');
      expect(q(el, '.copy-state').textContent).to.contain('Report copied');
      expect(el.shadowRoot?.querySelector('textarea')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('without clipboard permission the report is shown read-only and selected for Ctrl+C', async () => {
    const restore = stubClipboard(() =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    );
    try {
      const el = await page();
      q<HTMLButtonElement>(el, 'button.copy').click();
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      await el.updateComplete;
      const box = q<HTMLTextAreaElement>(el, 'textarea');
      expect(box.readOnly).to.equal(true);
      expect(box.value).to.equal(el.report());
      expect(el.shadowRoot?.activeElement).to.equal(box);
      expect([box.selectionStart, box.selectionEnd]).to.deep.equal([0, box.value.length]);
      expect(q(el, '.copy-state').textContent).to.contain('press Ctrl+C');
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('Run again asks boot for a new run; Back to chats is there only when opened from the panel', async () => {
    const el = await page(RUN, true);
    const seen: string[] = [];
    el.addEventListener('diagnostics-run', () => seen.push('run'));
    el.addEventListener('diagnostics-close', () => seen.push('close'));
    q<HTMLButtonElement>(el, 'button.run').click();
    q<HTMLButtonElement>(el, 'button.back').click();
    expect(seen).to.deep.equal(['run', 'close']);
    const alone = await page(RUN, false);
    expect(alone.shadowRoot?.querySelector('button.back')).to.equal(null);
  });
});
