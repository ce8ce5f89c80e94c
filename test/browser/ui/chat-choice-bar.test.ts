import { expect, fixture, html } from '@open-wc/testing';
import { ChatChoiceBar } from '../../../src/ui/chat-choice-bar.ts';
import { AgentPanel } from '../../../src/ui/agent-panel.ts';
import { defineElements } from '../../../src/ui/define.ts';
import type { AgentView } from '../../../src/ui/agent-view.ts';
import { ChatChoiceHarness } from './harness/chat-choice-harness.ts';
import { recordEvents } from './harness/harness.ts';
import { agentView } from './fixtures.ts';

defineElements();
customElements.define('test-chat-choice', class extends ChatChoiceBar {});
customElements.define('test-choice-panel', class extends AgentPanel {});

async function bar(props: Partial<Pick<ChatChoiceBar, 'choice' | 'inHeader' | 'readOnly' | 'offerAlerts'>> = {}) {
  const el = await fixture<ChatChoiceBar>(
    html`<test-chat-choice
      .choice=${props.choice ?? 'available'}
      .inHeader=${props.inHeader ?? false}
      .readOnly=${props.readOnly ?? false}
      .offerAlerts=${props.offerAlerts ?? false}
    ></test-chat-choice>`,
  );
  return { h: new ChatChoiceHarness(el), events: recordEvents(el, ['chat-availability']) };
}

describe('the chat choice under the headline (no chat channel in the header)', () => {
  it('shows the current choice pressed, and Not ready for chat sends the intent', async () => {
    const { h, events } = await bar();
    expect(h.pressed()).to.equal('Available for chat');
    h.notReadyButton.click();
    expect(events).to.deep.equal([{ name: 'chat-availability', detail: { available: false } }]);
  });

  it('from Not ready, Available for chat sends available; pressing the current choice sends nothing', async () => {
    const { h, events } = await bar({ choice: 'unavailable' });
    expect(h.pressed()).to.equal('Not ready for chat');
    h.notReadyButton.click();
    h.availableButton.click();
    expect(events).to.deep.equal([{ name: 'chat-availability', detail: { available: true } }]);
  });

  it('works from the keyboard: the choices are buttons in a labelled group', async () => {
    const { h, events } = await bar();
    const group = h.find('[role="group"]');
    expect(group.getAttribute('aria-labelledby')).to.equal('choice-label');
    h.notReadyButton.focus();
    expect(h.root.activeElement).to.equal(h.notReadyButton);
    h.notReadyButton.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(events.length).to.equal(1);
  });

  it('in a window that does not run blending the choices are shown but cannot be pressed', async () => {
    const { h } = await bar({ readOnly: true });
    expect(h.availableButton.disabled).to.equal(true);
    expect(h.notReadyButton.disabled).to.equal(true);
  });

  it('with the chat channel in the Finesse header, the bar shows the choice and points to the header', async () => {
    const { h } = await bar({ inHeader: true, choice: 'unavailable' });
    expect(h.hasControls()).to.equal(false);
    expect(h.text()).to.contain('Chat: Not ready for chat');
    expect(h.text()).to.contain('Change it from Chat in the Finesse header.');
  });

  it('offers "Allow desktop alerts" while the browser has not been asked, explains a refusal, and is quiet once allowed', async () => {
    const { h } = await bar({ offerAlerts: true });
    h.element.permission = 'default';
    await h.settled();
    expect(h.hasAllowAlerts()).to.equal(true);
    h.element.permission = 'denied';
    await h.settled();
    expect(h.hasAllowAlerts()).to.equal(false);
    expect(h.text()).to.contain('Desktop alerts are blocked');
    h.element.permission = 'granted';
    await h.settled();
    expect(h.hasAllowAlerts()).to.equal(false);
    expect(h.text()).not.to.contain('Desktop alerts');
  });

  it('without the desktopNotifications pref, no alerts control at all', async () => {
    const { h } = await bar({ offerAlerts: false });
    h.element.permission = 'default';
    await h.settled();
    expect(h.hasAllowAlerts()).to.equal(false);
  });
});

describe('the chat choice in the agent panel', () => {
  const view = (over: Partial<AgentView> = {}): AgentView => agentView({ chatChoice: 'unavailable', ...over });

  it("sits under the headline with the view's choice, and its intent bubbles out of the panel", async () => {
    const el = await fixture<AgentPanel>(html`<test-choice-panel .view=${view()}></test-choice-panel>`);
    const choice = el.shadowRoot?.querySelector('fb-chat-choice');
    expect(choice).to.not.equal(null);
    const h = new ChatChoiceHarness(choice as ChatChoiceBar);
    await h.settled();
    expect(h.pressed()).to.equal('Not ready for chat');
    const events = recordEvents(el, ['chat-availability']);
    h.availableButton.click();
    expect(events).to.deep.equal([{ name: 'chat-availability', detail: { available: true } }]);
  });

  it('is not shown when chat is not set up for the gadget', async () => {
    const el = await fixture<AgentPanel>(
      html`<test-choice-panel .view=${view({ chatConfigured: false })}></test-choice-panel>`,
    );
    expect(el.shadowRoot?.querySelector('fb-chat-choice')).to.equal(null);
  });
});
