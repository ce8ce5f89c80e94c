// The desk the agent e2e tests with chat share: the harness with its chat router, a page signed in as the agent with
// the product gadget open and watched for CSP violations and console errors, customers in Node (closed at the end),
// and the agent as the chat router sees it.
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { DesktopWorld, DesktopWorldOptions } from '../../../sim/desktop/desktop-world.ts';
import { watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import type { WorldChat } from '../../../sim/world.ts';
import type { GadgetPage } from './gadget-page.ts';
import { openGadget, startGadgetHarness, type AgentLogin, type GadgetHarness } from './gadget-harness.ts';

type RouterAgent = ReturnType<NonNullable<DesktopWorld['world']['chatRouter']>['snapshot']>['agents'][number];

export interface ChatDesk {
  readonly harness: GadgetHarness;
  readonly desktop: DesktopWorld;
  readonly chat: WorldChat;
  readonly agent: AgentLogin;
  readonly page: Page;
  /** CSP violations and console errors on the page so far. */
  readonly problems: string[];
  readonly gadget: GadgetPage;
  /** The customers started so far, in order. */
  readonly customers: readonly CustomerChatClient[];
  /** A new customer on the desktop's chat service; closed by `stop`. */
  customer(): CustomerChatClient;
  /** The agent in the chat router's snapshot, once the router knows it. */
  routerAgent(): RouterAgent | undefined;
  /** Closes the customers, then stops the harness. */
  stop(): Promise<void>;
}

/**
 * Starts the harness (with `options`), opens a page and signs in to the gadget (`what` names it in a timeout);
 * a failed start stops what it started.
 */
export async function openChatDesk(
  options: Omit<DesktopWorldOptions, 'distDir'> = {},
  what?: string,
): Promise<ChatDesk> {
  const harness = await startGadgetHarness(options);
  const customers: CustomerChatClient[] = [];
  const stop = async (): Promise<void> => {
    for (const c of customers) c.close();
    await harness.stop();
  };
  try {
    const { desktop, agent } = harness;
    const chat = desktop.chat;
    assert.ok(chat, 'the desktop world runs the chat router');
    const page = await harness.chromium.browser.newPage();
    const problems = await watchForProblems(page);
    const gadget = await openGadget(harness, page, what);
    return {
      harness,
      desktop,
      chat,
      agent,
      page,
      problems,
      gadget,
      customers,
      customer: () => {
        const c = new CustomerChatClient({
          service: chat.websocketUrl,
          guestDomain: chat.guestDomain,
          routerJid: chat.routerJid,
        });
        customers.push(c);
        return c;
      },
      routerAgent: () => desktop.world.chatRouter?.snapshot().agents.find((a) => a.jid.startsWith(`${agent.id}@`)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
