// The agent view model (src/app/agent-view.ts) as components use it, with the typed intent events they fire.
import type { AgentIntentName, AgentIntents } from '../app/agent-view.ts';

export type {
  AgentIntentName,
  AgentIntents,
  AgentView,
  ConversationView,
  OfferView,
  OwnershipNote,
  OwnershipView,
  ProblemView,
} from '../app/agent-view.ts';

/** A typed intent event. */
export type AgentIntentEvent<K extends AgentIntentName> = CustomEvent<AgentIntents[K]>;

declare global {
  interface HTMLElementEventMap {
    'offer-accept': AgentIntentEvent<'offer-accept'>;
    'offer-decline': AgentIntentEvent<'offer-decline'>;
    'chat-send': AgentIntentEvent<'chat-send'>;
    'chat-typing': AgentIntentEvent<'chat-typing'>;
    'chat-end': AgentIntentEvent<'chat-end'>;
    'chat-transfer': AgentIntentEvent<'chat-transfer'>;
    'chat-read': AgentIntentEvent<'chat-read'>;
    'chat-dismiss': AgentIntentEvent<'chat-dismiss'>;
    'take-over': AgentIntentEvent<'take-over'>;
    'take-over-cancel': AgentIntentEvent<'take-over-cancel'>;
    'chat-availability': AgentIntentEvent<'chat-availability'>;
  }
}

/** Sends an intent up from a component (bubbles out of shadow roots). */
export function fire<K extends AgentIntentName>(from: EventTarget, name: K, detail: AgentIntents[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
