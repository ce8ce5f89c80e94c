// The simulated contact center: its accounts, teams and reason codes. Dev and test data only; the passwords
// are published in sim/README.md on purpose.
import type { ReasonCategory, ReasonCode, Role } from '../../src/core/finesse/types.ts';

export type Deployment = 'UCCE' | 'UCCX';

/** A seeded account: what a person (or a test) signs in with. */
export interface SeedAccount {
  /** Finesse loginId (also the XMPP username). */
  readonly id: string;
  /** Finesse loginName; Basic auth accepts it as well as the id. */
  readonly loginName: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  /** The extension the desktop offers at sign-in. */
  readonly extension: string;
  readonly roles: readonly Role[];
  /** The team the user belongs to. */
  readonly teamId: string;
  /** Teams a supervisor supervises (empty for agents). */
  readonly supervises: readonly string[];
}

interface SeedTeam {
  readonly id: string;
  readonly name: string;
}

export const TEAMS: readonly SeedTeam[] = [
  { id: '10', name: 'Blended Team A' },
  { id: '20', name: 'Blended Team B' },
];

const agent = (n: number, firstName: string, lastName: string, teamId: string): SeedAccount => ({
  id: `100100${n}`,
  loginName: `agent${n}`,
  password: `agent${n}pw`,
  firstName,
  lastName,
  extension: `500${n}`,
  roles: ['Agent'],
  teamId,
  supervises: [],
});

export const ACCOUNTS: readonly SeedAccount[] = [
  agent(1, 'Ava', 'Agent', '10'),
  agent(2, 'Ben', 'Baker', '10'),
  agent(3, 'Cleo', 'Carter', '10'),
  agent(4, 'Dev', 'Dunn', '20'),
  agent(5, 'Eli', 'Evans', '20'),
  {
    id: '1002001',
    loginName: 'supervisor1',
    password: 'supervisor1pw',
    firstName: 'Sam',
    lastName: 'Supervisor',
    extension: '6001',
    roles: ['Agent', 'Supervisor'],
    teamId: '10',
    supervises: ['10'],
  },
  {
    id: '1002002',
    loginName: 'supervisor2',
    password: 'supervisor2pw',
    firstName: 'Tess',
    lastName: 'Taylor',
    extension: '6002',
    roles: ['Agent', 'Supervisor'],
    teamId: '20',
    supervises: ['20'],
  },
  {
    // A supervisor of both teams: the team gadget offers a team selector.
    id: '1002003',
    loginName: 'supervisor3',
    password: 'supervisor3pw',
    firstName: 'Uma',
    lastName: 'Underwood',
    extension: '6003',
    roles: ['Agent', 'Supervisor'],
    teamId: '20',
    supervises: ['10', '20'],
  },
];

/**
 * An administrator account: it signs in to no desktop and has no team (Finesse administrators are not agents unless
 * also configured as one), but its Basic credentials open the administrator APIs, e.g. User—Get List (GET Users).
 */
export interface SeedAdministrator {
  readonly id: string;
  /** Basic auth accepts it as well as the id. */
  readonly loginName: string;
  readonly password: string;
}

export const ADMINISTRATORS: readonly SeedAdministrator[] = [
  { id: '1009001', loginName: 'administrator', password: 'administratorpw' },
];

const configured = (id: string, code: number, label: string, category: ReasonCategory): ReasonCode => ({
  id,
  code,
  label,
  category,
  systemCode: false,
  forAll: true,
  uri: `/finesse/api/ReasonCode/${id}`,
});

/** Reason codes an administrator configured: what the ReasonCodes APIs list. */
export const CONFIGURED_REASON_CODES: readonly ReasonCode[] = [
  configured('1', 1, 'Break', 'NOT_READY'),
  configured('2', 2, 'Lunch', 'NOT_READY'),
  configured('3', 3, 'Meeting', 'NOT_READY'),
  configured('4', 4, 'Training', 'NOT_READY'),
  configured('5', 40, 'Handling Chat', 'NOT_READY'),
  configured('11', 11, 'End of Shift', 'LOGOUT'),
  configured('12', 12, 'Personal', 'LOGOUT'),
];

/** The codes the peripheral sets by itself; never listed by the ReasonCodes APIs (as in Finesse). */
export type SystemReason = 'SUPERVISOR' | 'DEVICE_FAILURE' | 'CONNECTION_FAILURE' | 'RING_NO_ANSWER' | 'CALL_ABANDONED';

const SYSTEM_CODE_NUMBERS: Readonly<Record<SystemReason, number>> = {
  SUPERVISOR: 999,
  DEVICE_FAILURE: 50002,
  CONNECTION_FAILURE: 50005,
  RING_NO_ANSWER: 32767,
  CALL_ABANDONED: 255,
};

const SYSTEM_LABELS: Readonly<Record<SystemReason, string>> = {
  SUPERVISOR: 'Supervisor Initiated',
  DEVICE_FAILURE: 'Agent Device Failure',
  CONNECTION_FAILURE: 'Agent Desktop Connection Failure',
  RING_NO_ANSWER: 'Ring No Answer',
  CALL_ABANDONED: 'Call Abandoned',
};

/** A system reason code as this deployment reports it (UCCX's supervisor code is 33, UCCE's 999). */
export function systemReasonCode(reason: SystemReason, deployment: Deployment): ReasonCode {
  const code = reason === 'SUPERVISOR' && deployment === 'UCCX' ? 33 : SYSTEM_CODE_NUMBERS[reason];
  return {
    // System codes have no configured resource; the simulator gives each its code as id.
    id: String(code),
    code,
    label: SYSTEM_LABELS[reason],
    category: 'NOT_READY',
    systemCode: true,
    forAll: true,
    uri: null,
  };
}

/** Every system reason name, for validating control requests. */
export const SYSTEM_REASONS: readonly SystemReason[] = Object.keys(SYSTEM_CODE_NUMBERS) as SystemReason[];
