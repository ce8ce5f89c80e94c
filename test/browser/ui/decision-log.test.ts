import { expect, fixture, html } from '@open-wc/testing';
import type { DecisionEntry } from '../../../src/core/blending/decision-log.ts';
import type { LogCause } from '../../../src/core/blending/causes.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';
import { DecisionLogView } from '../../../src/ui/decision-log-view.ts';
import { DecisionLogHarness } from './harness/decision-log-harness.ts';

customElements.define('test-decision-log', DecisionLogView);

const entry = (seq: number, cause: LogCause): DecisionEntry => ({ seq, at: 0, kind: 'voice-request', cause });
const HC = 'Handling Chat';
/** A change whose words are only its detail, for counting. */
const change = (n: number): LogCause => ({ kind: 'reread-failed', detail: `change ${n}` });

describe('decision log', () => {
  it('is collapsed until the agent opens it, and lists the newest reasons first', async () => {
    const entries = [
      entry(1, { kind: 'voice-request', intent: { kind: 'reserve-for-chat', label: HC }, attempt: 1, maxAttempts: 4 }),
      entry(2, { kind: 'voice-confirmed', request: { state: 'NOT_READY', label: HC } }),
    ];
    const el = await fixture<DecisionLogView>(html`<test-decision-log .entries=${entries}></test-decision-log>`);
    const h = new DecisionLogHarness(el);
    expect(h.details.open).to.equal(false);
    h.summary.click();
    await h.settled();
    expect(h.details.open).to.equal(true);
    expect(h.reasons()).to.deep.equal([
      'Finesse confirmed Not Ready (Handling Chat)',
      'Not Ready (Handling Chat): reserving voice to take a chat',
    ]);
  });

  it('shows only the last N changes', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => entry(i + 1, change(i + 1)));
    const el = await fixture<DecisionLogView>(
      html`<test-decision-log open .entries=${entries} .limit=${3}></test-decision-log>`,
    );
    expect(new DecisionLogHarness(el).reasons()).to.deep.equal([change(30), change(29), change(28)].map(say.log));
  });

  it('says when nothing happened yet', async () => {
    const el = await fixture<DecisionLogView>(html`<test-decision-log open></test-decision-log>`);
    expect(new DecisionLogHarness(el).text()).to.contain('No changes yet.');
  });
});
