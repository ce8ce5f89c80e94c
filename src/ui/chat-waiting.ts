// How long a customer has waited for an answer: since their last message that no agent line followed. Pure.
import type { ChatMessage } from '../core/chat/chat-channel.ts';

/** When the customer's oldest unanswered message arrived, or null when the agent wrote after the customer. */
export function waitingSince(transcript: readonly ChatMessage[]): number | null {
  let since: number | null = null;
  for (const m of transcript) {
    if (m.sender === 'customer') since ??= m.at;
    else if (m.sender === 'self' || m.sender === 'agent') since = null;
  }
  return since;
}

/** A waiting time as m:ss (h:mm:ss from an hour on). */
export function formatWaiting(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
