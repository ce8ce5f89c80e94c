// Answers what gadgets ask the desktop on finesse.info.requests, as the master publisher in Cisco's finesse.js
// (10.5.1, MasterPublisher._clientRequestHandler) does:
// - SubscribeNodeReq {data:{node}, invokeID}: an XEP-0060 subscription on the desktop's XMPP connection; the reply
//   on finesse.info.responses.<invokeID> is `undefined` on success (also when the node is already subscribed),
//   {error:{errorType:"Not connected", ...}} without a connection, {subscribe:{content, object}} for an XMPP error
//   (content = the error stanza), {error:{errorType:"Disconnected", ...}} when the connection drops meanwhile.
// - UnsubscribeNodeReq {data:{node, subid}, invokeID}: subid is the invokeID the subscription was made with.
// - ConnectionInfoReq: {status, resourceID} (plus the request's invokeID) on finesse.info.connection.
// Container requests (ActiveTabReq, SetActiveTabReq, ReloadGadgetReq) are answered by container-services.ts.
import { notificationObject } from './hub-payload.ts';

export const REQUESTS_TOPIC = 'finesse.info.requests';
export const CONNECTION_TOPIC = 'finesse.info.connection';
const RESPONSES_TOPIC_PREFIX = 'finesse.info.responses.';

/** The failure replies, word for word as the library sends them. */
export const NOT_CONNECTED_REPLY = {
  error: { errorType: 'Not connected', errorMessage: 'Cannot subscribe without connection.' },
} as const;
export const DISCONNECTED_REPLY = {
  error: { errorType: 'Disconnected', errorMessage: 'Outstanding request will never complete.' },
} as const;

/** What goes on finesse.info.responses.<invokeID>: undefined on success, otherwise one of the failure shapes. */
type FinesseResponse =
  | undefined
  | typeof NOT_CONNECTED_REPLY
  | typeof DISCONNECTED_REPLY
  | { readonly subscribe: { readonly content: string; readonly object: unknown } }
  | { readonly error: { readonly errorType: string; readonly errorMessage: string } };

/** What finesse.info.connection carries. */
interface ConnectionInfo {
  readonly status: string;
  readonly resourceID: string;
  readonly invokeID?: unknown;
}

/** A refused XMPP request: the error stanza as the server sent it (the reply's `content`). */
export class XmppStanzaError extends Error {
  constructor(
    message: string,
    readonly stanzaXml: string,
  ) {
    super(message);
    this.name = 'XmppStanzaError';
  }
}

interface NodeSubscriber {
  /** True while the XMPP connection is up. */
  readonly connected: boolean;
  subscribeNode(node: string): Promise<void>;
  unsubscribeNode(node: string): Promise<void>;
}

interface RequestsHub {
  publish(topic: string, data: unknown): void;
}

export interface RequestHandler {
  /** The hub callback for finesse.info.requests. */
  readonly onRequest: (topic: string, message: unknown) => void;
  /** The desktop tells the handler each connection status; a drop fails every outstanding request. */
  connectionChanged(status: string): void;
}

/** Creates the handler; `connectionInfo` gives the current {status, resourceID}. */
export function createRequestHandler(
  hub: RequestsHub,
  nodes: NodeSubscriber,
  connectionInfo: () => ConnectionInfo,
): RequestHandler {
  /** invokeID of each live subscription -> its node (UnsubscribeNodeReq names the subscription by that id). */
  const subscriptions = new Map<string, string>();
  /** Requests sent to XMPP and not answered yet, by invokeID. */
  const outstanding = new Set<string>();

  const reply = (invokeID: string, response: FinesseResponse) => {
    hub.publish(RESPONSES_TOPIC_PREFIX + invokeID, response);
  };

  const settle = (invokeID: string, work: Promise<void>, onDone: () => void) => {
    outstanding.add(invokeID);
    work.then(
      () => {
        if (!outstanding.delete(invokeID)) return; // already failed as Disconnected
        onDone();
        reply(invokeID, undefined);
      },
      (e: unknown) => {
        if (!outstanding.delete(invokeID)) return;
        reply(invokeID, failureReply(e));
      },
    );
  };

  const onRequest = (_topic: string, message: unknown): void => {
    if (typeof message !== 'object' || message === null) return;
    const { type, data, invokeID } = message as { type?: unknown; data?: unknown; invokeID?: unknown };
    if (type === 'ConnectionInfoReq') {
      const info = connectionInfo();
      hub.publish(
        CONNECTION_TOPIC,
        invokeID === undefined
          ? { status: info.status, resourceID: info.resourceID }
          : { status: info.status, resourceID: info.resourceID, invokeID },
      );
      return;
    }
    if (type !== 'SubscribeNodeReq' && type !== 'UnsubscribeNodeReq') return;
    // The reply topic is finesse.info.responses.<invokeID>: an id that is not one topic token cannot have one.
    const id = typeof invokeID === 'number' ? String(invokeID) : typeof invokeID === 'string' ? invokeID : '';
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return;
    const fields = typeof data === 'object' && data !== null ? (data as { node?: unknown; subid?: unknown }) : {};
    const node = fields.node;
    if (typeof node !== 'string' || !node.startsWith('/finesse/api/')) {
      // Unconfirmed: the library sends nothing for a missing node; the stand-in says what is wrong.
      reply(id, {
        error: {
          errorType: 'Invalid Input',
          errorMessage: 'data.node must be a Finesse node path such as /finesse/api/Team/10/Users.',
        },
      });
      return;
    }
    if (!nodes.connected) {
      reply(id, NOT_CONNECTED_REPLY);
      return;
    }
    if (type === 'SubscribeNodeReq') {
      settle(id, nodes.subscribeNode(node), () => {
        subscriptions.set(id, node);
      });
      return;
    }
    const subid =
      typeof fields.subid === 'string' || typeof fields.subid === 'number' ? String(fields.subid) : undefined;
    const key =
      subid !== undefined && subscriptions.get(subid) === node
        ? subid
        : [...subscriptions].find(([, n]) => n === node)?.[0];
    if (key !== undefined) subscriptions.delete(key);
    settle(id, nodes.unsubscribeNode(node), () => undefined);
  };

  return {
    onRequest,
    connectionChanged(status) {
      if (status === 'connected' || status === 'connecting') return;
      for (const id of [...outstanding]) {
        outstanding.delete(id);
        reply(id, DISCONNECTED_REPLY);
      }
    },
  };
}

function failureReply(e: unknown): FinesseResponse {
  if (e instanceof XmppStanzaError)
    return { subscribe: { content: e.stanzaXml, object: notificationObject(e.stanzaXml) } };
  // A request the XMPP server never answered: the library would still be waiting; say so instead.
  return { error: { errorType: 'Subscription Failed', errorMessage: e instanceof Error ? e.message : String(e) } };
}
