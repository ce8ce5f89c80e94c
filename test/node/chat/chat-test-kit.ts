// Shared pieces of the chat integration tests: agents, customers and a router on a test Prosody.
import { Strophe } from 'strophe.js';
import type { ChatChannel, ChatEvent } from '../../../src/core/chat/chat-channel.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import { XmppChatChannel, type XmppChatChannelOptions } from '../../../src/core/chat/xmpp/xmpp-chat-channel.ts';
import { createStropheConnection, type XmppConnection } from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import { startChatRouter, type ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import type { ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import type { QueueBook } from '../../../server/router/queues.ts';
import type { TeamDirectorySource } from '../../../server/router/team-feed.ts';

/** What an agent needs of the chat server (a test's Prosody, or a world's). */
export type AgentServer = Pick<ChatProsodyHandle, 'websocketUrl' | 'boshUrl' | 'domain' | 'register'>;
/** What a customer needs of the chat server. */
export type CustomerServer = Pick<ChatProsodyHandle, 'websocketUrl' | 'guestDomain'>;
/** What a router needs of the chat server. */
export type RouterServer = Pick<ChatProsodyHandle, 'websocketUrl' | 'domain' | 'mucDomain' | 'register'>;

Strophe.setLogLevel(Strophe.LogLevel.FATAL);

/** Polls until `check` returns a value (not undefined/false/null), or fails after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let counter = 0;
/** A name no other test in this run uses. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid}x${counter}`;
}

export interface TestAgent {
  readonly id: string;
  readonly channel: XmppChatChannel;
  readonly events: ChatEvent[];
  /** The live strophe connection, so a test can cut its socket. */
  connection(): XmppConnection | null;
}

/** Registers an agent account and signs a channel in with it, publishing `state` with capacity `max`. */
export async function signInAgent(
  prosody: AgentServer,
  router: ChatRouterHandle,
  options: {
    state?: 'READY' | 'NOT_READY' | 'INTERRUPTED' | 'BUSY' | 'ACTIVE';
    max?: number;
    channel?: Partial<XmppChatChannelOptions>;
    /** An existing account (a seeded agent); default: a fresh one registered here. */
    account?: { id: string; password: string };
  } = {},
): Promise<TestAgent> {
  const id = options.account?.id ?? unique('agent');
  const password = options.account?.password ?? 'pw';
  if (!options.account) await prosody.register(id, password);
  let live: XmppConnection | null = null;
  const channel = new XmppChatChannel({
    websocketUrl: prosody.websocketUrl,
    boshUrl: prosody.boshUrl,
    domain: prosody.domain,
    routerJid: router.jid,
    backoff: { firstMs: 100, maxMs: 1000, jitter: 0.2 },
    createConnection: (request) => (live = createStropheConnection(request)),
    ...options.channel,
  });
  const events: ChatEvent[] = [];
  channel.subscribe((e) => events.push(e));
  const signedIn = await channel.signIn({ kind: 'password', username: id, password: new Secret(password) });
  if (!signedIn.ok) throw new Error(`agent ${id} could not sign in: ${signedIn.error.message}`);
  channel.publishAvailability({ state: options.state ?? 'READY', active: 0, max: options.max ?? 5 });
  await waitFor(`router to see ${id}`, () =>
    router.snapshot().agents.find((a) => a.jid.startsWith(`${id}@`) && a.state === (options.state ?? 'READY')),
  );
  return { id, channel, events, connection: () => live };
}

export function startCustomer(prosody: CustomerServer, router: Pick<ChatRouterHandle, 'jid'>): CustomerChatClient {
  return new CustomerChatClient({
    service: prosody.websocketUrl,
    guestDomain: prosody.guestDomain,
    routerJid: router.jid,
  });
}

/** Starts a router with its own account on the test server. */
export async function startTestRouter(
  prosody: RouterServer,
  options: {
    offerTimeoutMs?: number;
    graceMs?: number;
    customerGraceMs?: number;
    queues?: QueueBook;
    directory?: TeamDirectorySource | null;
    log?: (line: string) => void;
  } = {},
): Promise<ChatRouterHandle> {
  const username = unique('router');
  await prosody.register(username, 'pw');
  return startChatRouter({
    websocketUrl: prosody.websocketUrl,
    domain: prosody.domain,
    mucDomain: prosody.mucDomain,
    username,
    password: 'pw',
    ...options,
    log: (line) => {
      options.log?.(line);
      if (process.env['CHAT_TEST_LOG']) console.log(line);
    },
  });
}

/** Waits for the next offer the channel receives and returns its chat id. */
export function offeredChat(channel: ChatChannel, customerName?: string): Promise<string> {
  return waitFor(
    'an offer',
    () => channel.offers().find((o) => customerName === undefined || o.customerName === customerName)?.chatId,
  );
}

/** The texts of a transcript, in order. */
export function texts(lines: readonly { text: string }[]): string[] {
  return lines.map((l) => l.text);
}
