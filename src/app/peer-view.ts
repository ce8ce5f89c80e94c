// What the window that owns blending shares with the agent's other windows so they can show it (rule 8).
// It arrives over a BroadcastChannel from the same origin, but it is still only data: checked before use.
import type { BlendingSnapshot } from '../core/blending/reconciler.ts';
import type { ChatConnectionStatus } from '../core/chat/chat-channel.ts';
import type { AgentView, ConversationView, OfferView } from './agent-view.ts';

export interface PeerView {
  readonly blending: BlendingSnapshot | null;
  readonly offers: readonly OfferView[];
  readonly conversations: readonly ConversationView[];
  readonly chatStatus: ChatConnectionStatus;
  /**
   * The chat choice the agent made in the owner window; null when the owner did not say (a window from an older
   * version, or a choice this window does not know): the observer then infers it from the chat cause.
   */
  readonly chatChoice: AgentView['chatChoice'] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A cause (src/core/blending/causes.ts) is data with a kind; a kind this window does not know shows as its key. */
const isCause = (v: unknown): boolean => isObject(v) && isString(v.kind);
const CHOICES: ReadonlySet<unknown> = new Set(['available', 'unavailable']);
const STATUSES: ReadonlySet<unknown> = new Set(['offline', 'connecting', 'online', 'reconnecting']);
const AVAILABILITIES: ReadonlySet<unknown> = new Set([
  'READY',
  'INTERRUPTED',
  'ACTIVE',
  'BUSY',
  'NOT_READY',
  'OFFLINE',
]);

function blendingOk(b: unknown): b is BlendingSnapshot {
  if (!isObject(b) || !isObject(b.chat) || !Array.isArray(b.log) || !Array.isArray(b.offers)) return false;
  const chat = b.chat;
  if (
    !AVAILABILITIES.has(chat.availability) ||
    !isNumber(chat.activeChats) ||
    !isNumber(chat.maxChats) ||
    !isCause(chat.cause)
  )
    return false;
  if (b.degraded !== null && !isCause(b.degraded)) return false;
  if (b.voice !== null && (!isObject(b.voice) || !isString(b.voice.state))) return false;
  return b.log.every(
    (e: unknown) => isObject(e) && isNumber(e.seq) && isNumber(e.at) && isString(e.kind) && isCause(e.cause),
  );
}

function messageOk(m: unknown): boolean {
  return (
    isObject(m) &&
    isString(m.id) &&
    isString(m.text) &&
    isString(m.senderName) &&
    isString(m.sender) &&
    isNumber(m.at) &&
    typeof m.pending === 'boolean'
  );
}

function contextOk(c: unknown): boolean {
  return (
    Array.isArray(c) &&
    c.every((f: unknown) => isObject(f) && isString(f.name) && isString(f.label) && isString(f.value))
  );
}

function conversationOk(c: unknown): c is ConversationView {
  return (
    isObject(c) &&
    isString(c.chatId) &&
    isString(c.customerName) &&
    contextOk(c.context) &&
    isNumber(c.unread) &&
    Array.isArray(c.transcript) &&
    c.transcript.every(messageOk)
  );
}

function offerOk(o: unknown): o is OfferView {
  if (!isObject(o) || !isString(o.progress) || !isObject(o.offer)) return false;
  const offer = o.offer;
  return (
    isString(offer.chatId) && isString(offer.customerName) && isNumber(offer.expiresAt) && contextOk(offer.context)
  );
}

/** The owner window's shared view, or null when the message is not one. */
export function readPeerView(data: unknown): PeerView | null {
  if (!isObject(data) || !STATUSES.has(data.chatStatus)) return null;
  if (data.blending !== null && !blendingOk(data.blending)) return null;
  if (!Array.isArray(data.offers) || !data.offers.every(offerOk)) return null;
  if (!Array.isArray(data.conversations) || !data.conversations.every(conversationOk)) return null;
  return {
    blending: data.blending as BlendingSnapshot | null,
    offers: data.offers,
    conversations: data.conversations,
    chatStatus: data.chatStatus as ChatConnectionStatus,
    chatChoice: CHOICES.has(data.chatChoice) ? (data.chatChoice as AgentView['chatChoice']) : null,
  };
}
