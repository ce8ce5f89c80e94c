// The desktop harness end to end, through real Prosody and Chromium: a test gadget rendered the way Shindig
// renders it receives the agent's User notification after a state change made in the header menu; prefs and
// messages are substituted (prefs escaped); the product gadget's document carries the strict CSP; two gadgets each get
// only their own topics; finesse.info.connection is published and SubscribeNodeReq answered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { startDesktopWorld, type DesktopWorld } from '../../../sim/desktop/desktop-world.ts';
import { launchChromium, type LaunchedChromium } from '../../../sim/desktop/chromium.ts';
import {
  chooseState,
  gadgetFrames,
  signIn,
  watchForProblems,
  type Agent,
} from '../../../sim/desktop/desktop-driver.ts';
import { gadgetCsp } from '../../../sim/desktop/desktop-routes.ts';
import { parseReasonCodes } from '../../../src/core/finesse/xml/index.ts';

const PROBE = '/3rdpartygadget/files/probe/hub-probe.xml';
const HOSTILE_GREETING = `<b>"x"&'</b>`;

let desktop: DesktopWorld;
let chromium: LaunchedChromium;
let page: Page;
let problems: string[];
let agent: Agent & { teamId: string };
let probeA: Frame;
let probeB: Frame;

function layout(teamId: string): string {
  const a = new URLSearchParams({
    label: 'A',
    listen: 'probe.a',
    say: 'probe.b',
    greeting: HOSTILE_GREETING,
    watchNode: `/finesse/api/Team/${teamId}/Users`,
  });
  const b = new URLSearchParams({ label: 'B', listen: 'probe.b', say: 'probe.a' });
  const gadget = (q: URLSearchParams) => `<gadget>${PROBE}?${q.toString().replace(/&/g, '&amp;')}</gadget>`;
  return `<finesseLayout><layout><role>Agent</role><tabs><tab><id>home</id><label>Home</label>
    <columns><column><gadgets>${gadget(a)}${gadget(b)}</gadgets></column></columns></tab></tabs></layout></finesseLayout>`;
}

/** What a probe frame logged, as [topic, text] pairs. */
function logOf(frame: Frame): Promise<Array<[string, string]>> {
  return frame.$$eval('#log li', (items) =>
    items.map((li) => [li.getAttribute('data-topic') ?? '', li.textContent ?? ''] as [string, string]),
  );
}

async function waitForLog(frame: Frame, topic: string, contains: string): Promise<string> {
  await frame.waitForFunction(
    (t, c) =>
      Array.from(document.querySelectorAll('#log li')).some(
        (li) => li.getAttribute('data-topic') === t && (li.textContent ?? '').includes(c),
      ),
    { timeout: 10_000 },
    topic,
    contains,
  );
  const entry = (await logOf(frame)).find(([t, text]) => t === topic && text.includes(contains));
  return entry?.[1] ?? '';
}

before(async () => {
  desktop = await startDesktopWorld({
    distDir: join(import.meta.dirname, '../../../dist'),
    gadgetFolders: { probe: join(import.meta.dirname, '../../fixtures/gadgets') },
    layoutXml: (world) => {
      const user = world.simulator.users.find((u) => !u.supervisor && u.teamId);
      if (!user?.teamId) throw new Error('the simulator has no agent with a team');
      agent = { id: user.id, password: user.password, extension: user.extension, teamId: user.teamId };
      return layout(user.teamId);
    },
  });
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  problems = await watchForProblems(page);
  await signIn(page, desktop.desktopUrl, agent);
  await page.waitForFunction(() => document.querySelectorAll('iframe.gadget-frame').length === 2);
  const connected = async (f: Frame) =>
    f.waitForFunction(() => document.getElementById('connected')?.textContent === 'yes', { timeout: 10_000 });
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('iframe')).every((f) => f.contentDocument?.readyState === 'complete'),
  );
  [probeA, probeB] = gadgetFrames(page, PROBE) as [Frame, Frame];
  assert.ok(probeA && probeB, 'both probe gadgets are rendered');
  await connected(probeA);
  await connected(probeB);
});

after(async () => {
  await chromium?.close();
  await desktop?.stop();
});

test('a state change from the header menu reaches the gadget as a User notification through Prosody', async () => {
  await chooseState(page, 'READY');
  const update = await waitForLog(probeA, `finesse.api.User.${agent.id}`, '<state>READY</state>');
  // Finesse's shape: content is the node path immediately followed by the XML, object the XML converted.
  assert.ok(update.startsWith(`/finesse/api/User/${agent.id}<Update>`), update);
  assert.match(update, /<source>\/finesse\/api\/User\/[^<]+<\/source>/);
  const objectStates = await probeA.$$eval(`#log li[data-topic="finesse.api.User.${agent.id}"]`, (lis) =>
    lis.map((li) => li.getAttribute('data-object-state')),
  );
  assert.ok(objectStates.includes('READY'), 'object.Update.data.user.state reads READY');
  await page.waitForFunction(() => document.getElementById('state-label')?.textContent?.startsWith('Ready'));
  await waitForLog(probeB, `finesse.api.User.${agent.id}`, '<state>READY</state>');
});

test('the state menu offers Ready, every Not Ready reason and every Sign Out reason the REST API lists', async () => {
  const auth = `Basic ${Buffer.from(`${agent.id}:${agent.password}`).toString('base64')}`;
  const labels = async (category: string) => {
    const xml = await (
      await fetch(`${desktop.baseUrl}/finesse/api/User/${agent.id}/ReasonCodes?category=${category}`, {
        headers: { Authorization: auth },
      })
    ).text();
    const codes = parseReasonCodes(xml);
    assert.ok(codes.ok);
    return codes.value.filter((c) => !c.systemCode).map((c) => c.label);
  };
  const notReady = await labels('NOT_READY');
  const logout = await labels('LOGOUT');
  assert.ok(notReady.length > 0, 'the simulator has Not Ready reasons');
  await page.click('#state-button');
  const items = await page.$$eval('#state-menu button', (buttons) => buttons.map((b) => b.textContent));
  await page.click('#state-button');
  assert.deepEqual(items, [
    'Ready',
    ...notReady.map((l) => `Not Ready - ${l}`),
    ...(logout.length > 0 ? logout.map((l) => `Sign Out - ${l}`) : ['Sign Out']),
  ]);
});

test('__UP_ values arrive escaped as text, __MSG_ values come from the bundle with the default as fallback', async () => {
  const greeting = await probeA.$eval('#greeting', (e) => ({
    text: e.textContent,
    elements: e.children.length,
    attr: e.getAttribute('data-greeting'),
  }));
  assert.deepEqual(greeting, { text: HOSTILE_GREETING, elements: 0, attr: HOSTILE_GREETING });
  assert.equal(await probeA.$eval('#title', (e) => e.textContent), 'Hub probe');
  assert.equal(
    await probeB.$eval('#greeting', (e) => e.textContent),
    'hello',
    'the UserPref default applies when the layout sets none',
  );

  const german = await fetch(
    `${desktop.baseUrl}/gadgets/ifr?${new URLSearchParams({ url: PROBE, lang: 'de', country: 'DE', mid: '9' }).toString()}`,
  );
  const html = await german.text();
  assert.match(html, /<h1 id="title">Hub-Sonde<\/h1>/);
  assert.match(html, /<p id="fallback">from the default bundle<\/p>/);
});

test("the product gadget's document carries the strict CSP, a third-party one none, and nothing on the desktop failed", async () => {
  const ifr = (url: string) =>
    fetch(`${desktop.baseUrl}/gadgets/ifr?${new URLSearchParams({ url, mid: '9' }).toString()}`);
  const csp =
    (await ifr('/3rdpartygadget/files/finesse-blend/gadget.xml')).headers.get('content-security-policy') ?? '';
  assert.equal(csp, gadgetCsp({ ...desktop.world.prosody }));
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /object-src 'none'; base-uri 'none'; frame-ancestors 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(
    (await ifr(PROBE)).headers.get('content-security-policy'),
    null,
    'a real desktop sets no strict CSP on third-party gadgets',
  );
  assert.deepEqual(
    problems.filter((p) => /CSP|Content Security Policy|page error/i.test(p)),
    [],
  );
});

test("Cisco's library has a slot at /desktop/assets/js/: without a copy, the stand-in's partial finesse.js, an empty jQuery that says so, 404 for the rest", async () => {
  for (const file of ['finesse.js', 'finesse.min.js']) {
    const response = await fetch(`${desktop.baseUrl}/desktop/assets/js/${file}`);
    assert.equal(response.status, 200, file);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(
      await response.text(),
      /ChannelService/,
      `${file} is the stand-in library with the digital channel service`,
    );
  }
  const jquery = await fetch(`${desktop.baseUrl}/desktop/assets/js/jquery.min.js`);
  assert.equal(jquery.status, 200);
  assert.match(jquery.headers.get('content-type') ?? '', /^text\/javascript/);
  const body = await jquery.text();
  assert.match(body, /^\/\* finesse-blend: serving an empty stand-in for \/desktop\/assets\/js\/jquery\.min\.js/);
  assert.doesNotMatch(body, /jQuery\s*=|\$\s*=/, 'the stand-in defines no jQuery');
  const other = await fetch(`${desktop.baseUrl}/desktop/assets/js/other.js`);
  assert.equal(other.status, 404);
  assert.match(other.headers.get('content-type') ?? '', /^text\/javascript/);
});

test('two gadgets each receive only the topics they subscribed to', async () => {
  await (await probeA.$('#say'))?.click();
  await waitForLog(probeB, 'probe.b', '"from":"A"');
  await (await probeB.$('#say'))?.click();
  await waitForLog(probeA, 'probe.a', '"from":"B"');
  const topicsA = (await logOf(probeA)).map(([t]) => t);
  const topicsB = (await logOf(probeB)).map(([t]) => t);
  assert.ok(!topicsA.includes('probe.b'), "A never sees B's topic");
  assert.ok(!topicsB.includes('probe.a'), "B never sees A's topic");
});

test('finesse.info.connection is published and SubscribeNodeReq is answered on the invokeID topic', async () => {
  const connection = JSON.parse(await waitForLog(probeA, 'finesse.info.connection', '"connected"')) as {
    status: string;
    resourceID: string;
  };
  assert.equal(connection.status, 'connected');
  assert.match(connection.resourceID, /^desktop-/);
  // The master publisher answers a done subscription with undefined.
  assert.equal(await waitForLog(probeA, 'finesse.info.responses', 'undefined'), 'undefined');
});

test('the makeRequest proxy carries method, headers and body to Finesse, and nowhere else', async () => {
  const proxy = (fields: Record<string, string>) =>
    fetch(`${desktop.baseUrl}/gadgets/makeRequest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const read = async (r: Response) =>
    JSON.parse((await r.text()).replace(/^throw 1; < don't be evil' >/, '')) as Record<
      string,
      { rc: number; body: string }
    >;
  const userUrl = `${desktop.baseUrl}/finesse/api/User/${agent.id}`;
  const headers = new URLSearchParams({
    Authorization: `Basic ${Buffer.from(`${agent.id}:${agent.password}`).toString('base64')}`,
  }).toString();
  const got = (await read(await proxy({ url: userUrl, httpMethod: 'GET', headers })))[userUrl];
  assert.equal(got?.rc, 200);
  assert.match(got?.body ?? '', /<User>/);
  const reasons = (
    await read(await proxy({ url: `${userUrl}/ReasonCodes?category=NOT_READY`, httpMethod: 'GET', headers }))
  )[`${userUrl}/ReasonCodes?category=NOT_READY`];
  const reason = parseReasonCodes(reasons?.body ?? '');
  assert.ok(reason.ok && reason.value[0]);
  const body = `<User><state>NOT_READY</state><reasonCodeId>${reason.value[0].id}</reasonCodeId></User>`;
  const put = (await read(await proxy({ url: userUrl, httpMethod: 'PUT', headers, postData: body })))[userUrl];
  assert.equal(put?.rc, 202);
  const unauthenticated = (await read(await proxy({ url: userUrl, httpMethod: 'GET' })))[userUrl];
  assert.equal(unauthenticated?.rc, 401);
  const elsewhere = await proxy({ url: 'http://192.0.2.1/', httpMethod: 'GET' });
  assert.equal(elsewhere.status, 403);
});
