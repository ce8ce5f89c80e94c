// The chat channel's failures as the agent reads them: each a code the gadget can act on and a sentence a person can.
import type { ChatChannelError, ChatChannelErrorCode } from '../chat-channel.ts';
import type { IqFailure } from './iq-tracker.ts';

export function chatError(code: ChatChannelErrorCode, message: string): ChatChannelError {
  return { code, message };
}

/** Maps a failed request to the router to an error an agent can act on; `fallback` when the router said no. */
export function requestError(failure: IqFailure | null, fallback: string): ChatChannelError {
  if (!failure) return chatError('rejected', fallback);
  if (failure.kind === 'timeout') return chatError('timeout', 'The chat router did not answer in time.');
  if (failure.kind === 'disconnected')
    return chatError('unreachable', 'The chat server connection dropped before the router answered.');
  if (failure.condition === 'item-not-found') return chatError('no-such-offer', fallback);
  return chatError('rejected', failure.text ?? fallback);
}
