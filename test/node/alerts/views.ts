// Agent views for the header channel and offer alert tests: the shapes the session hands the boot adapters.
import type { BlendingSnapshot } from '../../../src/core/blending/reconciler.ts';
import type { ChatAvailability } from '../../../src/core/blending/ports.ts';
import type { ChatCause } from '../../../src/core/blending/causes.ts';
import type { AgentView, OfferView } from '../../../src/app/agent-view.ts';

export function blending(
  availability: ChatAvailability,
  cause: ChatCause,
  activeChats = 0,
  over: Partial<BlendingSnapshot> = {},
): BlendingSnapshot {
  return {
    owner: true,
    chat: { availability, activeChats, maxChats: 5, cause },
    chatRule: 'test',
    voice: {
      state: 'READY',
      pendingState: null,
      reasonCodeId: null,
      reasonCode: null,
      setBy: 'agent',
      beforeCall: null,
    },
    offers: [],
    degraded: null,
    voiceRequest: null,
    log: [],
    ...over,
  };
}

export function agentView(over: Partial<AgentView> = {}): AgentView {
  return {
    blending: blending('READY', { kind: 'chat-idle' }),
    ownership: { role: 'owner', message: null, confirm: null, pending: false },
    chatStatus: 'online',
    chatConfigured: true,
    offers: [],
    conversations: [],
    problems: [],
    maxChats: 5,
    chatChoice: 'available',
    blendingOff: false,
    ...over,
  };
}

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
