// The typed Finesse model. Everything that leaves src/core/finesse is one of these: never raw XML or parser output.
// Field names follow the Finesse REST API (Cisco Finesse Web Services Developer Guide), unwrapped into plain values.

/** Agent voice states Finesse reports (UCCE and UCCX). */
export const AGENT_STATES = [
  'LOGIN',
  'LOGOUT',
  'NOT_READY',
  'READY',
  'RESERVED',
  'RESERVED_OUTBOUND',
  'RESERVED_OUTBOUND_PREVIEW',
  'TALKING',
  'HOLD',
  'WORK',
  'WORK_READY',
  'UNKNOWN',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** The two kinds of reason code an agent picks from. */
export type ReasonCategory = 'NOT_READY' | 'LOGOUT';

export interface ReasonCode {
  /** Finesse's id of the reason code resource (what `reasonCodeId` refers to). */
  readonly id: string;
  /** The numeric code reported to the contact center (e.g. 32767, 50002). */
  readonly code: number;
  readonly label: string;
  readonly category: ReasonCategory;
  /** True for codes the system sets (supervisor-forced, device errors...): never overridden by the gadget. */
  readonly systemCode: boolean;
  readonly forAll: boolean;
  readonly uri: string | null;
}

export type Role = 'Agent' | 'Supervisor' | 'Administrator';

export interface TeamRef {
  readonly id: string;
  readonly name: string;
  readonly uri: string | null;
}

export interface User {
  readonly loginId: string;
  readonly loginName: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly state: AgentState;
  /** A state Finesse will move to when the current call ends (empty in XML becomes null). */
  readonly pendingState: AgentState | null;
  readonly reasonCodeId: string | null;
  readonly reasonCode: ReasonCode | null;
  /** ISO-8601 time of the last state change, as Finesse reports it. */
  readonly stateChangeTime: string | null;
  readonly extension: string | null;
  readonly roles: readonly Role[];
  readonly teamId: string | null;
  readonly teamName: string | null;
  /** Teams a supervisor supervises (empty for agents). */
  readonly teams: readonly TeamRef[];
  readonly uri: string | null;
}

/** Dialog (call) states Finesse reports. */
export const DIALOG_STATES = [
  'INITIATING',
  'INITIATED',
  'ALERTING',
  'ACTIVE',
  'HELD',
  'FAILED',
  'DROPPED',
  'ACCEPTED',
  'WRAP_UP',
  'WRAP_UP_COMPLETE',
] as const;
export type DialogState = (typeof DIALOG_STATES)[number];

export const PARTICIPANT_STATES = [
  'INITIATING',
  'INITIATED',
  'ALERTING',
  'ACTIVE',
  'HELD',
  'FAILED',
  'DROPPED',
  'ACCEPTED',
  'WRAP_UP',
  'WRAP_UP_COMPLETE',
] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

export interface Participant {
  readonly mediaAddress: string;
  readonly mediaAddressType: string | null;
  readonly state: ParticipantState;
  readonly stateCause: string | null;
  /** Actions Finesse allows this participant now (ANSWER, HOLD, RETRIEVE, DROP, TRANSFER_SST, ...). */
  readonly actions: readonly string[];
  readonly startTime: string | null;
  readonly stateChangeTime: string | null;
}

export interface CallVariable {
  readonly name: string;
  readonly value: string;
}

export interface Dialog {
  readonly id: string;
  /** "Voice" for calls; other media for non-voice dialogs. */
  readonly mediaType: string;
  /** ACD_IN, PREROUTE_ACD_IN, TRANSFER, CONSULT, CONFERENCE, AGENT_INSIDE, OTHER_IN, OUT, OUTBOUND... (kept as sent). */
  readonly callType: string | null;
  readonly state: DialogState;
  readonly fromAddress: string | null;
  readonly toAddress: string | null;
  readonly dialedNumber: string | null;
  readonly associatedDialogUri: string | null;
  readonly callVariables: readonly CallVariable[];
  readonly participants: readonly Participant[];
  readonly uri: string | null;
}

export type SystemStatus = 'IN_SERVICE' | 'OUT_OF_SERVICE';
export type DeploymentType = 'UCCE' | 'UCCX' | 'PCCE' | 'UNKNOWN';

export interface SystemInfo {
  readonly status: SystemStatus;
  readonly statusReason: string | null;
  readonly deploymentType: DeploymentType;
  readonly primaryNode: string | null;
  readonly secondaryNode: string | null;
  readonly xmppDomain: string | null;
  readonly xmppPubSubDomain: string | null;
  readonly currentTimestamp: string | null;
  readonly timezoneOffset: number | null;
}

/** A team member as the Team resource lists it (a subset of User). */
export type TeamUser = Pick<
  User,
  | 'loginId'
  | 'loginName'
  | 'firstName'
  | 'lastName'
  | 'state'
  | 'pendingState'
  | 'reasonCodeId'
  | 'reasonCode'
  | 'stateChangeTime'
  | 'extension'
>;

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly users: readonly TeamUser[];
  readonly uri: string | null;
}

/** One error Finesse reports, synchronously (`<ApiErrors>`) or asynchronously (`<apiErrors>` in a notification). */
export interface ApiError {
  /** e.g. "Invalid State", "Invalid Input", "Parameter Missing", or a CTI code such as CF_INVALID_OBJECT_STATE. */
  readonly errorType: string;
  readonly errorMessage: string;
  readonly errorData: string | null;
  readonly peripheralErrorCode: string | null;
  readonly peripheralErrorMsg: string | null;
  readonly peripheralErrorText: string | null;
}

export type UpdateEvent = 'PUT' | 'POST' | 'DELETE';

/** What a notification carries, by the root element inside `<data>`. */
export type UpdateData =
  | { readonly kind: 'user'; readonly user: User }
  | { readonly kind: 'dialogs'; readonly dialogs: readonly Dialog[] }
  | { readonly kind: 'dialog'; readonly dialog: Dialog }
  | { readonly kind: 'team'; readonly team: Team }
  /** Team/{id}/Users notifications carry one member. */
  | { readonly kind: 'teamUser'; readonly user: TeamUser }
  | { readonly kind: 'systemInfo'; readonly systemInfo: SystemInfo }
  | { readonly kind: 'apiErrors'; readonly errors: readonly ApiError[] }
  /** A well-formed envelope whose data root this model does not know; kept by name so callers can log it. */
  | { readonly kind: 'unknown'; readonly root: string };

/** A Finesse notification envelope: `<Update><event/><requestId/><source/><data>...</data></Update>`. */
export interface Update {
  readonly event: UpdateEvent;
  /** The requestId of the REST request that caused it, when there was one. */
  readonly requestId: string | null;
  /** The resource the notification is about, e.g. /finesse/api/User/1001001. */
  readonly source: string;
  readonly data: UpdateData;
}

/** Why a piece of Finesse XML could not become a typed value. */
export type ParseErrorCode =
  'EMPTY' | 'TOO_LARGE' | 'FORBIDDEN_DTD' | 'MALFORMED_XML' | 'WRONG_ROOT' | 'MISSING_FIELD' | 'INVALID_VALUE';

export interface ParseError {
  readonly kind: 'parse';
  readonly code: ParseErrorCode;
  /** A sentence an administrator can act on, naming the element at fault. */
  readonly message: string;
  /** Where in the document, e.g. "User/state". */
  readonly path?: string;
}
