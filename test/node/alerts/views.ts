// Agent views for the header channel and offer alert tests: the shapes the session hands the boot adapters.
import type { OfferView } from '../../../src/app/agent-view.ts';

export { agentView, blending } from '../../fixtures/agent-view.ts';

export function offerView(chatId: string, expiresAt: number, progress: OfferView['progress'] = 'new'): OfferView {
  return {
    offer: {
      chatId,
      customerName: `Customer ${chatId}`,
      context: [
        { name: 'name', label: 'Name', value: `Customer ${chatId}` },
        { name: 'queue', label: 'Queue', value: 'Billing' },
        { name: 'question', label: 'Question', value: 'Where is my <b>order</b>?' },
      ],
      offeredAt: 0,
      expiresAt,
      transferredFrom: null,
    },
    progress,
  };
}
