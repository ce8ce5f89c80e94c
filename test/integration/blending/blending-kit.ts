// The blending controller against the Finesse simulator, end to end: the real REST client over fetch against a
// simulator node, the agent's User and Dialogs notifications through Prosody into handleUpdate (an XMPP session
// logged in as the agent, as the desktop's notification service would be), real timers. Only the chat side is a
// recording fake: the tests play the chat router through the controller's chat inputs. The agent's XMPP session
// runs through a relay the test can cut; a drop reaches the controller as "notifications down", as the desktop's
// connection status would.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, beforeEach } from 'node:test';
import { BlendingReconciler, type BlendingSnapshot } from '../../../src/core/blending/reconciler.ts';
import { voiceStatePort, finesseFactsPort } from '../../../src/core/blending/adapters/finesse-ports.ts';
import { parseHandlingChatConfig, resolveHandlingChatReason } from '../../../src/core/blending/handling-chat-reason.ts';
import type { ChatError, ChatPort, ChatPresence } from '../../../src/core/blending/ports.ts';
import type { Timers } from '../../../src/core/shared/timers.ts';
import type { HandlingChatReason } from '../../../src/core/blending/facts.ts';
import { createFinesseClient, fetchTransport, type FinesseClient } from '../../../src/core/finesse/rest/index.ts';
import { watchAgentNotifications } from '../../../src/core/blending/adapters/agent-notifications.ts';
import { topicForNode } from '../../../src/core/container/hub.ts';
import type { Update, User } from '../../../src/core/finesse/types.ts';
import { ok, type Result } from '../../../src/core/result.ts';
import { $iq } from 'strophe.js';
import { XmppSession } from '../../../sim/notify/xmpp-session.ts';
import { notificationsIn } from '../../../sim/notify/pubsub-stanzas.ts';
import { startWorld, type WorldHandle } from '../../../sim/world.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import type { RequestLogEntry } from '../../../sim/finesse/control-types.ts';
import type { Deployment } from '../../../sim/finesse/seed.ts';
import { CuttableRelay } from './cuttable-relay.ts';
import { FakeHub } from '../../node/agent-boot/fakes.ts';
import { notificationPayload } from '../../../sim/desktop/client/hub-payload.ts';
import type { HandBackCause, OfferCause } from '../../../src/core/blending/causes.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

/** Long enough never to fire on a healthy loopback (events take milliseconds), short enough to fail fast. */
export const WAIT_MS = 4000;
/** The controller's own requests carry requestIds with this prefix, so the simulator's log tells them apart. */
const GADGET_PREFIX = 'gadget-';
const AGENT_PREFIX = 'agent-';

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Polls `check` (cheap, in-process reads only) until it holds; fails naming `what` and the last detail. */
export async function until(
  check: () => boolean,
  what: string,
  detail: () => string = () => '',
  timeoutMs = WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`Not reached within ${timeoutMs} ms: ${what}\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Waits until Finesse holds NOT_READY "Handling Chat" as the agent's pending state and the controller sees it with no
 * request left in flight: the call will end straight into it (rule 4).
 */
export async function untilPendingHandlingChat(w: BlendingWorld, b: Blending): Promise<void> {
  await until(
    () =>
      w.finesseUser().pendingState === 'NOT_READY' &&
      b.snapshot().voice?.reasonCodeId === w.handlingChat.id &&
      b.snapshot().voiceRequest === null,
    'pending Not Ready (Handling Chat)',
    () => finesseAndUsersSeen(w),
  );
}

/** One thing that happened, in the order the test process saw it: a User notification or a chat port call. */
export type Happening =
  | {
      readonly type: 'user';
      readonly state: string;
      readonly pendingState: string | null;
      readonly reasonCodeId: string | null;
      readonly requestId: string | null;
    }
  | { readonly type: 'publish'; readonly presence: ChatPresence }
  | { readonly type: 'accept'; readonly offerId: string }
  | { readonly type: 'decline'; readonly offerId: string; readonly reason: string }
  | { readonly type: 'hand-back'; readonly reason: string };

/** The chat router as the controller sees it, recording every call; accepts and hand-backs succeed. */
export class RecordingChatPort implements ChatPort {
  constructor(private readonly timeline: Happening[]) {}

  publishAvailability(presence: ChatPresence): void {
    this.timeline.push({ type: 'publish', presence });
  }

  acceptOffer(offerId: string): Promise<Result<void, ChatError>> {
    this.timeline.push({ type: 'accept', offerId });
    return Promise.resolve(ok(undefined));
  }

  declineOffer(offerId: string, cause: OfferCause): Promise<Result<void, ChatError>> {
    this.timeline.push({ type: 'decline', offerId, reason: say.offer(cause) });
    return Promise.resolve(ok(undefined));
  }

  handBackChats(cause: HandBackCause): Promise<Result<void, ChatError>> {
    this.timeline.push({ type: 'hand-back', reason: say.handBack(cause) });
    return Promise.resolve(ok(undefined));
  }
}

const userNode = (id: string): string => `/finesse/api/User/${id}`;
const dialogsNode = (id: string): string => `/finesse/api/User/${id}/Dialogs`;

/** A REST client as someone (agent or supervisor) acting by hand; its requestIds say so in the simulator log. */
export function handClient(baseUrl: string, account: SimulatorAccount): FinesseClient {
  return createFinesseClient({
    baseUrl,
    auth: { kind: 'basic', id: account.id, password: account.password },
    transport: fetchTransport(),
    timeoutMs: 3000,
    newRequestId: () => `${AGENT_PREFIX}${randomUUID()}`,
  });
}

export interface BlendingOptions {
  readonly maxChats?: number;
  /** Which node the controller's REST client talks to; the test may switch it (failover). */
  readonly node?: () => string;
}

/** One controller under test, with what it did. */
export interface Blending {
  readonly reconciler: BlendingReconciler;
  /** Everything in the order seen: User notifications fed to the controller and the chat port's calls. */
  readonly timeline: Happening[];
  snapshot(): BlendingSnapshot;
  /** The availabilities published, in order (a repeat of the same one folded). */
  published(): string[];
  accepted(): string[];
  declined(): string[];
  /** The User notifications the controller was fed, in order. */
  users(): Extract<Happening, { type: 'user' }>[];
  /** The controller's REST requests (from the simulator's log) since it was created. */
  requests(): RequestLogEntry[];
  /** "2 PUT, 2 GET" with the controller's fact changes, for the test's diagnostics. */
  requestReport(): string;
  stop(): void;
}

export interface BlendingWorldOptions {
  /** The simulated deployment: UCCE (default) or UCCX (supervisor code 33, no pending READY, no state for non-ACD calls). */
  readonly deployment?: Deployment;
}

/** What a started world holds: simulator + Prosody, the seed's agent and supervisor, the relay, the hand client. */
interface Started {
  readonly world: WorldHandle;
  readonly agent: SimulatorAccount;
  readonly supervisor: SimulatorAccount;
  readonly relay: CuttableRelay;
  readonly hand: FinesseClient;
  readonly handlingChat: HandlingChatReason;
}

export interface TestFileHooks {
  /** Runs after each test, once the test's controller is stopped. */
  readonly afterEach?: (w: BlendingWorld) => Promise<void>;
}

/** The world for one test file: simulator + Prosody, the agent's notification session, a REST client by hand. */
export class BlendingWorld {
  #started: Started | null = null;
  /** The controller the current test started; stopped after the test. */
  #controller: Blending | null = null;
  #current: ((update: Update) => void) | null = null;
  /** The controller's connectivity input for the notification session (the desktop's connection status). */
  #connection: ((up: boolean) => void) | null = null;
  #held: Update[] | null = null;
  /** The desktop's hub as the gadget sees it: the agent's notifications reach the controller through it. */
  readonly #hub = new FakeHub();
  #unwatch: (() => void) | null = null;
  /** What the gadget's adapter could not read: the simulator must publish nothing of the kind. */
  readonly #unreadable: { readonly node: string; readonly detail: string }[] = [];
  #markers = new Map<string, () => void>();
  #logMark = 0;
  #session: XmppSession | null = null;
  #down: Promise<void> = Promise.resolve();

  private constructor(private readonly options: BlendingWorldOptions) {}

  /**
   * The world of the test file calling this: started before its tests, reset to the agent READY before each test,
   * the test's controller stopped (and held notifications let through) after each, stopped after the file.
   */
  static forTestFile(options: BlendingWorldOptions = {}, hooks: TestFileHooks = {}): BlendingWorld {
    const w = new BlendingWorld(options);
    before(() => w.#start());
    after(() => w.stop());
    afterEach(async () => {
      w.#controller?.stop();
      w.#controller = null;
      w.releaseNotifications();
      assert.deepEqual(
        w.#unreadable.splice(0),
        [],
        'every notification the simulator published was readable by the gadget',
      );
      await hooks.afterEach?.(w);
    });
    beforeEach(() => w.reset('READY'));
    return w;
  }

  #on(): Started {
    assert.ok(this.#started !== null, 'the blending world is started');
    return this.#started;
  }

  get world(): WorldHandle {
    return this.#on().world;
  }

  get agent(): SimulatorAccount {
    return this.#on().agent;
  }

  get supervisor(): SimulatorAccount {
    return this.#on().supervisor;
  }

  get relay(): CuttableRelay {
    return this.#on().relay;
  }

  get hand(): FinesseClient {
    return this.#on().hand;
  }

  get handlingChat(): HandlingChatReason {
    return this.#on().handlingChat;
  }

  /** The controller the current test started, if any. */
  get controller(): Blending | null {
    return this.#controller;
  }

  /** Starts the world (chat router off: the chat side is the recording port) and logs the agent's desktop in. */
  async #start(): Promise<void> {
    const options = this.options;
    const world = await startWorld({
      chat: false,
      ...(options.deployment !== undefined ? { deployment: options.deployment } : {}),
    });
    let relay: CuttableRelay | null = null;
    try {
      const accounts = world.simulator.users;
      const agent = accounts.find((u) => !u.supervisor && u.teamId === '10');
      const supervisor = accounts.find((u) => u.supervisor && u.supervises.includes('10'));
      assert.ok(agent !== undefined && supervisor !== undefined, 'the seed has an agent of team 10 and its supervisor');
      const prosody = new URL(world.prosody.websocketUrl);
      relay = await CuttableRelay.start({ host: prosody.hostname, port: Number(prosody.port) });
      const hand = handClient(world.simulator.primaryUrl, agent);
      const codes = await hand.getReasonCodes(agent.id, 'NOT_READY');
      assert.ok(codes.ok, 'reason codes readable');
      const config = parseHandlingChatConfig('Handling Chat');
      assert.ok(config.ok);
      const reason = resolveHandlingChatReason(config.value, codes.value);
      assert.ok(reason.ok, 'the seed defines the Handling Chat reason');
      this.#started = { world, agent, supervisor, relay, hand, handlingChat: reason.value };
      this.#unwatch = watchAgentNotifications(this.#hub, agent.id, {
        onUpdate: (update) => {
          if (this.#held !== null) this.#held.push(update);
          else this.#current?.(update);
        },
        onProblem: (problem) => this.#unreadable.push(problem),
      });
      await this.#connect();
    } catch (error) {
      this.#started = null;
      await relay?.stop();
      await world.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (this.#started === null) return; // never started, or its start failed and cleaned up
    this.#unwatch?.();
    try {
      await this.#session?.close();
      await this.relay.stop();
    } finally {
      await this.world.stop();
    }
  }

  /** The agent's notification session is up. */
  get notificationsUp(): boolean {
    return this.#session?.connected === true;
  }

  /** Cuts the network under the agent's notification session (no logout); resolves once the session saw it drop. */
  async cutNotifications(): Promise<void> {
    assert.ok(this.notificationsUp, 'the notification session is up before the cut');
    const down = this.#down;
    this.relay.cut();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      down,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the notification session did not notice the cut')), WAIT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  /** Logs the agent's notification session in again (a new resource) and tells the controller it is back. */
  async restoreNotifications(): Promise<void> {
    await this.#connect();
    this.#connection?.(true);
  }

  async #connect(): Promise<void> {
    const session = await XmppSession.connect({
      websocketUrl: `ws://127.0.0.1:${this.relay.port}${new URL(this.world.prosody.websocketUrl).pathname}`,
      jid: `${this.agent.id}@${this.world.prosody.domain}`,
      password: this.agent.password,
      resource: `blending-${randomUUID().slice(0, 8)}`,
    });
    // Prosody handles a session's stanzas in order: once a ping is answered, the initial presence is in, so
    // pubsub events to the agent's bare JID reach this session.
    await session.sendIQ(
      $iq({ type: 'get', to: this.world.prosody.domain }).c('ping', { xmlns: 'urn:xmpp:ping' }),
      'ping after login',
    );
    this.#session = session;
    this.#down = new Promise((resolve) =>
      session.onDisconnected(() => {
        this.#connection?.(false);
        resolve();
      }),
    );
    session.onMessage((message) => {
      for (const { node, payload } of notificationsIn(message)) {
        const marker = this.#markers.get(payload);
        if (marker !== undefined) {
          this.#markers.delete(payload);
          marker();
          continue;
        }
        // On to the gadget's own hub adapter in the shape the desktop publishes: node path + XML, and the object.
        this.#hub.deliver(topicForNode(node), notificationPayload(node, payload));
      }
    });
  }

  get control(): WorldHandle['simulator']['control'] {
    return this.world.simulator.control;
  }

  /** The agent as Finesse holds it now (the simulator's state, not the controller's view). */
  finesseUser(): User {
    const user = this.control.state().users.find((u) => u.loginId === this.agent.id);
    assert.ok(user !== undefined);
    return user;
  }

  /** Finesse shows the agent Not Ready with the Handling Chat reason. */
  isHandlingChat(): boolean {
    return this.finesseUser().state === 'NOT_READY' && this.finesseUser().reasonCodeId === this.handlingChat.id;
  }

  /** The router reserves the READY agent for an ACD call; resolves with the call's dialog id. */
  async placeAcd(): Promise<string> {
    const placed = await this.control.placeAcdCall({ agentId: this.agent.id });
    assert.ok(placed.ok, 'the router reserves the READY agent');
    return placed.value.dialogId;
  }

  /** Back to the seed; waits until every notification published before is through, then signs the agent in. */
  async reset(then: 'READY' | 'NOT_READY' | 'LOGOUT' = 'READY'): Promise<void> {
    this.#current = null;
    this.#held = null;
    if (!this.notificationsUp) await this.#connect(); // a test that cut the session and failed before restoring it
    await this.control.reset();
    await this.settle();
    if (then !== 'LOGOUT') {
      await this.agentRequest({ state: 'LOGIN' }, (u) => u.state === 'NOT_READY');
      if (then === 'READY') await this.agentRequest({ state: 'READY' }, (u) => u.state === 'READY');
    }
    await this.settle();
    this.#logMark = this.control.state().requests.length;
  }

  /** Waits until a marker published now on both agent nodes comes back: everything before it has arrived. */
  async settle(): Promise<void> {
    await Promise.all(
      [userNode(this.agent.id), dialogsNode(this.agent.id)].map(async (node) => {
        const marker = `settle-${randomUUID()}`;
        const seen = new Promise<void>((resolve) => this.#markers.set(marker, resolve));
        const injected = await this.control.injectNotification({ node, payload: marker });
        assert.ok(injected.ok, `marker published on ${node}`);
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          seen,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`settle marker on ${node} not seen`)), WAIT_MS);
          }),
        ]).finally(() => clearTimeout(timer));
      }),
    );
  }

  /** The agent (by hand, through REST) asks for a state; resolves once Finesse shows `reached`. */
  async agentRequest(
    change: { state: 'LOGIN' | 'READY' | 'NOT_READY' | 'LOGOUT'; reasonCodeId?: string },
    reached: (u: User) => boolean,
  ): Promise<void> {
    const answer =
      change.state === 'LOGIN'
        ? await this.hand.signIn(this.agent.id, this.agent.extension)
        : await this.hand.setUserState(
            this.agent.id,
            change.reasonCodeId === undefined
              ? { state: change.state }
              : { state: change.state, reasonCodeId: change.reasonCodeId },
          );
    assert.ok(answer.ok, `the agent's ${change.state} was accepted`);
    await until(
      () => reached(this.finesseUser()),
      `Finesse shows the agent's ${change.state}`,
      () => JSON.stringify(this.finesseUser()),
    );
  }

  /** The agent acts on a call (ANSWER, HOLD, RETRIEVE, DROP) through REST; resolves once the dialog shows it. */
  async dialogAction(
    dialogId: string,
    requestedAction: 'ANSWER' | 'HOLD' | 'RETRIEVE' | 'DROP',
    reached: (participantState: string | null) => boolean,
  ): Promise<void> {
    const answer = await this.hand.dialogAction(dialogId, {
      requestedAction,
      targetMediaAddress: this.agent.extension,
    });
    assert.ok(answer.ok, `${requestedAction} accepted`);
    const mine = (): string | null =>
      this.control
        .state()
        .dialogs.find((d) => d.id === dialogId)
        ?.participants.find((p) => p.mediaAddress === this.agent.extension)?.state ?? null;
    await until(
      () => reached(mine()),
      `dialog ${dialogId} after ${requestedAction}`,
      () => String(mine()),
    );
  }

  /** Notifications wait (a slow network) until release(); they then arrive in order. */
  holdNotifications(): void {
    this.#held ??= [];
  }

  releaseNotifications(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const update of held) this.#current?.(update);
  }

  /** A controller for the agent, fed by this world's notifications; started (it reads User and Dialogs first). */
  async blending(options: BlendingOptions = {}): Promise<Blending> {
    const timeline: Happening[] = [];
    const node = options.node ?? (() => this.world.simulator.primaryUrl);
    const clients = new Map<string, FinesseClient>();
    const clientFor = (): FinesseClient => {
      const url = node();
      let client = clients.get(url);
      if (client === undefined) {
        client = createFinesseClient({
          baseUrl: url,
          auth: { kind: 'basic', id: this.agent.id, password: this.agent.password },
          transport: fetchTransport(),
          timeoutMs: 3000,
          newRequestId: () => `${GADGET_PREFIX}${randomUUID()}`,
        });
        clients.set(url, client);
      }
      return client;
    };
    const id = this.agent.id;
    const reconciler = new BlendingReconciler({
      voice: { requestState: (r) => voiceStatePort(clientFor(), id).requestState(r) },
      facts: {
        readUser: () => finesseFactsPort(clientFor(), id).readUser(),
        readDialogs: () => finesseFactsPort(clientFor(), id).readDialogs(),
      },
      chat: new RecordingChatPort(timeline),
      timers: realTimers,
      random: () => 0.5,
      handlingChat: this.handlingChat,
      maxChats: options.maxChats ?? 5,
      confirmTimeoutMs: 2000,
      backoff: { baseMs: 50, maxMs: 200, maxAttempts: 3 },
      resyncIntervalMs: 0,
    });
    this.#current = (update) => {
      if (update.data.kind === 'user') {
        const u = update.data.user;
        timeline.push({
          type: 'user',
          state: u.state,
          pendingState: u.pendingState,
          reasonCodeId: u.reasonCodeId,
          requestId: update.requestId,
        });
      }
      reconciler.handleUpdate(update);
    };
    this.#connection = (up) => reconciler.setConnectivity({ notificationsUp: up });
    const mark = this.#logMark;
    const requests = (): RequestLogEntry[] =>
      this.control
        .state()
        .requests.slice(mark)
        // GETs carry no requestId in the log; only the controller reads as the agent during a test.
        .filter((r) => r.user === id && (r.requestId === null || r.requestId.startsWith(GADGET_PREFIX)));
    const of = <T extends Happening['type']>(type: T): Extract<Happening, { type: T }>[] =>
      timeline.filter((h): h is Extract<Happening, { type: T }> => h.type === type);
    await reconciler.start();
    const blending: Blending = {
      reconciler,
      timeline,
      snapshot: () => reconciler.snapshot(),
      // A new reason with the same availability is published again; the table rows care about the availability.
      published: () =>
        of('publish')
          .map((p) => p.presence.availability)
          .filter((a, i, all) => i === 0 || all[i - 1] !== a),
      accepted: () => of('accept').map((a) => a.offerId),
      declined: () => of('decline').map((d) => d.offerId),
      users: () => of('user'),
      requests,
      requestReport: () => {
        const all = requests();
        const puts = all.filter((r) => r.method === 'PUT').length;
        const gets = all.filter((r) => r.method === 'GET').length;
        const stats = reconciler.stats();
        return `REST requests by the controller: ${puts} PUT, ${gets} GET (${all.length} in all); fact changes: ${stats.factChanges}; voice requests: ${stats.requests} (${stats.attempts} attempts)`;
      },
      stop: () => {
        reconciler.stop();
        this.#current = null;
        this.#connection = null;
      },
    };
    this.#controller = blending;
    return blending;
  }
}

/** For failure messages: the agent as Finesse shows it and what the test's controller published. */
export function finesseAndPublished(w: BlendingWorld): string {
  const u = w.finesseUser();
  return `Finesse: ${u.state}${u.pendingState ? ` pending ${u.pendingState}` : ''} ${u.reasonCodeId ?? ''}; published: ${w.controller?.published().join(' > ') ?? ''}`;
}

/** For failure messages: as finesseAndPublished, with the User notifications the controller was fed. */
export function finesseAndUsersSeen(w: BlendingWorld): string {
  return `${finesseAndPublished(w)}; users seen: ${
    w.controller
      ?.users()
      .map(
        (x) => `${x.state}${x.pendingState ? `/${x.pendingState}` : ''}${x.reasonCodeId ? `(${x.reasonCodeId})` : ''}`,
      )
      .join(' > ') ?? ''
  }`;
}

/** Starts the test's controller and waits until it is idle: chat READY. */
export async function startedIdle(w: BlendingWorld, show: () => string, options?: BlendingOptions): Promise<Blending> {
  const b = await w.blending(options);
  await until(() => availability(b) === 'READY', 'idle: chat READY', show);
  return b;
}

/** Offers a chat and waits until the controller accepted it with no voice request left in flight. */
export async function takeChat(x: Blending, id: string, show: () => string): Promise<void> {
  x.reconciler.offerArrived(id);
  await until(() => x.accepted().includes(id) && x.snapshot().voiceRequest === null, `chat ${id} taken`, show);
}

/** The availability the controller publishes now. */
export function availability(b: Blending): string | undefined {
  return b.published().at(-1);
}

/** Asserts the controller's REST writes stayed bounded by the facts it saw change, and returns the report line. */
export function assertBounded(b: Blending): string {
  const puts = b.requests().filter((r) => r.method === 'PUT').length;
  const stats = b.reconciler.stats();
  assert.ok(puts <= stats.factChanges, `${puts} PUTs for ${stats.factChanges} fact changes`);
  assert.equal(
    puts,
    stats.attempts,
    'every voice request the controller counted reached Finesse, and nothing else was written',
  );
  return b.requestReport();
}
