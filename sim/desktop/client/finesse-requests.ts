// Answers what gadgets ask the desktop on finesse.info.requests, as the Finesse desktop does:
// SubscribeNodeReq / UnsubscribeNodeReq (XEP-0060 subscriptions on the desktop's XMPP connection, answered
// on finesse.info.responses.<invokeID>) and ConnectionInfoReq (re-publishes finesse.info.connection).

export const REQUESTS_TOPIC = 'finesse.info.requests';
export const CONNECTION_TOPIC = 'finesse.info.connection';
export const RESPONSES_TOPIC_PREFIX = 'finesse.info.responses.';

/**
 * The reply on finesse.info.responses.<invokeID>. The developer guide fixes the topic but not the body;
 * this harness sends the invokeID, the request type, and on failure an error with a type and message.
 */
export interface FinesseResponse {
  readonly invokeID: string;
  readonly type: string;
  readonly status: 'success' | 'failure';
  readonly content?: { readonly node: string };
  readonly error?: { readonly errorType: string; readonly errorMessage: string };
}

export interface NodeSubscriber {
  subscribeNode(node: string): Promise<void>;
  unsubscribeNode(node: string): Promise<void>;
}

export interface RequestsHub {
  publish(topic: string, data: unknown): void;
}

/** The handler for one message on finesse.info.requests. */
export function createRequestHandler(hub: RequestsHub, nodes: NodeSubscriber, publishConnectionInfo: () => void) {
  /** invokeID of each live subscription -> its node (UnsubscribeNodeReq names the subscription by that id). */
  const subscriptions = new Map<string, string>();

  const reply = (response: FinesseResponse) => {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(response.invokeID)) return; // it must be one topic token
    hub.publish(RESPONSES_TOPIC_PREFIX + response.invokeID, response);
  };

  return (_topic: string, message: unknown): void => {
    if (typeof message !== 'object' || message === null) return;
    const { type, data, invokeID } = message as { type?: unknown; data?: unknown; invokeID?: unknown };
    const node = typeof data === 'object' && data !== null ? (data as { node?: unknown }).node : undefined;
    const id = typeof invokeID === 'string' ? invokeID : '';
    if (type === 'ConnectionInfoReq') {
      publishConnectionInfo();
      return;
    }
    if (type !== 'SubscribeNodeReq' && type !== 'UnsubscribeNodeReq') return;
    if (typeof node !== 'string' || !node.startsWith('/finesse/api/')) {
      reply({ invokeID: id, type, status: 'failure', error: { errorType: 'Invalid Input', errorMessage: 'data.node must be a /finesse/api/ node' } });
      return;
    }
    const subid = typeof data === 'object' && data !== null ? (data as { subid?: unknown }).subid : undefined;
    const work = type === 'SubscribeNodeReq'
      ? nodes.subscribeNode(node).then(() => { subscriptions.set(id, node); })
      : (() => {
        const key = typeof subid === 'string' && subscriptions.get(subid) === node ? subid : [...subscriptions].find(([, n]) => n === node)?.[0];
        if (key !== undefined) subscriptions.delete(key);
        return nodes.unsubscribeNode(node);
      })();
    work.then(
      () => reply({ invokeID: id, type, status: 'success', content: { node } }),
      (e: unknown) => reply({ invokeID: id, type, status: 'failure', error: { errorType: 'Subscription Failed', errorMessage: e instanceof Error ? e.message : String(e) } }),
    );
  };
}
