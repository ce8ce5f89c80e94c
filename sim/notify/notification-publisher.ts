// The simulator's notification service: one XMPP session as the server's admin account, which creates the
// Finesse pubsub nodes and publishes notification items. All requests go through one queue, sent one at a
// time and each confirmed before the next, so every node sees its notifications in the order they were
// made. A failure (timeout, dropped connection) reconnects and retries the same request, so nothing is
// reordered or silently skipped; after repeated failures the request is dropped and reported.
import { XmppIqError, XmppSession } from './xmpp-session.ts';
import { createNodeIq, publishIq, subscribeIq } from './pubsub-stanzas.ts';
import type { Builder } from 'strophe.js';

interface PublisherOptions {
  readonly websocketUrl: string;
  readonly jid: string;
  readonly password: string;
  readonly pubsubDomain: string;
  /** Where dropped requests are reported; default console.error. */
  readonly onError?: (message: string) => void;
}

interface NotificationPublisher {
  /** Creates the nodes that do not exist yet (an existing node is fine). */
  ensureNodes(nodes: readonly string[]): Promise<void>;
  /** Subscribes a user's bare JID to a node on the user's behalf (Finesse auto-subscribes its users). */
  subscribeOnBehalf(node: string, jid: string): Promise<void>;
  /** Queues one notification; resolves when the server has accepted it. */
  publish(node: string, payload: string): Promise<void>;
  /** Resolves when everything queued so far is done. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const MAX_ATTEMPTS = 5;
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1000];

interface Job {
  readonly what: string;
  readonly build: () => Builder;
  /** An error condition that means the job is already done (e.g. creating a node that exists). */
  readonly doneOn?: string;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Connects as the admin account and returns the publisher. */
export async function startNotificationPublisher(options: PublisherOptions): Promise<NotificationPublisher> {
  const report = options.onError ?? ((message: string) => console.error(message));
  const connect = (): Promise<XmppSession> =>
    XmppSession.connect({
      websocketUrl: options.websocketUrl,
      jid: options.jid,
      password: options.password,
      resource: `notification-service-${process.pid}`,
      presence: false,
    });

  let session: XmppSession | null = await connect();
  let closed = false;
  const queue: Job[] = [];
  let pumping = false;
  let idle: Array<() => void> = [];

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  async function liveSession(): Promise<XmppSession> {
    if (session !== null && session.connected) return session;
    session = await connect();
    return session;
  }

  async function run(job: Job): Promise<void> {
    let lastError: Error | null = null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !closed; attempt += 1) {
      try {
        const s = await liveSession();
        await s.sendIQ(job.build(), job.what);
        job.resolve();
        return;
      } catch (error) {
        if (error instanceof XmppIqError && job.doneOn !== undefined && error.condition === job.doneOn) {
          job.resolve();
          return;
        }
        lastError = error instanceof Error ? error : new Error(String(error));
        // A server-side refusal (not a lost connection) will not get better by retrying.
        if (error instanceof XmppIqError && error.condition !== 'timeout' && error.condition !== 'disconnected') break;
        if (session !== null && !session.connected) session = null;
        await sleep(RETRY_DELAYS_MS[attempt] ?? 1000);
      }
    }
    const message = `notification service: ${job.what} failed: ${lastError?.message ?? 'closed'}`;
    report(message);
    job.reject(new Error(message));
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await run(job);
    } finally {
      pumping = false;
      const waiting = idle;
      idle = [];
      for (const done of waiting) done();
    }
  }

  function enqueue(what: string, build: () => Builder, doneOn?: string): Promise<void> {
    if (closed) return Promise.reject(new Error('notification service is closed'));
    return new Promise((resolve, reject) => {
      queue.push({ what, build, ...(doneOn !== undefined ? { doneOn } : {}), resolve, reject });
      void pump();
    });
  }

  const service = options.pubsubDomain;
  return {
    async ensureNodes(nodes) {
      await Promise.all(nodes.map((node) => enqueue(`create ${node}`, () => createNodeIq(service, node), 'conflict')));
    },
    subscribeOnBehalf(node, jid) {
      return enqueue(`subscribe ${jid} to ${node}`, () => subscribeIq(service, node, jid));
    },
    publish(node, payload) {
      return enqueue(`publish to ${node}`, () => publishIq(service, node, payload));
    },
    flush() {
      if (!pumping && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('notification service is closed'));
      const s = session;
      session = null;
      if (s !== null) await s.close();
    },
  };
}
