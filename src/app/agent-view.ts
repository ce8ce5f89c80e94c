// The immutable snapshot the agent gadget's components render, and the intents they send up. The application
// (agent-session) builds the snapshot from the core (blending controller, chat channel, ownership) and handles the
// intents; the UI renders it and puts its causes into words.
import type { BlendingSnapshot } from '../core/blending/reconciler.ts';
import type { ProblemCause } from './problems.ts';
import type { TakeOverFailure } from '../core/session/ownership-coordinator.ts';
import type {
  ChatChannelErrorCode,
  ChatConnectionStatus,
  ChatMessage,
  ChatOffer,
  SessionCloseReason,
  TransferQueue,
  TypingState,
} from '../core/chat/chat-channel.ts';

/** An offer as the agent sees it, with how far blending got with it after the agent said Accept. */
export interface OfferView {
  readonly offer: ChatOffer;
  /** new: the agent has not answered; reserving: voice is being set Not Ready first (rule 1); accepting: accept sent. */
  readonly progress: 'new' | 'waiting' | 'reserving' | 'accepting' | 'declining';
}

/** One conversation: the transcript, the customer's typing, and what the agent is doing with it. */
export interface ConversationView {
  readonly chatId: string;
  readonly customerName: string;
  readonly context: ChatOffer['context'];
  readonly acceptedAt: number;
  readonly transcript: readonly ChatMessage[];
  readonly customerTyping: TypingState;
  /** Messages that arrived since the agent last looked at this conversation. */
  readonly unread: number;
  /**
   * Set once the chat left the agent, whoever ended it; the conversation stays visible, with its transcript, until the
   * agent closes it or ENDED_CHAT_KEEP_MS after it ended.
   */
  readonly closed: SessionCloseReason | null;
  /** When the chat left the agent; null while it is open. */
  readonly closedAt: number | null;
  /** An action the agent started and that has not finished. */
  readonly busy: 'ending' | 'transferring' | null;
  /** The last thing that went wrong with this conversation (the UI says it in words). */
  readonly error: ChatChannelErrorCode | null;
  /** Other queues the chat may be transferred to (absent when the router lists none: only back to its queue). */
  readonly transferQueues?: readonly TransferQueue[];
}

/** Something the agent (or an administrator) must know; the UI says what it is and what to do about it. */
export interface ProblemView {
  readonly id: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly cause: ProblemCause;
}

/** Why this window only shows the state: it was taken over elsewhere, or a take-over from here did not happen. */
export type OwnershipNote = 'taken-over' | `failed-${TakeOverFailure}`;

/** Which window runs blending for the agent (rule 8), and the take-over confirmation when one is asked. */
export interface OwnershipView {
  readonly role: 'starting' | 'owner' | 'observer' | 'taken-over' | 'stopped';
  /** Why this window only shows the state; null for the usual words of its role. */
  readonly message: OwnershipNote | null;
  /** While the agent is taking over, the question to confirm (with when the other window took blending, if known). */
  readonly confirm: { readonly ownerSince: number | null } | null;
  /** The take-over is on its way (waiting for the other window to let go). */
  readonly pending: boolean;
}

export interface AgentView {
  /** The blending state as this window (or, for an observer, the owner window) reports it; null until known. */
  readonly blending: BlendingSnapshot | null;
  readonly ownership: OwnershipView;
  readonly chatStatus: ChatConnectionStatus;
  /** Chat is set up for this gadget (chatService and chatRouter configured). */
  readonly chatConfigured: boolean;
  readonly offers: readonly OfferView[];
  readonly conversations: readonly ConversationView[];
  readonly problems: readonly ProblemView[];
  readonly maxChats: number;
  /** Blending could not start in this window (a configuration problem says why): calls only, no chats. */
  readonly blendingOff: boolean;
  /** The agent's own choice for chat (the header channel's menu or the gadget's state bar). */
  readonly chatChoice: 'available' | 'unavailable';
}

/** The intents components send up, as `detail` of bubbling, composed events of the same name. */
export interface AgentIntents {
  'offer-accept': { readonly chatId: string };
  'offer-decline': { readonly chatId: string };
  'chat-send': { readonly chatId: string; readonly text: string };
  'chat-typing': { readonly chatId: string; readonly state: TypingState };
  'chat-end': { readonly chatId: string };
  /** Without `queueId`: back to the chat's own queue; with it: to that other queue. */
  'chat-transfer': { readonly chatId: string; readonly queueId?: string };
  'chat-read': { readonly chatId: string };
  'chat-dismiss': { readonly chatId: string };
  'take-over': { readonly confirmed: boolean };
  'take-over-cancel': Record<string, never>;
  /** The agent chose to take chats or not (the header channel's menu, ALL_READY / ALL_NOT_READY, or the state bar). */
  'chat-availability': { readonly available: boolean };
}

export type AgentIntentName = keyof AgentIntents;
