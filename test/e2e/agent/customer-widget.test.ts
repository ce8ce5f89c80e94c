// The customer chat widget on a sample customer website under a strict CSP (its own origin; script and settings
// from the chat service), against the agent's real gadget in the simulated desktop: the pre-chat form's checks, the
// queue place, the agent's first name, typing both ways, markup as text on both sides, the transcript file, a
// reload that continues the same chat, and a wrong secret refused. CSP violations and console errors are watched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { chooseState, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { openChatDesk, type ChatDesk } from './chat-desk.ts';
import { axeViolations, describeViolations } from './gadget-axe.ts';
import { waitFor } from './gadget-harness.ts';

const ROOT = `document.querySelector('finesse-blend-chat')?.shadowRoot`;
/** The widget's conversation as "from|who|text" lines. */
const LINES = `[...(${ROOT}?.querySelectorAll('.lines li') ?? [])].map((li) => [...li.classList].find((c) => c.startsWith('from-')).slice(5) + '|' + (li.querySelector('.who')?.textContent ?? '') + '|' + (li.querySelector('.text')?.textContent ?? ''))`;
const textOf = (selector: string): string =>
  `(${ROOT}?.querySelector(${JSON.stringify(selector)})?.textContent ?? '').trim()`;
const POLL = { timeout: 15_000, polling: 100 } as const;

const QUESTION = 'Where is my <b>order</b>?';
const AGENT_HTML = 'Let me check <img src=x onerror="document.title=\'pwned\'"><marquee>now</marquee>';
const CUSTOMER_HTML = 'Thanks <marquee>a lot</marquee> & <script>document.title="pwned"</script>';

let desk: ChatDesk;
let site: Page;
let siteProblems: string[];
let firstName: string;
let downloads: string;

/** Polls an async check until it holds; fails naming `what` after 15 s. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function widgetLines(): Promise<string[]> {
  return (await site.evaluate(LINES)) as string[];
}

async function waitForStatus(pattern: RegExp): Promise<void> {
  await site.waitForFunction(`new RegExp(${JSON.stringify(pattern.source)}).test(${textOf('.status')})`, POLL);
}

async function waitForLine(line: string): Promise<void> {
  await site.waitForFunction(`${LINES}.includes(${JSON.stringify(line)})`, POLL);
}

before(async () => {
  desk = await openChatDesk({}, 'the product gadget on the home tab');
  await chooseState(desk.page, 'READY');
  await desk.gadget.waitForHeadline('Ready for calls and chats');
  const user = desk.desktop.world.simulator.users.find((u) => u.id === desk.agent.id);
  assert.ok(user);
  firstName = user.firstName;
  site = await desk.harness.chromium.browser.newPage();
  siteProblems = await watchForProblems(site);
  downloads = mkdtempSync(join(tmpdir(), 'fb-transcript-'));
  const cdp = await site.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
});

after(async () => {
  await desk?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

test('the widget on a strict-CSP website: form checks, queue place, agent name, typing, markup as text, transcript', async () => {
  const response = await site.goto(desk.chat.customerSiteUrl);
  const csp = response?.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src http:\/\/127\.0\.0\.1:\d+;/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

  // From the keyboard: the launcher opens the panel and puts the focus in the first field.
  await site.focus('finesse-blend-chat >>> button.launcher');
  await site.keyboard.press('Enter');
  await site.waitForSelector('finesse-blend-chat >>> #fbc-field-name', { visible: true });
  await site.waitForFunction(`${ROOT}.activeElement?.id === 'fbc-field-name'`, POLL);
  // The form says what is missing or wrong, field by field, and keeps the customer on it.
  await site.type('finesse-blend-chat >>> #fbc-field-email', 'not-an-email');
  await site.click('finesse-blend-chat >>> form.start button[type=submit]');
  await site.waitForFunction(`${textOf('#fbc-field-name-error')} === 'Please fill in "Your name".'`, POLL);
  assert.equal(
    await site.evaluate(textOf('#fbc-field-email-error')),
    '"Email address" must be an email address, like name@example.com.',
  );
  assert.equal(await site.evaluate(textOf('#fbc-field-question-error')), 'Please fill in "Your question".');
  assert.equal(await site.evaluate(`${ROOT}.querySelector('#fbc-field-name').getAttribute('aria-invalid')`), 'true');
  assert.equal(await site.evaluate(`${ROOT}.activeElement?.id`), 'fbc-field-name', 'the first wrong field has focus');

  await site.type('finesse-blend-chat >>> #fbc-field-name', 'Robin');
  await site.click('finesse-blend-chat >>> #fbc-field-email', { count: 3 });
  await site.type('finesse-blend-chat >>> #fbc-field-email', 'robin@example.com');
  await site.type('finesse-blend-chat >>> #fbc-field-question', QUESTION);
  await site.click('finesse-blend-chat >>> form.start button[type=submit]');
  await waitForStatus(/^You are number 1 in the queue\.$/);
  await waitForLine(`me|You|${QUESTION}`);

  // The agent accepts in the gadget; the customer sees the agent's first name, never its login id.
  // Only the tab in front renders (puppeteer's clicks wait for it): each side is brought forward to be used.
  await desk.page.bringToFront();
  await desk.gadget.waitForText(/Chat from Robin/);
  await desk.gadget.click('fb-chat-offer >>> button.accept');
  await waitForStatus(new RegExp(`^You are chatting with ${firstName}\\.$`));
  assert.ok(!((await site.evaluate(`${ROOT}.textContent`)) as string).includes(desk.agent.id), 'no login id');
  await desk.gadget.waitForLine(`customer|${QUESTION}`);
  assert.equal(await desk.gadget.count('b'), 0, 'the customer markup made no element at the agent');

  // The agent types: the widget says so, and the message clears it; markup stays text.
  const composer = await desk.gadget.find('fb-conversation >>> textarea');
  await composer.type(AGENT_HTML);
  await site.waitForFunction(`${textOf('.typing')} === ${JSON.stringify(`${firstName} is typing…`)}`, POLL);
  await composer.press('Enter');
  await waitForLine(`agent|${firstName}|${AGENT_HTML}`);
  await site.waitForFunction(`${textOf('.typing')} === ''`, POLL);
  const injected = (await site.evaluate(
    `({ elements: ${ROOT}.querySelectorAll('img, marquee, b, script').length, title: document.title })`,
  )) as { elements: number; title: string };
  assert.deepEqual(injected, { elements: 0, title: 'Example Shop' });

  // The customer types: the agent sees it, and the message clears it there too.
  await site.bringToFront();
  await site.type('finesse-blend-chat >>> #fbc-message', CUSTOMER_HTML);
  await desk.gadget.waitForText(/Robin is typing…/);
  await site.keyboard.press('Enter');
  await desk.gadget.waitForLine(`customer|${CUSTOMER_HTML}`);
  await until('the customer typing cleared at the agent', async () => !/is typing…/.test(await desk.gadget.text()));
  assert.equal(await desk.gadget.count('marquee'), 0, 'no customer markup as elements in the gadget');
  await waitForLine(`me|You|${CUSTOMER_HTML}`);

  const axe = await axeViolations(site.mainFrame());
  assert.deepEqual(axe, [], describeViolations(axe));

  // The transcript file holds the conversation, as text.
  await site.click('finesse-blend-chat >>> button.download');
  // The file may show up in the folder before its bytes are written: wait for its content too.
  const transcript = await waitFor('the transcript file', () => {
    const file = readdirSync(downloads).find((f) => f.startsWith('chat-transcript-') && f.endsWith('.txt'));
    return file ? readFileSync(join(downloads, file), 'utf8') || null : null;
  });
  assert.match(transcript, new RegExp(`^Chat with ${firstName} \\(`));
  for (const line of [
    `You: ${QUESTION}`,
    `[${firstName} has joined the chat.]`,
    `${firstName}: ${AGENT_HTML}`,
    `You: ${CUSTOMER_HTML}`,
  ])
    assert.ok(transcript.includes(`\n${line}\n`), `the transcript has: ${line}\n${transcript}`);

  // Escape closes the panel back to the launcher; the chat goes on behind it.
  await site.keyboard.press('Escape');
  await site.waitForFunction(
    `${ROOT}.activeElement?.classList.contains('launcher') && !${ROOT}.querySelector('.panel')`,
    POLL,
  );
  await site.keyboard.press('Enter');
  await waitForLine(`me|You|${CUSTOMER_HTML}`);
  assert.deepEqual(siteProblems, [], 'no CSP violation or console error on the customer site');
});

test('a reload continues the same chat: history once, both sides go on; an ended chat and a wrong secret are refused', async () => {
  const before = await widgetLines();
  await site.bringToFront();
  await site.reload();
  await waitForStatus(new RegExp(`^You are chatting with ${firstName}\\.$`));
  await site.waitForFunction(`${LINES}.length === ${before.length}`, POLL);
  assert.deepEqual(await widgetLines(), before, 'the conversation is shown again, each line once');

  await desk.page.bringToFront();
  await desk.gadget.sendMessage('Still here after your reload');
  await site.bringToFront();
  await waitForLine(`agent|${firstName}|Still here after your reload`);
  await site.type('finesse-blend-chat >>> #fbc-message', 'Back again');
  await site.keyboard.press('Enter');
  await desk.gadget.waitForLine('customer|Back again');
  const chatId = desk.desktop.world.chatRouter?.snapshot().queue.find((c) => c.status === 'assigned')?.chatId;
  assert.ok(chatId, 'the chat is still with the agent');

  // The customer ends it: the ticket is gone, a reload offers a new chat.
  await site.click('finesse-blend-chat >>> button.end');
  await waitForStatus(/^The chat has ended\.$/);
  const key = `finesse-blend-chat:${new URL(desk.desktop.world.simulator.primaryUrl).origin}`;
  assert.equal(await site.evaluate((k) => sessionStorage.getItem(k), key), null);
  await site.click('finesse-blend-chat >>> button.new-chat');
  await site.waitForSelector('finesse-blend-chat >>> #fbc-field-name', { visible: true });

  // Someone else's chat id with a guessed secret: refused in words, and the form is offered.
  await site.evaluate(
    (k, id) => sessionStorage.setItem(k, JSON.stringify({ chatId: id, secret: 'guessed-secret-000000', name: 'Eve' })),
    key,
    chatId,
  );
  await site.reload();
  await site.waitForFunction(
    `${textOf('form.start .error[role=alert]')} === 'This chat cannot be continued from here. Please start a new chat.'`,
    POLL,
  );
  assert.ok(await site.$('finesse-blend-chat >>> #fbc-field-name'), 'the pre-chat form is offered');
  assert.equal(await site.evaluate((k) => sessionStorage.getItem(k), key), null, 'the bad ticket is dropped');
  assert.deepEqual(siteProblems, [], 'no CSP violation or console error on the customer site');
});

test("the service's own /chat/ page embeds the same widget in the page, under its own strict CSP", async () => {
  const page = await desk.harness.chromium.browser.newPage();
  try {
    const problems = await watchForProblems(page);
    const response = await page.goto(desk.chat.customerUrl);
    assert.doesNotMatch(response?.headers()['content-security-policy'] ?? '', /unsafe-inline|unsafe-eval/);
    // Inline: no launcher to press, the form is there at once.
    await page.waitForSelector('finesse-blend-chat >>> #fbc-field-name', { visible: true });
    const axe = await axeViolations(page.mainFrame());
    assert.deepEqual(axe, [], describeViolations(axe));
    assert.equal(
      await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('finesse-blend-chat')!.shadowRoot!.querySelector('.launcher')!)
            .display,
      ),
      'none',
    );
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test("a chat link naming a queue the router does not have shows the router's sentence, and nothing is queued", async () => {
  const page = await desk.harness.chromium.browser.newPage();
  try {
    const waitingBefore = desk.desktop.world.chatRouter?.stats().waiting;
    await page.goto(`${desk.chat.customerUrl}?queue=refunds`);
    await page.waitForSelector('finesse-blend-chat >>> #fbc-field-name', { visible: true });
    await page.type('finesse-blend-chat >>> #fbc-field-name', 'Kim');
    await page.type('finesse-blend-chat >>> #fbc-field-question', 'A refund, please');
    await page.click('finesse-blend-chat >>> form.start button[type=submit]');
    await page.waitForFunction(`/no chat queue/.test(${textOf('.error')})`, POLL);
    assert.equal(
      await page.evaluate(textOf('.error')),
      'There is no chat queue "refunds": check the chat link you used, or start the chat from the main chat page.',
    );
    assert.equal(desk.desktop.world.chatRouter?.stats().waiting, waitingBefore, 'nothing was queued');
  } finally {
    await page.close();
  }
});
