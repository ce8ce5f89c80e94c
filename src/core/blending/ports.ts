// The narrow ports the blending controller needs. The boot code adapts the real Finesse REST client, the
// notification source and the chat channel to these; tests use fakes. Nothing here knows about HTTP or XMPP.

import type { Result } from '../result.ts';
import type { Dialog, User } from '../finesse/types.ts';
import type { ChatCause, HandBackCause, OfferCause } from './causes.ts';
import type { DecisionEntry } from './decision-log.ts';

/**
 * A failed Finesse request, shaped like the REST client's FinesseError so the client's errors pass straight
 * through: kind, whether a retry may help, and the `<ApiErrors>` Finesse sent (errorType "Invalid State",
 * CF_INVALID_OBJECT_STATE...).
 */
export interface VoiceError {
  readonly kind: 'network' | 'timeout' | 'aborted' | 'auth' | 'api' | 'unavailable' | 'not-found' | 'parse' | 'http';
  readonly retryable: boolean;
  readonly message?: string;
  readonly status?: number;
  readonly apiErrors?: readonly { readonly errorType: string; readonly errorMessage?: string }[];
}

/** What the blending controller ever asks of Finesse voice: READY, or NOT_READY with a reason code. */
export interface VoiceStateRequest {
  readonly state: 'READY' | 'NOT_READY';
  readonly reasonCodeId: string | null;
}

/** Finesse answered 202: the change is accepted; the result arrives later as a User notification. */
export interface VoiceRequestAccepted {
  readonly accepted: true;
  readonly requestId: string;
}

/**
 * Sends a voice state change (PUT User/{id}); adapted from FinesseClient.setUserState. It must settle within a
 * bounded time (the REST client's timeout): a window handing blending over waits for it.
 */
export interface VoiceStatePort {
  requestState(request: VoiceStateRequest): Promise<Result<VoiceRequestAccepted, VoiceError>>;
}

/** Reads the facts again (GET User/{id} and GET User/{id}/Dialogs), after an Invalid State, a timeout or recovery. */
export interface FinesseFactsPort {
  readUser(): Promise<Result<User, VoiceError>>;
  readDialogs(): Promise<Result<readonly Dialog[], VoiceError>>;
}

/** The chat availability published to the chat router, which routes by it. */
export type ChatAvailability = 'READY' | 'INTERRUPTED' | 'ACTIVE' | 'BUSY' | 'NOT_READY' | 'OFFLINE';

/** What the chat router is told: the availability, the load, and why (for supervisors and logs; words where shown). */
export interface ChatPresence {
  readonly availability: ChatAvailability;
  readonly activeChats: number;
  readonly maxChats: number;
  readonly cause: ChatCause;
}

export interface ChatError {
  readonly kind: 'expired' | 'not-found' | 'network' | 'refused' | 'offline';
  readonly message: string;
}

/**
 * The chat side as blending sees it. OFFLINE signs out of chat; any other availability signs in first if needed.
 * The adapter reports offers and chat starts/ends back through the controller's input methods.
 */
export interface ChatPort {
  publishAvailability(presence: ChatPresence): void;
  /** Accepts an offer; resolves ok once the chat is the agent's (it then counts as active). */
  acceptOffer(offerId: string): Promise<Result<void, ChatError>>;
  /** Declines an offer so the router routes it elsewhere; the adapter puts the cause in words for the router. */
  declineOffer(offerId: string, cause: OfferCause): Promise<Result<void, ChatError>>;
  /** Returns every active chat to the router's queue (nothing is dropped). */
  handBackChats(cause: HandBackCause): Promise<Result<void, ChatError>>;
  /** Tells the router the latest decision (sent with the availability, for the agent's supervisors). */
  publishDecision?(entry: DecisionEntry): void;
}
