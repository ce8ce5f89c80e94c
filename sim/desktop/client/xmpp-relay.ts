// The desktop's own XMPP connection (as the Finesse desktop keeps one for its gadgets): signs in as the agent,
// subscribes to pubsub nodes, and hands every notification's <Update> text to the container, which publishes
// it on the hub. WebSocket first, BOSH when the WebSocket cannot connect; reconnects after a drop.
import { $iq, $pres, Strophe } from 'strophe.js';
import { XmppStanzaError } from './finesse-requests.ts';

/** The statuses Finesse publishes on finesse.info.connection. */
export type ConnectionStatus = 'connected' | 'connecting' | 'disconnected' | 'reconnecting' | 'unloading';

interface XmppRelayOptions {
  readonly websocketUrl: string;
  readonly boshUrl: string;
  readonly domain: string;
  readonly pubsubDomain: string;
  readonly username: string;
  readonly password: string;
  readonly resource: string;
  onStatus(status: ConnectionStatus, transport: 'websocket' | 'bosh' | null): void;
  onNotification(node: string, updateXml: string): void;
}

const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

export class XmppRelay {
  #conn: InstanceType<typeof Strophe.Connection> | null = null;
  #transport: 'websocket' | 'bosh' = 'websocket';
  #everConnected = false;
  #stopped = false;
  #attempt = 0;
  #connected = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Nodes to keep subscribed across reconnects, with how many holders each has. */
  readonly #nodes = new Map<string, number>();
  /** Callers waiting for the (re)connection's subscriptions to be in place. */
  #waiting: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

  constructor(private readonly options: XmppRelayOptions) {}

  get bareJid(): string {
    return `${this.options.username}@${this.options.domain}`;
  }

  get resource(): string {
    return this.options.resource;
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** Connects (status "connecting", then "connected"). */
  start(): void {
    this.#stopped = false;
    this.#connect('connecting');
  }

  /** Subscribes this user to a node (kept across reconnects); resolves when the server confirms. */
  async subscribeNode(node: string): Promise<void> {
    this.#nodes.set(node, (this.#nodes.get(node) ?? 0) + 1);
    if (this.#connected) {
      await this.#pubsub('subscribe', node);
      return;
    }
    // Not connected yet: the node is subscribed with the others as soon as the connection is up.
    await new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Releases one hold on a node; the XMPP subscription ends when nobody holds it. */
  async unsubscribeNode(node: string): Promise<void> {
    const count = this.#nodes.get(node) ?? 0;
    if (count > 1) {
      this.#nodes.set(node, count - 1);
      return;
    }
    this.#nodes.delete(node);
    if (this.#connected) await this.#pubsub('unsubscribe', node);
  }

  /** Disconnects for good; `unloading` reports the page going away rather than a plain disconnect. */
  stop(unloading = false): void {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    for (const w of this.#waiting.splice(0)) w.reject(new Error('the desktop closed its connection'));
    this.options.onStatus(unloading ? 'unloading' : 'disconnected', null);
    const conn = this.#conn;
    this.#conn = null;
    this.#connected = false;
    conn?.disconnect('signing out');
  }

  #connect(status: 'connecting' | 'reconnecting'): void {
    if (this.#stopped) return;
    this.options.onStatus(status, null);
    const url = this.#transport === 'websocket' ? this.options.websocketUrl : this.options.boshUrl;
    // The relay reports its connection through finesse.info.connection; strophe's console lines add nothing.
    Strophe.setLogLevel(Strophe.LogLevel.FATAL);
    const conn = new Strophe.Connection(url);
    this.#conn = conn;
    conn.addHandler((stanza) => this.#onMessage(stanza), null, 'message', null);
    const jid = `${this.bareJid}/${this.options.resource}`;
    conn.connect(jid, this.options.password, (s: number) => this.#onConnStatus(conn, s));
  }

  #onConnStatus(conn: InstanceType<typeof Strophe.Connection>, s: number): void {
    if (conn !== this.#conn) return;
    const S = Strophe.Status;
    if (s === S.CONNECTED) {
      this.#connected = true;
      this.#everConnected = true;
      this.#attempt = 0;
      conn.send($pres().tree());
      void Promise.all([...this.#nodes.keys()].map((n) => this.#pubsub('subscribe', n).catch(() => undefined))).then(
        () => {
          if (conn !== this.#conn) return;
          for (const w of this.#waiting.splice(0)) w.resolve();
          this.options.onStatus('connected', this.#transport);
        },
      );
      return;
    }
    if (s === S.AUTHFAIL) {
      this.#stopped = true;
      this.#connected = false;
      for (const w of this.#waiting.splice(0)) w.reject(new Error('XMPP sign-in refused'));
      this.options.onStatus('disconnected', null);
      return;
    }
    if (s === S.CONNFAIL || s === S.ERROR || s === S.CONNTIMEOUT || s === S.DISCONNECTED) {
      const wasConnected = this.#connected;
      this.#connected = false;
      if (this.#stopped) return;
      if (!this.#everConnected && this.#transport === 'websocket' && s !== S.DISCONNECTED) {
        // The WebSocket could not be opened: fall back to BOSH, as the Finesse desktop does.
        this.#transport = 'bosh';
        this.#conn = null;
        this.#connect('connecting');
        return;
      }
      if (s !== S.DISCONNECTED) return; // Strophe follows a failure with DISCONNECTED; retry once, there.
      if (wasConnected || this.#everConnected) this.options.onStatus('disconnected', null);
      const delay = RECONNECT_DELAYS_MS[Math.min(this.#attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 8000;
      this.#attempt += 1;
      this.#conn = null;
      this.#retryTimer = setTimeout(() => this.#connect('reconnecting'), delay);
    }
  }

  #pubsub(action: 'subscribe' | 'unsubscribe', node: string): Promise<void> {
    const conn = this.#conn;
    if (!conn) return Promise.reject(new Error('not connected'));
    const iq = $iq({ type: 'set', to: this.options.pubsubDomain })
      .c('pubsub', { xmlns: NS_PUBSUB })
      .c(action, { node, jid: this.bareJid });
    return new Promise((resolve, reject) => {
      conn.sendIQ(
        iq.tree(),
        () => resolve(),
        (error) => {
          const condition = error?.getElementsByTagName('error')[0]?.firstElementChild?.tagName ?? 'timeout';
          // Unsubscribing from a node one is not subscribed to is not a failure worth reporting.
          if (action === 'unsubscribe' && condition === 'unexpected-request') resolve();
          // The stanza goes with the error: gadgets get it as the reply's content, as from Finesse.
          else if (error) reject(new XmppStanzaError(`${action} ${node}: ${condition}`, Strophe.serialize(error)));
          else reject(new Error(`${action} ${node}: ${condition}`));
        },
        10_000,
      );
    });
  }

  #onMessage(stanza: Element): boolean {
    for (const event of Array.from(stanza.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'event'))) {
      for (const items of Array.from(event.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'items'))) {
        const node = items.getAttribute('node') ?? '';
        for (const item of Array.from(items.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'item'))) {
          const notification = item.getElementsByTagNameNS(NS_PUBSUB, 'notification')[0];
          const text = notification?.textContent ?? '';
          if (node && text.trim()) this.options.onNotification(node, text);
        }
      }
    }
    return true;
  }
}
