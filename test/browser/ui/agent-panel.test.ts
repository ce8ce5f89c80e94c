import { expect, fixture, html } from '@open-wc/testing';
import { AgentPanel } from '../../../src/ui/agent-panel.ts';
import type { ChatOfferCard } from '../../../src/ui/chat-offer-card.ts';
import { defineElements } from '../../../src/ui/define.ts';
import type { AgentView } from '../../../src/ui/agent-view.ts';
import { AgentPanelHarness } from './harness/agent-panel-harness.ts';
import { ChatOfferCardHarness } from './harness/chat-offer-card-harness.ts';
import { ManualTicker } from './harness/harness.ts';
import { agentView as view, conversation, offerView, snapshot } from './fixtures.ts';

defineElements();
customElements.define('test-agent-panel', class extends AgentPanel {});

async function panel(v: AgentView | null) {
  const el = await fixture<AgentPanel>(html`<test-agent-panel .view=${v}></test-agent-panel>`);
  return new AgentPanelHarness(el);
}

describe('agent panel', () => {
  it('says it is connecting until there is a view', async () => {
    const h = await panel(null);
    expect(h.text()).to.contain('Connecting to Finesse');
  });

  it('says the blended state in plain words, with the reason from the decision log', async () => {
    const ready = await panel(view());
    expect(ready.headline()).to.equal('Ready for calls and chats');

    const onCall = await panel(
      view({
        blending: snapshot({
          chat: {
            availability: 'INTERRUPTED',
            activeChats: 0,
            maxChats: 5,
            cause: { kind: 'routed-work', work: { kind: 'acd-state' }, continuing: 0 },
          },
          voice: {
            state: 'TALKING',
            pendingState: null,
            reasonCodeId: null,
            reasonCode: null,
            setBy: 'call',
            beforeCall: null,
          },
        }),
      }),
    );
    expect(onCall.headline()).to.equal('On a call: chats paused');

    const handling = await panel(
      view({
        blending: snapshot({
          chat: {
            availability: 'ACTIVE',
            activeChats: 2,
            maxChats: 5,
            cause: { kind: 'chats-active', count: 2, max: 5 },
          },
          voice: {
            state: 'NOT_READY',
            pendingState: null,
            reasonCodeId: '5',
            reasonCode: { id: '5', code: 40, label: 'Handling Chat', systemCode: false },
            setBy: 'gadget',
            beforeCall: null,
          },
          log: [
            {
              seq: 1,
              at: 0,
              kind: 'offer-accepted',
              cause: { kind: 'chat-accepted', label: 'Handling Chat', count: 2 },
            },
          ],
        }),
      }),
    );
    expect(handling.headline()).to.equal('Handling 2 of 5 chats: Not Ready for calls');
    expect(handling.reason()).to.equal('Accepted: voice is Not Ready (Handling Chat), now handling 2 chats');
  });

  it('when configuration kept blending off, the headline says so instead of "Starting blending…"', async () => {
    const h = await panel(
      view({
        blending: null,
        blendingOff: true,
        problems: [
          {
            id: 'config',
            severity: 'error',
            cause: { kind: 'reason-config', error: { kind: 'config', code: 'NOT_CONFIGURED' } },
          },
        ],
      }),
    );
    expect(h.headline()).to.equal('Blending is off: calls only, no chats');
    expect(h.problems()[0]).to.match(/^No Not Ready reason for chat handling is configured/);
  });

  it("takes the Finesse look from its theme tokens, and an administrator's rule on its element overrides them", async () => {
    const h = await panel(view({ offers: [offerView()] }));
    const accept = () => {
      const card = h.find('fb-chat-offer');
      return getComputedStyle(card.shadowRoot?.querySelector('button.accept') as Element);
    };
    await (h.find('fb-chat-offer') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(h.element).fontSize).to.equal('14px');
    expect(getComputedStyle(h.element).fontFamily).to.contain('CiscoSans');
    expect(accept().backgroundColor).to.equal('rgb(7, 98, 183)');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('test-agent-panel { --fb-color-accent: rgb(0, 80, 115); --fb-font-size: 13px; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      expect(accept().backgroundColor).to.equal('rgb(0, 80, 115)');
      expect(getComputedStyle(h.element).fontSize).to.equal('13px');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('puts the degraded state and problems up front', async () => {
    const h = await panel(
      view({
        blending: snapshot({ degraded: { kind: 'finesse-down' } }),
        problems: [
          { id: 'chat', severity: 'warning', cause: { kind: 'chat-reconnecting' } },
          { id: 'degraded', severity: 'error', cause: { kind: 'holding', hold: { kind: 'finesse-down' } } },
        ],
      }),
    );
    expect(h.headline()).to.equal('Holding still: Finesse is out of service on both nodes');
    expect(h.problems()[0]).to.equal(
      'Finesse is out of service on both nodes: no new chats until it is back; your chats continue.',
    );
  });

  it('shows offers and conversations; an observer window cannot answer them', async () => {
    const h = await panel(
      view({
        offers: [offerView()],
        conversations: [conversation()],
        ownership: { role: 'observer', message: null, confirm: null, pending: false },
      }),
    );
    expect(h.offerCount()).to.equal(1);
    const card = h.find('fb-chat-offer');
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(card.shadowRoot?.querySelector<HTMLButtonElement>('button.accept')?.disabled).to.equal(true);
  });

  it('gives its clock to the offer cards by context: they count down with the container tick', async () => {
    const h = await panel(view({ offers: [offerView({ expiresAt: 12_000 })] }));
    const ticker = new ManualTicker(0);
    h.element.ticker = ticker;
    const card = new ChatOfferCardHarness(h.find<ChatOfferCard>('fb-chat-offer'));
    await card.settled();
    expect(ticker.subscribers, 'the offer card and the conversation list').to.equal(2);
    expect(card.countdown()).to.equal('Expires in 12 s');
    ticker.advance(2_000);
    await card.settled();
    expect(card.countdown()).to.equal('Expires in 10 s');
  });

  it("an offer keeps its card when an earlier offer goes, so focus never lands on another chat's Accept", async () => {
    const [first, second] = [offerView({ chatId: 'c1' }), offerView({ chatId: 'c2', customerName: 'Sam Roe' })];
    const h = await panel(view({ offers: [first, second] }));
    h.root.querySelectorAll<ChatOfferCard>('fb-chat-offer')[1]?.setAttribute('data-shown', 'c2');
    h.element.view = view({ offers: [second] });
    await h.settled();
    const card = h.find<ChatOfferCard>('fb-chat-offer');
    expect(card.offer?.offer.chatId).to.equal('c2');
    expect(card.getAttribute('data-shown'), 'the element that showed c2 is the one still showing it').to.equal('c2');
  });
});
