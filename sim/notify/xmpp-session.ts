// One XMPP client session in Node (strophe.js over WebSocket; strophe's Node build brings its own ws and
// @xmldom/xmldom shims), with promises for connect and IQs. Used by the notification publisher and by tests
// that subscribe the way a desktop does.
import { $pres, Strophe, type Builder } from 'strophe.js';

interface XmppSessionOptions {
  readonly websocketUrl: string;
  /** Bare JID, e.g. 1001001@localhost. */
  readonly jid: string;
  readonly password: string;
  readonly resource: string;
  /** Send initial presence after login (pubsub events to a bare JID only reach available resources). */
  readonly presence?: boolean;
}

/** How long a login may take before it is given up. */
const CONNECT_TIMEOUT_MS = 10_000;

type Connection = InstanceType<typeof Strophe.Connection>;

// Strophe logs every connection step at INFO; the simulator and the tests only want real problems.
Strophe.setLogLevel(Strophe.LogLevel.ERROR);

/** Why an IQ failed: the error condition from the server, or "timeout"/"disconnected". */
export class XmppIqError extends Error {
  constructor(
    readonly condition: string,
    what: string,
  ) {
    super(`${what}: ${condition}`);
    this.name = 'XmppIqError';
  }
}

function errorCondition(stanza: Element | null): string {
  if (stanza === null) return 'timeout';
  const error = stanza.getElementsByTagName('error')[0];
  const first = error?.firstElementChild ?? null;
  return first?.tagName ?? 'error';
}

/** A logged-in XMPP session. */
export class XmppSession {
  readonly #conn: Connection;
  #connected = true;
  readonly #onDown = new Set<() => void>();

  private constructor(conn: Connection) {
    this.#conn = conn;
  }

  /** Logs in; rejects on auth failure, connection failure or timeout. */
  static connect(options: XmppSessionOptions): Promise<XmppSession> {
    const conn = new Strophe.Connection(options.websocketUrl);
    const session = new XmppSession(conn);
    return new Promise((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        conn.reset();
        reject(new Error(`XMPP login as ${options.jid} timed out`));
      }, CONNECT_TIMEOUT_MS);
      conn.connect(`${options.jid}/${options.resource}`, options.password, (status: number) => {
        const S = Strophe.Status;
        if (status === S.CONNECTED) {
          if (options.presence ?? true) conn.send($pres().tree());
          if (!settled) {
            settled = true;
            clearTimeout(timer);
            resolve(session);
          }
        } else if (status === S.AUTHFAIL || status === S.CONNFAIL || status === S.ERROR || status === S.CONNTIMEOUT) {
          if (!settled) {
            settled = true;
            clearTimeout(timer);
            reject(
              new Error(
                `XMPP login as ${options.jid} failed (${status === S.AUTHFAIL ? 'authentication' : 'connection'})`,
              ),
            );
          }
        } else if (status === S.DISCONNECTED) {
          session.#connected = false;
          if (!settled) {
            settled = true;
            clearTimeout(timer);
            reject(new Error(`XMPP connection for ${options.jid} closed during login`));
          }
          for (const cb of session.#onDown) cb();
        }
      });
    });
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** Called once when the connection drops (not after close()). */
  onDisconnected(callback: () => void): void {
    this.#onDown.add(callback);
  }

  /** Sends an IQ and resolves with the result stanza; rejects with XmppIqError. */
  sendIQ(iq: Builder, what: string, timeoutMs = 10_000): Promise<Element> {
    if (!this.#connected) return Promise.reject(new XmppIqError('disconnected', what));
    return new Promise((resolve, reject) => {
      this.#conn.sendIQ(
        iq.tree(),
        (result) => resolve(result),
        (error) => reject(new XmppIqError(errorCondition(error), what)),
        timeoutMs,
      );
    });
  }

  /** Sends a stanza without waiting for anything. */
  send(stanza: Builder): void {
    this.#conn.send(stanza.tree());
  }

  /** Calls back for every incoming message stanza until close(). */
  onMessage(handler: (stanza: Element) => void): void {
    this.#conn.addHandler(
      (stanza) => {
        handler(stanza);
        return true;
      },
      null,
      'message',
      null,
    );
  }

  /** Logs out and waits for the stream to close (bounded). */
  close(): Promise<void> {
    this.#onDown.clear();
    if (!this.#connected) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#conn.reset();
        resolve();
      }, 2000);
      this.#onDown.add(() => {
        clearTimeout(timer);
        resolve();
      });
      this.#conn.disconnect('closing');
    });
  }
}
