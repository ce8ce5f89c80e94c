// The control operations as functions over the world. Each resolves once its notifications have been
// accepted by the XMPP server, so a caller that then waits on a subscriber sees them in order.
import { err, ok } from '../../src/core/result.ts';
import type { ControlResult, SimulatorControl } from './control-types.ts';
import { SYSTEM_REASONS } from './seed.ts';
import type { SimWorld } from './sim-world.ts';

const NODE_NAME = /^\/[A-Za-z0-9/._-]{1,200}$/;
const MAX_RAW_PAYLOAD = 64 * 1024;

/** Builds the control functions; `flush` waits for queued notifications. */
export function createSimulatorControl(world: SimWorld, flush: () => Promise<void>): SimulatorControl {
  const after = async <T>(result: ControlResult<T>): Promise<ControlResult<T>> => {
    await flush();
    return result;
  };
  return {
    placeAcdCall: (request) => after(world.placeAcdCall(request)),
    placeInternalCall: (request) => after(world.placeInternalCall(request)),
    endCall: ({ dialogId }) => after(world.endCall(dialogId)),
    ringNoAnswer: ({ dialogId }) => after(world.ringNoAnswer(dialogId)),
    setWrapUp: ({ agentId, enabled }) => after(world.setWrapUp(agentId, enabled)),
    expireWrapUp: ({ agentId }) => after(world.expireWrapUp(agentId)),
    systemNotReady: ({ agentId, reason }) =>
      after(
        SYSTEM_REASONS.includes(reason)
          ? world.systemNotReady(agentId, reason)
          : err({ status: 400, message: `Unknown system reason ${String(reason)}` }),
      ),
    reserveOutbound: ({ agentId, preview }) => after(world.reserveOutbound(agentId, preview ?? false)),
    connectOutbound: ({ agentId, fromAddress }) => after(world.connectOutbound(agentId, fromAddress ?? '6175550199')),
    closeOutboundReservation: ({ agentId }) => after(world.closeOutboundReservation(agentId)),
    markUnknown: ({ agentId }) => after(world.markUnknown(agentId)),
    setNodeInService: ({ node, inService }) => {
      if (node !== 'primary' && node !== 'secondary')
        return Promise.resolve(err({ status: 400, message: 'node must be primary or secondary' }));
      world.setNodeInService(node, inService);
      return after(ok(undefined));
    },
    injectNotification: async ({ node, payload }) => {
      if (!NODE_NAME.test(node))
        return err({ status: 400, message: 'node must be a pubsub node path such as /finesse/api/User/1001001' });
      if (payload.length > MAX_RAW_PAYLOAD) return err({ status: 400, message: 'payload is larger than 64 KiB' });
      try {
        await world.publishRaw(node, payload);
        return ok(undefined);
      } catch (error) {
        return err({
          status: 404,
          message: `The XMPP server refused the item (${error instanceof Error ? error.message : String(error)})`,
        });
      }
    },
    state: () => world.snapshot(),
    reset: async () => {
      world.reset();
      await flush();
    },
  };
}
