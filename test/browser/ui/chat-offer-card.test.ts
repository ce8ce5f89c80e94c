import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatOfferCard } from '../../../src/ui/chat-offer-card.ts';
import { tickerContext } from '../../../src/ui/ticker.ts';
import { ChatOfferCardHarness } from './harness/chat-offer-card-harness.ts';
import { ManualTicker, recordEvents } from './harness/harness.ts';
import { HOSTILE, offerView } from './fixtures.ts';

customElements.define('test-chat-offer', ChatOfferCard);

async function card(view = offerView(), ticker = new ManualTicker(0)) {
  // The card takes its clock by context from what encloses it, as it does inside the agent panel.
  const enclosing = document.createElement('div');
  const clock = new ContextProvider(enclosing, { context: tickerContext, initialValue: ticker });
  const el = await fixture<ChatOfferCard>(html`<test-chat-offer .offer=${view}></test-chat-offer>`, {
    parentNode: enclosing,
  });
  return {
    h: new ChatOfferCardHarness(el),
    ticker,
    clock,
    events: recordEvents(el, ['offer-accept', 'offer-decline']),
  };
}

describe('chat offer card', () => {
  it('shows who is asking and the pre-chat context, without repeating the name', async () => {
    const { h } = await card();
    expect(h.text()).to.contain('Chat from Jane Doe');
    expect(h.context()).to.deep.equal([['Question', 'Where is my order?']]);
  });

  it('Accept and Decline send their intents with the chat id', async () => {
    const { h, events } = await card();
    h.acceptButton.click();
    h.declineButton.click();
    expect(events).to.deep.equal([
      { name: 'offer-accept', detail: { chatId: 'c1' } },
      { name: 'offer-decline', detail: { chatId: 'c1' } },
    ]);
  });

  it('the buttons work from the keyboard and say what they do to screen readers', async () => {
    const { h, events } = await card();
    expect(h.acceptButton.getAttribute('aria-label')).to.equal('Accept the chat from Jane Doe');
    expect(h.declineButton.getAttribute('aria-label')).to.equal('Decline the chat from Jane Doe');
    h.acceptButton.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(h.root.activeElement).to.equal(h.declineButton);
    await sendKeys({ press: 'Enter' });
    expect(events).to.deep.equal([
      { name: 'offer-accept', detail: { chatId: 'c1' } },
      { name: 'offer-decline', detail: { chatId: 'c1' } },
    ]);
  });

  it('counts down to the expiry with the ticker, and says when it is running out', async () => {
    const { h, ticker } = await card(offerView({ expiresAt: 12_000 }));
    expect(h.countdown()).to.equal('Expires in 12 s');
    ticker.advance(2_500);
    await h.settled();
    expect(h.countdown()).to.equal('Expires in 10 s');
    ticker.advance(10_000);
    await h.settled();
    expect(h.countdown()).to.equal('Expiring…');
  });

  it('stops listening to the ticker when it leaves the page', async () => {
    const { h, ticker } = await card();
    expect(ticker.subscribers).to.equal(1);
    h.element.remove();
    expect(ticker.subscribers).to.equal(0);
  });

  it('when the enclosing clock changes, the countdown follows the new one and lets go of the old', async () => {
    const { h, ticker, clock } = await card(offerView({ expiresAt: 12_000 }));
    const later = new ManualTicker(5_000);
    clock.setValue(later);
    await h.settled();
    expect(ticker.subscribers).to.equal(0);
    expect(later.subscribers).to.equal(1);
    expect(h.countdown()).to.equal('Expires in 7 s');
  });

  it('while voice is being reserved (rule 1) it says so and cannot be answered twice', async () => {
    const { h, events } = await card(offerView({}, 'reserving'));
    expect(h.progress()).to.equal('Reserving your phone line…');
    expect(h.acceptButton.disabled).to.equal(true);
    expect(h.declineButton.disabled).to.equal(true);
    h.acceptButton.click();
    expect(events).to.deep.equal([]);
  });

  it('hostile customer text is rendered as text: no element is created from it', async () => {
    const hostile = offerView({
      customerName: HOSTILE,
      context: [{ name: 'question', label: HOSTILE, value: HOSTILE }],
    });
    const { h } = await card(hostile);
    expect(h.text()).to.contain(HOSTILE);
    expect(h.root.querySelectorAll('img, script, b').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
