// The gadget by keyboard and by screen reader: the offer shortcuts, the conversations as a tablist, where the focus
// goes when an offer is accepted or a chat ends or is closed, safe links in customer text, and the one polite live
// region (a new offer and a new customer message said once, never again on a re-render or a tick).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AgentPanel } from '../../../src/ui/agent-panel.ts';
import type { ConversationTabs } from '../../../src/ui/conversation-tabs.ts';
import type { ConversationPane } from '../../../src/ui/conversation-pane.ts';
import { defineElements } from '../../../src/ui/define.ts';
import type { AgentView, ConversationView } from '../../../src/ui/agent-view.ts';
import { ManualTicker, recordEvents } from './harness/harness.ts';
import { agentView as view, conversation, message, offerView } from './fixtures.ts';

defineElements();
customElements.define('test-a11y-panel', class extends AgentPanel {});

const chat = (chatId: string, customerName: string, over: Partial<ConversationView> = {}): ConversationView =>
  conversation({ chatId, customerName, ...over });

async function altKey(code: string): Promise<void> {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: code });
  await sendKeys({ up: 'Alt' });
}

/** The focused element, through every shadow root. */
function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="log"]';

async function mount(v: AgentView) {
  const el = await fixture<AgentPanel>(html`<test-a11y-panel .view=${v}></test-a11y-panel>`);
  el.ticker = new ManualTicker(Date.UTC(2025, 0, 1, 10, 15, 30));
  await el.updateComplete;
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const tabs = (): ConversationTabs => {
    const t = root.querySelector('fb-conversation-tabs');
    if (!t) throw new Error('no conversation list');
    return t;
  };
  const pane = (): ConversationPane => {
    const p = tabs().shadowRoot?.querySelector('fb-conversation');
    if (!p) throw new Error('no conversation');
    return p;
  };
  const settle = async (): Promise<void> => {
    await el.updateComplete;
    await tabs().updateComplete;
    await pane().updateComplete;
    await el.updateComplete;
  };
  return {
    el,
    tabs,
    pane,
    settle,
    /** The live regions in the panel (there must be one) and what the one says. */
    regions: () => [...root.querySelectorAll(LIVE)],
    said: () => (root.querySelector('[aria-live="polite"]')?.textContent ?? '').trim(),
    async set(v: AgentView) {
      el.view = v;
      await settle();
    },
  };
}

describe('keyboard: offer shortcuts', () => {
  it('Alt+A accepts and Alt+D declines the oldest offer not answered yet, even from the composer', async () => {
    const first = offerView({ chatId: 'o1', customerName: 'Ann' });
    const second = offerView({ chatId: 'o2', customerName: 'Bob' });
    const p = await mount(view({ offers: [first, second], conversations: [chat('c1', 'Cy')] }));
    const events = recordEvents(p.el, ['offer-accept', 'offer-decline']);
    p.pane().focusComposer();
    await altKey('KeyA');
    await p.set(view({ offers: [{ ...first, progress: 'reserving' }, second], conversations: [chat('c1', 'Cy')] }));
    await altKey('KeyD');
    expect(events).to.deep.equal([
      { name: 'offer-accept', detail: { chatId: 'o1' } },
      { name: 'offer-decline', detail: { chatId: 'o2' } },
    ]);
    expect(p.pane().shadowRoot?.querySelector('textarea')?.value, 'nothing typed into the composer').to.equal('');
  });

  it('the shortcuts are shown and declared on the buttons of the offer they answer; A and D work on a focused card', async () => {
    const p = await mount(view({ offers: [offerView({ chatId: 'o1' })] }));
    expect(p.el.shadowRoot?.querySelector('.shortcuts')?.textContent).to.equal('Alt+A accepts, Alt+D declines');
    const card = p.el.shadowRoot?.querySelector('fb-chat-offer');
    await card?.updateComplete;
    const accept = card?.shadowRoot?.querySelector<HTMLButtonElement>('button.accept');
    expect(accept?.getAttribute('aria-keyshortcuts')).to.equal('Alt+A A');
    expect(card?.shadowRoot?.querySelector('button.decline')?.getAttribute('aria-keyshortcuts')).to.equal('Alt+D D');
    const events = recordEvents(p.el, ['offer-decline']);
    accept?.focus();
    await sendKeys({ press: 'd' });
    expect(events).to.deep.equal([{ name: 'offer-decline', detail: { chatId: 'o1' } }]);
  });

  it('an observer window has no shortcuts', async () => {
    const p = await mount(
      view({
        offers: [offerView({ chatId: 'o1' })],
        ownership: { role: 'observer', message: null, confirm: null, pending: false },
      }),
    );
    const events = recordEvents(p.el, ['offer-accept']);
    p.el.shadowRoot?.querySelector<HTMLElement>('fb-decision-log')?.shadowRoot?.querySelector('summary')?.focus();
    await altKey('KeyA');
    expect(events).to.deep.equal([]);
  });
});

describe('keyboard: focus follows the work', () => {
  it('after Accept, the new conversation is shown with the focus in its composer', async () => {
    const offer = offerView({ chatId: 'c2', customerName: 'Bob' });
    const p = await mount(view({ offers: [offer], conversations: [chat('c1', 'Ann')] }));
    const card = p.el.shadowRoot?.querySelector('fb-chat-offer');
    await card?.updateComplete;
    card?.shadowRoot?.querySelector<HTMLButtonElement>('button.accept')?.click();
    await p.set(view({ offers: [{ ...offer, progress: 'accepting' }], conversations: [chat('c1', 'Ann')] }));
    await p.set(view({ conversations: [chat('c1', 'Ann'), chat('c2', 'Bob')] }));
    await new Promise((r) => setTimeout(r, 0));
    await p.settle();
    expect(p.tabs().current?.chatId).to.equal('c2');
    const active = deepActive();
    expect(active?.localName).to.equal('textarea');
    expect(active?.getAttribute('aria-label')).to.equal('Message to Bob');
  });

  it('when the agent ends a chat, the focus stays in it, on Close; closing it moves the focus to the next tab', async () => {
    const p = await mount(view({ conversations: [chat('c1', 'Ann'), chat('c2', 'Bob')] }));
    p.pane().shadowRoot?.querySelector<HTMLButtonElement>('button.end')?.focus();
    await p.set(
      view({ conversations: [chat('c1', 'Ann', { closed: 'ended-by-agent', closedAt: 1 }), chat('c2', 'Bob')] }),
    );
    expect(deepActive()?.className).to.equal('dismiss');
    expect(p.pane().shadowRoot?.textContent).to.contain('You ended the chat.');
    (deepActive() as HTMLButtonElement).click();
    await p.set(view({ conversations: [chat('c2', 'Bob')] }));
    expect(deepActive()?.getAttribute('data-chat')).to.equal('c2');
  });
});

describe('keyboard: the conversations are a tablist', () => {
  it('one tab in the tab order; arrows, Home and End move and select', async () => {
    const list = ['a', 'b', 'c', 'd'].map((id) => chat(id, id.toUpperCase()));
    const p = await mount(view({ conversations: list }));
    const tabs = () => [...(p.tabs().shadowRoot?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])];
    const selected = () => tabs().find((t) => t.getAttribute('aria-selected') === 'true')?.dataset['chat'];
    expect(p.tabs().shadowRoot?.querySelector('[role="tablist"]')?.getAttribute('aria-orientation')).to.equal(
      'vertical',
    );
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    tabs()[0]?.focus();
    for (const [key, expected] of [
      ['ArrowDown', 'b'],
      ['End', 'd'],
      ['ArrowDown', 'a'],
      ['ArrowUp', 'd'],
      ['Home', 'a'],
      ['ArrowRight', 'b'],
    ] as const) {
      await sendKeys({ press: key });
      await p.settle();
      expect(selected(), key).to.equal(expected);
      expect((deepActive() as HTMLElement | null)?.dataset['chat'], key).to.equal(expected);
      expect(tabs().filter((t) => t.tabIndex === 0).length).to.equal(1);
    }
  });

  it('each entry shows the waiting time since the unanswered customer message, ticking; ended and unread too', async () => {
    const at = Date.UTC(2025, 0, 1, 10, 15, 0);
    const asked = { ...message('m1', 'customer', 'Hello?'), at };
    const answered = { ...message('m2', 'self', 'Hi!'), at: at + 1000 };
    const p = await mount(
      view({
        conversations: [
          chat('a', 'Ann', { transcript: [asked] }),
          chat('b', 'Bob', { transcript: [asked, answered], unread: 2 }),
          chat('c', 'Cy', { closed: 'ended-by-customer', closedAt: at }),
        ],
      }),
    );
    const meta = () =>
      [...(p.tabs().shadowRoot?.querySelectorAll('[role="tab"]') ?? [])].map((t) =>
        (t.textContent ?? '').replace(/\s+/g, ' ').trim(),
      );
    expect(meta()).to.deep.equal(['Ann waiting 0:30', 'Bob 22 unread messages', 'Cy ended']);
    (p.el.ticker as ManualTicker).advance(61_000);
    await p.settle();
    expect(meta()[0]).to.equal('Ann waiting 1:31');
  });
});

describe('customer text', () => {
  it('http(s) addresses are links that open in a new tab without the opener; anything else stays text', async () => {
    const text = 'see https://example.com/a. or javascript:alert(1) <a href="javascript:alert(1)">x</a>';
    const p = await mount(
      view({ conversations: [chat('c1', 'Ann', { transcript: [message('m1', 'customer', text)] })] }),
    );
    const links = [...(p.pane().shadowRoot?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => [a.getAttribute('href'), a.target, a.rel])).to.deep.equal([
      ['https://example.com/a', '_blank', 'noopener noreferrer'],
    ]);
    expect(p.pane().shadowRoot?.querySelector('.bubble')?.textContent).to.contain(
      '<a href="javascript:alert(1)">x</a>',
    );
  });
});

describe('the live region', () => {
  it('the panel has one live region; none of its parts has its own', async () => {
    const p = await mount(
      view({
        offers: [offerView({ chatId: 'o1' })],
        conversations: [chat('c1', 'Ann', { customerTyping: 'composing' })],
      }),
    );
    expect(p.regions().length).to.equal(1);
    const parts = ['fb-blend-status', 'fb-chat-offer', 'fb-conversation-tabs'].map(
      (tag) => p.el.shadowRoot?.querySelector(tag)?.shadowRoot?.querySelectorAll(LIVE).length,
    );
    expect(parts).to.deep.equal([0, 0, 0]);
    expect(p.pane().shadowRoot?.querySelectorAll(LIVE).length).to.equal(0);
  });

  it('a new offer and a new customer message in the chat on show are said once; not on re-render or tick', async () => {
    const old = message('m1', 'customer', 'Old question');
    const first = view({ conversations: [chat('c1', 'Ann', { transcript: [old] }), chat('c2', 'Bob')] });
    const p = await mount(first);
    expect(p.said(), 'nothing from before is said').to.equal('');

    await p.set(view({ ...first, offers: [offerView({ chatId: 'o1', customerName: 'Dee' })] }));
    expect(p.said()).to.equal('Chat offer from Dee');
    const before = p.said();
    await p.set(view({ ...first, offers: [offerView({ chatId: 'o1', customerName: 'Dee' })] }));
    (p.el.ticker as ManualTicker).advance(1000);
    await p.settle();
    expect(p.said(), 'the same offer again is not news').to.equal(before);

    const fresh = message('m2', 'customer', 'Are you there?');
    const mine = { ...message('m3', 'self', 'Yes'), chatId: 'c1' };
    const other = { ...message('m4', 'customer', 'Hello from Bob'), chatId: 'c2' };
    const next = view({
      conversations: [
        chat('c1', 'Ann', { transcript: [old, fresh, mine] }),
        chat('c2', 'Bob', { transcript: [other] }),
      ],
    });
    await p.set(next);
    expect(p.said()).to.equal('Jane Doe says: Are you there?');

    let changes = 0;
    const observer = new MutationObserver(() => changes++);
    const region = p.regions()[0];
    if (region) observer.observe(region, { childList: true, subtree: true, characterData: true });
    await p.set({ ...next });
    (p.el.ticker as ManualTicker).advance(1000);
    await p.settle();
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(changes, 'a re-render or tick leaves the region alone').to.equal(0);
  });
});

describe('look at 10 chats', () => {
  it('in a 1280 px wide gadget the list keeps its height (scrolling past it) and the composer stays within the first 800 px', async () => {
    const ten = Array.from({ length: 10 }, (_, i) =>
      chat(`c${i}`, `Customer number ${i + 1}`, {
        transcript: [message(`m${i}`, 'customer', `${'A very long line without spaces '.repeat(3)}${'x'.repeat(400)}`)],
        unread: i,
      }),
    );
    const p = await mount(view({ conversations: ten, offers: [offerView({ chatId: 'o1' })] }));
    p.el.style.width = '1280px';
    await p.settle();
    const list = p.tabs().shadowRoot?.querySelector<HTMLElement>('[role="tablist"]');
    expect(list && getComputedStyle(list).overflowY, 'the list scrolls past its height').to.equal('auto');
    expect(list && list.clientHeight).to.be.at.most(430);
    const last = p.tabs().shadowRoot?.querySelector<HTMLElement>('[role="tab"][data-chat="c9"]');
    last?.scrollIntoView();
    expect(last && list && last.getBoundingClientRect().bottom <= list.getBoundingClientRect().bottom + 1).to.equal(
      true,
    );
    const top = p.el.getBoundingClientRect().top;
    const composer = p.pane().shadowRoot?.querySelector('textarea')?.getBoundingClientRect();
    expect(composer && composer.bottom - top).to.be.below(800);
    const bubble = p.pane().shadowRoot?.querySelector<HTMLElement>('.bubble');
    const transcript = p.pane().shadowRoot?.querySelector<HTMLElement>('ol');
    expect(bubble && transcript && bubble.scrollWidth <= transcript.clientWidth, 'long text wraps').to.equal(true);
  });
});
