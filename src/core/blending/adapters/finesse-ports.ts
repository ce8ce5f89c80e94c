// The blending controller's Finesse ports over the REST client: one line each, the client's errors passing
// through as they are (a FinesseError is shaped as a VoiceError).
import type { FinesseClient } from '../../finesse/rest/index.ts';
import type { FinesseFactsPort, VoiceStatePort } from '../ports.ts';

/** PUT User/{id} for the controller's READY / NOT_READY requests. */
export function voiceStatePort(client: Pick<FinesseClient, 'setUserState'>, agentId: string): VoiceStatePort {
  return {
    requestState: (r) =>
      client.setUserState(
        agentId,
        r.reasonCodeId === null ? { state: r.state } : { state: r.state, reasonCodeId: r.reasonCodeId },
      ),
  };
}

/** GET User/{id} and User/{id}/Dialogs, for the controller's re-reads. */
export function finesseFactsPort(
  client: Pick<FinesseClient, 'getUser' | 'getDialogs'>,
  agentId: string,
): FinesseFactsPort {
  return {
    readUser: () => client.getUser(agentId),
    readDialogs: () => client.getDialogs(agentId),
  };
}
