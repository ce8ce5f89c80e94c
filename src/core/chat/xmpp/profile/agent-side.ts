// The gadget's half of the chat profile (docs/xmpp-chat-profile.md): what only the agent builds (availability,
// requests to the router) and reads (offers, revokes, assignments). The router's half of each exchange lives with
// the simulated router; what both use is in shared.ts.
import { $iq, $pres, type Builder } from 'strophe.js';
import type { AvailabilityReport, TransferQueue, TransferTarget } from '../../chat-channel.ts';
import type { DecisionEntry } from '../../../blending/decision-log.ts';
import { readChildForm } from '../data-form.ts';
import { decisionElement } from './decision-wire.ts';
import { attr, childElement } from '../dom-read.ts';
import { NS_CHAT } from '../namespaces.ts';
import {
  agentDisplayName,
  readCustomer,
  REVOKE_REASONS,
  type AssignmentList,
  type OfferPayload,
  type RevokeReason,
} from './shared.ts';

// ---- availability (agent -> router, directed presence) ----

/**
 * Directed presence carrying the agent's chat availability and, when known, the name customers see (the agent's first
 * name) and blending's latest decisions (a few, oldest first, so the router misses none made between two presences);
 * OFFLINE is sent as unavailable presence, without decisions.
 */
export function availabilityPresence(
  router: string,
  report: AvailabilityReport,
  name: string | null = null,
  decisions: readonly DecisionEntry[] = [],
): Builder {
  const attrs: Record<string, string> =
    report.state === 'OFFLINE' ? { to: router, type: 'unavailable' } : { to: router };
  const availability: Record<string, string> = {
    xmlns: NS_CHAT,
    state: report.state,
    active: String(report.active),
    max: String(report.max),
  };
  const shown = agentDisplayName(name);
  if (shown) availability['name'] = shown;
  const presence = $pres(attrs).c('availability', availability);
  // The latest blending decisions ride beside it, oldest first (codes and numbers only), for the agent's supervisors.
  if (report.state !== 'OFFLINE') for (const d of decisions) presence.up().cnode(decisionElement(d).tree());
  return presence;
}

// ---- offers and revokes (router -> agent, IQ set) ----

export function readOffer(iq: Element): OfferPayload | null {
  const el = childElement(iq, 'offer', NS_CHAT);
  if (!el) return null;
  const chatId = attr(el, 'chat');
  const expiresAt = Date.parse(attr(el, 'expires') ?? '');
  if (!chatId || Number.isNaN(expiresAt)) return null;
  return {
    chatId,
    ...readCustomer(childElement(el, 'customer', NS_CHAT)),
    context: readChildForm(el),
    expiresAt,
    transferredFrom: attr(el, 'transfer-from'),
    queue: attr(el, 'queue'),
  };
}

export function readRevoke(iq: Element): { chatId: string; reason: RevokeReason } | null {
  const el = childElement(iq, 'revoke', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  if (!el || !chatId) return null;
  const reason = attr(el, 'reason');
  return {
    chatId,
    reason: reason && (REVOKE_REASONS as readonly string[]).includes(reason) ? (reason as RevokeReason) : 'withdrawn',
  };
}

// ---- requests (agent -> router, IQ set/get); `<end/>` is shared with the customer ----

export function acceptIq(router: string, chatId: string): Builder {
  return $iq({ type: 'set', to: router }).c('accept', { xmlns: NS_CHAT, chat: chatId });
}

export function declineIq(router: string, chatId: string, reason: string | null): Builder {
  const iq = $iq({ type: 'set', to: router }).c('decline', { xmlns: NS_CHAT, chat: chatId });
  if (reason) iq.c('reason').t(reason);
  return iq;
}

export function transferIq(router: string, chatId: string, target: TransferTarget): Builder {
  const iq = $iq({ type: 'set', to: router }).c('transfer', { xmlns: NS_CHAT, chat: chatId });
  if (target.kind === 'queue') iq.c('queue', target.queueId ? { id: target.queueId } : {});
  else iq.c('agent', { id: target.agentId });
  return iq;
}

/** The router's answer to an accept: where the conversation is. */
export function readAssigned(iq: Element): { chatId: string; room: string } | null {
  const el = childElement(iq, 'assigned', NS_CHAT);
  const chatId = el && attr(el, 'chat');
  const room = el && attr(el, 'room');
  return chatId && room ? { chatId, room } : null;
}

// ---- assignments (agent -> router, IQ get): what the router thinks this agent has, after a reconnect ----

export function assignmentsQuery(router: string): Builder {
  return $iq({ type: 'get', to: router }).c('assignments', { xmlns: NS_CHAT });
}

export function readAssignments(iq: Element): AssignmentList | null {
  const el = childElement(iq, 'assignments', NS_CHAT);
  if (!el) return null;
  const chats: (OfferPayload & { room: string })[] = [];
  const offers: OfferPayload[] = [];
  const queues: TransferQueue[] = [];
  for (let i = 0; i < el.childNodes.length; i += 1) {
    const node = el.childNodes[i];
    if (!node || node.nodeType !== 1) continue;
    const entry = node as Element;
    if ((entry.localName ?? entry.nodeName) === 'queue') {
      const queue = readQueueEntry(entry);
      if (queue && !queues.some((q) => q.id === queue.id)) queues.push(queue);
      continue;
    }
    const chatId = attr(entry, 'chat');
    if (!chatId) continue;
    const payload: OfferPayload = {
      chatId,
      ...readCustomer(childElement(entry, 'customer')),
      context: readChildForm(entry),
      expiresAt: Date.parse(attr(entry, 'expires') ?? '') || 0,
      transferredFrom: attr(entry, 'transfer-from'),
      queue: attr(entry, 'queue'),
    };
    const room = attr(entry, 'room');
    const name = entry.localName ?? entry.nodeName;
    if (name === 'chat' && room) chats.push({ ...payload, room });
    else if (name === 'offer') offers.push(payload);
  }
  return { chats, offers, queues };
}

/** A `<queue id="…" name="…"/>` entry of an assignment list: a transfer target (name bounded, one line). */
function readQueueEntry(entry: Element): TransferQueue | null {
  const id = attr(entry, 'id');
  if (!id || id.length > 64) return null;
  const name = (attr(entry, 'name') ?? '')
    .replace(/[\p{Cc}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return { id, name: name || id };
}
