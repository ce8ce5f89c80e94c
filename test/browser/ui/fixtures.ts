// Values the UI tests render: offers, conversations and blending snapshots in the shapes boot hands down.
import type { ChatMessage, ChatOffer } from '../../../src/core/chat/chat-channel.ts';
import type { OfferView } from '../../../src/ui/agent-view.ts';

export { agentView, conversation, snapshot } from '../../fixtures/agent-view.ts';

/** Customer text that would become markup (and run script) if anything rendered it as HTML. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b> & "quotes"';

export function offerView(over: Partial<ChatOffer> = {}, progress: OfferView['progress'] = 'new'): OfferView {
  return {
    offer: {
      chatId: 'c1',
      customerName: 'Jane Doe',
      context: [
        { name: 'name', label: 'Name', value: 'Jane Doe' },
        { name: 'question', label: 'Question', value: 'Where is my order?' },
      ],
      offeredAt: 0,
      expiresAt: 30_000,
      transferredFrom: null,
      ...over,
    },
    progress,
  };
}

export function message(id: string, sender: ChatMessage['sender'], text: string, pending = false): ChatMessage {
  return {
    id,
    chatId: 'c1',
    sender,
    senderName: sender === 'customer' ? 'Jane Doe' : sender === 'system' ? 'System' : 'agent1',
    text,
    at: new Date(2025, 0, 1, 10, 15).getTime(),
    pending,
  };
}
