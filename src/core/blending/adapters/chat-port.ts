// The chat channel as the blending controller sees it (ChatPort), and the channel's events as controller inputs.
// Offers reach the controller only when the agent accepts them: the agent decides, blending then reserves voice
// before the chat is taken (rule 1). Signing in to chat follows the availability blending publishes (rule 7).
import { ok, err, type Result } from '../../result.ts';
import type {
  ChatChannel,
  ChatChannelError as ChannelError,
  ChatCredentials,
  ChatEvent,
} from '../../chat/chat-channel.ts';
import type { Unsubscribe } from '../../shared/unsubscribe.ts';
import type { ChatError, ChatPort, ChatPresence } from '../ports.ts';
import type { Connectivity } from '../facts.ts';
import type { OfferCause } from '../causes.ts';

/** Maps the channel's error codes onto the controller's coarser kinds. */
export function blendingChatError(e: ChannelError): ChatError {
  switch (e.code) {
    case 'no-such-offer':
      return { kind: 'expired', message: e.message };
    case 'no-such-chat':
    case 'chat-ended':
      return { kind: 'not-found', message: e.message };
    case 'rejected':
    case 'auth-failed':
    case 'too-long':
    case 'empty':
      return { kind: 'refused', message: e.message };
    case 'not-signed-in':
      return { kind: 'offline', message: e.message };
    case 'unreachable':
    case 'timeout':
      return { kind: 'network', message: e.message };
  }
}

const asVoid = (r: Result<unknown, ChannelError>): Result<void, ChatError> =>
  r.ok ? ok(undefined) : err(blendingChatError(r.error));

export interface ChatPortOptions {
  /** The agent's chat identity; null when it cannot be derived (the port then never signs in). */
  readonly credentials: ChatCredentials | null;
  /** Told when signing in fails for good (refused credentials, no server configured). */
  readonly onSignInFailed?: (error: ChannelError) => void;
  /** The words the router gets with a decline (docs/xmpp-chat-profile.md `<reason>`): made where the gadget's words are. */
  readonly declineReason: (cause: OfferCause) => string;
}

/** Adapts a ChatChannel to the controller's ChatPort; publishing any availability but OFFLINE signs in. */
export function chatPort(channel: ChatChannel, options: ChatPortOptions): ChatPort {
  let signingIn = false;
  let signingOut = false;
  return {
    publishAvailability(presence: ChatPresence) {
      channel.publishAvailability({
        state: presence.availability,
        active: presence.activeChats,
        max: presence.maxChats,
      });
      if (presence.availability === 'OFFLINE') {
        if (channel.status() !== 'offline' && !signingOut) {
          signingOut = true;
          void channel.signOut().finally(() => {
            signingOut = false;
          });
        }
        return;
      }
      if (channel.status() !== 'offline' || signingIn || options.credentials === null) return;
      signingIn = true;
      void channel.signIn(options.credentials).then((r) => {
        signingIn = false;
        // 'unreachable' at the first attempt: the channel keeps trying by itself.
        if (!r.ok && r.error.code !== 'unreachable') options.onSignInFailed?.(r.error);
      });
    },
    publishDecision: (entry) => channel.publishDecision?.(entry),
    acceptOffer: async (offerId) => asVoid(await channel.accept(offerId)),
    declineOffer: async (offerId, cause) => asVoid(await channel.decline(offerId, options.declineReason(cause))),
    async handBackChats() {
      let result: Result<void, ChatError> = ok(undefined);
      for (const chat of channel.activeChats()) {
        const r = await channel.transfer(chat.chatId, { kind: 'queue' });
        if (!r.ok) result = err(blendingChatError(r.error));
      }
      return result;
    },
  };
}

/** The controller inputs chat events feed (a BlendingReconciler fits). */
export interface ChatInputs {
  offerWithdrawn(offerId: string): void;
  chatStarted(chatId: string): void;
  chatEnded(chatId: string): void;
  setConnectivity(change: Partial<Connectivity>): void;
}

/** Feeds the channel's events to the controller; returns the unsubscribe. */
export function feedChatEvents(channel: ChatChannel, inputs: ChatInputs): Unsubscribe {
  return channel.subscribe((event: ChatEvent) => {
    switch (event.type) {
      case 'status':
        inputs.setConnectivity({ chatServerUp: event.status === 'online' });
        return;
      case 'offer-withdrawn':
        inputs.offerWithdrawn(event.chatId);
        return;
      case 'session-started':
        inputs.chatStarted(event.session.chatId);
        return;
      case 'session-closed':
        inputs.chatEnded(event.chatId);
        return;
      default:
        return;
    }
  });
}
