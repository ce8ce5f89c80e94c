import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ConversationTabs } from '../../../src/ui/conversation-tabs.ts';
import { defineElements } from '../../../src/ui/define.ts';
import { Harness, recordEvents } from './harness/harness.ts';
import { conversation } from './fixtures.ts';

defineElements();
customElements.define('test-conversation-tabs', class extends ConversationTabs {});

const two = [
  conversation({ chatId: 'a', customerName: 'Ann' }),
  conversation({ chatId: 'b', customerName: 'Bob', unread: 3 }),
];

describe('conversation tabs', () => {
  it('one tab per chat; unread counts on the chats not shown', async () => {
    const el = await fixture<ConversationTabs>(
      html`<test-conversation-tabs .conversations=${two}></test-conversation-tabs>`,
    );
    const h = new Harness(el);
    const tabs = [...h.root.querySelectorAll('[role="tab"]')].map((tab) => ({
      name: tab.querySelector('.name')?.textContent,
      badge: tab.querySelector('.unread')?.textContent ?? null,
      said: tab.querySelector('.visually-hidden')?.textContent ?? null,
    }));
    expect(tabs).to.deep.equal([
      { name: 'Ann', badge: null, said: null },
      { name: 'Bob', badge: '3', said: '3 unread messages' },
    ]);
  });

  it('showing a chat with unread messages marks it read; arrow keys move between tabs', async () => {
    const el = await fixture<ConversationTabs>(
      html`<test-conversation-tabs .conversations=${two}></test-conversation-tabs>`,
    );
    const events = recordEvents(el, ['chat-read']);
    const h = new Harness(el);
    h.find('[role="tab"][aria-selected="true"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(h.find('[role="tab"][aria-selected="true"]').textContent).to.contain('Bob');
    expect(events).to.deep.equal([{ name: 'chat-read', detail: { chatId: 'b' } }]);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(h.find('[role="tab"][aria-selected="true"]').textContent).to.contain('Ann');
  });
});
