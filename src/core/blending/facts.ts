// The facts the blending policy reads. The reconciler keeps them up to date from notifications, re-reads and
// chat events; the policy is a pure function of them.

import type { AgentState, ReasonCode } from '../finesse/types.ts';
import type { CallFact } from './dialog-classifier.ts';

/** Who put the voice state where it is. Only 'gadget' states are ever undone by the gadget (rule 2). */
export type StateSetter = 'gadget' | 'agent' | 'supervisor' | 'system' | 'call' | 'unknown';

/** Finesse voice state as last known, with who set it and what the agent was in before the current call. */
export interface VoiceFacts {
  readonly state: AgentState;
  readonly pendingState: AgentState | null;
  /** The reason of the current NOT_READY, or of the pending NOT_READY during a call. */
  readonly reasonCodeId: string | null;
  readonly reasonCode: Pick<ReasonCode, 'id' | 'code' | 'label' | 'systemCode'> | null;
  readonly setBy: StateSetter;
  /** The state (and reason) the agent had when the current call began; the call ends there unless a pending state says otherwise. */
  readonly beforeCall: { readonly state: AgentState; readonly reasonCodeId: string | null } | null;
  /**
   * The pending NOT_READY's Handling Chat reason is the gadget's inference from a re-read that Finesse sent without
   * the reason: the agent may have replaced it with their own pending Not Ready, so the gadget does not undo it.
   */
  readonly pendingUnconfirmed?: boolean;
}

/** An offer from the chat router, and how far the controller got with it. */
export interface OfferFact {
  readonly id: string;
  /** new: not decided yet; accepting: accept sent; reservation-failed: voice could not be reserved, so decline. */
  readonly status: 'new' | 'accepting' | 'reservation-failed';
  /**
   * Why voice could not be reserved (status reservation-failed): Finesse refused the Not Ready (the agent's state
   * changed, e.g. reserved for a call), or Finesse could not be reached or was out of service.
   */
  readonly failure?: 'refused' | 'unavailable';
}

export interface Connectivity {
  /** Some Finesse node is IN_SERVICE (the failover monitor says so). */
  readonly finesseInService: boolean;
  /**
   * The Finesse node this desktop runs on is out of service while the other node is in service: the desktop moves
   * the agent there (the page and its gadgets start again on that node). Until then the gadget holds still.
   */
  readonly nodeMove?: { readonly from: string; readonly to: string } | null;
  /** Finesse notifications are flowing (the hub or XMPP connection is up). */
  readonly notificationsUp: boolean;
  readonly chatServerUp: boolean;
}

/** The configured Not Ready reason the gadget uses while chats are active, resolved against Finesse. */
export interface HandlingChatReason {
  readonly id: string;
  readonly code: number;
  readonly label: string;
}

export interface Facts {
  /** Null until the first User is read. */
  readonly voice: VoiceFacts | null;
  readonly calls: readonly CallFact[];
  readonly activeChats: number;
  readonly offers: readonly OfferFact[];
  readonly maxChats: number;
  readonly handlingChat: HandlingChatReason;
  /** The agent's own chat choice (e.g. from the header channel menu). */
  readonly chatIntent: 'available' | 'unavailable';
  readonly connectivity: Connectivity;
  /** This instance owns blending for the agent (rule 8). */
  readonly owner: boolean;
  /** A voice request is in flight or waiting to be retried: decisions that need voice wait for it. */
  readonly voiceBusy: boolean;
  /** Finesse refused READY as the pending state during the current call (Unified CCX takes none): Ready waits for the call to end. */
  readonly pendingReadyRefused: boolean;
}
