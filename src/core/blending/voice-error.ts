// How the reconciler reads a failed voice request: "facts changed, re-read", "try again later", or "give up".

import type { VoiceError } from './ports.ts';

export type VoiceFailure = 'invalid-state' | 'retry' | 'give-up';

const INVALID_STATE = new Set([
  'invalid state',
  'cf_invalid_object_state',
  'cf_invalid_agent_workmode',
  'cf_resource_busy',
]);

/** True when Finesse said the request does not fit the agent's current state: normal, re-read the facts. */
export function isInvalidState(errors: readonly { readonly errorType: string }[] | undefined): boolean {
  return (errors ?? []).some((e) => INVALID_STATE.has(e.errorType.trim().toLowerCase()));
}

/** Sorts a failure into what the reconciler does next. */
export function classifyVoiceError(error: VoiceError): VoiceFailure {
  if (isInvalidState(error.apiErrors)) return 'invalid-state';
  if (error.kind === 'unavailable' || error.kind === 'timeout' || error.kind === 'network') return 'retry';
  if (error.retryable) return 'retry';
  return 'give-up';
}
