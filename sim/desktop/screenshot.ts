// Takes the README's screenshots of the running harness with the product gadget built by vite: an agent idle and
// Ready; a chat offer as the desktop's popover; two chats while voice is Not Ready "Handling Chat"; chat paused by
// an ACD call; the gadget in German; the customer chat widget on the sample website; the supervisor's team gadget; the
// diagnostics page opened from the agent's gadget after an administrator deleted the Handling Chat reason code.
// Run: node --import tsx sim/desktop/screenshot.ts [out-dir]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { build } from 'vite';
import { CustomerChatClient } from '../../server/customer/customer-chat-client.ts';
import { DEMO_QUEUES, startDesktopWorld } from './desktop-world.ts';
import { launchChromium } from './chromium.ts';
import { chooseState, clickPopoverButton, gadgetFrames, popovers, signIn, type Agent } from './desktop-driver.ts';
import { userRequestToXml, type UserRequest } from '../../src/core/finesse/xml/index.ts';
import { ADMINISTRATORS } from '../finesse/seed.ts';
import { authorizationHeader } from '../../src/core/finesse/rest/finesse-auth.ts';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
const distDir = mkdtempSync(join(tmpdir(), 'fb-shot-dist-'));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds, naming `what` when it never does. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`screenshot: timed out waiting for ${what}`);
    await pause(100);
  }
}

/** The product gadget's text, shadow roots included. */
function gadgetText(page: Page): Promise<string> {
  const frame: Frame | undefined = gadgetFrames(page, '/3rdpartygadget/files/finesse-blend/')[0];
  if (!frame) return Promise.resolve('');
  // A loop, not a named helper: the page gets this function's source as written.
  return frame.evaluate(() => {
    const parts: string[] = [];
    const stack: Node[] = [document.body];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
      stack.push(...Array.from(node.childNodes).reverse());
    }
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** Clicks a button inside the product gadget found through shadow roots by a CSS path ("a >>> b"). */
async function clickInGadget(page: Page, path: string): Promise<void> {
  const frame = gadgetFrames(page, '/3rdpartygadget/files/finesse-blend/')[0];
  if (!frame) throw new Error('screenshot: no product gadget');
  const button = await frame.waitForSelector(`pierce/${path.split(' >>> ').at(-1) ?? path}`, { timeout: 10_000 });
  await button?.click();
}

async function shoot(page: Page, name: string, what: string): Promise<void> {
  await pause(1200); // the header's state timer and the gadget's countdowns tick once more
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png` });
  console.log(`${what}: ${path}`);
}

try {
  await build({
    configFile: resolve(import.meta.dirname, '../../vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: distDir, emptyOutDir: true },
  });
  const desktop = await startDesktopWorld({ distDir, queues: DEMO_QUEUES });
  const customers: CustomerChatClient[] = [];
  try {
    const chat = desktop.chat;
    if (!chat) throw new Error('the desktop world runs no chat service');
    const customer = async (name: string, question: string, order: string): Promise<CustomerChatClient> => {
      const c = new CustomerChatClient({
        service: chat.websocketUrl,
        guestDomain: chat.guestDomain,
        routerJid: chat.routerJid,
      });
      customers.push(c);
      const started = await c.start(name, question, [{ name: 'order', label: 'Order number', value: order }]);
      if (!started.ok) throw new Error(`screenshot: the customer could not start a chat: ${started.message}`);
      return c;
    };
    const chromium = await launchChromium(1280, 800);
    try {
      const user = desktop.world.simulator.users.find((u) => !u.supervisor);
      if (!user) throw new Error('the simulator has no agent');
      const agent: Agent = { id: user.id, password: user.password, extension: user.extension };
      const header = (page: Page) => page.$eval('#state-label', (e) => e.textContent ?? '');

      const page = await chromium.browser.newPage();
      await signIn(page, desktop.desktopUrl, agent);
      await chooseState(page, 'READY');
      await until('the gadget to be ready', async () => (await gadgetText(page)).includes('Ready for calls and chats'));
      await shoot(page, 'idle', 'idle, Ready for calls and chats');

      const jane = await customer('Jane Doe', 'Hello, where is my order? It was due on Monday.', 'A-1001');
      await until('the offer popover', async () => (await popovers(page)).length > 0);
      await shoot(page, 'offer-popover', 'a chat offer as the desktop popover');

      await clickPopoverButton(page, 'Accept');
      await until('voice Not Ready "Handling Chat"', async () => /Handling Chat/.test(await header(page)));
      await until('the first conversation', async () => (await gadgetText(page)).includes('where is my order'));
      const omar = await customer('Omar Haddad', 'Can I change the delivery address?', 'B-2002');
      await until('the second offer', async () => (await popovers(page)).length > 0);
      await clickInGadget(page, 'fb-chat-offer >>> button.accept');
      await until('two chats', async () => (await gadgetText(page)).includes('Handling 2 of 5 chats'));
      omar.send('It should go to my office instead: https://example.com/office');
      jane.send('The tracking page says it is still in the warehouse.');
      await until('the messages', async () => /office|warehouse/.test(await gadgetText(page)));
      await shoot(page, 'two-chats', 'two chats, voice Not Ready "Handling Chat"');

      await jane.end();
      await omar.end();
      await until('voice back to Ready', async () => (await header(page)).startsWith('Ready'));
      for (let i = 0; i < 2; i++) await clickInGadget(page, 'fb-conversation >>> button.dismiss');
      await until('the ended chats closed', async () => (await gadgetText(page)).includes('No chats right now'));
      const placed = await desktop.world.simulator.control.placeAcdCall({ agentId: agent.id });
      if (!placed.ok) throw new Error(`screenshot: no call: ${placed.error}`);
      await page.waitForSelector('button[data-action="ANSWER"]', { visible: true });
      await page.click('button[data-action="ANSWER"]');
      await until('the call answered', async () => (await header(page)).startsWith('Talking'));
      await until('chat paused by the call', async () => (await gadgetText(page)).includes('On a call: chats paused'));
      await shoot(page, 'on-a-call', 'chat paused by an ACD call');
      await desktop.world.simulator.control.endCall({ dialogId: placed.value.dialogId });
      await page.close();

      const german = await chromium.browser.newPage();
      await signIn(german, desktop.desktopUrl, { ...agent, locale: 'de_DE' });
      await chooseState(german, 'READY');
      await until('the German gadget', async () => (await gadgetText(german)).includes('Bereit für Anrufe und Chats'));
      await customer('Lena Vogel', 'Guten Tag, ich habe eine Frage zu meiner Rechnung.', 'C-3003');
      await until('the offer in German', async () => (await gadgetText(german)).includes('Annehmen'));
      await shoot(german, 'german', 'the gadget in German with an offer');
      await german.close();

      // The customer's side: the widget on the sample website, its pre-chat form filled in.
      const shop = await chromium.browser.newPage();
      await shop.setViewport({ width: 1000, height: 760 });
      await shop.goto(chat.customerSiteUrl);
      await shop.click('finesse-blend-chat >>> button.launcher');
      await shop.waitForSelector('finesse-blend-chat >>> #fbc-field-name', { visible: true });
      await shop.type('finesse-blend-chat >>> #fbc-field-name', 'Robin Park');
      await shop.type('finesse-blend-chat >>> #fbc-field-email', 'robin@example.com');
      await shop.type('finesse-blend-chat >>> #fbc-field-question', 'Can I change the delivery address of A-1001?');
      await shoot(shop, 'customer-widget', "the customer chat widget's pre-chat form on a website");
      await shop.close();

      // The supervisor's team tab: two more members of team 10 signed in, one Ready and one on a Break.
      const put = async (id: string, request: UserRequest): Promise<void> => {
        const account = desktop.world.simulator.users.find((u) => u.id === id);
        if (!account) throw new Error(`screenshot: no account ${id}`);
        const answer = await fetch(`${desktop.world.simulator.primaryUrl}/finesse/api/User/${id}`, {
          method: 'PUT',
          headers: {
            Authorization: `Basic ${Buffer.from(`${id}:${account.password}`).toString('base64')}`,
            'Content-Type': 'application/xml',
          },
          body: userRequestToXml(request),
        });
        if (answer.status !== 202) throw new Error(`screenshot: ${id} ${request.state ?? ''}: ${answer.status}`);
      };
      await put('1001002', { state: 'LOGIN', extension: '5002' });
      await put('1001002', { state: 'READY' });
      await put('1001003', { state: 'LOGIN', extension: '5003' });
      await put('1001003', { state: 'NOT_READY', reasonCodeId: '1' });
      const boss = await chromium.browser.newPage();
      await signIn(boss, desktop.desktopUrl, { id: '1002001', password: 'supervisor1pw', extension: '6001' });
      await boss.click('#tab-team');
      const teamText = async (): Promise<string> => {
        const frame = gadgetFrames(boss, '/finesse-blend/team-gadget.xml')[0];
        if (!frame) return '';
        return frame.evaluate(() => document.querySelector('finesse-blend-team')?.shadowRoot?.textContent ?? '');
      };
      // The chat columns come from the chat service's team feed: wait for its rows too.
      await until('the team rows and their chat side', async () => {
        const text = await teamText();
        return /Break/.test(text) && /\d+ of \d+/.test(text);
      });
      await shoot(boss, 'team', "the supervisor's team gadget");
      await boss.close();

      // The diagnostics page, opened from the agent's gadget, after an administrator deleted the Handling Chat reason
      // code (Finesse's ReasonCode—Delete): that check fails and says what to do; the others pass.
      const admin = ADMINISTRATORS[0];
      if (!admin) throw new Error('screenshot: the seed has no administrator');
      const deleted = await fetch(`${desktop.world.simulator.primaryUrl}/finesse/api/ReasonCode/5`, {
        method: 'DELETE',
        headers: {
          Authorization: authorizationHeader({ kind: 'basic', id: admin.loginName, password: admin.password }).reveal(),
        },
      });
      if (deleted.status !== 200) throw new Error(`screenshot: the reason code was not deleted: ${deleted.status}`);
      const diagnostics = await chromium.browser.newPage();
      await diagnostics.setViewport({ width: 1280, height: 1080 });
      await signIn(diagnostics, desktop.desktopUrl, agent);
      await clickInGadget(diagnostics, 'finesse-blend-agent >>> button.diagnostics-open');
      await until('the diagnostics run to finish', async () => /Done: \d+ passed/.test(await gadgetText(diagnostics)));
      await shoot(diagnostics, 'diagnostics', 'the diagnostics page with the Handling Chat reason code missing');
    } finally {
      await chromium.close();
    }
  } finally {
    for (const c of customers) c.close();
    await desktop.stop();
  }
} finally {
  rmSync(distDir, { recursive: true, force: true });
}
