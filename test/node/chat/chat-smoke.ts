// The chat profile's core flows as one short scenario, run against any standard XMPP server the tests can start
// (Prosody, ejabberd): the router signs in, an agent publishes availability, anonymous customers queue and learn
// their position, the agent is offered a chat and accepts it, messages go both ways once with the room's stanza ids,
// typing shows, the agent's reconnect gets its assignments back (with and without stream resumption), the agent
// ends the chat, and both sides can read the room's archive. The detailed cases live in the Prosody test files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStropheConnection, type XmppConnection } from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import { IqTracker } from '../../../src/core/chat/xmpp/iq-tracker.ts';
import { mamQuery, readArchivedMessage, readMamFin } from '../../../src/core/chat/xmpp/muc-stanzas.ts';
import { readOriginId, readStanzaId } from '../../../src/core/chat/xmpp/profile/shared.ts';
import { bareJid, childText } from '../../../src/core/chat/xmpp/dom-read.ts';
import { systemTimers } from '../../../src/core/shared/timers.ts';
import { randomId } from '../../../src/core/shared/ids.ts';
import { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import {
  offeredChat,
  signInAgent,
  startTestRouter,
  texts,
  waitFor,
  type AgentServer,
  type CustomerServer,
  type RouterServer,
  type TestAgent,
} from './chat-test-kit.ts';

/** A chat server a test file started: what the router, agents and customers need of it, and how to stop it. */
export interface ChatTestServer extends AgentServer, CustomerServer, RouterServer {
  stop(): Promise<void>;
}

/** A customer whose connection the test can also use (archive queries) and watch (raw room messages). */
interface WatchedCustomer {
  readonly client: CustomerChatClient;
  readonly positions: number[];
  /** Room messages with a body, as the customer's connection received them live. */
  readonly roomMessages: Element[];
  connection(): XmppConnection;
}

function watchedCustomer(server: CustomerServer, routerJid: string): WatchedCustomer {
  let live: XmppConnection | null = null;
  const client = new CustomerChatClient({
    service: server.websocketUrl,
    guestDomain: server.guestDomain,
    routerJid,
    createConnection: (request) => (live = createStropheConnection(request)),
  });
  const positions: number[] = [];
  const roomMessages: Element[] = [];
  client.subscribe((e) => {
    if (e.type === 'queued') positions.push(e.position);
  });
  const connection = (): XmppConnection => {
    assert.ok(live, 'the customer has a connection');
    return live;
  };
  return { client, positions, roomMessages, connection };
}

/** Records the room's live messages that carry a body (the handler is added once the customer is connected). */
function recordRoomMessages(customer: WatchedCustomer): void {
  customer.connection().addHandler(
    (m) => {
      if (m.getAttribute('type') === 'groupchat' && childText(m, 'body') !== null) customer.roomMessages.push(m);
      return true;
    },
    null,
    'message',
    null,
  );
}

/** The room's whole archive as one participant reads it (XEP-0313, page by page). */
async function readArchive(
  conn: XmppConnection,
  room: string,
): Promise<{ id: string; origin: string | null; body: string }[]> {
  const iq = new IqTracker(systemTimers, 10_000);
  const found: { id: string; origin: string | null; body: string }[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const queryId = randomId();
    const handler = conn.addHandler(
      (m) => {
        const archived = readArchivedMessage(m);
        const body = archived && childText(archived.message, 'body');
        if (archived?.queryId === queryId && body !== null && body !== undefined) {
          found.push({ id: archived.archiveId, origin: readOriginId(archived.message), body });
        }
        return true;
      },
      null,
      'message',
      null,
    );
    const answer = await iq.send(conn, mamQuery(room, queryId, after, 50));
    conn.deleteHandler(handler);
    assert.ok(answer.ok, `the archive of ${room} answers: ${answer.ok ? '' : JSON.stringify(answer.error)}`);
    const fin = readMamFin(answer.value);
    assert.ok(fin, 'the archive query ends with <fin/>');
    if (fin.complete || !fin.last) break;
    after = fin.last;
  }
  return found;
}

function cutSocket(conn: XmppConnection | null): void {
  const socket = (conn as unknown as { _proto: { socket: { terminate(): void } | null } } | null)?._proto.socket;
  assert.ok(socket, 'the agent has a live socket');
  socket.terminate();
}

function agentLines(agent: TestAgent, chatId: string, sender: 'self' | 'customer'): string[] {
  const session = agent.channel.activeChats().find((s) => s.chatId === chatId);
  return texts(session?.transcript.filter((m) => m.sender === sender) ?? []);
}

/** Declares the smoke tests for one server kind; `start` runs once for the file, and the server is stopped after. */
export function chatSmokeTests(start: () => Promise<ChatTestServer>): void {
  let server: ChatTestServer;
  // A server start gets more than a test's time: ejabberd's Erlang VM takes 2-5 s on 2 busy cores.
  before(
    async () => {
      server = await start();
    },
    { timeout: 60_000 },
  );
  after(async () => {
    await server.stop();
  });

  test('queue, offer, accept, messages both ways once with stanza ids, typing, reconnect, end, archive', async () => {
    const router = await startTestRouter(server);
    // Not ready at first, so both customers queue; one chat at a time.
    const agent = await signInAgent(server, router, {
      state: 'NOT_READY',
      max: 1,
      channel: { streamManagement: false, displayName: 'Dana' },
    });
    const first = watchedCustomer(server, router.jid);
    const second = watchedCustomer(server, router.jid);
    try {
      assert.equal((await first.client.start('Jane', 'Where is my order?')).ok, true);
      recordRoomMessages(first);
      assert.equal((await second.client.start('Sam', 'Hello?')).ok, true);
      assert.deepEqual([first.positions.at(-1), second.positions.at(-1)], [1, 2]);

      agent.channel.publishAvailability({ state: 'READY', active: 0, max: 1 });
      const chatId = await offeredChat(agent.channel, 'Jane');
      assert.equal((await agent.channel.accept(chatId)).ok, true);
      // The router's queue position message reaches the anonymous customer on the guest host.
      await waitFor('the second customer to move up', () => second.positions.at(-1) === 1);

      agent.channel.send(chatId, 'agent 1');
      agent.channel.send(chatId, 'agent 2');
      first.client.send('customer 1');
      first.client.send('customer 2');
      await waitFor('the customer lines at the agent', () => agentLines(agent, chatId, 'customer').length >= 3);
      await waitFor(
        'the agent lines at the customer',
        () => first.client.lines().filter((l) => l.from === 'agent').length >= 2,
      );
      await waitFor('the agent lines confirmed by the room', () =>
        agent.channel.activeChats()[0]?.transcript.every((m) => !m.pending),
      );
      assert.deepEqual(agentLines(agent, chatId, 'customer'), ['Where is my order?', 'customer 1', 'customer 2']);
      assert.deepEqual(agentLines(agent, chatId, 'self'), ['agent 1', 'agent 2']);
      const customerSees = (from: string): string[] => texts(first.client.lines().filter((l) => l.from === from));
      assert.deepEqual(customerSees('agent'), ['agent 1', 'agent 2']);
      assert.deepEqual(customerSees('me'), ['Where is my order?', 'customer 1', 'customer 2']);
      assert.deepEqual(customerSees('system'), ['Dana has joined the chat.']);
      const room = bareJid(first.roomMessages[0]?.getAttribute('from') ?? '');
      assert.ok(room.endsWith(`@${server.mucDomain}`), 'the chat has a room on the MUC service');
      // Every live room message carries the room's XEP-0359 stanza-id, and each sender's origin-id.
      for (const m of first.roomMessages) {
        assert.ok(readStanzaId(m, room), `a stanza-id by the room on "${childText(m, 'body')}"`);
        assert.ok(readOriginId(m), `an origin-id on "${childText(m, 'body')}"`);
      }

      first.client.setTyping('composing');
      await waitFor('the agent to see the customer typing', () =>
        agent.events.some((e) => e.type === 'typing' && e.chatId === chatId && e.state === 'composing'),
      );

      // A reconnect without stream resumption: the router's assignment list gives the agent its chat back, and
      // the room's archive fills in what was said meanwhile, each line once.
      const assignmentsBefore = agent.events.filter((e) => e.type === 'assignments').length;
      cutSocket(agent.connection());
      first.client.send('customer while the agent was away');
      await waitFor('the assignments after the reconnect', () =>
        agent.events.filter((e) => e.type === 'assignments').length > assignmentsBefore ? true : undefined,
      );
      const assignments = agent.events.filter((e) => e.type === 'assignments').at(-1);
      assert.deepEqual(assignments?.type === 'assignments' && assignments.chatIds, [chatId]);
      await waitFor('the line written while away at the agent', () =>
        agentLines(agent, chatId, 'customer').includes('customer while the agent was away'),
      );
      assert.deepEqual(agentLines(agent, chatId, 'customer'), [
        'Where is my order?',
        'customer 1',
        'customer 2',
        'customer while the agent was away',
      ]);
      assert.deepEqual(agentLines(agent, chatId, 'self'), ['agent 1', 'agent 2']);

      assert.equal((await agent.channel.end(chatId)).ok, true);
      await waitFor('the customer to see the end', () =>
        first.client.lines().some((l) => l.from === 'system' && l.text === 'The agent ended the chat.'),
      );

      // The archive, as each side reads it: every line once, in order, under the ids the room stamped live.
      const expected = [
        'Where is my order?',
        'Dana has joined the chat.',
        'agent 1',
        'agent 2',
        'customer 1',
        'customer 2',
        'customer while the agent was away',
        'The agent ended the chat.',
      ];
      const byCustomer = await readArchive(first.connection(), room);
      const byAgent = await readArchive(agent.connection() as XmppConnection, room);
      // Each sender's lines in the order written; how the two sides interleave is the room's.
      const inOrder = (bodies: string[], of: readonly string[]): string[] => bodies.filter((b) => of.includes(b));
      const fromAgent = ['agent 1', 'agent 2'];
      const fromCustomer = ['Where is my order?', 'customer 1', 'customer 2', 'customer while the agent was away'];
      for (const archive of [byCustomer, byAgent]) {
        const bodies = archive.map((m) => m.body);
        assert.deepEqual([...bodies].sort(), [...expected].sort());
        assert.deepEqual(inOrder(bodies, fromAgent), fromAgent);
        assert.deepEqual(inOrder(bodies, fromCustomer), fromCustomer);
        assert.equal(bodies.at(-1), 'The agent ended the chat.');
        assert.equal(new Set(archive.map((m) => m.id)).size, archive.length, 'one archive id per message');
      }
      assert.deepEqual(byAgent, byCustomer);
      const liveIds = new Map(first.roomMessages.map((m) => [readOriginId(m), readStanzaId(m, room)]));
      for (const m of byCustomer) {
        if (liveIds.has(m.origin))
          assert.equal(m.id, liveIds.get(m.origin), `the same id live and archived: ${m.body}`);
      }
    } finally {
      first.client.close();
      second.client.close();
      await agent.channel.signOut();
      await router.stop();
    }
  });

  test('a dropped agent connection is resumed with stream management (XEP-0198); nothing is lost', async () => {
    const router = await startTestRouter(server);
    const agent = await signInAgent(server, router, { channel: { streamManagement: true } });
    const customer = watchedCustomer(server, router.jid);
    try {
      assert.equal((await customer.client.start('Kim', 'before')).ok, true);
      const chatId = await offeredChat(agent.channel);
      assert.equal((await agent.channel.accept(chatId)).ok, true);
      await waitFor('the question at the agent', () => agentLines(agent, chatId, 'customer').includes('before'));
      cutSocket(agent.connection());
      agent.channel.send(chatId, 'agent during');
      customer.client.send('customer during');
      await waitFor('the agent resumed', () =>
        agent.events.some((e) => e.type === 'status' && e.status === 'online' && e.detail === 'resumed'),
      );
      await waitFor('the customer line at the agent', () =>
        agentLines(agent, chatId, 'customer').includes('customer during'),
      );
      await waitFor('the agent line at the customer', () =>
        customer.client.lines().some((l) => l.from === 'agent' && l.text === 'agent during'),
      );
      assert.deepEqual(agentLines(agent, chatId, 'customer'), ['before', 'customer during']);
      assert.deepEqual(agentLines(agent, chatId, 'self'), ['agent during']);
    } finally {
      customer.client.close();
      await agent.channel.signOut();
      await router.stop();
    }
  });
}
