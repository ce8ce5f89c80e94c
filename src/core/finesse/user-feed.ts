// Keeps the signed-in agent's User current: the REST read at start, then every notification on the hub.
import type { HubPort, Unsubscribe } from '../container/hub.ts';
import { topicForNode } from '../container/hub.ts';
import { describeApiErrors } from './error-catalogue.ts';
import { updateXmlOf } from './notification-payload.ts';
import type { FinesseClient } from './rest/index.ts';
import type { User } from './types.ts';
import { parseUpdate } from './xml/index.ts';

export interface UserFeedDeps {
  readonly client: Pick<FinesseClient, 'getUser'>;
  readonly hub: HubPort;
  readonly agentId: string;
}

export interface UserFeedEvents {
  /** The newest User Finesse reported. */
  onUser(user: User): void;
  /** Something the agent or administrator should know (a refused request, a broken notification, a failed read). */
  onProblem(message: string): void;
}

/** Subscribes before reading, so no change between the read and the subscription is missed. */
export function watchUser(deps: UserFeedDeps, events: UserFeedEvents): Unsubscribe {
  const node = `/finesse/api/User/${deps.agentId}`;
  let notified = false;
  let stopped = false;

  const unsubscribe = deps.hub.subscribe(topicForNode(node), (payload) => {
    if (stopped) return;
    const xml = updateXmlOf(payload);
    if (xml === null) {
      events.onProblem('A Finesse notification arrived without content and was ignored.');
      return;
    }
    const update = parseUpdate(xml, { node });
    if (!update.ok) {
      events.onProblem(`A Finesse notification could not be read and was ignored: ${update.error.message}`);
      return;
    }
    const data = update.value.data;
    if (data.kind === 'user') {
      notified = true;
      events.onUser(data.user);
    } else if (data.kind === 'apiErrors') {
      events.onProblem(describeApiErrors(null, data.errors).message);
    }
  });

  void deps.client.getUser(deps.agentId).then((result) => {
    if (stopped) return;
    if (!result.ok) events.onProblem(result.error.description.message);
    // A notification that arrived while the read was in flight is newer than the read.
    else if (!notified) events.onUser(result.value);
  });

  return () => {
    stopped = true;
    unsubscribe();
  };
}
