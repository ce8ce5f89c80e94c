// The customer's exchange with the router (docs/xmpp-chat-profile.md): the chat request with the pre-chat form, the
// router's `<queued/>` answer, and queue position updates. Only the chat service speaks it (the gadget never does), so
// both ends are here in one file, where they cannot drift apart; the customer page imports it from the router.
import { $build, $iq, $msg, type Builder } from 'strophe.js';
import type { ChatContextField } from '../../src/core/chat/chat-channel.ts';
import { buildDataForm, readChildForm } from '../../src/core/chat/xmpp/data-form.ts';
import { attr, childElement } from '../../src/core/chat/xmpp/dom-read.ts';
import { NS_CHAT, PRECHAT_FORM_TYPE } from '../../src/core/chat/xmpp/namespaces.ts';

/** The customer's request for a chat, with the pre-chat form (name, question, ...) and the queue chosen, if any. */
export function chatRequestIq(
  router: string,
  fields: readonly ChatContextField[],
  queue: string | null = null,
): Builder {
  const attrs: Record<string, string> = { xmlns: NS_CHAT };
  if (queue) attrs['queue'] = queue;
  return $iq({ type: 'set', to: router })
    .c('request', attrs)
    .cnode(buildDataForm('submit', PRECHAT_FORM_TYPE, fields).tree());
}

export function readChatRequest(iq: Element): ChatContextField[] | null {
  const el = childElement(iq, 'request', NS_CHAT);
  return el ? readChildForm(el) : null;
}

/** The queue a chat request names (its `queue` attribute), or null for the default queue. */
export function readRequestedQueue(iq: Element): string | null {
  const el = childElement(iq, 'request', NS_CHAT);
  return (el && attr(el, 'queue')) || null;
}

/** The router's answer to a chat request: the chat's id, its room, the place in the queue and the resume secret. */
export function queuedElement(chatId: string, room: string, position: number, secret: string): Builder {
  return $build('queued', { xmlns: NS_CHAT, chat: chatId, room, position: String(position), secret });
}

export interface Queued {
  readonly chatId: string;
  readonly room: string;
  readonly position: number;
  /** What the customer shows the router to resume the chat from a new session (section 3.1); null from an older router. */
  readonly secret: string | null;
}

export function readQueued(iq: Element): Queued | null {
  const el = childElement(iq, 'queued', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  const room = el && attr(el, 'room');
  if (!el || !chatId || !room) return null;
  return { chatId, room, position: Number(attr(el, 'position') ?? '0') || 0, secret: attr(el, 'secret') };
}

// ---- resuming a chat from a new session (docs/xmpp-chat-profile.md section 3.1) ----

/** The customer, on a new anonymous session, asks to continue its chat. */
export function resumeIq(router: string, chatId: string, secret: string): Builder {
  return $iq({ type: 'set', to: router }).c('resume', { xmlns: NS_CHAT, chat: chatId, secret });
}

export function readResume(iq: Element): { chatId: string; secret: string } | null {
  const el = childElement(iq, 'resume', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  const secret = el && attr(el, 'secret');
  return el && chatId && secret ? { chatId, secret } : null;
}

/** Where a resumed chat stands: waiting in the queue, or with an agent. */
export type ResumedStatus = 'queued' | 'assigned';

/** The router's answer to a resume: the room to re-join, and the place in the queue (0 once with an agent). */
export function resumedElement(chatId: string, room: string, status: ResumedStatus, position: number): Builder {
  return $build('resumed', { xmlns: NS_CHAT, chat: chatId, room, status, position: String(position) });
}

export function readResumed(
  iq: Element,
): { chatId: string; room: string; status: ResumedStatus; position: number } | null {
  const el = childElement(iq, 'resumed', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  const room = el && attr(el, 'room');
  const status = el && attr(el, 'status');
  if (!el || !chatId || !room || (status !== 'queued' && status !== 'assigned')) return null;
  return { chatId, room, status, position: Number(attr(el, 'position') ?? '0') || 0 };
}

/** Queue position update to the customer (0: an agent is being connected). */
export function queuePositionMessage(customerFullJid: string, chatId: string, position: number, text: string): Builder {
  return $msg({ to: customerFullJid, type: 'normal' })
    .c('queue', { xmlns: NS_CHAT, chat: chatId, position: String(position) })
    .up()
    .c('body')
    .t(text);
}

export function readQueuePosition(message: Element): { chatId: string; position: number } | null {
  const el = childElement(message, 'queue', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  if (!el || !chatId) return null;
  const position = Number(attr(el, 'position'));
  return Number.isInteger(position) && position >= 0 ? { chatId, position } : null;
}
