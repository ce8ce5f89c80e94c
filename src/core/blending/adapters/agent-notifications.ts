// Finesse notifications on the desktop's hub, as the blending controller takes them: the agent's User and
// Dialogs nodes parsed into Updates, and the desktop's notification connection as "notifications up or down".
import type { HubPort } from '../../container/hub.ts';
import type { Unsubscribe } from '../../shared/unsubscribe.ts';
import { topicForNode } from '../../container/hub.ts';
import { notificationDocumentOf } from '../../finesse/notification-payload.ts';
import type { Update } from '../../finesse/types.ts';
import { parseUpdate } from '../../finesse/xml/index.ts';

/** The hub topic the desktop publishes its notification connection status on. */
export const CONNECTION_TOPIC = 'finesse.info.connection';
/** The hub topic gadgets send requests to the desktop on (ConnectionInfoReq, SubscribeNodeReq...). */
export const REQUESTS_TOPIC = 'finesse.info.requests';
/** The hub topic the desktop answers a gadget's request on: finesse.info.responses.<invokeID>. */
export const RESPONSES_TOPIC_PREFIX = 'finesse.info.responses.';

export interface AgentNotificationEvents {
  /** A parsed notification for the agent's User or Dialogs node. */
  onUpdate(update: Update): void;
  /** A notification that could not be used, in words (never its content). */
  /** A notification on `node` that was ignored, and why (the reader's own words). */
  onProblem(problem: { readonly node: string; readonly detail: string }): void;
}

/** The Finesse nodes blending follows for an agent. */
export function agentNodes(agentId: string): readonly string[] {
  return [`/finesse/api/User/${agentId}`, `/finesse/api/User/${agentId}/Dialogs`];
}

/**
 * Subscribes to the agent's User and Dialogs topics; every usable notification becomes an Update. Asynchronous
 * `<apiErrors>` pass on as Updates too: the controller reads them as answers to its own requests.
 */
export function watchAgentNotifications(hub: HubPort, agentId: string, events: AgentNotificationEvents): Unsubscribe {
  const subscriptions = agentNodes(agentId).map((node) =>
    hub.subscribe(topicForNode(node), (payload) => {
      const document = notificationDocumentOf(payload);
      if (!document.ok) {
        events.onProblem({ node, detail: document.error });
        return;
      }
      const update = parseUpdate(document.value.xml, { node });
      if (!update.ok) {
        events.onProblem({ node, detail: update.error.message });
        return;
      }
      events.onUpdate(update.value);
    }),
  );
  return () => {
    for (const unsubscribe of subscriptions) unsubscribe();
  };
}

/** What finesse.info.connection says about the desktop's notification channel. */
export type NotificationConnection = 'connected' | 'connecting' | 'disconnected' | 'reconnecting' | 'unloading';

const CONNECTION_STATES: ReadonlySet<string> = new Set([
  'connected',
  'connecting',
  'disconnected',
  'reconnecting',
  'unloading',
]);

/** Reads a finesse.info.connection payload ({status, resourceID}); null when it is not one. */
export function readConnectionStatus(payload: unknown): NotificationConnection | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const status = (payload as { status?: unknown }).status;
  return typeof status === 'string' && CONNECTION_STATES.has(status) ? (status as NotificationConnection) : null;
}

/**
 * Follows the desktop's notification connection: `onChange(true)` when connected, `false` when it drops.
 * 'unloading' (the desktop going away) changes nothing. Asks the desktop for the current status at once.
 */
export function watchNotificationConnection(
  hub: HubPort,
  onChange: (up: boolean) => void,
  invokeId: string,
): Unsubscribe {
  let last: boolean | null = null;
  const unsubscribe = hub.subscribe(CONNECTION_TOPIC, (payload) => {
    const status = readConnectionStatus(payload);
    if (status === null || status === 'unloading') return;
    const up = status === 'connected';
    if (up === last) return;
    last = up;
    onChange(up);
  });
  hub.publish(REQUESTS_TOPIC, { type: 'ConnectionInfoReq', data: {}, invokeID: invokeId });
  return unsubscribe;
}
