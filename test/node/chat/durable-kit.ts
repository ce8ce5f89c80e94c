// Agents and checks for the tests that restart or fail over the chat service process: they reach the router only
// through XMPP and the service's HTTP endpoints, as in production.
import assert from 'node:assert/strict';

import { Secret } from '../../../src/core/container/secret.ts';
import { XmppChatChannel } from '../../../src/core/chat/xmpp/xmpp-chat-channel.ts';
import { createStropheConnection, XmppStatus } from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import { assignmentsQuery, readAssignments } from '../../../src/core/chat/xmpp/profile/agent-side.ts';
import type { ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { unique } from './chat-test-kit.ts';

export interface DurableAgent {
  readonly id: string;
  readonly password: string;
  readonly channel: XmppChatChannel;
}

/** Registers an agent, signs its channel in and publishes READY with capacity `max`. */
export async function readyAgent(prosody: ChatProsodyHandle, routerJid: string, max: number): Promise<DurableAgent> {
  const id = unique('agent');
  const password = 'agent-pw';
  await prosody.register(id, password);
  const channel = new XmppChatChannel({
    websocketUrl: prosody.websocketUrl,
    boshUrl: prosody.boshUrl,
    domain: prosody.domain,
    routerJid,
    backoff: { firstMs: 100, maxMs: 1000, jitter: 0.2 },
  });
  const signedIn = await channel.signIn({ kind: 'password', username: id, password: new Secret(password) });
  if (!signedIn.ok) throw new Error(`agent ${id} could not sign in: ${signedIn.error.message}`);
  channel.publishAvailability({ state: 'READY', active: 0, max });
  return { id, password, channel };
}

/** What the router says the agent has (the assignments query a desktop sends after a reconnect), from a second session. */
export async function assignmentsOf(
  prosody: ChatProsodyHandle,
  agent: DurableAgent,
  routerJid: string,
): Promise<{ chats: string[]; offers: string[] }> {
  const conn = createStropheConnection({ service: prosody.websocketUrl, streamManagement: false, auth: 'password' });
  await new Promise<void>((resolve, reject) => {
    conn.connect(`${agent.id}@${prosody.domain}/check${Date.now()}`, agent.password, (status: number) => {
      if (status === XmppStatus.CONNECTED) resolve();
      if (status === XmppStatus.AUTHFAIL || status === XmppStatus.CONNFAIL) reject(new Error('no session'));
    });
  });
  try {
    const answer = await new Promise<Element>((resolve, reject) =>
      conn.sendIQ(assignmentsQuery(routerJid).tree(), resolve, () => reject(new Error('no assignments')), 5000),
    );
    const list = readAssignments(answer);
    assert.ok(list, 'the router answers with assignments');
    return { chats: list.chats.map((c) => c.chatId), offers: list.offers.map((o) => o.chatId) };
  } finally {
    conn.disconnect('done');
  }
}

/** The value of one sample on the service's /metrics (e.g. 'chat_service_role{role="standby"}'). */
export async function metricOf(url: string, sample: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : Number.NaN;
}

/** Waits until the service counts `n` agents in `state`. */
export function untilAgents(url: string, state: string, n: number): Promise<true> {
  return waitForAsync(
    `${n} ${state} agents`,
    async () => (await metricOf(url, `chat_service_agents{state="${state}"}`)) >= n,
  );
}

/** Polls an async condition until it holds, or fails after `ms`. */
export async function waitForAsync(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<true> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
