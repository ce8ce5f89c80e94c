// The whole simulated world in one call: a private Prosody, every seeded Finesse account registered as an
// XMPP user (username = loginId, password = Finesse password, as Finesse's notification service does), and
// the Finesse simulator publishing to it.
import { startProsody, type ProsodyHandle } from './prosody/start-prosody.ts';
import { startSimulator, type RouteHandler, type SimulatorHandle } from './server.ts';
import { ACCOUNTS, type Deployment } from './finesse/seed.ts';

export interface StartWorldOptions {
  /** XMPP domain; default "localhost". */
  readonly domain?: string;
  readonly host?: string;
  readonly primaryPort?: number;
  readonly secondaryPort?: number;
  readonly routes?: readonly RouteHandler[];
  readonly deployment?: Deployment;
}

export interface WorldHandle {
  readonly prosody: ProsodyHandle;
  readonly simulator: SimulatorHandle;
  /** Stops the simulator, then Prosody; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts Prosody, registers the seeded accounts on it, and starts the simulator. */
export async function startWorld(opts: StartWorldOptions = {}): Promise<WorldHandle> {
  const prosody = await startProsody(opts.domain !== undefined ? { domain: opts.domain } : {});
  try {
    await Promise.all(ACCOUNTS.map((account) => prosody.register(account.id, account.password)));
    const simulator = await startSimulator({ ...opts, prosody });
    let stopping: Promise<void> | null = null;
    return {
      prosody,
      simulator,
      stop() {
        stopping ??= (async () => {
          try {
            await simulator.stop();
          } finally {
            await prosody.stop();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await prosody.stop();
    throw error;
  }
}
