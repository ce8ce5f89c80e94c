// The stanzas of the chat profile (docs/xmpp-chat-profile.md), built and read in one place so the gadget,
// the router and the customer page cannot disagree. Readers return null for anything malformed: a stanza
// from the network is untrusted and never throws.
import { $build, $iq, $msg, $pres, type Builder } from 'strophe.js';
import {
  CHAT_AVAILABILITIES,
  type AvailabilityReport,
  type ChatAvailability,
  type ChatContextField,
  type TransferTarget,
  type TypingState,
} from '../chat-channel.ts';
import { buildDataForm, readChildForm } from './data-form.ts';
import { attr, childElement, childInNamespace, childText } from './dom-read.ts';
import { NS_CHAT, NS_CHATSTATES, NS_HINTS, NS_SID, PRECHAT_FORM_TYPE } from './namespaces.ts';

// ---- availability (agent -> router, directed presence) ----

/** Directed presence carrying the agent's chat availability; OFFLINE is sent as unavailable presence. */
export function availabilityPresence(router: string, report: AvailabilityReport): Builder {
  const attrs: Record<string, string> = report.state === 'OFFLINE' ? { to: router, type: 'unavailable' } : { to: router };
  return $pres(attrs).c('availability', {
    xmlns: NS_CHAT,
    state: report.state,
    active: String(report.active),
    max: String(report.max),
  });
}

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

function wholeNumber(text: string | null): number | null {
  if (text === null || !/^\d{1,4}$/.test(text)) return null;
  return Number(text);
}

// ---- offers (router -> agent, IQ set) ----

export interface OfferPayload {
  readonly chatId: string;
  readonly customerName: string;
  /** The customer's JID, so the agent can tell the customer's lines from another agent's. */
  readonly customerJid: string | null;
  readonly context: readonly ChatContextField[];
  readonly expiresAt: number;
  readonly transferredFrom: string | null;
}

function customerElementAttrs(p: OfferPayload): Record<string, string> {
  return p.customerJid ? { name: p.customerName, jid: p.customerJid } : { name: p.customerName };
}

/** `<offer/>` to the agent's full JID. */
export function offerIq(agentFullJid: string, offer: OfferPayload): Builder {
  const attrs: Record<string, string> = { xmlns: NS_CHAT, chat: offer.chatId, expires: new Date(offer.expiresAt).toISOString() };
  if (offer.transferredFrom) attrs['transfer-from'] = offer.transferredFrom;
  return $iq({ type: 'set', to: agentFullJid })
    .c('offer', attrs)
    .c('customer', customerElementAttrs(offer))
    .up()
    .cnode(buildDataForm('result', PRECHAT_FORM_TYPE, offer.context).tree());
}

export function readOffer(iq: Element): OfferPayload | null {
  const el = childElement(iq, 'offer', NS_CHAT);
  if (!el) return null;
  const chatId = attr(el, 'chat');
  const expiresAt = Date.parse(attr(el, 'expires') ?? '');
  if (!chatId || Number.isNaN(expiresAt)) return null;
  const customer = childElement(el, 'customer', NS_CHAT);
  return {
    chatId,
    customerName: (customer && customer.getAttribute('name')) || 'Customer',
    customerJid: customer && attr(customer, 'jid'),
    context: readChildForm(el),
    expiresAt,
    transferredFrom: attr(el, 'transfer-from'),
  };
}

export type RevokeReason = 'expired' | 'withdrawn' | 'returned-to-queue' | 'transferred';

/** `<revoke/>`: the router takes back an offer, or an assigned chat, from the agent. */
export function revokeIq(agentFullJid: string, chatId: string, reason: RevokeReason): Builder {
  return $iq({ type: 'set', to: agentFullJid }).c('revoke', { xmlns: NS_CHAT, chat: chatId, reason });
}

export function readRevoke(iq: Element): { chatId: string; reason: RevokeReason } | null {
  const el = childElement(iq, 'revoke', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  if (!el || !chatId) return null;
  const reason = attr(el, 'reason');
  const known: readonly string[] = ['expired', 'withdrawn', 'returned-to-queue', 'transferred'];
  return { chatId, reason: reason && known.includes(reason) ? (reason as RevokeReason) : 'withdrawn' };
}

// ---- agent requests (agent -> router, IQ set/get) ----

export type AgentRequest =
  | { readonly kind: 'accept'; readonly chatId: string }
  | { readonly kind: 'decline'; readonly chatId: string; readonly reason: string | null }
  | { readonly kind: 'end'; readonly chatId: string }
  | { readonly kind: 'transfer'; readonly chatId: string; readonly target: TransferTarget };

export function acceptIq(router: string, chatId: string): Builder {
  return $iq({ type: 'set', to: router }).c('accept', { xmlns: NS_CHAT, chat: chatId });
}

export function declineIq(router: string, chatId: string, reason: string | null): Builder {
  const iq = $iq({ type: 'set', to: router }).c('decline', { xmlns: NS_CHAT, chat: chatId });
  if (reason) iq.c('reason').t(reason);
  return iq;
}

/** `<end/>`: either side ends the chat. */
export function endIq(router: string, chatId: string): Builder {
  return $iq({ type: 'set', to: router }).c('end', { xmlns: NS_CHAT, chat: chatId });
}

export function transferIq(router: string, chatId: string, target: TransferTarget): Builder {
  const iq = $iq({ type: 'set', to: router }).c('transfer', { xmlns: NS_CHAT, chat: chatId });
  if (target.kind === 'queue') iq.c('queue');
  else iq.c('agent', { id: target.agentId });
  return iq;
}

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
      return { kind: 'transfer', chatId, target: agentId ? { kind: 'agent', agentId } : { kind: 'queue' } };
    }
    default:
      return null;
  }
}

/** The router's answer to an accept: where the conversation is. */
export function assignedElement(chatId: string, room: string): Builder {
  return $build('assigned', { xmlns: NS_CHAT, chat: chatId, room });
}

export function readAssigned(iq: Element): { chatId: string; room: string } | null {
  const el = childElement(iq, 'assigned', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  const room = el && attr(el, 'room');
  return chatId && room ? { chatId, room } : null;
}

// ---- assignments (agent -> router, IQ get): what the router thinks this agent has, after a reconnect ----

export interface AssignmentList {
  readonly chats: readonly (OfferPayload & { readonly room: string })[];
  readonly offers: readonly OfferPayload[];
}

export function assignmentsQuery(router: string): Builder {
  return $iq({ type: 'get', to: router }).c('assignments', { xmlns: NS_CHAT });
}

export function assignmentsElement(list: AssignmentList): Builder {
  const el = $build('assignments', { xmlns: NS_CHAT });
  const entry = (name: 'chat' | 'offer', p: OfferPayload, room: string | null): void => {
    const attrs: Record<string, string> = { chat: p.chatId, expires: new Date(p.expiresAt).toISOString() };
    if (room) attrs['room'] = room;
    if (p.transferredFrom) attrs['transfer-from'] = p.transferredFrom;
    el.c(name, attrs).c('customer', customerElementAttrs(p)).up();
    el.cnode(buildDataForm('result', PRECHAT_FORM_TYPE, p.context).tree()).up().up();
  };
  for (const chat of list.chats) entry('chat', chat, chat.room);
  for (const offer of list.offers) entry('offer', offer, null);
  return el;
}

export function readAssignments(iq: Element): AssignmentList | null {
  const el = childElement(iq, 'assignments', NS_CHAT);
  if (!el) return null;
  const chats: (OfferPayload & { room: string })[] = [];
  const offers: OfferPayload[] = [];
  for (let i = 0; i < el.childNodes.length; i += 1) {
    const node = el.childNodes[i];
    if (!node || node.nodeType !== 1) continue;
    const entry = node as Element;
    const chatId = attr(entry, 'chat');
    if (!chatId) continue;
    const customer = childElement(entry, 'customer');
    const payload: OfferPayload = {
      chatId,
      customerName: (customer && customer.getAttribute('name')) || 'Customer',
      customerJid: customer && attr(customer, 'jid'),
      context: readChildForm(entry),
      expiresAt: Date.parse(attr(entry, 'expires') ?? '') || 0,
      transferredFrom: attr(entry, 'transfer-from'),
    };
    const room = attr(entry, 'room');
    const name = entry.localName ?? entry.nodeName;
    if (name === 'chat' && room) chats.push({ ...payload, room });
    else if (name === 'offer') offers.push(payload);
  }
  return { chats, offers };
}

// ---- customer requests (customer -> router) ----

/** The customer's request for a chat, with the pre-chat form (name, question, ...). */
export function chatRequestIq(router: string, fields: readonly ChatContextField[]): Builder {
  return $iq({ type: 'set', to: router })
    .c('request', { xmlns: NS_CHAT })
    .cnode(buildDataForm('submit', PRECHAT_FORM_TYPE, fields).tree());
}

export function readChatRequest(iq: Element): ChatContextField[] | null {
  const el = childElement(iq, 'request', NS_CHAT);
  return el ? readChildForm(el) : null;
}

export function queuedElement(chatId: string, room: string, position: number): Builder {
  return $build('queued', { xmlns: NS_CHAT, chat: chatId, room, position: String(position) });
}

export function readQueued(iq: Element): { chatId: string; room: string; position: number } | null {
  const el = childElement(iq, 'queued', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  const room = el && attr(el, 'room');
  if (!el || !chatId || !room) return null;
  return { chatId, room, position: Number(attr(el, 'position') ?? '0') || 0 };
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

// ---- room notices (router -> room, groupchat) ----

export type NoticeType = 'agent-joined' | 'agent-left' | 'requeued' | 'ended';

export interface Notice {
  readonly type: NoticeType;
  /** For `ended`: who ended it. For `agent-joined`/`agent-left`: the agent's display name. */
  readonly by: string | null;
}

/** A system line in the conversation, archived with it; `text` is what a plain client shows. */
export function noticeMessage(room: string, id: string, notice: Notice, text: string): Builder {
  const attrs: Record<string, string> = { xmlns: NS_CHAT, type: notice.type };
  if (notice.by) attrs['by'] = notice.by;
  return $msg({ to: room, type: 'groupchat', id })
    .c('body')
    .t(text)
    .up()
    .c('notice', attrs)
    .up()
    .c('origin-id', { xmlns: NS_SID, id });
}

export function readNotice(message: Element): Notice | null {
  const el = childElement(message, 'notice', NS_CHAT);
  const type = el && attr(el, 'type');
  const known: readonly string[] = ['agent-joined', 'agent-left', 'requeued', 'ended'];
  if (!el || !type || !known.includes(type)) return null;
  return { type: type as NoticeType, by: attr(el, 'by') };
}

// ---- conversation messages (either side -> room, groupchat) ----

/** A chat line: plain text body, XEP-0359 origin-id (also the stanza id) and the XEP-0085 `active` state. */
export function textMessage(room: string, id: string, text: string): Builder {
  return $msg({ to: room, type: 'groupchat', id })
    .c('body')
    .t(text)
    .up()
    .c('origin-id', { xmlns: NS_SID, id })
    .up()
    .c('active', { xmlns: NS_CHATSTATES });
}

/** A standalone chat state (XEP-0085) that the archive must not keep (XEP-0334 no-store). */
export function typingMessage(room: string, state: TypingState): Builder {
  return $msg({ to: room, type: 'groupchat' }).c(state, { xmlns: NS_CHATSTATES }).up().c('no-store', { xmlns: NS_HINTS });
}

export function readTypingState(message: Element): TypingState | null {
  const el = childInNamespace(message, NS_CHATSTATES);
  const name = el && (el.localName ?? el.nodeName);
  const known: readonly string[] = ['active', 'composing', 'paused', 'inactive', 'gone'];
  return name && known.includes(name) ? (name as TypingState) : null;
}

/** The sender's XEP-0359 origin-id, or null. */
export function readOriginId(message: Element): string | null {
  const el = childElement(message, 'origin-id', NS_SID);
  return el ? attr(el, 'id') : null;
}

/** The XEP-0359 stanza-id the room (`by`) stamped, or null. Only the room's own stamp is trusted. */
export function readStanzaId(message: Element, by: string): string | null {
  for (let i = 0; i < message.childNodes.length; i += 1) {
    const node = message.childNodes[i];
    if (!node || node.nodeType !== 1) continue;
    const el = node as Element;
    if ((el.localName ?? el.nodeName) !== 'stanza-id') continue;
    if ((el.namespaceURI ?? el.getAttribute('xmlns')) !== NS_SID) continue;
    if ((el.getAttribute('by') ?? '').toLowerCase() === by.toLowerCase()) return attr(el, 'id');
  }
  return null;
}
