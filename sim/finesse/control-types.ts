// The simulator's control operations (dev and test only): what the JSON control API under /control/ offers,
// as typed functions. Every operation answers with a Result: a value, or a ControlError saying what was wrong.
import type { Result } from '../../src/core/result.ts';
import type { Dialog, User } from '../../src/core/finesse/types.ts';
import type { Deployment, SystemReason } from './seed.ts';

interface ControlError {
  /** The HTTP status the control API answers with (400 bad request, 404 unknown id, 409 wrong state). */
  readonly status: 400 | 404 | 409;
  readonly message: string;
}

export type ControlResult<T> = Result<T, ControlError>;

export type NodeName = 'primary' | 'secondary';

export interface AcdCallRequest {
  /** The agent the router picked; must be signed in and READY (the router only reserves READY agents). */
  readonly agentId: string;
  /** The caller's number (ANI); default 6175551234. */
  readonly fromAddress?: string;
  /** The number the caller dialed; default 8000. */
  readonly dialedNumber?: string;
  readonly callVariables?: Readonly<Record<string, string>>;
}

/** direct: a call from another phone to the agent's extension; transfer / consult / conference: another agent brings the caller in. */
export type InternalCallKind = 'direct' | 'transfer' | 'consult' | 'conference';

export interface InternalCallRequest {
  readonly agentId: string;
  readonly kind: InternalCallKind;
  /** The other phone (direct) or the other agent's extension (transfer/consult/conference); default 2000. */
  readonly fromAddress?: string;
}

interface CallPlaced {
  readonly dialogId: string;
}

export interface RequestLogEntry {
  readonly at: string;
  readonly node: NodeName;
  readonly method: string;
  readonly path: string;
  /** The authenticated user's id, or null. Never the password. */
  readonly user: string | null;
  readonly status: number;
  readonly requestId: string | null;
}

export interface NodeStatus {
  readonly name: NodeName;
  readonly url: string;
  readonly inService: boolean;
}

interface AgentSettings {
  readonly id: string;
  readonly wrapUp: boolean;
}

export interface WorldSnapshot {
  readonly deployment: Deployment;
  readonly users: readonly User[];
  readonly dialogs: readonly Dialog[];
  readonly settings: readonly AgentSettings[];
  readonly nodes: readonly NodeStatus[];
  /** The most recent REST requests, oldest first (bounded). */
  readonly requests: readonly RequestLogEntry[];
}

/** The control operations; the same set the JSON API exposes. */
export interface SimulatorControl {
  /** An ACD (routed) call to a READY agent: the agent becomes RESERVED and the dialog ALERTING. */
  placeAcdCall(request: AcdCallRequest): Promise<ControlResult<CallPlaced>>;
  /** A non-ACD call alerting at the agent (direct, transfer, consult or conference). */
  placeInternalCall(request: InternalCallRequest): Promise<ControlResult<CallPlaced>>;
  /** The far side hangs up: every outside party leaves; the call ends unless two agents are still on it. */
  endCall(request: { readonly dialogId: string }): Promise<ControlResult<void>>;
  /** An alerting ACD call is not answered in time: the router pulls it back; the agent goes NOT_READY (32767). */
  ringNoAnswer(request: { readonly dialogId: string }): Promise<ControlResult<void>>;
  /** Turns wrap-up after ACD calls on or off for one agent. */
  setWrapUp(request: { readonly agentId: string; readonly enabled: boolean }): Promise<ControlResult<void>>;
  /** The wrap-up timer expires: WORK -> NOT_READY, WORK_READY -> READY. */
  expireWrapUp(request: { readonly agentId: string }): Promise<ControlResult<void>>;
  /** The peripheral puts an agent in NOT_READY with a system reason (device or connection failure...). */
  systemNotReady(request: { readonly agentId: string; readonly reason: SystemReason }): Promise<ControlResult<void>>;
  /** Outbound Option: a READY agent is reserved for a campaign call (progressive/predictive, or preview). */
  reserveOutbound(request: { readonly agentId: string; readonly preview?: boolean }): Promise<ControlResult<void>>;
  /** Outbound Option: the campaign call reaches the reserved agent (dialog ACTIVE, agent TALKING). */
  connectOutbound(request: {
    readonly agentId: string;
    readonly fromAddress?: string;
  }): Promise<ControlResult<CallPlaced>>;
  /** Outbound Option: the reservation ends without a call (the customer did not answer, or the preview was closed). */
  closeOutboundReservation(request: { readonly agentId: string }): Promise<ControlResult<void>>;
  /** The peripheral loses track of the agent: state UNKNOWN (the table's "* -> UNKNOWN" row). */
  markUnknown(request: { readonly agentId: string }): Promise<ControlResult<void>>;
  /** Takes a node out of service (503 to everything, SystemInfo OUT_OF_SERVICE) or back in. */
  setNodeInService(request: { readonly node: NodeName; readonly inService: boolean }): Promise<ControlResult<void>>;
  /** Publishes raw text as a notification item on a pubsub node (malformed notifications on purpose). */
  injectNotification(request: { readonly node: string; readonly payload: string }): Promise<ControlResult<void>>;
  /** The whole world as plain data. */
  state(): WorldSnapshot;
  /** Back to the seed: everyone signed out, no dialogs, wrap-up off, both nodes in service, log cleared. */
  reset(): Promise<void>;
}
