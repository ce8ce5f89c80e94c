// The supervisor's team gadget in the simulated desktop: a supervisor of team 10 sees its members live from the
// Team/{id}/Users notifications (each change in its row within 1 s, the summary counts following), makes a member
// Not Ready through the gadget (the simulator records Finesse's supervisor code 999), sees Finesse's refusal for a
// member on a call in words, and the page has no axe-core violation; a supervisor of team 20 sees only team 20, and
// a supervisor of both teams picks one. The chat side comes from the chat service's team feed: an agent accepting a
// chat shows in its row's chat cells within 1 s, a click on the row opens its recent decisions, and a supervisor's
// Not Ready (system code 999) set while the agent has a chat is kept by the agent's gadget after the chat ends (rule 2).
// Real Prosody, the chat service (reading the simulator's Finesse users), the simulator, the built gadgets and Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { startGadgetHarness, type GadgetHarness } from '../agent/gadget-harness.ts';
import { axeViolations, describeViolations } from '../agent/gadget-axe.ts';
import { RestClient } from '../../node/sim/sim-test-kit.ts';
import { gadgetCsp } from '../../../sim/desktop/desktop-routes.ts';
import { openTeamGadget, TEAM_GADGET, type ShownRow, type TeamPage } from './team-page.ts';
import { chooseState, gadgetFrames, signIn } from '../../../sim/desktop/desktop-driver.ts';
import { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';
import { GADGET } from '../agent/gadget-harness.ts';
import { GadgetPage } from '../agent/gadget-page.ts';
import { DEMO_QUEUES } from '../../../sim/desktop/desktop-world.ts';

/** The bound for a change to reach its row: a deadline for the wait, not a measurement. */
const ROW_DEADLINE_MS = 1000;

const SUPERVISOR_10 = { id: '1002001', password: 'supervisor1pw', extension: '6001' };
const SUPERVISOR_20 = { id: '1002002', password: 'supervisor2pw', extension: '6002' };
const SUPERVISOR_BOTH = { id: '1002003', password: 'supervisor3pw', extension: '6003' };
const TEAM_10 = ['1001001', '1001002', '1001003'];
const TEAM_20 = ['1001004', '1001005'];

let harness: GadgetHarness;
let page: Page;
let problems: string[];
let team: TeamPage;
const rest = new Map<string, RestClient>();

function as(id: string): RestClient {
  const account = harness.desktop.world.simulator.users.find((u) => u.id === id);
  assert.ok(account, `no seeded account ${id}`);
  let client = rest.get(id);
  if (!client) {
    client = RestClient.as(harness.desktop.world.simulator.primaryUrl, account);
    rest.set(id, client);
  }
  return client;
}

async function put(id: string, body: { state: 'LOGIN' | 'READY' | 'NOT_READY'; reasonCodeId?: string }): Promise<void> {
  const account = harness.desktop.world.simulator.users.find((u) => u.id === id);
  const request = body.state === 'LOGIN' ? { ...body, extension: account?.extension ?? '' } : body;
  const answer = await as(id).putUser(id, request);
  assert.equal(answer.status, 202, answer.body);
}

const row = (rows: ShownRow[], id: string): ShownRow | undefined => rows.find((r) => r.id === id);

/** The agent as the chat router sees it. */
const routerAgent = (id: string) =>
  harness.desktop.world.chatRouter?.snapshot().agents.find((a) => a.jid.startsWith(`${id}@`));

before(async () => {
  // With queues the chat service reads Finesse's users: the directory the team feed checks supervisors against.
  harness = await startGadgetHarness({ queues: DEMO_QUEUES });
  page = await harness.chromium.browser.newPage();
  problems = await watchForProblems(page);
  team = await openTeamGadget(page, harness.desktop.desktopUrl, SUPERVISOR_10);
});

after(async () => {
  await harness?.stop();
});

test('a supervisor of team 10 sees its three agents, signed out, and no agent of team 20', async () => {
  const rows = await team.waitForRows('team 10', (rs) => TEAM_10.every((id) => row(rs, id)?.state === 'LOGOUT'));
  const ids = rows.map((r) => r.id);
  for (const id of TEAM_20) assert.ok(!ids.includes(id), `team 20's ${id} is shown to team 10's supervisor`);
  assert.equal(row(rows, '1001001')?.name, 'Ava Agent');
  // The chat service's team feed: the three agents are offline for chat.
  await team.waitForRows('the chat feed', (rs) => TEAM_10.every((id) => row(rs, id)?.chatText === 'Offline'));
  assert.equal(await team.frame.$('pierce/.feed'), null, 'no notice: the feed is live');
  const counts = await team.counts();
  assert.equal(counts['ready'], 0);
  // The supervisor is a member of team 10 too, and signed in: the three agents are the ones signed out.
  assert.equal(counts['signed-out'], TEAM_10.length);
});

test('each agent change reaches its row within 1 s and the summary counts follow', async () => {
  for (const id of TEAM_10) {
    await put(id, { state: 'LOGIN' });
    await team.waitForRows(`${id} signed in`, (rs) => row(rs, id)?.state === 'NOT_READY', ROW_DEADLINE_MS);
  }
  await put('1001001', { state: 'READY' });
  await team.waitForRows('Ava Ready', (rs) => row(rs, '1001001')?.stateText === 'Ready', ROW_DEADLINE_MS);
  await put('1001002', { state: 'READY' });
  await team.waitForRows('Ben Ready', (rs) => row(rs, '1001002')?.state === 'READY', ROW_DEADLINE_MS);
  await team.waitForCounts('two ready', { ready: 2, 'on-call': 0 });

  // Ben gets a call through the simulator's control API: reserved, then talking once he answers.
  const placed = await harness.desktop.world.simulator.control.placeAcdCall({ agentId: '1001002' });
  assert.ok(placed.ok);
  await team.waitForRows('Ben reserved', (rs) => row(rs, '1001002')?.state === 'RESERVED', ROW_DEADLINE_MS);
  const answered = await as('1001002').putDialog(placed.value.dialogId, {
    requestedAction: 'ANSWER',
    targetMediaAddress: '5002',
  });
  assert.equal(answered.status, 202, answered.body);
  await team.waitForRows('Ben talking', (rs) => row(rs, '1001002')?.stateText === 'Talking', ROW_DEADLINE_MS);
  await team.waitForCounts('one ready, one on a call', { ready: 1, 'on-call': 1 });

  // Cleo takes a Break.
  await put('1001003', { state: 'NOT_READY', reasonCodeId: '1' });
  await team.waitForRows(
    'Cleo on Break',
    (rs) => row(rs, '1001003')?.stateText === 'Not Ready (Break)',
    ROW_DEADLINE_MS,
  );
  await team.waitForCounts('Break counted', { 'reason:Break': 1 });
  // The live region sums the team up every few seconds: it gets there.
  const until = Date.now() + 15_000;
  while (!/1 ready, 1 on a call/.test(await team.spoken())) {
    assert.ok(Date.now() < until, `the spoken summary never followed: ${await team.spoken()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});

test('Make Not Ready on a Ready agent reaches the simulator as a supervisor change (code 999)', async () => {
  await team.act('1001001', 'make-not-ready');
  const user = await waitForSim('Ava forced Not Ready', () => {
    const u = harness.desktop.world.simulator.control.state().users.find((x) => x.loginId === '1001001');
    return u?.state === 'NOT_READY' ? u : null;
  });
  assert.equal(user.reasonCode?.code, 999);
  assert.equal(user.reasonCode?.systemCode, true);
  await team.waitForRows('Ava Not Ready in the row', (rs) =>
    /^Not Ready \(.+\)$/.test(row(rs, '1001001')?.stateText ?? ''),
  );
  const request = harness.desktop.world.simulator.control
    .state()
    .requests.find((r) => r.method === 'PUT' && r.path.endsWith('/User/1001001') && r.user === SUPERVISOR_10.id);
  assert.ok(request, 'the supervisor sent the PUT');
});

test('Make Not Ready on an agent on a call is refused by Finesse and explained in words', async () => {
  await team.act('1001002', 'make-not-ready');
  const notice = await waitForAsync('the refusal', async () => {
    const n = await team.notice();
    return n?.phase === 'refused' ? n : null;
  });
  assert.equal(notice.error, 'on-call');
  assert.match(notice.text, /Ben Baker is on a call/);
  const ben = harness.desktop.world.simulator.control.state().users.find((x) => x.loginId === '1001002');
  assert.equal(ben?.state, 'TALKING');
});

test("an agent's chat reaches its row within 1 s; a click opens its decisions; a supervisor's Not Ready is kept after the chat", async () => {
  const cleo = harness.desktop.world.simulator.users.find((u) => u.id === '1001003');
  assert.ok(cleo);
  const chat = harness.desktop.chat;
  assert.ok(chat, 'the desktop world runs the chat service');
  const context = await harness.chromium.browser.createBrowserContext();
  const customer = new CustomerChatClient({
    service: chat.websocketUrl,
    guestDomain: chat.guestDomain,
    routerJid: chat.routerJid,
  });
  try {
    // Cleo opens her desktop (the agent gadget signs in to chat) and goes Ready.
    const agentPage = await context.newPage();
    await signIn(agentPage, harness.desktop.desktopUrl, cleo);
    const frame = await waitForSim("Cleo's gadget", () => gadgetFrames(agentPage, GADGET)[0] ?? null);
    const gadget = new GadgetPage(frame);
    await chooseState(agentPage, 'READY');
    await gadget.waitForHeadline('Ready for calls and chats');
    await team.waitForRows('Cleo available for chats', (rs) => row(rs, '1001003')?.chatText === 'Available');

    // A customer asks; Cleo accepts: voice Not Ready (Handling Chat), one chat.
    assert.equal((await customer.start('Pat', 'a question')).ok, true);
    await gadget.click('fb-chat-offer >>> button.accept');
    await waitForSim('the router to see Cleo handling 1 chat', () => {
      const seen = routerAgent('1001003');
      return seen?.state === 'ACTIVE' && seen.active === 1 ? seen : null;
    });
    const handling = await team.waitForRows(
      "Cleo's chat in her row",
      (rs) => {
        const r = row(rs, '1001003');
        return r?.chatsText === '1 of 5' && /Handling Chat/.test(r.stateText);
      },
      ROW_DEADLINE_MS,
    );
    assert.match(row(handling, '1001003')?.decisionText ?? '', /handling 1 of 5 chats|Handling Chat/);
    await team.waitForCounts('one member handling chats', { chats: 1 });

    // A click on her row opens her recent decisions, in words, reserving voice for the chat among them; Escape closes them.
    await team.clickRow('1001003');
    const log = await waitForAsync('the decision log', async () => {
      const d = await team.decisions();
      return d?.phase === 'ready' && d.entries.length > 0 ? d : null;
    });
    assert.equal(log.agent, '1001003');
    assert.ok(
      log.entries.some((e) => e.kind === 'voice-request' && /Handling Chat.*take a chat/.test(e.text)),
      JSON.stringify(log.entries),
    );
    assert.ok(log.focused, 'focus moves into the panel');
    let violations = await axeViolations(team.frame);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.keyboard.press('Escape');
    await waitForAsync('the decision log closed', async () => ((await team.decisions()) === null ? true : null));

    // The supervisor's Not Ready arrives while she has the chat. Finesse lets a supervisor force Not Ready only from
    // Ready or wrap-up (so the team gadget offers Make Ready, not Make Not Ready, on a member Not Ready for chats): the
    // supervisor's change reaches her as the peripheral reports it, with the supervisor's system code 999.
    assert.ok(await team.frame.$('pierce/.tr[data-agent="1001003"] button[data-action="make-ready"]'));
    assert.ok(
      (await harness.desktop.world.simulator.control.systemNotReady({ agentId: '1001003', reason: 'SUPERVISOR' })).ok,
    );
    await team.waitForRows("Cleo Not Ready for the supervisor's reason", (rs) => {
      const r = row(rs, '1001003');
      return r?.state === 'NOT_READY' && !/Handling Chat/.test(r.stateText) && r.chatsText === '1 of 5';
    });
    // The chat ends: Cleo's gadget tells the router she has no chat and is Not Ready for the supervisor's reason,
    // and leaves voice as the supervisor set it.
    const requestsBefore = harness.desktop.world.simulator.control.state().requests.length;
    await gadget.click('fb-conversation >>> button.end');
    await team.waitForRows('Cleo with no chat, Not Ready for chats', (rs) => {
      const r = row(rs, '1001003');
      return r?.chatsText === '0 of 5' && r.chatText === 'Not available' && /code 999|Not Ready/.test(r.decisionText);
    });
    const state = harness.desktop.world.simulator.control.state();
    const after = state.users.find((x) => x.loginId === '1001003');
    assert.equal(after?.state, 'NOT_READY');
    assert.equal(after?.reasonCode?.code, 999, "the supervisor's Not Ready is kept");
    const readyAgain = state.requests
      .slice(requestsBefore)
      .filter((r) => r.method === 'PUT' && r.path.endsWith('/User/1001003') && r.user === '1001003');
    assert.deepEqual(readyAgain, [], "the agent's gadget asked Finesse for nothing after the chat ended");
    violations = await axeViolations(team.frame);
    assert.equal(violations.length, 0, describeViolations(violations));
  } finally {
    customer.close();
    await context.close();
  }
});

test('the team gadget has no axe-core violation, with the confirm step open too, and no CSP violation', async () => {
  let violations = await axeViolations(team.frame);
  assert.equal(violations.length, 0, describeViolations(violations));
  const button = await team.frame.waitForSelector('pierce/.tr[data-agent="1001003"] button[data-action="make-ready"]');
  await button?.click();
  await team.frame.waitForSelector('pierce/.confirm button.primary', { visible: true });
  violations = await axeViolations(team.frame);
  assert.equal(violations.length, 0, describeViolations(violations));
  await page.keyboard.press('Escape');
  await waitForAsync('the confirm step closed', async () =>
    (await team.frame.$('pierce/.confirm')) === null ? true : null,
  );
  const ifr = await fetch(
    `${harness.desktop.baseUrl}/gadgets/ifr?${new URLSearchParams({ url: TEAM_GADGET, mid: '9' }).toString()}`,
  );
  assert.equal(ifr.headers.get('content-security-policy'), gadgetCsp({ ...harness.desktop.world.prosody }));
  assert.deepEqual(
    problems.filter((p) => /CSP|Content Security Policy|page error/i.test(p)),
    [],
  );
});

test('a supervisor of team 20 (in German) sees team 20 and none of team 10', async () => {
  const context = await harness.chromium.browser.createBrowserContext();
  try {
    const other = await context.newPage();
    const team20 = await openTeamGadget(other, harness.desktop.desktopUrl, { ...SUPERVISOR_20, locale: 'de_DE' });
    const rows = await team20.waitForRows('team 20', (rs) => TEAM_20.every((id) => row(rs, id) !== undefined));
    for (const id of TEAM_10) assert.equal(row(rows, id), undefined, `team 10's ${id} is shown to team 20`);
    // The desktop's language reaches the team gadget as it does the agent gadget: German words, no key left over.
    const text = await team20.text();
    assert.match(text, /Sprachstatus/);
    assert.match(text, /Abgemeldet/);
    assert.doesNotMatch(text, /__MSG_|\{\w+\}|team\.[a-z]/);
  } finally {
    await context.close();
  }
});

test('a supervisor of two teams picks the team: the rows follow, and only that team shows', async () => {
  const context = await harness.chromium.browser.createBrowserContext();
  try {
    const other = await context.newPage();
    const both = await openTeamGadget(other, harness.desktop.desktopUrl, SUPERVISOR_BOTH);
    await both.waitForRows('team 10 first', (rs) => TEAM_10.every((id) => row(rs, id) !== undefined));
    const select = await both.frame.waitForSelector('pierce/.bar select:not(.filter)', { visible: true });
    assert.ok(select, 'a team selector');
    await select.select('20');
    const rows = await both.waitForRows('team 20', (rs) => TEAM_20.every((id) => row(rs, id) !== undefined));
    for (const id of TEAM_10) assert.equal(row(rows, id), undefined, `team 10's ${id} is still shown`);
  } finally {
    await context.close();
  }
});

async function waitForSim<T>(what: string, check: () => T | null, ms = 10_000): Promise<T> {
  return waitForAsync(what, async () => check(), ms);
}

async function waitForAsync<T>(what: string, check: () => Promise<T | null>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
