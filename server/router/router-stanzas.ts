// The router's half of the chat profile (docs/xmpp-chat-profile.md): what only the router builds (offers, revokes,
// answers, assignment lists, room notices) and reads (availability, agents' requests). The gadget's half is
// src/core/chat/xmpp/profile/agent-side.ts; both use profile/shared.ts, so they cannot disagree. It lives here, not
// in the product, because the gadget never sends or reads these. Readers return null for anything malformed.
import { $build, $iq, $msg, type Builder } from 'strophe.js';
import {
  CHAT_AVAILABILITIES,
  type AvailabilityReport,
  type ChatAvailability,
  type TransferQueue,
} from '../../src/core/chat/chat-channel.ts';
import { buildDataForm } from '../../src/core/chat/xmpp/data-form.ts';
import { attr, childElement, childInNamespace, childText } from '../../src/core/chat/xmpp/dom-read.ts';
import { NS_CHAT, NS_SID, PRECHAT_FORM_TYPE } from '../../src/core/chat/xmpp/namespaces.ts';
import {
  agentDisplayName,
  customerAttrs,
  type AgentRequest,
  type AssignmentList,
  type Notice,
  type OfferPayload,
  type RevokeReason,
} from '../../src/core/chat/xmpp/profile/shared.ts';

// ---- availability (agent -> router, directed presence) ----

/** Reads `<availability/>` from a presence; an unavailable presence without one reads as OFFLINE. */
export function readAvailability(presence: Element): AvailabilityReport | null {
  const el = childElement(presence, 'availability', NS_CHAT);
  if (!el) return presence.getAttribute('type') === 'unavailable' ? { state: 'OFFLINE', active: 0, max: 0 } : null;
  const state = attr(el, 'state');
  if (!state || !(CHAT_AVAILABILITIES as readonly string[]).includes(state)) return null;
  const active = wholeNumber(attr(el, 'active'));
  const max = wholeNumber(attr(el, 'max'));
  if (active === null || max === null) return null;
  const offline = presence.getAttribute('type') === 'unavailable';
  return { state: offline ? 'OFFLINE' : (state as ChatAvailability), active, max };
}

/** The name customers see for the agent (its first name) from `<availability name="…"/>`, or null. */
export function readAgentName(presence: Element): string | null {
  const el = childElement(presence, 'availability', NS_CHAT);
  return el ? agentDisplayName(attr(el, 'name')) : null;
}

function wholeNumber(text: string | null): number | null {
  if (text === null || !/^\d{1,4}$/.test(text)) return null;
  return Number(text);
}

// ---- offers and revokes (router -> agent, IQ set) ----

/** `<offer/>` to the agent's full JID. */
export function offerIq(agentFullJid: string, offer: OfferPayload): Builder {
  const attrs: Record<string, string> = {
    xmlns: NS_CHAT,
    chat: offer.chatId,
    expires: new Date(offer.expiresAt).toISOString(),
  };
  if (offer.transferredFrom) attrs['transfer-from'] = offer.transferredFrom;
  if (offer.queue) attrs['queue'] = offer.queue;
  return $iq({ type: 'set', to: agentFullJid })
    .c('offer', attrs)
    .c('customer', customerAttrs(offer))
    .up()
    .cnode(buildDataForm('result', PRECHAT_FORM_TYPE, offer.context).tree());
}

/** `<revoke/>`: the router takes back an offer, or an assigned chat, from the agent. */
export function revokeIq(agentFullJid: string, chatId: string, reason: RevokeReason): Builder {
  return $iq({ type: 'set', to: agentFullJid }).c('revoke', { xmlns: NS_CHAT, chat: chatId, reason });
}

// ---- requests (agent -> router; `end` also from a customer) ----

/** Reads an agent's (or, for `end`, a customer's) request to the router. */
export function readAgentRequest(iq: Element): AgentRequest | null {
  const el = childInNamespace(iq, NS_CHAT);
  const chatId = el && attr(el, 'chat');
  if (!el || !chatId) return null;
  switch (el.localName ?? el.nodeName) {
    case 'accept':
      return { kind: 'accept', chatId };
    case 'decline':
      return { kind: 'decline', chatId, reason: childText(el, 'reason') };
    case 'end':
      return { kind: 'end', chatId };
    case 'transfer': {
      const agent = childElement(el, 'agent');
      const agentId = agent && attr(agent, 'id');
      if (agentId) return { kind: 'transfer', chatId, target: { kind: 'agent', agentId } };
      const queue = childElement(el, 'queue');
      const queueId = queue && attr(queue, 'id');
      return { kind: 'transfer', chatId, target: queueId ? { kind: 'queue', queueId } : { kind: 'queue' } };
    }
    default:
      return null;
  }
}

/** The router's answer to an accept: where the conversation is. */
export function assignedElement(chatId: string, room: string): Builder {
  return $build('assigned', { xmlns: NS_CHAT, chat: chatId, room });
}

/** The answer to an agent's assignments query, listing the router's queues (the agent's transfer targets) last. */
export function assignmentsElement(list: AssignmentList, queues: readonly TransferQueue[] = []): Builder {
  const el = $build('assignments', { xmlns: NS_CHAT });
  const entry = (name: 'chat' | 'offer', p: OfferPayload, room: string | null): void => {
    const attrs: Record<string, string> = { chat: p.chatId, expires: new Date(p.expiresAt).toISOString() };
    if (room) attrs['room'] = room;
    if (p.transferredFrom) attrs['transfer-from'] = p.transferredFrom;
    if (p.queue) attrs['queue'] = p.queue;
    el.c(name, attrs).c('customer', customerAttrs(p)).up();
    el.cnode(buildDataForm('result', PRECHAT_FORM_TYPE, p.context).tree())
      .up()
      .up();
  };
  for (const chat of list.chats) entry('chat', chat, chat.room);
  for (const offer of list.offers) entry('offer', offer, null);
  for (const queue of queues) el.c('queue', { id: queue.id, name: queue.name }).up();
  return el;
}

// ---- room notices (router -> room, groupchat) ----

/** A system line in the conversation, archived with it; `text` is what a plain client shows. */
export function noticeMessage(room: string, id: string, notice: Notice, text: string): Builder {
  const attrs: Record<string, string> = { xmlns: NS_CHAT, type: notice.type };
  if (notice.by) attrs['by'] = notice.by;
  if (notice.reason) attrs['reason'] = notice.reason;
  return $msg({ to: room, type: 'groupchat', id })
    .c('body')
    .t(text)
    .up()
    .c('notice', attrs)
    .up()
    .c('origin-id', { xmlns: NS_SID, id });
}
