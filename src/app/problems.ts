// The problems the agent sees (below the headline), as causes: the UI says each in words with what to do. Keyed by
// an id, so a problem is replaced or cleared where it arose; the blending hold (rule 6) is added from the snapshot.

import type { HoldCause } from '../core/blending/causes.ts';
import type { HandlingChatConfigError } from '../core/blending/handling-chat-reason.ts';
import type { ChatChannelErrorCode } from '../core/chat/chat-channel.ts';
import type { ProblemView } from './agent-view.ts';

/** What is wrong. `detail`: an error's own text from the layer that failed (English), kept as given. */
export type ProblemCause =
  | { readonly kind: 'holding'; readonly hold: HoldCause }
  | { readonly kind: 'chat-reconnecting' }
  /** The desktop's credentials are neither Basic id:password nor a Bearer token. */
  | { readonly kind: 'chat-no-identity' }
  | { readonly kind: 'chat-sign-in-failed'; readonly code: ChatChannelErrorCode }
  /** Messages written in this window were not confirmed before another window took the chats over. */
  | { readonly kind: 'chat-handover-failed' }
  | { readonly kind: 'chat-not-configured' }
  /** The Handling Chat reason cannot be used: blending stays off. */
  | { readonly kind: 'reason-config'; readonly error: HandlingChatConfigError }
  /** Finesse did not give the reason codes: blending stays off. */
  | { readonly kind: 'reason-codes-unread'; readonly detail: string }
  | { readonly kind: 'notification'; readonly node: string; readonly detail: string }
  | { readonly kind: 'windows-indistinct' }
  | { readonly kind: 'on-secondary-node'; readonly from: string; readonly to: string }
  | { readonly kind: 'start-failed'; readonly detail: string }
  /** Cisco's header channel or popover service refused what the gadget asked; the gadget's own view still works. */
  | {
      readonly kind: 'desktop-service-refused';
      readonly service: 'header-channel' | 'popover';
      readonly detail: string;
    };

/** The current problems by id; tells `changed` when the set changed. */
export class ProblemBoard {
  readonly #problems = new Map<string, ProblemView>();
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** Shows the problem under its id (replacing what was there). */
  set(problem: ProblemView): void {
    const before = this.#problems.get(problem.id);
    if (
      before &&
      before.severity === problem.severity &&
      JSON.stringify(before.cause) === JSON.stringify(problem.cause)
    )
      return;
    this.#problems.set(problem.id, problem);
    this.#changed();
  }

  clear(id: string): void {
    if (this.#problems.delete(id)) this.#changed();
  }

  /** The problems, with the blending hold first when there is one. */
  list(hold: HoldCause | null): ProblemView[] {
    const list = [...this.#problems.values()];
    if (hold !== null) list.unshift({ id: 'degraded', severity: 'error', cause: { kind: 'holding', hold } });
    return list;
  }
}
