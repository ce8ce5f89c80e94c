// The package an administrator installs, end to end: `npm run package -- --folder acme-blend` makes the zip; Linux
// unzip unpacks it with files readable by all; the desktop stand-in serves the unpacked folder as
// /3rdpartygadget/files/acme-blend/ (and nothing as finesse-blend/) with the package's own layout snippet, the chat
// prefs added to the gadget URLs as an administrator would; an agent sees the agent gadget on the home tab and a
// supervisor the team gadget on its tab, in Chromium; and every file the specs and the snippet name is in the package
// and served, at the URL that carries its version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HTTPResponse, Page } from 'puppeteer-core';
import {
  startDesktopWorld,
  chatGadgetPrefs,
  DEMO_QUEUES,
  type DesktopWorld,
} from '../../../sim/desktop/desktop-world.ts';
import { launchChromium, type LaunchedChromium } from '../../../sim/desktop/chromium.ts';
import { chooseState, gadgetFrames, signIn, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { parseLayout } from '../../../sim/desktop/layout.ts';
import { TEST_FINESSE_JS_DIR, waitFor } from '../agent/gadget-harness.ts';
import { TeamPage } from '../team/team-page.ts';
import { readPackage, type ReadPackage } from '../../../scripts/package/read-package.ts';
import { zipEntries } from '../../../scripts/package/zip-file.ts';
import { fileVersion } from '../../../scripts/package/versioned-urls.ts';
import { TEAM_TAB } from '../../../scripts/package/layout-snippet.ts';

const FOLDER = 'acme-blend';
const BASE = `/3rdpartygadget/files/${FOLDER}/`;
const RELEASE = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const SUPERVISOR = { id: '1002001', password: 'supervisor1pw', extension: '6001' };

let work: string;
let zip: string;
let unpacked: string;
let pkg: ReadPackage;
let snippet: string;
let layoutXml: string;
let desktop: DesktopWorld;
let chromium: LaunchedChromium;

/** Every gadget-folder URL a spec or layout names, as written (query and all, &amp; read as &). */
function folderUrls(xml: string): string[] {
  return [...xml.matchAll(/\/3rdpartygadget\/files\/[^"'<>\s]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
}

function run(command: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The responses a page got for the package folder and for the default folder, by path and query. */
function recordResponses(page: Page): HTTPResponse[] {
  // Anything asked of /files/finesse-blend/ is answered 404 (an empty folder), so it shows up below.
  const seen: HTTPResponse[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/3rdpartygadget/files/')) seen.push(r);
  });
  return seen;
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'fb-package-'));
  const out = join(work, 'out');
  const made = await run('npm', ['run', '--silent', 'package', '--', '--folder', FOLDER, '--out', out]);
  assert.equal(made.code, 0, made.output);
  assert.match(made.output, new RegExp(`package ${RELEASE.replace(/\./g, '\\.')}\\+[0-9a-f]{8} for ${BASE}`));
  zip = join(out, `finesse-blend-${RELEASE}-${FOLDER}.zip`);
  unpacked = join(work, 'unpacked');
  const unzip = spawnSync('unzip', ['-q', zip, '-d', unpacked], { encoding: 'utf8' });
  assert.equal(unzip.status, 0, unzip.stderr);
  pkg = await readPackage(zip);
  snippet = readFileSync(join(unpacked, 'layout-snippet.xml'), 'utf8');

  // An empty folder as the default finesse-blend/: whatever the package loads from there is a 404, not a quiet pass.
  const nothing = join(work, 'nothing');
  mkdirSync(nothing);
  desktop = await startDesktopWorld({
    distDir: nothing,
    gadgetFolders: { [FOLDER]: join(unpacked, FOLDER) },
    // The administrator's step: the chat prefs go into each gadget URL's query.
    layoutXml: (world) => {
      if (!world.chat) throw new Error('the world has no chat');
      const query = new URLSearchParams(chatGadgetPrefs(world.chat)).toString().replace(/&/g, '&amp;');
      layoutXml = snippet.replace(/(\/3rdpartygadget\/files\/[^<]+\.xml)<\/gadget>/g, `$1?${query}</gadget>`);
      return layoutXml;
    },
    finesseJsDir: TEST_FINESSE_JS_DIR,
    queues: DEMO_QUEUES,
  });
  chromium = await launchChromium(1280, 900);
});

after(async () => {
  await chromium?.close();
  await desktop?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the zip holds one folder named by --folder, with the snippet and the guide beside it, every entry 0644/0755', () => {
  const entries = zipEntries(new Uint8Array(readFileSync(zip)));
  const names = entries.map((e) => e.name);
  assert.ok(names.includes('layout-snippet.xml') && names.includes('INSTALL.md'));
  assert.ok(names.every((n) => n.startsWith(`${FOLDER}/`) || n === 'layout-snippet.xml' || n === 'INSTALL.md'));
  for (const e of entries) assert.equal(e.mode, e.directory ? 0o755 : 0o644, e.name);
  // What unzip -Z lists: Unix attributes, rw-r--r-- for each file.
  const listing = spawnSync('unzip', ['-Z', zip], { encoding: 'utf8' }).stdout;
  const fileLines = listing.split('\n').filter((l) => /^-/.test(l));
  assert.equal(fileLines.length, entries.filter((e) => !e.directory).length);
  assert.ok(
    fileLines.every((l) => l.startsWith('-rw-r--r--') && / unx /.test(l)),
    listing,
  );
  // Unpacked on Linux, every file is readable by all (Finesse's Tomcat answers 404 otherwise).
  for (const f of pkg.files) {
    assert.equal(statSync(join(unpacked, FOLDER, f.path)).mode & 0o777, 0o644, f.path);
  }
  assert.equal(pkg.folder, FOLDER);
  assert.equal(readFileSync(join(unpacked, FOLDER, 'VERSION'), 'utf8').trim(), pkg.version);
  for (const file of [
    'gadget.xml',
    'team-gadget.xml',
    'finesse-blend.js',
    'finesse-blend-team.js',
    'offer-chime.wav',
  ]) {
    assert.ok(
      pkg.files.some((f) => f.path === file),
      `${file} is in the package`,
    );
  }
  const guide = readFileSync(join(unpacked, 'INSTALL.md'), 'utf8');
  assert.ok(guide.includes(`/3rdpartygadget/files/${FOLDER}/gadget.xml`), 'the guide names the folder');
  assert.ok(guide.includes('utils webproxy cache clear shindig'));
});

test('every file the gadget specs and the layout snippet name is in the package and served 200 at its URL', async () => {
  const byPath = new Map(pkg.files.map((f) => [f.path, f.bytes]));
  const specs = ['gadget.xml', 'team-gadget.xml'].map((s) => new TextDecoder().decode(byPath.get(s)));
  const urls = new Set([...specs.flatMap(folderUrls), ...folderUrls(snippet)]);
  assert.ok(urls.size >= 8, `script, bundles and thumbnail of both specs, and the two gadgets: ${[...urls].join(' ')}`);
  for (const url of urls) {
    const u = new URL(url, desktop.baseUrl);
    assert.ok(u.pathname.startsWith(BASE), `${url} is in the package's folder`);
    const path = u.pathname.slice(BASE.length);
    const bytes = byPath.get(path);
    assert.ok(bytes, `${path} is in the package`);
    const response = await fetch(u);
    assert.equal(response.status, 200, url);
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes, `${url} serves the package's file`);
    // The specs load each file at a URL that carries the hash of these very bytes.
    const v = u.searchParams.get('v');
    if (!path.endsWith('gadget.xml')) assert.equal(v, fileVersion(RELEASE, bytes), `${url} carries its version`);
  }
  const scripts = specs.flatMap((s) => [...s.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? ''));
  assert.ok(scripts.some((s) => s.startsWith(`${BASE}finesse-blend.js?v=`)));
  assert.ok(scripts.some((s) => s.startsWith(`${BASE}finesse-blend-team.js?v=`)));
});

test('an agent signed in to the desktop sees the agent gadget from the package, with chat set up', async () => {
  const page = await chromium.browser.newPage();
  const problems = await watchForProblems(page);
  const responses = recordResponses(page);
  const agent = desktop.world.simulator.users.find((u) => !u.supervisor);
  assert.ok(agent);
  await signIn(page, desktop.desktopUrl, { id: agent.id, password: agent.password, extension: agent.extension });
  const frame = await waitFor('the agent gadget frame', () => gadgetFrames(page, `${BASE}gadget.xml`)[0]);
  await frame.waitForFunction(() => customElements.get('finesse-blend-agent') !== undefined, { timeout: 15_000 });
  // The gadget follows the state the agent picks in the header, as from dist/.
  await chooseState(page, 'READY');
  await frame.waitForFunction(
    () => (document.querySelector('finesse-blend-agent')?.shadowRoot?.textContent ?? '').includes('READY'),
    { timeout: 15_000 },
  );
  const text = await frame.evaluate(
    () => document.querySelector('finesse-blend-agent')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '',
  );
  assert.ok(!text.includes('Chat is not set up'), `the prefs from the layout query reached the gadget: ${text}`);
  await waitFor('the chat agent at the router', () =>
    desktop.world.chatRouter?.snapshot().agents.find((a) => a.jid.startsWith(`${agent.id}@`)),
  );
  const script = responses.find((r) => new URL(r.url()).pathname === `${BASE}finesse-blend.js`);
  assert.ok(script, 'the agent script was loaded from the package folder');
  assert.equal(script.status(), 200);
  assert.match(new URL(script.url()).search, /^\?v=/);
  assert.deepEqual(
    responses.filter((r) => r.status() !== 200).map((r) => `${r.status()} ${r.url()}`),
    [],
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('a supervisor sees the team gadget from the package on its own tab, fed by the chat service', async () => {
  const context = await chromium.browser.createBrowserContext();
  const page = await context.newPage();
  const problems = await watchForProblems(page);
  const responses = recordResponses(page);
  const layouts = parseLayout(layoutXml);
  assert.ok(layouts.ok);
  await signIn(page, desktop.desktopUrl, SUPERVISOR);
  await page.click(`#tab-${TEAM_TAB.id}`);
  const frame = await waitFor('the team gadget frame', () => gadgetFrames(page, `${BASE}team-gadget.xml`)[0]);
  await frame.waitForFunction(() => customElements.get('finesse-blend-team') !== undefined, { timeout: 15_000 });
  const team = new TeamPage(frame);
  const rows = await team.waitForRows('team 10 with its chat states', (rs) => rs.some((r) => r.chatText === 'Offline'));
  assert.ok(rows.length >= 3, JSON.stringify(rows));
  const script = responses.find((r) => new URL(r.url()).pathname === `${BASE}finesse-blend-team.js`);
  assert.ok(script, 'the team script was loaded from the package folder');
  assert.match(new URL(script.url()).search, /^\?v=/);
  assert.deepEqual(
    responses.filter((r) => r.status() !== 200).map((r) => `${r.status()} ${r.url()}`),
    [],
  );
  assert.deepEqual(problems, []);
  await context.close();
});
