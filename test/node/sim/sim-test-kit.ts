// Helpers for the simulator conformance tests: one world per test file, REST calls as a signed-in user
// (request bodies from the product's XML serializers), and a real XMPP subscriber (strophe over WebSocket,
// logged in as that user) whose notifications are parsed with the product's parser.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  parseApiErrors,
  parseUpdate,
  userRequestToXml,
  dialogRequestToXml,
  parseUser,
  parseDialogs,
} from '../../../src/core/finesse/xml/index.ts';
import type { UserRequest, DialogRequest } from '../../../src/core/finesse/xml/index.ts';
import type { ApiError, Dialog, Update, User } from '../../../src/core/finesse/types.ts';
import { XmppSession } from '../../../sim/notify/xmpp-session.ts';
import { notificationsIn, subscribeIq } from '../../../sim/notify/pubsub-stanzas.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import type { WorldHandle } from '../../../sim/world.ts';

export const NOTIFICATION_TIMEOUT_MS = 3000;

export interface Received {
  readonly node: string;
  readonly raw: string;
  /** The parsed <Update>, or null when the payload is not a valid notification. */
  readonly update: Update | null;
}

/** A desktop's view of the notification service: logged in as the user, subscribed to its nodes. */
export class Subscriber {
  readonly received: Received[] = [];
  #waiters: Array<{ match: (r: Received) => boolean; resolve: (r: Received) => void }> = [];

  private constructor(
    readonly session: XmppSession,
    readonly jid: string,
    private readonly pubsubDomain: string,
  ) {
    session.onMessage((message) => {
      for (const { node, payload } of notificationsIn(message)) {
        const parsed = parseUpdate(payload, { node });
        const r: Received = { node, raw: payload, update: parsed.ok ? parsed.value : null };
        const waiter = this.#waiters.find((w) => w.match(r));
        if (waiter) {
          this.#waiters = this.#waiters.filter((w) => w !== waiter);
          waiter.resolve(r);
        } else {
          this.received.push(r);
        }
      }
    });
  }

  static async connect(world: WorldHandle, account: SimulatorAccount, nodes: readonly string[]): Promise<Subscriber> {
    const jid = `${account.id}@${world.prosody.domain}`;
    const session = await XmppSession.connect({
      websocketUrl: world.prosody.websocketUrl,
      jid,
      password: account.password,
      resource: `test-${randomUUID().slice(0, 8)}`,
    });
    const subscriber = new Subscriber(session, jid, world.prosody.pubsubDomain);
    for (const node of nodes) await subscriber.subscribe(node);
    return subscriber;
  }

  /** Explicit XEP-0060 subscription, as a desktop does for Team nodes. */
  async subscribe(node: string): Promise<void> {
    await this.session.sendIQ(subscribeIq(this.pubsubDomain, node, this.jid), `subscribe ${node}`);
  }

  /** The first notification (already received or arriving within the timeout) that matches. */
  next(match: (r: Received) => boolean, what: string, timeoutMs = NOTIFICATION_TIMEOUT_MS): Promise<Received> {
    const index = this.received.findIndex(match);
    if (index >= 0) {
      const [found] = this.received.splice(index, 1);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (r: Received) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        const seen = this.received.map((r) => `${r.node}: ${summarize(r)}`).join('\n  ');
        reject(new Error(`No notification for ${what} within ${timeoutMs} ms. Unclaimed:\n  ${seen || '(none)'}`));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  /** The next User notification for `userId` (optionally with this requestId) on the user's node. */
  async nextUser(userId: string, what: string, requestId?: string): Promise<{ user: User; update: Update }> {
    const r = await this.next(
      (x) =>
        x.node === `/finesse/api/User/${userId}` &&
        x.update?.data.kind === 'user' &&
        (requestId === undefined || x.update.requestId === requestId),
      what,
    );
    const update = r.update;
    assert.ok(update !== null && update.data.kind === 'user');
    return { user: update.data.user, update };
  }

  /**
   * The next Dialogs notification for `userId` with this event (and dialog id when given), checked for the shape
   * Finesse gives it: POST and DELETE come from the collection with `<dialogs>` holding one Dialog; PUT comes from
   * `/finesse/api/Dialog/{id}` with one `<Dialog>`.
   */
  async nextDialog(
    userId: string,
    event: 'POST' | 'PUT' | 'DELETE',
    what: string,
    dialogId?: string,
  ): Promise<{ dialog: Dialog; update: Update }> {
    const carried = (u: Update): Dialog[] =>
      u.data.kind === 'dialogs' ? [...u.data.dialogs] : u.data.kind === 'dialog' ? [u.data.dialog] : [];
    const collection = `/finesse/api/User/${userId}/Dialogs`;
    const r = await this.next(
      (x) =>
        x.node === collection &&
        x.update?.event === event &&
        carried(x.update).length > 0 &&
        (dialogId === undefined || carried(x.update).some((d) => d.id === dialogId)),
      what,
    );
    const update = r.update;
    assert.ok(update !== null);
    const [dialog, ...more] = carried(update);
    assert.ok(dialog !== undefined);
    assert.equal(more.length, 0, `${what}: one dialog per notification`);
    if (event === 'PUT') {
      assert.equal(update.data.kind, 'dialog', `${what}: a change carries one <Dialog>`);
      assert.equal(
        update.source,
        `/finesse/api/Dialog/${dialog.id}`,
        `${what}: a change comes from the dialog's own URI`,
      );
      assert.match(r.raw, /<data><Dialog>/, `${what}: the data root is <Dialog>`);
    } else {
      assert.equal(update.data.kind, 'dialogs', `${what}: ${event} carries <dialogs>`);
      assert.equal(update.source, collection, `${what}: ${event} comes from the Dialogs collection`);
      assert.match(r.raw, /<data><dialogs><Dialog>/, `${what}: the data is <dialogs><Dialog>`);
    }
    return { dialog, update };
  }

  /** The next asynchronous <apiErrors> notification carrying this requestId. */
  async nextApiErrors(requestId: string, what: string): Promise<{ errors: readonly ApiError[]; update: Update }> {
    const r = await this.next((x) => x.update?.requestId === requestId && x.update.data.kind === 'apiErrors', what);
    const update = r.update;
    assert.ok(update !== null && update.data.kind === 'apiErrors');
    return { errors: update.data.errors, update };
  }

  /** Forgets what arrived so far (after a reset). */
  clear(): void {
    this.received.length = 0;
  }

  close(): Promise<void> {
    return this.session.close();
  }
}

function summarize(r: Received): string {
  const u = r.update;
  if (u === null) return `(unparsed) ${r.raw.slice(0, 80)}`;
  const d = u.data;
  const detail =
    d.kind === 'user' || d.kind === 'teamUser'
      ? `${d.user.loginId} ${d.user.state}${d.user.pendingState ? ` pending ${d.user.pendingState}` : ''}`
      : d.kind === 'dialogs'
        ? d.dialogs.map((x) => `${x.id} ${x.state}`).join(',')
        : d.kind === 'dialog'
          ? `${d.dialog.id} ${d.dialog.state}`
          : d.kind === 'apiErrors'
            ? d.errors.map((e) => e.errorMessage).join(',')
            : d.kind;
  return `${u.event} ${d.kind} ${detail} requestId=${u.requestId ?? ''}`;
}

export interface RestAnswer {
  readonly status: number;
  readonly requestId: string;
  readonly body: string;
}

/** REST calls as one account (Basic auth), against a node's base URL. */
export class RestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  static as(baseUrl: string, account: SimulatorAccount): RestClient {
    return new RestClient(baseUrl, account.id, account.password);
  }

  async call(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: string): Promise<RestAnswer> {
    const requestId = randomUUID();
    const headers: Record<string, string> = {
      Authorization: `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`,
      requestId,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/xml';
    const res = await fetch(`${this.baseUrl}/finesse/api/${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    return { status: res.status, requestId, body: await res.text() };
  }

  putUser(userId: string, request: UserRequest): Promise<RestAnswer> {
    return this.call('PUT', `User/${userId}`, userRequestToXml(request));
  }

  putDialog(dialogId: string, request: DialogRequest): Promise<RestAnswer> {
    return this.call('PUT', `Dialog/${dialogId}`, dialogRequestToXml(request));
  }

  postDialog(userId: string, request: DialogRequest): Promise<RestAnswer> {
    return this.call('POST', `User/${userId}/Dialogs`, dialogRequestToXml(request));
  }

  async getUser(userId: string): Promise<User> {
    const answer = await this.call('GET', `User/${userId}`);
    assert.equal(answer.status, 200, answer.body);
    const parsed = parseUser(answer.body);
    assert.ok(parsed.ok, answer.body);
    return parsed.value;
  }

  async getDialogs(userId: string): Promise<Dialog[]> {
    const answer = await this.call('GET', `User/${userId}/Dialogs`);
    assert.equal(answer.status, 200, answer.body);
    const parsed = parseDialogs(answer.body);
    assert.ok(parsed.ok, answer.body);
    return parsed.value;
  }
}

/** Asserts a 202 with no body. */
export function assertAccepted(answer: RestAnswer): void {
  assert.equal(answer.status, 202, `expected 202, got ${answer.status}: ${answer.body}`);
  assert.equal(answer.body, '');
}

/** Asserts a synchronous <ApiErrors> answer and returns its first error. */
export function assertSyncError(answer: RestAnswer, status: number, errorType: string): ApiError {
  assert.equal(answer.status, status, answer.body);
  const parsed = parseApiErrors(answer.body);
  assert.ok(parsed.ok, answer.body);
  const [first] = parsed.value;
  assert.ok(first !== undefined);
  assert.equal(first.errorType, errorType, answer.body);
  return first;
}

/** The seeded account with this role and position (agents by index, supervisors by index). */
export function agent(world: WorldHandle, index: number): SimulatorAccount {
  const found = world.simulator.users.filter((u) => !u.supervisor)[index];
  assert.ok(found !== undefined);
  return found;
}

export function supervisor(world: WorldHandle, index: number): SimulatorAccount {
  const found = world.simulator.users.filter((u) => u.supervisor)[index];
  assert.ok(found !== undefined);
  return found;
}

/**
 * Resets the world and waits until the subscriber has seen everything published before the reset (a marker
 * item on each of its nodes comes back), so nothing from an earlier test is mistaken for this one's.
 */
export async function resetAndSettle(
  world: WorldHandle,
  subscribers: readonly Subscriber[],
  nodes: ReadonlyMap<Subscriber, readonly string[]>,
): Promise<void> {
  await world.simulator.control.reset();
  await Promise.all(
    subscribers.map(async (s) => {
      for (const node of nodes.get(s) ?? []) {
        const marker = `settle-${randomUUID()}`;
        const injected = await world.simulator.control.injectNotification({ node, payload: marker });
        assert.ok(injected.ok);
        await s.next((r) => r.raw === marker, `settle marker on ${node}`);
      }
      s.clear();
    }),
  );
}
