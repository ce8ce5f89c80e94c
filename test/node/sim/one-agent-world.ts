// One world per test file, seen by its first agent: a REST client as the agent and an XMPP subscriber to the
// agent's User and Dialogs nodes; reset to the seed before each test with nothing left in the subscriber's queue.
import { startWorld, type WorldHandle } from '../../../sim/world.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import { RestClient, Subscriber, agent, resetAndSettle } from './sim-test-kit.ts';

export interface OneAgentWorld {
  readonly world: WorldHandle;
  readonly me: SimulatorAccount;
  readonly rest: RestClient;
  readonly sub: Subscriber;
  /** Back to the seed; resolves once every notification published before it has reached the subscriber, which is then empty. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the world, the agent's REST client and its subscriber; a failed start stops what it started. */
export async function startOneAgentWorld(): Promise<OneAgentWorld> {
  const world = await startWorld();
  try {
    const me = agent(world, 0);
    const rest = RestClient.as(world.simulator.primaryUrl, me);
    const myNodes = [`/finesse/api/User/${me.id}`, `/finesse/api/User/${me.id}/Dialogs`];
    const sub = await Subscriber.connect(world, me, myNodes);
    const nodes = new Map([[sub, myNodes]]);
    return {
      world,
      me,
      rest,
      sub,
      reset: () => resetAndSettle(world, [sub], nodes),
      stop: async () => {
        await sub.close();
        await world.stop();
      },
    };
  } catch (error) {
    await world.stop();
    throw error;
  }
}
