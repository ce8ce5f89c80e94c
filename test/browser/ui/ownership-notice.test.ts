import { expect, fixture, html } from '@open-wc/testing';
import { OwnershipNotice } from '../../../src/ui/ownership-notice.ts';
import type { OwnershipView } from '../../../src/ui/agent-view.ts';
import { OwnershipNoticeHarness } from './harness/ownership-notice-harness.ts';
import { recordEvents } from './harness/harness.ts';

customElements.define('test-ownership-notice', OwnershipNotice);

const observer: OwnershipView = { role: 'observer', message: null, confirm: null, pending: false };

async function notice(view: OwnershipView) {
  const el = await fixture<OwnershipNotice>(html`<test-ownership-notice .ownership=${view}></test-ownership-notice>`);
  return { h: new OwnershipNoticeHarness(el), events: recordEvents(el, ['take-over', 'take-over-cancel']) };
}

describe('ownership notice (rule 8)', () => {
  it('says nothing in the window that runs blending', async () => {
    const { h } = await notice({ ...observer, role: 'owner' });
    expect(h.isShown()).to.equal(false);
  });

  it('in another window it says so, and "Use this window" first asks for confirmation', async () => {
    const { h, events } = await notice(observer);
    expect(h.text()).to.contain('Blending for your account runs in another window');
    h.useHereButton.click();
    expect(events).to.deep.equal([{ name: 'take-over', detail: { confirmed: false } }]);
  });

  it('the confirmation is asked inside the gadget, takes focus, and only Take over confirms', async () => {
    const { h, events } = await notice(observer);
    h.element.ownership = { ...observer, confirm: { ownerSince: null } };
    await h.settled();
    expect(h.isAsking()).to.equal(true);
    expect(h.text()).to.contain('Take over here?');
    expect(h.root.activeElement).to.equal(h.confirmButton);
    h.cancelButton.click();
    h.confirmButton.click();
    expect(events).to.deep.equal([
      { name: 'take-over-cancel', detail: {} },
      { name: 'take-over', detail: { confirmed: true } },
    ]);
  });

  it('while the other window lets go the buttons wait', async () => {
    const { h } = await notice({ ...observer, confirm: { ownerSince: null }, pending: true });
    expect(h.confirmButton.disabled).to.equal(true);
    expect(h.confirmButton.textContent?.trim()).to.equal('Taking over…');
  });

  it("the question says since when the other window runs blending, as a time in the agent's locale", async () => {
    const since = Date.UTC(2026, 0, 5, 14, 7);
    const { h } = await notice({ ...observer, confirm: { ownerSince: since } });
    const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(since);
    expect(h.text()).to.contain(`runs in another window since ${time}. Take over here?`);
  });

  it('a take-over that did not happen says why', async () => {
    const { h } = await notice({ ...observer, message: 'failed-stolen' });
    expect(h.text()).to.contain('Another window took over blending meanwhile.');
  });

  it('a window that was taken over shows why', async () => {
    const { h } = await notice({
      role: 'taken-over',
      message: 'taken-over',
      confirm: null,
      pending: false,
    });
    expect(h.text()).to.contain('was taken over in another window');
    expect(h.has('button.use-here')).to.equal(true);
  });

  it('the taken-over notice names the button the agent sees', async () => {
    const { h } = await notice({ role: 'taken-over', message: 'taken-over', confirm: null, pending: false });
    const named = /choose "([^"]+)"/.exec(h.text())?.[1];
    expect(named).to.equal(h.find('button.use-here').textContent?.trim());
  });
});
