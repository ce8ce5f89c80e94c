// Making the strophe.js connection. Injected into the channel so the gadget connects from the browser and
// tests connect from Node (where strophe's Node build supplies WebSocket and an XML DOM).
import { Strophe } from 'strophe.js';

/** A strophe.js connection. */
export type XmppConnection = InstanceType<typeof Strophe.Connection>;

export interface ConnectionRequest {
  /** A WebSocket (ws:, wss:) or BOSH (http:, https:) endpoint. */
  readonly service: string;
  /** Ask for XEP-0198 stream management (WebSocket only). */
  readonly streamManagement: boolean;
  /** How to authenticate: a password (SCRAM, PLAIN), a token (OAUTHBEARER, X-OAUTH2), or anonymously. */
  readonly auth: 'password' | 'token' | 'anonymous';
}

export type ConnectionFactory = (request: ConnectionRequest) => XmppConnection;

const SASL_MECHANISMS = {
  password: [Strophe.SASLSHA256, Strophe.SASLSHA1, Strophe.SASLPlain],
  token: [Strophe.SASLOAuthBearer, Strophe.SASLXOAuth2],
  anonymous: [Strophe.SASLAnonymous],
};

/** The standard factory: a strophe.js Connection with the SASL mechanisms that fit the credentials. */
export const createStropheConnection: ConnectionFactory = (request) => {
  // The channel reports transport failures itself (status events, the agent's banner); strophe's own console
  // lines ("Websocket error...") would only be noise in the Finesse desktop's console.
  Strophe.setLogLevel(Strophe.LogLevel.FATAL);
  return new Strophe.Connection(request.service, {
    enableStreamManagement: request.streamManagement,
    // A token is offered only over mechanisms made for tokens, never as a PLAIN password.
    mechanisms: SASL_MECHANISMS[request.auth],
    // The gadget's state lives in memory; resumable state outliving a page reload would resume a session
    // whose rooms the new page never joined.
    streamManagement: { storage: new Strophe.MemoryStorageBackend(), maxUnacked: 5 },
  });
};

/** strophe.js connection statuses, by name. */
export const XmppStatus = Strophe.Status;
