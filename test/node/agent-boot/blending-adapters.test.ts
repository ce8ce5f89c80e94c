// The adapters from the REST client, the desktop hub and the chat channel to the blending controller's ports
// and inputs, each checked on what it sends and what it turns events into.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ok, err } from '../../../src/core/result.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import type { FinesseClient } from '../../../src/core/finesse/rest/index.ts';
import type { Update } from '../../../src/core/finesse/types.ts';
import { updateToXml } from '../../../src/core/finesse/xml/index.ts';
import { finesseFactsPort, voiceStatePort } from '../../../src/core/blending/adapters/finesse-ports.ts';
import {
  watchAgentNotifications,
  watchNotificationConnection,
} from '../../../src/core/blending/adapters/agent-notifications.ts';
import { chatPort, feedChatEvents, type ChatInputs } from '../../../src/core/blending/adapters/chat-port.ts';
import { chatCredentialsFrom } from '../../../src/core/blending/adapters/chat-credentials.ts';
import { createTickTimers, type PlatformTimers } from '../../../src/core/blending/adapters/tick-timers.ts';
import { user, dialog } from '../blending/support/builders.ts';
import { FakeChatChannel, FakeHub, flush, offer } from './fakes.ts';
import { notificationPayload } from '../../../sim/desktop/client/hub-payload.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const AGENT = '1001001';

describe('REST client -> VoiceStatePort and FinesseFactsPort', () => {
  it('READY goes without a reason code, NOT_READY with one, each as PUT User/{id}', async () => {
    const sent: unknown[] = [];
    const client: Pick<FinesseClient, 'setUserState'> = {
      setUserState: async (id, change) => {
        sent.push([id, change]);
        return ok({ accepted: true as const, requestId: `r${sent.length}` });
      },
    };
    const port = voiceStatePort(client, AGENT);
    const a = await port.requestState({ state: 'NOT_READY', reasonCodeId: '5' });
    const b = await port.requestState({ state: 'READY', reasonCodeId: null });
    assert.deepEqual(sent, [
      [AGENT, { state: 'NOT_READY', reasonCodeId: '5' }],
      [AGENT, { state: 'READY' }],
    ]);
    assert.ok(a.ok && a.value.requestId === 'r1' && b.ok);
  });

  it("re-reads are the agent's User and Dialogs, errors passed on as they are", async () => {
    const client: Pick<FinesseClient, 'getUser' | 'getDialogs'> = {
      getUser: async (id) => (id === AGENT ? ok(user('READY')) : err({ kind: 'not-found', retryable: false } as never)),
      getDialogs: async () => ok([dialog('d1', 'ACD_IN')]),
    };
    const port = finesseFactsPort(client, AGENT);
    const u = await port.readUser();
    const d = await port.readDialogs();
    assert.ok(u.ok && u.value.state === 'READY');
    assert.ok(d.ok && d.value[0]?.id === 'd1');
  });
});

describe('hub notifications -> controller inputs', () => {
  /** The agent's notifications watched on a fake hub, recording the Updates and the problems. */
  const watching = () => {
    const hub = new FakeHub();
    const updates: Update[] = [];
    const problems: string[] = [];
    const stop = watchAgentNotifications(hub, AGENT, {
      onUpdate: (u) => updates.push(u),
      onProblem: (p) => problems.push(say.problem({ kind: 'notification', ...p }).title),
    });
    return { hub, updates, problems, stop };
  };

  const userUpdate = (requestId: string | null): Update => ({
    event: 'PUT',
    requestId,
    source: `/finesse/api/User/${AGENT}`,
    data: { kind: 'user', user: user('NOT_READY', '5') },
  });

  it('User and Dialogs notifications as the desktop publishes them ({content: node path + XML, object}) become Updates', () => {
    const { hub, updates, problems, stop } = watching();
    const userNode = `/finesse/api/User/${AGENT}`;
    const dialogsNode = `${userNode}/Dialogs`;
    hub.deliver(`finesse.api.User.${AGENT}`, notificationPayload(userNode, updateToXml(userUpdate('req-1'))));
    hub.deliver(
      `finesse.api.User.${AGENT}.Dialogs`,
      notificationPayload(
        dialogsNode,
        updateToXml({
          event: 'POST',
          requestId: null,
          source: dialogsNode,
          data: { kind: 'dialogs', dialogs: [dialog('d9', 'ACD_IN')] },
        }),
      ),
    );
    hub.deliver(
      `finesse.api.User.${AGENT}.Dialogs`,
      notificationPayload(
        dialogsNode,
        updateToXml({
          event: 'PUT',
          requestId: null,
          source: '/finesse/api/Dialog/d9',
          data: { kind: 'dialog', dialog: dialog('d9', 'ACD_IN') },
        }),
      ),
    );
    assert.deepEqual(
      updates.map((u) => [u.data.kind, u.event, u.requestId]),
      [
        ['user', 'PUT', 'req-1'],
        ['dialogs', 'POST', null],
        ['dialog', 'PUT', null],
      ],
    );
    assert.deepEqual(problems, []);
    stop();
    assert.equal(hub.live, 0);
  });

  it('the old bare XML string is still accepted, with or without the node path', () => {
    const { hub, updates, stop } = watching();
    hub.deliver(`finesse.api.User.${AGENT}`, updateToXml(userUpdate('req-1')));
    hub.deliver(`finesse.api.User.${AGENT}`, `/finesse/api/User/${AGENT}${updateToXml(userUpdate('req-2'))}`);
    assert.deepEqual(
      updates.map((u) => u.requestId),
      ['req-1', 'req-2'],
    );
    stop();
  });

  it('an unreadable notification becomes a problem in words naming the node, never an input', () => {
    const { hub, updates, problems, stop } = watching();
    const topic = `finesse.api.User.${AGENT}`;
    hub.deliver(topic, { content: `/finesse/api/User/${AGENT}<Update><event>PUT</event><data><user>`, object: null });
    hub.deliver(topic, { object: { Update: { data: { user: { state: 'READY' } } } } });
    hub.deliver(topic, 42);
    assert.deepEqual(updates, []);
    assert.equal(problems.length, 3);
    assert.match(problems[0] ?? '', new RegExp(`on /finesse/api/User/${AGENT} could not be read`));
    assert.match(problems[1] ?? '', /only a converted object/);
    assert.match(problems[2] ?? '', /a number, not a Finesse notification/);
    stop();
  });

  it('finesse.info.connection turns into notifications up/down once per change; the desktop is asked for it at once', () => {
    const hub = new FakeHub();
    const seen: boolean[] = [];
    const stop = watchNotificationConnection(hub, (up) => seen.push(up), 'fb-1');
    assert.deepEqual(hub.published, [
      { topic: 'finesse.info.requests', payload: { type: 'ConnectionInfoReq', data: {}, invokeID: 'fb-1' } },
    ]);
    for (const status of [
      'connected',
      'connected',
      'reconnecting',
      'disconnected',
      'unloading',
      'bogus',
      'connected',
    ]) {
      hub.deliver('finesse.info.connection', { status, resourceID: 'desktop-1' });
    }
    assert.deepEqual(seen, [true, false, true]);
    stop();
    assert.equal(hub.live, 0);
  });
});

describe('ChatChannel -> ChatPort and controller inputs', () => {
  const creds = { kind: 'password' as const, username: AGENT, password: new Secret('agent1pw') };

  it("publishing an availability signs in once with the agent's identity; OFFLINE signs out", async () => {
    const channel = new FakeChatChannel();
    const port = chatPort(channel, { credentials: creds, declineReason: say.offer });
    port.publishAvailability({ availability: 'READY', activeChats: 0, maxChats: 5, cause: { kind: 'chat-idle' } });
    port.publishAvailability({ availability: 'READY', activeChats: 0, maxChats: 5, cause: { kind: 'chat-idle' } });
    await flush();
    assert.deepEqual(channel.calls, ['signIn']);
    assert.equal(channel.signInCredentials?.username, AGENT);
    assert.deepEqual(
      channel.availability.map((a) => a.state),
      ['READY', 'READY'],
    );
    port.publishAvailability({ availability: 'OFFLINE', activeChats: 0, maxChats: 5, cause: { kind: 'signed-out' } });
    await flush();
    assert.deepEqual(channel.calls, ['signIn', 'signOut']);
    assert.deepEqual(channel.availability.at(-1), { state: 'OFFLINE', active: 0, max: 5 });
  });

  it('refused credentials are reported once and not retried by every publish', async () => {
    const channel = new FakeChatChannel();
    channel.signInResult = err({ code: 'auth-failed', message: "The chat server refused the agent's credentials." });
    const failures: string[] = [];
    const port = chatPort(channel, {
      credentials: creds,
      declineReason: say.offer,
      onSignInFailed: (e) => failures.push(e.code),
    });
    port.publishAvailability({ availability: 'READY', activeChats: 0, maxChats: 5, cause: { kind: 'chat-idle' } });
    await flush();
    assert.deepEqual(failures, ['auth-failed']);
  });

  it("accept and decline map the channel's errors; hand-back returns every chat to the queue", async () => {
    const channel = new FakeChatChannel();
    // The adapter sends the router the words it is given for the decline's cause.
    const port = chatPort(channel, { credentials: creds, declineReason: () => 'Voice call reserved' });
    channel.emit({ type: 'offer', offer: offer('c1') });
    assert.deepEqual(await port.acceptOffer('c1'), ok(undefined));
    const gone = await port.acceptOffer('nope');
    assert.ok(!gone.ok && gone.error.kind === 'expired');
    channel.emit({ type: 'offer', offer: offer('c2') });
    assert.deepEqual(await port.declineOffer('c2', { kind: 'declined-voice', state: 'RESERVED' }), ok(undefined));
    assert.ok(channel.calls.includes('decline c2: Voice call reserved'));
    channel.emit({ type: 'offer', offer: offer('c3') });
    await port.acceptOffer('c3');
    assert.deepEqual(await port.handBackChats({ kind: 'chats-handed-back', count: 1 }), ok(undefined));
    assert.deepEqual(
      channel.calls.filter((c) => c.startsWith('transfer')),
      ['transfer c1 queue', 'transfer c3 queue'],
    );
  });

  it('channel events feed the controller: chat server up/down, withdrawn offers, chats starting and ending', () => {
    const channel = new FakeChatChannel();
    const seen: string[] = [];
    const inputs: ChatInputs = {
      offerWithdrawn: (id) => seen.push(`withdrawn ${id}`),
      chatStarted: (id) => seen.push(`started ${id}`),
      chatEnded: (id) => seen.push(`ended ${id}`),
      setConnectivity: (c) => seen.push(`chat up ${String(c.chatServerUp)}`),
    };
    const stop = feedChatEvents(channel, inputs);
    channel.emit({ type: 'status', status: 'online', detail: null });
    channel.emit({ type: 'offer', offer: offer('c1') });
    channel.emit({ type: 'offer-withdrawn', chatId: 'c1', reason: 'expired' });
    channel.emit({
      type: 'session-started',
      session: {
        chatId: 'c2',
        customerName: 'x',
        context: [],
        acceptedAt: 0,
        transcript: [],
        customerTyping: 'active',
      },
    });
    channel.emit({ type: 'session-closed', chatId: 'c2', reason: 'ended-by-customer', transcript: [] });
    channel.emit({ type: 'status', status: 'reconnecting', detail: null });
    stop();
    channel.emit({ type: 'status', status: 'online', detail: null });
    assert.deepEqual(seen, ['chat up true', 'withdrawn c1', 'started c2', 'ended c2', 'chat up false']);
  });
});

describe("chat credentials from the container's authorization", () => {
  it('Basic id:password gives the password (UTF-8 included) under the agent id, never printable', () => {
    const basic = new Secret(`Basic ${Buffer.from('agent1:pä$s:zebra').toString('base64')}`);
    const r = chatCredentialsFrom(AGENT, basic);
    assert.ok(r.ok && r.value.kind === 'password');
    assert.equal(r.value.username, AGENT);
    assert.equal(r.value.password.reveal(), 'pä$s:zebra');
    assert.ok(!inspect(r.value, { depth: 5 }).includes('zebra') && !JSON.stringify(r.value).includes('zebra'));
  });

  it('a Bearer token becomes token credentials; anything else is a sentence, not a guess', () => {
    const bearer = chatCredentialsFrom(AGENT, new Secret('Bearer tok-123'));
    assert.ok(bearer.ok && bearer.value.kind === 'token' && bearer.value.token.reveal() === 'tok-123');
    for (const bad of ['Basic !!!', `Basic ${Buffer.from('no-colon').toString('base64')}`, 'Digest abc']) {
      const r = chatCredentialsFrom(AGENT, new Secret(bad));
      assert.ok(!r.ok, bad);
      assert.match(r.error, /not in a form the chat server accepts/);
    }
  });
});

describe('timers driven by the container tick', () => {
  /** A platform whose setTimeout never fires by itself: a hidden tab at its worst. */
  function frozenPlatform() {
    let now = 0;
    const armed = new Map<number, () => void>();
    let id = 0;
    const platform: PlatformTimers = {
      now: () => now,
      setTimeout: (cb) => {
        armed.set(++id, cb);
        return id;
      },
      clearTimeout: (h) => {
        armed.delete(h as number);
      },
    };
    return { platform, armed, advance: (ms: number) => (now += ms) };
  }

  it('a tick runs the timers that are due, in due order, and each once', () => {
    const { platform, armed, advance } = frozenPlatform();
    const timers = createTickTimers(platform);
    const ran: string[] = [];
    timers.setTimeout(() => ran.push('b'), 2000);
    timers.setTimeout(() => ran.push('a'), 1000);
    const cancelled = timers.setTimeout(() => ran.push('never'), 500);
    timers.clearTimeout(cancelled);
    advance(1000);
    timers.tick();
    assert.deepEqual(ran, ['a']);
    advance(1000);
    timers.tick();
    timers.tick();
    assert.deepEqual(ran, ['a', 'b']);
    assert.equal(armed.size, 0, 'platform timers of run timers are cleared');
  });

  it('without ticks the platform timer runs it, and a later tick does not run it again', () => {
    const { platform, armed, advance } = frozenPlatform();
    const timers = createTickTimers(platform);
    let runs = 0;
    timers.setTimeout(() => runs++, 1000);
    advance(1000);
    for (const cb of [...armed.values()]) cb();
    timers.tick();
    assert.equal(runs, 1);
    timers.setTimeout(() => runs++, 10);
    timers.dispose();
    advance(50);
    timers.tick();
    assert.equal(runs, 1);
    assert.equal(armed.size, 0);
  });
});
