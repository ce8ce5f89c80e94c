// The blended state in plain words for the header strip: what the agent is doing, why, and the raw states.
import type { BlendingSnapshot } from '../core/blending/reconciler.ts';
import { t } from './messages.ts';

export interface Headline {
  /** "Ready for calls and chats", "On a call: chats paused", "Handling 2 of 5 chats: Not Ready for calls". */
  readonly text: string;
  /** The newest reason the gadget gave (from the decision log), else the chat availability's reason. */
  readonly reason: string;
  /** The states behind it: "Voice NOT_READY · Chat ACTIVE 2/5". */
  readonly detail: string;
  readonly tone: 'ready' | 'busy' | 'paused' | 'off' | 'degraded';
}

/** Says what blending is doing, in words an agent reads at a glance. */
export function blendHeadline(snapshot: BlendingSnapshot | null): Headline {
  if (snapshot === null || snapshot.voice === null) {
    return { text: t('state.starting'), reason: '', detail: '', tone: 'off' };
  }
  const { chat, voice } = snapshot;
  const count = chat.activeChats;
  const max = chat.maxChats;
  const newest = snapshot.log.at(-1);
  const reason = newest?.reason ?? chat.reason;
  const pending = voice.pendingState !== null ? t('state.pending', { state: voice.pendingState }) : '';
  const detail = t('state.detail', { voice: `${voice.state}${pending}`, chat: chat.availability, count, max });
  const label = voice.reasonCode?.label.trim() || (voice.reasonCodeId !== null ? `reason ${voice.reasonCodeId}` : 'no reason');
  const line = (text: string, tone: Headline['tone']): Headline => ({ text, reason, detail, tone });

  if (snapshot.degraded !== null) return line(t('state.holding', { reason: snapshot.degraded }), 'degraded');
  if (voice.state === 'LOGOUT') return line(t('state.signedOut'), 'off');
  switch (chat.availability) {
    case 'READY':
      return line(t('state.readyBoth'), 'ready');
    case 'INTERRUPTED':
      return line(t('state.onCall'), 'paused');
    case 'ACTIVE':
      return line(t('state.handling', { count, max }), 'busy');
    case 'BUSY':
      return line(t('state.full', { count, max }), 'busy');
    case 'NOT_READY':
      if (voice.state !== 'NOT_READY') return line(chat.reason, 'paused');
      return line(count > 0 ? t('state.notReadyChats', { reason: label, count }) : t('state.notReady', { reason: label }), 'off');
    case 'OFFLINE':
      return line(t('state.offline'), 'off');
  }
}
