// The chat channel as the rest of the gadget sees it: a port with no protocol in it. The XMPP adapter in ./xmpp
// implements it; another chat backend would implement the same interface. Customer text stays a plain string
// everywhere: the UI renders it as text, never as markup.
import type { Unsubscribe } from '../shared/unsubscribe.ts';
import type { Result } from '../result.ts';
import type { Secret } from '../container/secret.ts';
import type { DecisionEntry } from '../blending/decision-log.ts';

/** The agent's chat availability as blending decides it and the router reads it. */
export const CHAT_AVAILABILITIES = ['READY', 'INTERRUPTED', 'ACTIVE', 'BUSY', 'NOT_READY', 'OFFLINE'] as const;
export type ChatAvailability = (typeof CHAT_AVAILABILITIES)[number];

/** What the gadget publishes to the router: the state, the active chat count C and the maximum M. */
export interface AvailabilityReport {
  readonly state: ChatAvailability;
  readonly active: number;
  readonly max: number;
}

/** The link to the chat server: `reconnecting` keeps every chat and queued message; `offline` is signed out. */
export type ChatConnectionStatus = 'offline' | 'connecting' | 'online' | 'reconnecting';

/** How the agent proves who they are: the Finesse password, or the Finesse SSO access token. */
export type ChatCredentials =
  | { readonly kind: 'password'; readonly username: string; readonly password: Secret }
  | { readonly kind: 'token'; readonly username: string; readonly token: Secret };

/** One pre-chat form field the customer filled in (or the router added), shown to the agent as context. */
export interface ChatContextField {
  readonly name: string;
  readonly label: string;
  readonly value: string;
}

/** What the customer filled in beside their name: the `name` field heads the offer, the tab and the popover instead. */
export function contextBesideName(fields: readonly ChatContextField[]): readonly ChatContextField[] {
  return fields.filter((f) => f.name !== 'name');
}

/** A chat the router offers this agent; it is withdrawn at `expiresAt` (ms since epoch) if not answered. */
export interface ChatOffer {
  readonly chatId: string;
  readonly customerName: string;
  readonly context: readonly ChatContextField[];
  readonly offeredAt: number;
  readonly expiresAt: number;
  /** Set when another agent transferred the chat to this agent (their id). */
  readonly transferredFrom: string | null;
  /** The router's queue the chat came through, when the router says (an older router does not). */
  readonly queue?: string | null;
}

/** Who wrote a message, from this agent's point of view. */
export type ChatSender = 'self' | 'customer' | 'agent' | 'system';

/** One message of a conversation. `id` is stable across reconnects and is what de-duplication uses. */
export interface ChatMessage {
  readonly id: string;
  readonly chatId: string;
  readonly sender: ChatSender;
  /** The sender's display name (a nickname for agents, the pre-chat name for the customer). */
  readonly senderName: string;
  /** Plain text; never markup. */
  readonly text: string;
  /** When the server stamped it (or when it was written, for a message not yet sent). */
  readonly at: number;
  /** True until the server has confirmed an outgoing message; always false for incoming ones. */
  readonly pending: boolean;
}

/** A conversation this agent is handling. */
export interface ChatSession {
  readonly chatId: string;
  readonly customerName: string;
  readonly context: readonly ChatContextField[];
  readonly acceptedAt: number;
  /** The router's queue the chat came through, when the router says. */
  readonly queue?: string | null;
  /** Everything said so far, in order, each message once. */
  readonly transcript: readonly ChatMessage[];
  readonly customerTyping: TypingState;
}

/** XEP-0085 chat states, as the UI needs them. */
export type TypingState = 'active' | 'composing' | 'paused' | 'inactive' | 'gone';

/**
 * Where a chat goes when the agent hands it on: a queue (`queueId` another queue of the router; none: back to the
 * chat's own queue) or a named agent.
 */
export type TransferTarget =
  { readonly kind: 'queue'; readonly queueId?: string } | { readonly kind: 'agent'; readonly agentId: string };

/** A queue the router lists as a transfer target (an older router lists none). */
export interface TransferQueue {
  readonly id: string;
  /** What the agent reads in the transfer menu (set by the chat service's administrator). */
  readonly name: string;
}

/** Why an offer disappeared without being accepted here. */
export type OfferWithdrawnReason = 'expired' | 'revoked' | 'declined';

/** Why a chat left this agent: ended by someone, or handed on (by this agent, or by the router after a fault). */
export type SessionCloseReason =
  | 'ended-by-agent'
  | 'ended-by-customer'
  /** The customer went away (closed the page, lost the network) and did not come back within the router's grace. */
  | 'customer-left'
  | 'ended-by-system'
  | 'transferred'
  | 'returned-to-queue';

export type ChatEvent =
  | { readonly type: 'status'; readonly status: ChatConnectionStatus; readonly detail: string | null }
  | { readonly type: 'offer'; readonly offer: ChatOffer }
  | { readonly type: 'offer-withdrawn'; readonly chatId: string; readonly reason: OfferWithdrawnReason }
  | { readonly type: 'session-started'; readonly session: ChatSession }
  | { readonly type: 'message'; readonly chatId: string; readonly message: ChatMessage }
  | { readonly type: 'message-confirmed'; readonly chatId: string; readonly messageId: string }
  | { readonly type: 'typing'; readonly chatId: string; readonly state: TypingState }
  /**
   * After a fresh session (sign-in, reload, hand-over from another window, reconnect without resumption) the router
   * said which chats are this agent's: `chatIds` are the chats the channel now holds; any other it held was closed.
   */
  | { readonly type: 'assignments'; readonly chatIds: readonly string[] }
  /** The queues the router lists as transfer targets (on each fresh session; empty from an older router). */
  | { readonly type: 'queues'; readonly queues: readonly TransferQueue[] }
  /** The chat left this agent; `transcript` is the conversation as it stood, kept for the record. */
  | {
      readonly type: 'session-closed';
      readonly chatId: string;
      readonly reason: SessionCloseReason;
      readonly transcript: readonly ChatMessage[];
      /** The id of the router's message that ended the chat ("The customer ended the chat."), when one did. */
      readonly noticeId?: string;
    };

/** Expected failures, each with a sentence an agent or administrator can act on. */
export type ChatChannelErrorCode =
  | 'not-signed-in'
  | 'auth-failed'
  | 'unreachable'
  | 'no-such-offer'
  | 'no-such-chat'
  | 'chat-ended'
  | 'rejected'
  | 'timeout'
  | 'too-long'
  | 'empty';

export interface ChatChannelError {
  readonly code: ChatChannelErrorCode;
  readonly message: string;
}

/** The chat port: sign in, publish availability, answer offers, converse, hand chats back, go offline. */
export interface ChatChannel {
  /** Signs in and publishes the last availability; resolves once online or when sign-in fails for good. */
  signIn(credentials: ChatCredentials): Promise<Result<void, ChatChannelError>>;
  /** Returns every active chat to the queue, publishes OFFLINE and disconnects. Nothing is dropped. */
  signOut(): Promise<Result<void, ChatChannelError>>;
  /**
   * Stops for good without handing anything back, because another window of the same agent takes over (rule 8):
   * sends what the agent already wrote, waits briefly for the room to confirm it, then closes the session without
   * OFFLINE availability, so the router keeps the chats for the agent's next session (its grace period). Offers and
   * chats leave this channel silently (no events but the `offline` status, detail `detached`); the channel cannot
   * sign in again. An error names messages that could not be sent before closing.
   */
  detach(): Promise<Result<void, ChatChannelError>>;
  /** Publishes availability (state, C, M) to the router now, or as soon as the link is back. Latest wins. */
  publishAvailability(report: AvailabilityReport): void;
  /**
   * Publishes blending's latest decision (a typed cause, never text) with the availability, for the agent's
   * supervisors; sent with the next availability, or on its own shortly after. Optional: another backend may not.
   */
  publishDecision?(entry: DecisionEntry): void;
  /** Accepts a pending offer; resolves with the session once the router has assigned the chat here. */
  accept(chatId: string): Promise<Result<ChatSession, ChatChannelError>>;
  /** Declines a pending offer so the router routes it elsewhere. */
  decline(chatId: string, reason?: string): Promise<Result<void, ChatChannelError>>;
  /** Sends plain text; queued while offline and sent exactly once. Returns the pending message. */
  send(chatId: string, text: string): Result<ChatMessage, ChatChannelError>;
  /** Tells the customer whether the agent is typing (XEP-0085); best effort, never queued. */
  setTyping(chatId: string, state: TypingState): void;
  /** Ends the chat for both sides. */
  end(chatId: string): Promise<Result<void, ChatChannelError>>;
  /** Hands the chat to the queue or to another agent; it leaves this agent. */
  transfer(chatId: string, target: TransferTarget): Promise<Result<void, ChatChannelError>>;
  status(): ChatConnectionStatus;
  /** Offers waiting for an answer. */
  offers(): readonly ChatOffer[];
  /** Chats this agent is handling (ended chats leave once closed). */
  activeChats(): readonly ChatSession[];
  subscribe(listener: (event: ChatEvent) => void): Unsubscribe;
}
