import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ConversationPane } from '../../../src/ui/conversation-pane.ts';
import { ConversationPaneHarness } from './harness/conversation-pane-harness.ts';
import { recordEvents } from './harness/harness.ts';
import { HOSTILE, conversation, message } from './fixtures.ts';
import { setLanguage } from '../../../src/ui/messages.ts';

customElements.define('test-conversation', ConversationPane);

async function pane(view = conversation(), chatStatus = 'online') {
  const el = await fixture<ConversationPane>(
    html`<test-conversation .conversation=${view} chat-status=${chatStatus}></test-conversation>`,
  );
  return {
    h: new ConversationPaneHarness(el),
    events: recordEvents(el, ['chat-send', 'chat-typing', 'chat-end', 'chat-transfer', 'chat-dismiss']),
  };
}

describe('conversation pane', () => {
  // Times follow the agent's locale, chosen once for the gadget: British English writes 24-hour times.
  before(() => setLanguage({ lang: 'en', locale: 'en-GB' }));
  after(() => setLanguage({ lang: 'en', locale: 'en' }));

  it('shows the transcript in order with who said it and when, and system lines', async () => {
    const { h } = await pane(
      conversation({
        transcript: [
          message('1', 'customer', 'Where is my order?'),
          message('2', 'self', 'Let me look.'),
          message('3', 'system', 'Customer left'),
        ],
      }),
    );
    expect(h.lines()).to.deep.equal([
      ['customer', 'Jane Doe · 10:15 Where is my order?'],
      ['self', 'You · 10:15 Let me look.'],
      ['system', 'Customer left 10:15'],
    ]);
  });

  it('Enter sends the message; Shift+Enter adds a new line instead', async () => {
    const { h, events } = await pane();
    h.composer.focus();
    await sendKeys({ type: 'first line' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    expect(events.filter((e) => e.name === 'chat-send')).to.deep.equal([]);
    expect(h.composer.value).to.equal('first line\nsecond line');
    await sendKeys({ press: 'Enter' });
    expect(events.filter((e) => e.name === 'chat-send')).to.deep.equal([
      { name: 'chat-send', detail: { chatId: 'c1', text: 'first line\nsecond line' } },
    ]);
    expect(h.composer.value).to.equal('');
  });

  it('Enter on an empty composer sends nothing; typing tells the customer once, not per key', async () => {
    const { h, events } = await pane();
    h.composer.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'abc' });
    expect(events).to.deep.equal([{ name: 'chat-typing', detail: { chatId: 'c1', state: 'composing' } }]);
  });

  it('each message keeps its own line element when an earlier one goes or a new one arrives', async () => {
    const [one, two, three] = [
      message('1', 'customer', 'first'),
      message('2', 'customer', 'second'),
      message('3', 'self', 'third'),
    ];
    const { h } = await pane(conversation({ transcript: [one, two, three] }));
    const second = h.line('2');
    const third = h.line('3');

    h.element.conversation = conversation({ transcript: [two, three] });
    await h.settled();
    expect(h.line('2')).to.equal(second);
    expect(h.line('3')).to.equal(third);
    expect(second.textContent).to.contain('second');

    h.element.conversation = conversation({ transcript: [two, three, message('4', 'customer', 'fourth')] });
    await h.settled();
    expect(h.line('2')).to.equal(second);
    expect(h.line('3')).to.equal(third);
    expect(h.lines().map(([, text]) => text.split(' ').at(-1))).to.deep.equal(['second', 'third', 'fourth']);
  });

  it('messages not yet confirmed show as pending', async () => {
    const { h } = await pane(
      conversation({ transcript: [message('1', 'self', 'on its way', true), message('2', 'self', 'arrived')] }),
    );
    const [first, second] = h.lines();
    expect(first?.[0]).to.equal('self pending');
    expect(first?.[1]).to.contain('sending…');
    expect(second?.[0]).to.equal('self');
    expect(second?.[1]).not.to.contain('sending…');
  });

  it('while chat is offline the composer is disabled and says why', async () => {
    const { h } = await pane(conversation(), 'offline');
    expect(h.composer.disabled).to.equal(true);
    expect(h.sendButton.disabled).to.equal(true);
    expect(h.blockedReason()).to.contain('The chat server is not connected');
  });

  it('while chat reconnects the agent may still write: messages go out when it is back', async () => {
    const { h } = await pane(conversation(), 'reconnecting');
    expect(h.composer.disabled).to.equal(false);
    expect(h.text()).to.contain('messages you send now go out when it is back');
  });

  it('End chat and Back to queue send their intents', async () => {
    const { h, events } = await pane();
    h.endButton.click();
    h.transferButton.click();
    expect(events.map((e) => e.name)).to.deep.equal(['chat-end', 'chat-transfer']);
  });

  it("lists the router's other queues by name in the transfer menu; Transfer sends the chosen queue", async () => {
    const queues = [
      { id: 'sales', name: 'Sales' },
      { id: 'vip', name: 'VIP <Gold>' },
    ];
    const { h, events } = await pane(conversation({ transferQueues: queues }));
    expect(h.queueChoices()).to.deep.equal([
      ['', 'Choose a queue…'],
      ['sales', 'Sales'],
      ['vip', 'VIP <Gold>'],
    ]);
    expect(h.queueMenu?.getAttribute('aria-label')).to.equal('Transfer to another queue');
    expect(h.queueTransferButton.disabled).to.equal(true, 'nothing chosen yet');
    await h.pickQueue('vip');
    expect(h.queueTransferButton.disabled).to.equal(false);
    h.queueTransferButton.click();
    await h.settled();
    expect(events).to.deep.equal([{ name: 'chat-transfer', detail: { chatId: 'c1', queueId: 'vip' } }]);
    expect(h.queueMenu?.value).to.equal('', 'the menu is reset after a transfer');
    // Back to queue is still there and still means the chat's own queue.
    h.transferButton.click();
    expect(events.at(-1)).to.deep.equal({ name: 'chat-transfer', detail: { chatId: 'c1' } });
  });

  it('with a router that lists no queues there is no queue menu, only Back to queue (as before)', async () => {
    const { h } = await pane(conversation());
    expect(h.queueMenu).to.equal(null);
    expect(h.has('button.transfer')).to.equal(true);
  });

  it('the queue menu speaks the agent language', async () => {
    setLanguage({ lang: 'de', locale: 'de-DE' });
    try {
      const { h } = await pane(conversation({ transferQueues: [{ id: 'sales', name: 'Sales' }] }));
      expect(h.queueChoices()[0]).to.deep.equal(['', 'Warteschlange wählen…']);
      expect(h.queueTransferButton.textContent?.trim()).to.equal('Weiterleiten');
    } finally {
      setLanguage({ lang: 'en', locale: 'en-GB' });
    }
  });

  it('shows the customer typing, and once the chat is closed only a Close button', async () => {
    const { h } = await pane(conversation({ customerTyping: 'composing' }));
    expect(h.typing()).to.equal('Jane Doe is typing…');
    h.element.conversation = conversation({ closed: 'ended-by-customer' });
    await h.settled();
    expect(h.text()).to.contain('The customer ended the chat.');
    expect(h.has('textarea')).to.equal(false);
    expect(h.has('button.dismiss')).to.equal(true);
  });

  it('hostile customer text stays text in the transcript: no element is created from it', async () => {
    const { h } = await pane(conversation({ customerName: HOSTILE, transcript: [message('1', 'customer', HOSTILE)] }));
    expect(h.bubbles()[0]?.textContent).to.equal(HOSTILE);
    expect(h.bubbles()[0]?.children.length).to.equal(0);
    expect(h.root.querySelectorAll('img, script, b').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
