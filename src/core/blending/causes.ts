// Why blending did or shows something, as data: a kind and its parameters, never a sentence. Words are made only
// where they are shown (the UI's message catalogue), and for the chat router's availability `reason` at the chat
// boundary, from the same catalogue.

/** Why blending holds still (rule 6). */
export type HoldCause =
  | { readonly kind: 'finesse-down' }
  | { readonly kind: 'node-move'; readonly from: string; readonly to: string }
  | { readonly kind: 'notifications-down' };

/** A voice state the gadget asks for, named: Ready, or Not Ready with the reason's label (null: no reason). */
export interface RequestName {
  readonly state: 'READY' | 'NOT_READY';
  readonly label: string | null;
}

/** How a Not Ready someone else chose is named: its label, else its code, else its id, else none; or signing out. */
export type ReasonName =
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'code'; readonly code: number }
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'signing-out' };

/** The routed work that interrupts chat. */
export type RoutedWork =
  | { readonly kind: 'wrap-up' }
  | { readonly kind: 'reserved' }
  | { readonly kind: 'acd-state' }
  | { readonly kind: 'acd-call'; readonly callType: string | null }
  | { readonly kind: 'unknown-call' };

/** Why chat has the availability it has (published to the router and shown). `continuing`: chats that go on. */
export type ChatCause =
  | { readonly kind: 'chat-server-down' }
  | { readonly kind: 'voice-unknown' }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'holding'; readonly hold: HoldCause; readonly continuing: number }
  | { readonly kind: 'routed-work'; readonly work: RoutedWork; readonly continuing: number }
  | { readonly kind: 'internal-call'; readonly callType: string | null }
  | { readonly kind: 'agent-chose-not-ready'; readonly continuing: number }
  | { readonly kind: 'voice-not-ready'; readonly reason: ReasonName; readonly continuing: number }
  | { readonly kind: 'voice-transient'; readonly state: string | null }
  | { readonly kind: 'chats-full'; readonly count: number; readonly max: number }
  | { readonly kind: 'chats-active'; readonly count: number; readonly max: number }
  | { readonly kind: 'chat-idle' }
  /** A window taking blending over tells the router it takes no new chats until it knows the agent's chats. */
  | { readonly kind: 'taking-over' };

/** Why the gadget asks for a voice change (the policy's intent). `label`: the Handling Chat label; `count`: chats held for. */
export type VoiceCause =
  | { readonly kind: 'reserve-for-chat'; readonly label: string }
  | { readonly kind: 'answer-ready'; readonly label: string; readonly count: number }
  | { readonly kind: 'pending-after-call'; readonly label: string; readonly count: number }
  | { readonly kind: 'leave-wrap-up'; readonly label: string; readonly count: number }
  | { readonly kind: 'ready-after-call' }
  | { readonly kind: 'restore-ready' };

/** What the gadget does with a chat offer, and why. */
export type OfferCause =
  | { readonly kind: 'declined-holding'; readonly hold: HoldCause }
  | { readonly kind: 'declined-reservation'; readonly failure: 'refused' | 'unavailable' | null }
  | { readonly kind: 'declined-unavailable'; readonly chat: ChatCause }
  | { readonly kind: 'declined-full'; readonly max: number }
  | { readonly kind: 'declined-voice'; readonly state: string | null }
  | { readonly kind: 'declined-by-agent' }
  | { readonly kind: 'wait-voice-busy' }
  | { readonly kind: 'wait-reserve'; readonly label: string }
  | { readonly kind: 'chat-accepted'; readonly label: string; readonly count: number };

/** Signed out of Finesse with chats open: they go back to the queue (rule 7). */
export interface HandBackCause {
  readonly kind: 'chats-handed-back';
  readonly count: number;
}

/** A decision-log entry's cause (rule 9). `detail`: an error's own text from the layer that failed, kept as given. */
export type LogCause =
  | OfferCause
  | HandBackCause
  | {
      readonly kind: 'voice-request';
      readonly intent: VoiceCause;
      readonly attempt: number;
      readonly maxAttempts: number;
    }
  | { readonly kind: 'voice-confirmed'; readonly request: RequestName }
  | { readonly kind: 'voice-refused'; readonly request: RequestName }
  | { readonly kind: 'voice-refused-during-call'; readonly request: RequestName }
  | { readonly kind: 'voice-retry'; readonly request: RequestName; readonly problem: string; readonly delayMs: number }
  | { readonly kind: 'voice-failed'; readonly request: RequestName; readonly detail: string }
  | { readonly kind: 'reread-failed'; readonly detail: string }
  | { readonly kind: 'accept-failed'; readonly detail: string }
  | { readonly kind: 'hand-back-failed'; readonly detail: string }
  | { readonly kind: 'chat-availability'; readonly chat: ChatCause; readonly signedIn: boolean }
  | { readonly kind: 'holding-still'; readonly hold: HoldCause }
  | { readonly kind: 'finesse-back' }
  | { readonly kind: 'owner-here' }
  | { readonly kind: 'owner-elsewhere' };

/** Two causes say the same (compared as data). */
export function sameCause(a: object | null, b: object | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
