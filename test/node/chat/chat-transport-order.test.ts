// The order the chat channel tries its transports in: WebSocket first, BOSH when the WebSocket connection fails;
// once one has worked, reconnects stay on it; a new sign-in starts with WebSocket again. Connections are stand-ins
// that fail or connect as the test says (the real transports are covered by the Prosody and browser tests).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XmppChatChannel } from '../../../src/core/chat/xmpp/xmpp-chat-channel.ts';
import { serviceOrder, transportOf } from '../../../src/core/chat/xmpp/chat-link.ts';
import {
  XmppStatus,
  type ConnectionRequest,
  type XmppConnection,
} from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import type { Timers } from '../../../src/core/shared/timers.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import { chatEndpoints } from '../../../src/core/container/chat-endpoints.ts';

const WS = 'wss://chat.example.com/ws';
const BOSH = 'https://chat.example.com/http-bind';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let id = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Timers = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(++id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (h) => {
      timers.delete(h as number);
    },
  };
  const advance = async (ms: number): Promise<void> => {
    const until = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
      await Promise.resolve();
    }
    now = until;
  };
  return { clock, advance };
}

/** Connections that fail, or connect, as `outcome` says for their endpoint; every attempt is recorded. */
function fakeTransports(outcome: (service: string) => 'fail' | 'connect') {
  const attempts: string[] = [];
  const live: { service: string; drop: () => void }[] = [];
  const create = (request: ConnectionRequest): XmppConnection => {
    let callback: ((status: number, condition: string | null) => void) | null = null;
    const conn = {
      service: request.service,
      connect(_jid: string, _secret: string, cb: (status: number, condition: string | null) => void) {
        attempts.push(transportOf(request.service));
        callback = cb;
        const result = outcome(request.service);
        queueMicrotask(() =>
          cb(
            result === 'connect' ? XmppStatus.CONNECTED : XmppStatus.CONNFAIL,
            result === 'connect' ? null : 'refused',
          ),
        );
      },
      disconnect() {
        queueMicrotask(() => callback?.(XmppStatus.DISCONNECTED, null));
      },
      _doDisconnect() {
        callback?.(XmppStatus.DISCONNECTED, null);
      },
      hasResumed: () => false,
      addHandler: () => ({}),
      send: () => undefined,
      sendIQ: () => 'iq',
    };
    live.push({ service: request.service, drop: () => callback?.(XmppStatus.DISCONNECTED, 'dropped') });
    // Only what the channel calls is implemented; the cast says so.
    return conn as unknown as XmppConnection;
  };
  return { attempts, live, create };
}

function channel(create: (r: ConnectionRequest) => XmppConnection, clock: Timers): XmppChatChannel {
  return new XmppChatChannel({
    websocketUrl: WS,
    boshUrl: BOSH,
    domain: 'example.com',
    routerJid: 'chat-router@example.com/router',
    createConnection: create,
    clock,
    random: () => 0.5,
    backoff: { firstMs: 100, maxMs: 1000, jitter: 0 },
  });
}

const credentials = { kind: 'password' as const, username: '1001001', password: new Secret('pw') };

describe('which transport the chat channel uses', () => {
  it('tries WebSocket first and BOSH when the WebSocket connection fails, then stays on BOSH across a drop', async () => {
    const { clock, advance } = manualClock();
    const t = fakeTransports((service) => (transportOf(service) === 'websocket' ? 'fail' : 'connect'));
    const ch = channel(t.create, clock);
    void ch.signIn(credentials);
    await advance(0);
    await advance(5000);
    assert.equal(ch.status(), 'online');
    assert.deepEqual(t.attempts, ['websocket', 'bosh']);

    t.live.at(-1)?.drop();
    await advance(5000);
    assert.equal(ch.status(), 'online');
    assert.deepEqual(t.attempts, ['websocket', 'bosh', 'bosh'], 'a session that worked on BOSH reconnects on BOSH');
    await ch.detach();
  });

  it('goes round WebSocket, BOSH, WebSocket while neither has worked yet', async () => {
    const { clock, advance } = manualClock();
    const t = fakeTransports(() => 'fail');
    const ch = channel(t.create, clock);
    const signedIn = ch.signIn(credentials);
    await advance(0);
    const first = await signedIn;
    assert.equal(
      !first.ok && first.error.code,
      'unreachable',
      'the first failure is reported; the channel keeps trying',
    );
    await advance(2000);
    assert.deepEqual(t.attempts.slice(0, 4), ['websocket', 'bosh', 'websocket', 'bosh']);
    assert.equal(ch.status(), 'connecting');
    await ch.detach();
    const before = t.attempts.length;
    await advance(60_000);
    assert.equal(t.attempts.length, before, 'a detached channel stops trying');
  });

  it('the endpoint list is WebSocket then BOSH, whichever are configured', () => {
    assert.deepEqual(serviceOrder({ websocketUrl: WS, boshUrl: BOSH }), [WS, BOSH]);
    assert.deepEqual(serviceOrder({ websocketUrl: null, boshUrl: BOSH }), [BOSH]);
    assert.deepEqual(serviceOrder({ websocketUrl: WS, boshUrl: null }), [WS]);
  });

  it("the gadget's chatService names one address, or a WebSocket and a BOSH address in either order", () => {
    assert.deepEqual(chatEndpoints(WS), { websocketUrl: WS, boshUrl: null });
    assert.deepEqual(chatEndpoints(BOSH), { websocketUrl: null, boshUrl: BOSH });
    assert.deepEqual(chatEndpoints(`${BOSH} ${WS}`), { websocketUrl: WS, boshUrl: BOSH });
    assert.deepEqual(chatEndpoints(` ${WS},${BOSH} `), { websocketUrl: WS, boshUrl: BOSH });
  });
});
