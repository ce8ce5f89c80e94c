// The blended state in plain words for the header strip: what the agent is doing, why, and the raw states.
import type { BlendingSnapshot } from '../core/blending/reconciler.ts';
import { isMessageKey, plural, t } from './messages.ts';
import { AGENT_CAUSES as say } from './cause-text.ts';

export interface Headline {
  /** "Ready for calls and chats", "On a call: chats paused", "Handling 2 of 5 chats: Not Ready for calls". */
  readonly text: string;
  /** The newest reason the gadget gave (from the decision log), else the chat availability's reason. */
  readonly reason: string;
  /** The states behind it: "Voice NOT_READY · Chat ACTIVE 2/5". */
  readonly detail: string;
  readonly tone: 'ready' | 'busy' | 'paused' | 'off' | 'degraded';
}

/** Voice in words: "Not Ready (Handling Chat)", "Talking"; a state the catalogue does not know, as Finesse named it. */
function voiceWords(state: string, label: string): string {
  if (state === 'NOT_READY') return t('voiceState.NOT_READY.reason', { reason: label });
  const key = `voiceState.${state}`;
  return isMessageKey(key) ? t(key) : state;
}

/**
 * Says what blending is doing, in words an agent reads at a glance. `off`: blending could not start in this window
 * (a configuration problem says why), so the headline says it is off rather than starting.
 */
export function blendHeadline(snapshot: BlendingSnapshot | null, off = false): Headline {
  if (snapshot === null && off) return { text: t('state.off'), reason: '', detail: '', tone: 'off' };
  if (snapshot === null || snapshot.voice === null) {
    return { text: t('state.starting'), reason: '', detail: '', tone: 'off' };
  }
  const { chat, voice } = snapshot;
  const count = chat.activeChats;
  const max = chat.maxChats;
  const newest = snapshot.log.at(-1);
  const reason = newest !== undefined ? say.log(newest.cause) : say.chat(chat.cause);
  const pending = voice.pendingState !== null ? t('state.pending', { state: voice.pendingState }) : '';
  const detail = t('state.detail', { voice: `${voice.state}${pending}`, chat: chat.availability, count, max });
  const label =
    voice.reasonCode?.label.trim() ||
    (voice.reasonCodeId !== null ? t('reason.id', { id: voice.reasonCodeId }) : t('reason.none'));
  const line = (text: string, tone: Headline['tone']): Headline => ({ text, reason, detail, tone });

  if (snapshot.degraded !== null) return line(t('state.holding', { reason: say.hold(snapshot.degraded) }), 'degraded');
  if (voice.state === 'LOGOUT') return line(t('state.signedOut'), 'off');
  // A voice change the gadget could not make: the headline says where voice really is, and the reason line why.
  const failed = newest?.kind === 'voice-failed' || snapshot.voiceRequest?.phase === 'retry-wait';
  switch (chat.availability) {
    case 'READY':
      // Green only when both are true: voice READY and chat available.
      if (voice.state === 'READY') return line(t('state.readyBoth'), 'ready');
      if (failed) return line(t('state.readyChatsVoiceFailed', { voice: voiceWords(voice.state, label) }), 'degraded');
      if (snapshot.voiceRequest?.request.state === 'READY')
        return line(t('state.readyChatsVoiceGoing', { voice: voiceWords(voice.state, label) }), 'paused');
      return line(t('state.readyChatsOnly', { voice: voiceWords(voice.state, label) }), 'paused');
    case 'INTERRUPTED':
      return line(t('state.onCall'), 'paused');
    case 'ACTIVE':
      if (voice.state === 'READY')
        return line(t('state.handlingVoiceReady', { count, max }), failed ? 'degraded' : 'paused');
      return line(t('state.handling', { count, max }), 'busy');
    case 'BUSY':
      if (voice.state === 'READY')
        return line(t('state.handlingVoiceReady', { count, max }), failed ? 'degraded' : 'paused');
      return line(t('state.full', { count, max }), 'busy');
    case 'NOT_READY':
      if (voice.state !== 'NOT_READY') return line(say.chat(chat.cause), 'paused');
      return line(
        count > 0 ? plural('state.notReadyChats', count, { reason: label }) : t('state.notReady', { reason: label }),
        'off',
      );
    case 'OFFLINE':
      return line(t('state.offline'), 'off');
  }
}
