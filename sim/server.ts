// The Finesse simulator: two HTTP listeners (primary and secondary node) over one simulated world, the
// Finesse REST API under /finesse/api/ on both, the JSON control API under /control/ on the primary, and
// notifications published to Prosody's pubsub service as Finesse's notification service does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProsodyHandle } from './prosody/start-prosody.ts';
import type { SimulatorControl, WorldSnapshot } from './finesse/control-types.ts';
import type { Deployment } from './finesse/seed.ts';

/** A handler tried before the simulator's own routes on the primary listener; true when it answered. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface StartSimulatorOptions {
  readonly prosody: ProsodyHandle;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (a free port). */
  readonly primaryPort?: number;
  /** Default 0 (a free port). */
  readonly secondaryPort?: number;
  readonly routes?: readonly RouteHandler[];
  /** Default UCCE. */
  readonly deployment?: Deployment;
}

/** A seeded account, as a person or a test signs in with it. */
export interface SimulatorAccount {
  readonly id: string;
  readonly loginName: string;
  readonly password: string;
  readonly extension: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly teamId: string;
  readonly supervisor: boolean;
  /** Teams a supervisor supervises (empty for agents). */
  readonly supervises: readonly string[];
}

export interface SimulatorHandle {
  /** e.g. http://127.0.0.1:41234 (no trailing slash); REST under /finesse/api/, control under /control/. */
  readonly primaryUrl: string;
  readonly secondaryUrl: string;
  readonly deployment: Deployment;
  /** Read access to the world: a fresh snapshot on each call. */
  readonly world: { snapshot(): WorldSnapshot };
  readonly control: SimulatorControl;
  readonly users: readonly SimulatorAccount[];
  stop(): Promise<void>;
}

/** Starts the simulator against a running Prosody (see sim/world.ts to start both). */
export async function startSimulator(opts: StartSimulatorOptions): Promise<SimulatorHandle> {
  void opts;
  throw new Error('startSimulator: not implemented yet');
}
