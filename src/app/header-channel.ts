// The chat channel in the Finesse header's state menu (the digital channel control, Finesse 12.0 and later), as
// data: what the header shows for the agent's chat state, and what a menu choice means. Pure functions of the
// view; the boot adapter hands the result to Cisco's ChannelService and says it in the library's own constants.
import type { ChatCause } from '../core/blending/causes.ts';
import type { ChatAvailability } from '../core/blending/ports.ts';
import type { AgentIntents, AgentView } from './agent-view.ts';

/** The header's three colours for a channel (the library's STATE_STATUS names). */
export type HeaderChannelStatus = 'AVAILABLE' | 'UNAVAILABLE' | 'BUSY';

/** A badge on the channel's icon (the library's ICON_BADGE_TYPE names we use). */
export type HeaderChannelBadge = 'NONE' | 'ERROR';

/** What the header shows for chat: the channel's `channelState`, with the status and badge still by name. */
export interface HeaderChannelState {
  /** The channel's name ("Chat"). */
  readonly label: string;
  /** The current state in words ("Ready", "2 of 5 chats", "Paused: on a call"). */
  readonly currentState: string;
  readonly status: HeaderChannelStatus;
  readonly badge: HeaderChannelBadge;
  /** C of M and the reason for the state, in words. */
  readonly hoverText: string;
  /** The menu can be used: this window runs blending and chat is set up. */
  readonly enable: boolean;
}

/** The words the header channel needs, by key; boot makes them from the message catalogue. */
export type HeaderTextKey =
  | 'channel'
  | 'starting'
  | 'ready'
  | 'handling'
  | 'full'
  | 'paused'
  | 'notReady'
  | 'offline'
  | 'hover'
  | 'elsewhere'
  | 'menuAvailable'
  | 'menuNotReady';

export interface HeaderChannelText {
  text(key: HeaderTextKey, params?: Readonly<Record<string, string | number>>): string;
  /** Why chat has its availability, in words (the UI's cause text). */
  chatCause(cause: ChatCause): string;
}

/** The menu item ids the gadget gives the header, and the ids the header uses to change every channel at once. */
export const MENU_AVAILABLE = 'chat-available';
export const MENU_NOT_READY = 'chat-not-ready';
export const MENU_ALL_READY = 'ALL_READY';
export const MENU_ALL_NOT_READY = 'ALL_NOT_READY';

/**
 * Chat availability → header colour (docs/finesse-contract.md): READY is AVAILABLE; ACTIVE and BUSY are BUSY (the
 * agent is working on chats; ACTIVE still takes more, which the words say); NOT_READY, OFFLINE and INTERRUPTED (a
 * call, or holding still) are UNAVAILABLE, since no chat is routed then.
 */
export function headerStatus(availability: ChatAvailability): HeaderChannelStatus {
  switch (availability) {
    case 'READY':
      return 'AVAILABLE';
    case 'ACTIVE':
    case 'BUSY':
      return 'BUSY';
    default:
      return 'UNAVAILABLE';
  }
}

/** The header channel's state for this view. */
export function headerChannelState(view: AgentView, say: HeaderChannelText): HeaderChannelState {
  const label = say.text('channel');
  const owner = view.ownership.role === 'owner';
  const enable = owner && view.chatConfigured && view.blending !== null;
  const blending = view.blending;
  if (blending === null) {
    return { label, currentState: say.text('starting'), status: 'UNAVAILABLE', badge: 'NONE', hoverText: '', enable };
  }
  const { availability, activeChats: count, maxChats: max, cause } = blending.chat;
  const currentState = ((): string => {
    switch (availability) {
      case 'READY':
        return say.text('ready');
      case 'ACTIVE':
        return say.text('handling', { count, max });
      case 'BUSY':
        return say.text('full', { count, max });
      case 'INTERRUPTED':
        return say.text('paused');
      case 'NOT_READY':
        return say.text('notReady');
      case 'OFFLINE':
        return say.text('offline');
    }
  })();
  // A chat server that cannot be reached or blending holding still is a fault, not a choice: the badge says so.
  const fault = blending.degraded !== null || cause.kind === 'chat-server-down';
  const hover = say.text('hover', { count, max, reason: say.chatCause(cause) });
  return {
    label,
    currentState,
    status: headerStatus(availability),
    badge: fault ? 'ERROR' : 'NONE',
    hoverText: owner ? hover : `${hover} ${say.text('elsewhere')}`,
    enable,
  };
}

/** Two header states show the same: the adapter updates the header only when they differ (no update storm). */
export function sameHeaderState(a: HeaderChannelState | null, b: HeaderChannelState): boolean {
  return (
    a !== null &&
    a.label === b.label &&
    a.currentState === b.currentState &&
    a.status === b.status &&
    a.badge === b.badge &&
    a.hoverText === b.hoverText &&
    a.enable === b.enable
  );
}

/** A header menu choice as the agent's intent; null for an id the gadget did not give (nothing to do). */
export function headerMenuIntent(selectedMenuId: string): AgentIntents['chat-availability'] | null {
  switch (selectedMenuId.toUpperCase()) {
    case MENU_AVAILABLE.toUpperCase():
    case MENU_ALL_READY:
      return { available: true };
    case MENU_NOT_READY.toUpperCase():
    case MENU_ALL_NOT_READY:
      return { available: false };
    default:
      return null;
  }
}

/** Why a menu choice cannot be carried out in this window now (null: it can), for the header's onError. */
export function headerMenuRefusal(view: AgentView): 'elsewhere' | 'starting' | null {
  if (view.ownership.role !== 'owner') return 'elsewhere';
  if (view.blending === null) return 'starting';
  return null;
}
