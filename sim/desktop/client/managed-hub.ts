// The container's side of the OpenAjax hub: it owns every subscription, routes each publication to the
// matching subscribers (the container itself and every gadget frame), and talks to frames only by postMessage,
// accepting a message only from a registered frame's window and origin.
import { HUB_WIRE, isHubWireMessage, type HubWireMessage } from './harness-config.ts';
import { isPublishTopic, isSubscribeTopic, topicMatches } from './topic-match.ts';

interface Subscription {
  readonly topic: string;
  /** A container subscription's callback; frame subscriptions are delivered by postMessage. */
  readonly local?: (topic: string, data: unknown) => void;
}

interface Client {
  readonly clientId: string;
  readonly window: Window;
  readonly origin: string;
  connected: boolean;
  readonly subs: Map<string, Subscription>;
}

/** What a frame asks the container that is not hub traffic. */
interface FrameRequests {
  adjustHeight(clientId: string, height: number): void;
  setPref(clientId: string, name: string, value: string): void;
  setTitle(clientId: string, title: string): void;
}

export class ManagedHub {
  readonly #clients = new Map<string, Client>();
  readonly #byWindow = new Map<Window, Client>();
  readonly #local = new Map<string, Subscription>();
  #nextLocal = 0;
  readonly #requests: FrameRequests;
  readonly #onMessage = (event: MessageEvent) => this.#receive(event);

  constructor(
    private readonly host: Window,
    requests: FrameRequests,
  ) {
    this.#requests = requests;
    host.addEventListener('message', this.#onMessage);
  }

  /** Registers a gadget frame; only its window, at this origin, may speak for it. */
  addClient(clientId: string, frameWindow: Window, origin: string): void {
    const client: Client = { clientId, window: frameWindow, origin, connected: false, subs: new Map() };
    this.#clients.set(clientId, client);
    this.#byWindow.set(frameWindow, client);
  }

  /** The container subscribes like any client; returns the function that unsubscribes. */
  subscribe(topic: string, onData: (topic: string, data: unknown) => void): () => void {
    if (!isSubscribeTopic(topic)) throw new Error(`OpenAjax.hub.Error.BadParameters: ${topic}`);
    const id = `container-${++this.#nextLocal}`;
    this.#local.set(id, { topic, local: onData });
    return () => {
      this.#local.delete(id);
    };
  }

  /** Publishes to every matching subscription; data goes through JSON as OpenAjax's iframe transport does. */
  publish(topic: string, data: unknown): void {
    if (!isPublishTopic(topic)) throw new Error(`OpenAjax.hub.Error.BadParameters: ${topic}`);
    const copy: unknown = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
    for (const sub of [...this.#local.values()]) {
      if (!topicMatches(sub.topic, topic)) continue;
      try {
        sub.local?.(topic, copy);
      } catch (e) {
        console.error('hub subscriber failed', e);
      }
    }
    for (const client of this.#clients.values()) {
      if (!client.connected) continue;
      for (const [subId, sub] of client.subs) {
        if (topicMatches(sub.topic, topic))
          this.#post(client, { hub: HUB_WIRE, type: 'message', subId, topic, data: copy });
      }
    }
  }

  dispose(): void {
    this.host.removeEventListener('message', this.#onMessage);
    this.#clients.clear();
    this.#byWindow.clear();
    this.#local.clear();
  }

  #post(client: Client, message: HubWireMessage): void {
    client.window.postMessage(message, client.origin);
  }

  #receive(event: MessageEvent): void {
    if (!isHubWireMessage(event.data)) return;
    const client = event.source ? this.#byWindow.get(event.source as Window) : undefined;
    if (!client || event.origin !== client.origin) {
      console.warn(`hub: ignored a message from an unknown frame or origin (${event.origin})`);
      return;
    }
    const msg = event.data;
    switch (msg.type) {
      case 'connect':
        client.connected = true;
        this.#post(client, { hub: HUB_WIRE, type: 'connected', clientId: client.clientId });
        return;
      case 'subscribe': {
        const ok = typeof msg.subId === 'string' && isSubscribeTopic(msg.topic);
        if (ok) client.subs.set(msg.subId, { topic: msg.topic });
        this.#post(client, {
          hub: HUB_WIRE,
          type: 'subscribed',
          subId: String(msg.subId),
          ok,
          ...(ok ? {} : { error: 'OpenAjax.hub.Error.BadParameters' }),
        });
        return;
      }
      case 'unsubscribe': {
        const ok = client.subs.delete(String(msg.subId));
        this.#post(client, { hub: HUB_WIRE, type: 'unsubscribed', subId: String(msg.subId), ok });
        return;
      }
      case 'publish':
        if (isPublishTopic(msg.topic)) this.publish(msg.topic, msg.data);
        return;
      case 'adjustHeight':
        if (typeof msg.height === 'number' && Number.isFinite(msg.height))
          this.#requests.adjustHeight(client.clientId, msg.height);
        return;
      case 'setPref':
        if (typeof msg.name === 'string' && typeof msg.value === 'string')
          this.#requests.setPref(client.clientId, msg.name, msg.value);
        return;
      case 'setTitle':
        if (typeof msg.title === 'string') this.#requests.setTitle(client.clientId, msg.title);
        return;
      default:
        return;
    }
  }
}
