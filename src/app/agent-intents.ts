// What each intent the UI sends up does, as a typed map: one handler per intent name, each given its own detail
// type, so the session dispatches without casts.

import type { AgentIntents } from './agent-view.ts';

/** One handler per intent, each taking that intent's detail. */
export type IntentHandlers = { readonly [K in keyof AgentIntents]: (detail: AgentIntents[K]) => void };

/** Calls the handler for the intent `name` with its detail. */
export function dispatchIntent<K extends keyof AgentIntents>(
  handlers: IntentHandlers,
  name: K,
  detail: AgentIntents[K],
): void {
  const handler: IntentHandlers[K] = handlers[name];
  handler(detail);
}
