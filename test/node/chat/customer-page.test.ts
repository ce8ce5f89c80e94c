// The customer chat page in Chromium against a real Prosody and router, with an agent on the ChatChannel:
// queue position, conversation both ways, typing, end; hostile agent-side text shows as text; no CSP breaks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium, type LaunchedChromium } from '../../../sim/desktop/chromium.ts';
import { customerChatRoute } from '../../../server/customer/customer-route.ts';
import type { ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { offeredChat, signInAgent, startTestRouter, waitFor } from './chat-test-kit.ts';

let prosody: ChatProsodyHandle;
let router: ChatRouterHandle;
let server: Server;
let pageUrl: string;
let chromium: LaunchedChromium;

before(async () => {
  prosody = await startProsody({ chat: true });
  router = await startTestRouter(prosody);
  const { route, path } = customerChatRoute({
    websocketUrl: prosody.websocketUrl,
    guestDomain: prosody.guestDomain,
    routerJid: router.jid,
  });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void Promise.resolve(route(req, res, url)).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  chromium = await launchChromium();
});
after(async () => {
  await chromium?.close();
  await new Promise((resolve) => server?.close(resolve));
  await router?.stop();
  await prosody?.stop();
});

test('a visitor chats from the page: queue position, messages both ways as text, typing, end', async () => {
  const page = await chromium.browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(String(e)));
  let agent: Awaited<ReturnType<typeof signInAgent>> | null = null;
  try {
    const response = await page.goto(pageUrl);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.type('#name', 'Robin <i>');
    await page.type('#question', 'Can I change my address?');
    await page.click('#start button[type=submit]');
    await page.waitForFunction(() =>
      /number 1 in the queue/.test(document.getElementById('status')?.textContent ?? ''),
    );
    // The question is in the room (confirmed) before any agent comes.
    await page.waitForFunction(() => document.querySelector('#lines .from-me:not(.pending)') !== null);

    agent = await signInAgent(prosody, router, { channel: { displayName: 'Dana' } });
    const chatId = await offeredChat(agent.channel, 'Robin <i>');
    await agent.channel.accept(chatId);
    // The visitor sees the agent's first name, never its login id.
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'You are chatting with Dana.');
    await waitFor('the question at the agent', () =>
      agent?.channel.activeChats()[0]?.transcript.some((m) => m.text === 'Can I change my address?'),
    );

    const hostile =
      '<img src=x onerror="document.title=\'pwned\'"><b>bold?</b> & <script>document.title="pwned"</script>';
    agent.channel.send(chatId, hostile);
    await page.waitForFunction(
      (t) => [...document.querySelectorAll('#lines .text')].some((e) => e.textContent === t),
      {},
      hostile,
    );
    const injected = await page.evaluate(() => ({
      elements: document.querySelectorAll('#lines img, #lines b, #lines script').length,
      title: document.title,
    }));
    assert.deepEqual(injected, { elements: 0, title: 'Chat with us' });

    agent.channel.setTyping(chatId, 'composing');
    await page.waitForFunction(() => document.getElementById('typing')?.textContent === 'The agent is typing…');

    await page.type('#message', 'Thanks!');
    await waitFor(
      'the agent to see the customer typing',
      () => agent?.channel.activeChats()[0]?.customerTyping === 'composing',
    );
    await page.keyboard.press('Enter');
    await waitFor('the reply at the agent', () =>
      agent?.channel.activeChats()[0]?.transcript.some((m) => m.sender === 'customer' && m.text === 'Thanks!'),
    );

    await page.click('#end');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'The chat has ended.');
    const closed = await waitFor('the agent session to close', () =>
      agent?.events.find((e) => e.type === 'session-closed'),
    );
    assert.equal(closed.type === 'session-closed' && closed.reason, 'ended-by-customer');
    const shown = await page.evaluate(() => [...document.querySelectorAll('#lines .line')].map((li) => li.textContent));
    assert.deepEqual(shown, [
      'YouCan I change my address?',
      'Dana has joined the chat.',
      `Dana${hostile}`,
      'YouThanks!',
      'The customer ended the chat.',
    ]);
    assert.deepEqual(violations, []);
  } catch (error) {
    const state = await page.evaluate(() => ({
      status: document.getElementById('status')?.textContent,
      lines: [...document.querySelectorAll('#lines .line')].map((li) => `${li.className}: ${li.textContent ?? ''}`),
    }));
    console.log('# page state at failure:', JSON.stringify(state), JSON.stringify(router.snapshot()));
    throw error;
  } finally {
    await page.close();
    await agent?.channel.signOut();
  }
});

test("a chat link naming a queue the router does not have shows the router's sentence; the default queue works", async () => {
  const page = await chromium.browser.newPage();
  try {
    await page.goto(`${pageUrl}?queue=refunds`);
    await page.type('#name', 'Kim');
    await page.click('#start button[type=submit]');
    await page.waitForFunction(() => /no chat queue/.test(document.getElementById('status')?.textContent ?? ''));
    assert.equal(
      await page.evaluate(() => document.getElementById('status')?.textContent),
      'There is no chat queue "refunds": check the chat link you used, or start the chat from the main chat page.',
    );
    assert.equal(router.stats().waiting, 0, 'nothing was queued');

    await page.goto(`${pageUrl}?queue=default`);
    await page.type('#name', 'Kim');
    await page.click('#start button[type=submit]');
    await page.waitForFunction(() =>
      /number 1 in the queue/.test(document.getElementById('status')?.textContent ?? ''),
    );
    assert.deepEqual(
      router.stats().queues?.map((q) => [q.id, q.waiting]),
      [['default', 1]],
    );
  } finally {
    await page.close();
  }
});
