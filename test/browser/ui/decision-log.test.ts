import { expect, fixture, html } from '@open-wc/testing';
import type { DecisionEntry } from '../../../src/core/blending/decision-log.ts';
import { DecisionLogView } from '../../../src/ui/decision-log-view.ts';
import { DecisionLogHarness } from './harness/decision-log-harness.ts';

customElements.define('test-decision-log', DecisionLogView);

const entry = (seq: number, reason: string): DecisionEntry => ({ seq, at: 0, kind: 'voice-request', reason });

describe('decision log', () => {
  it('is collapsed until the agent opens it, and lists the newest reasons first', async () => {
    const entries = [entry(1, 'Not Ready (Handling Chat): reserving voice to take a chat'), entry(2, 'Finesse confirmed Not Ready (Handling Chat)')];
    const el = await fixture<DecisionLogView>(html`<test-decision-log .entries=${entries}></test-decision-log>`);
    const h = new DecisionLogHarness(el);
    expect(h.details.open).to.equal(false);
    h.summary.click();
    await h.settled();
    expect(h.details.open).to.equal(true);
    expect(h.reasons()).to.deep.equal(['Finesse confirmed Not Ready (Handling Chat)', 'Not Ready (Handling Chat): reserving voice to take a chat']);
  });

  it('shows only the last N changes', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => entry(i + 1, `change ${i + 1}`));
    const el = await fixture<DecisionLogView>(html`<test-decision-log open .entries=${entries} .limit=${3}></test-decision-log>`);
    expect(new DecisionLogHarness(el).reasons()).to.deep.equal(['change 30', 'change 29', 'change 28']);
  });

  it('says when nothing happened yet', async () => {
    const el = await fixture<DecisionLogView>(html`<test-decision-log open></test-decision-log>`);
    expect(new DecisionLogHarness(el).text()).to.contain('No changes yet.');
  });
});
