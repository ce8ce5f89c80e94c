// The half of the chat profile (docs/xmpp-chat-profile.md) that every party speaks: the gadget ships it, and the
// simulator's router and customer page use the same code, so the two ends cannot drift apart. Here are the shapes
// both ends of an exchange agree on, the customer entry of offers and assignments, the agent's and customer's
// `<end/>`, and the messages every occupant of a chat room sends and reads. What only the gadget builds or reads is
// in agent-side.ts; the router's half lives with the simulated router. Readers return null for anything malformed:
// a stanza from the network is untrusted and never throws.
import { $iq, $msg, type Builder } from 'strophe.js';
import type { ChatContextField, TransferQueue, TransferTarget, TypingState } from '../../chat-channel.ts';
import { toXmlText } from '../../chat-text.ts';
import { attr, childElement, childInNamespace } from '../dom-read.ts';
import { NS_CHAT, NS_CHATSTATES, NS_HINTS, NS_SID } from '../namespaces.ts';

// ---- shapes both ends agree on ----

/** An offered chat, as the router describes it in an `<offer/>` and in an assignment list. */
export interface OfferPayload {
  readonly chatId: string;
  readonly customerName: string;
  /** The customer's JID, so the agent can tell the customer's lines from another agent's. */
  readonly customerJid: string | null;
  readonly context: readonly ChatContextField[];
  readonly expiresAt: number;
  readonly transferredFrom: string | null;
  /** The queue the chat came through (an older router does not say). */
  readonly queue?: string | null;
}

/** What the router thinks an agent has: chats (with their rooms) and offers, for the agent's reconnect. */
export interface AssignmentList {
  readonly chats: readonly (OfferPayload & { readonly room: string })[];
  readonly offers: readonly OfferPayload[];
  /** The router's queues, the agent's transfer targets (empty from a router that lists none). */
  readonly queues?: readonly TransferQueue[];
}

export const REVOKE_REASONS = ['expired', 'withdrawn', 'returned-to-queue', 'transferred'] as const;
/** Why the router takes an offer, or an assigned chat, back from the agent. */
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/** A request the router takes from an agent (`end` also from a customer). */
export type AgentRequest =
  | { readonly kind: 'accept'; readonly chatId: string }
  | { readonly kind: 'decline'; readonly chatId: string; readonly reason: string | null }
  | { readonly kind: 'end'; readonly chatId: string }
  | { readonly kind: 'transfer'; readonly chatId: string; readonly target: TransferTarget };

export const NOTICE_TYPES = ['agent-joined', 'agent-left', 'requeued', 'ended'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** A system line the router writes into a room. */
export interface Notice {
  readonly type: NoticeType;
  /** For `ended`: who ended it. For `agent-joined`/`agent-left`: the agent's display name. */
  readonly by: string | null;
  /** For `ended` by the customer: `left` when the customer went away (page closed) rather than ending it. */
  readonly reason?: 'left';
}

// ---- the agent as the customer sees it ----

/** The agent's nick in a room when the gadget knows no name for it: never the login id, which customers must not see. */
export const NEUTRAL_AGENT_NICK = 'Agent';
/** The customer's nick in its chat's room; agents cannot take it (agentDisplayName), so it marks a resumed customer. */
export const CUSTOMER_NICK = 'customer';
const RESERVED_NICKS: readonly string[] = [CUSTOMER_NICK, 'router'];

/** The agent's name as customers see it (availability `name`, room nick): one line, bounded; null if there is none. */
export function agentDisplayName(raw: string | null | undefined): string | null {
  const name = toXmlText(raw ?? '')
    .replace(/[\p{Cc}\ufffd]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
  return name && !RESERVED_NICKS.includes(name.toLowerCase()) ? name : null;
}

// ---- the customer of an offer or an assignment entry ----

/** The attributes of the `<customer/>` inside an `<offer/>` or an assignment entry. */
export function customerAttrs(p: Pick<OfferPayload, 'customerName' | 'customerJid'>): Record<string, string> {
  return p.customerJid ? { name: p.customerName, jid: p.customerJid } : { name: p.customerName };
}

/** Reads a `<customer/>` element (missing: an anonymous "Customer"). */
export function readCustomer(customer: Element | null): Pick<OfferPayload, 'customerName' | 'customerJid'> {
  return {
    customerName: (customer && customer.getAttribute('name')) || 'Customer',
    customerJid: customer && attr(customer, 'jid'),
  };
}

// ---- ending a chat (agent or customer -> router, IQ set) ----

/** `<end/>`: either side ends the chat. */
export function endIq(router: string, chatId: string): Builder {
  return $iq({ type: 'set', to: router }).c('end', { xmlns: NS_CHAT, chat: chatId });
}

// ---- room messages (every occupant -> room, groupchat) ----

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
  return $msg({ to: room, type: 'groupchat' })
    .c(state, { xmlns: NS_CHATSTATES })
    .up()
    .c('no-store', { xmlns: NS_HINTS });
}

export function readTypingState(message: Element): TypingState | null {
  const el = childInNamespace(message, NS_CHATSTATES);
  const name = el && (el.localName ?? el.nodeName);
  const known: readonly string[] = ['active', 'composing', 'paused', 'inactive', 'gone'];
  return name && known.includes(name) ? (name as TypingState) : null;
}

/** The router's `<notice/>` in a room message, or null. */
export function readNotice(message: Element): Notice | null {
  const el = childElement(message, 'notice', NS_CHAT);
  const type = el && attr(el, 'type');
  if (!el || !type || !(NOTICE_TYPES as readonly string[]).includes(type)) return null;
  return attr(el, 'reason') === 'left'
    ? { type: type as NoticeType, by: attr(el, 'by'), reason: 'left' }
    : { type: type as NoticeType, by: attr(el, 'by') };
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
