// The gadget specs load every file of the upload folder by a URL that carries the file's version: an unchanged build
// gives the same URLs, a changed script a new URL for that script only, so Finesse's cached spec never pairs with an
// old script. The version in a URL is the release and the hash of the very bytes the build writes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import {
  fileVersion,
  folderReferences,
  packageVersion,
  versionSpecUrls,
} from '../../../scripts/package/versioned-urls.ts';

const RELEASE = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const dirs: string[] = [];

async function buildInto(plugins: Plugin[] = []): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'fb-versioned-'));
  dirs.push(outDir);
  await build({ configFile: 'vite.config.ts', logLevel: 'silent', plugins, build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** The `?v=` of every folder URL in a spec, by file. */
function versions(specXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of specXml.matchAll(/\/3rdpartygadget\/files\/finesse-blend\/([^"?]+)\?v=([^"]+)"/g)) {
    out.set(m[1] ?? '', decodeURIComponent(m[2] ?? ''));
  }
  return out;
}

/** A change to the agent gadget's code only: one more statement at the end of its entry. */
const changeAgentScript: Plugin = {
  name: 'test-change-agent-script',
  transform(code, id) {
    return id.endsWith('src/boot/agent-gadget.ts') ? `${code}\nglobalThis.__changedBuild = 1;\n` : null;
  },
};

let first: string;
let second: string;
let changed: string;

before(async () => {
  first = await buildInto();
  second = await buildInto();
  changed = await buildInto([changeAgentScript]);
});

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

test('every file either spec loads from the folder has a version: the release and the hash of its bytes', () => {
  for (const spec of ['gadget.xml', 'team-gadget.xml']) {
    const xml = read(first, spec);
    const found = versions(xml);
    assert.deepEqual([...found.keys()].sort(), folderReferences(xml, 'finesse-blend').sort(), `${spec}: all versioned`);
    assert.ok(found.size >= 5, `${spec}: script, three message bundles and the thumbnail`);
    for (const [file, version] of found) {
      assert.equal(version, fileVersion(RELEASE, readFileSync(join(first, file))), `${spec}: ${file}`);
      assert.match(version, new RegExp(`^${RELEASE.replace(/\./g, '\\.')}-[0-9a-f]{8}$`));
    }
  }
  assert.ok(versions(read(first, 'gadget.xml')).has('finesse-blend.js'));
  assert.ok(versions(read(first, 'team-gadget.xml')).has('finesse-blend-team.js'));
});

test('an unchanged build gives the same specs and the same VERSION', () => {
  assert.equal(read(second, 'gadget.xml'), read(first, 'gadget.xml'));
  assert.equal(read(second, 'team-gadget.xml'), read(first, 'team-gadget.xml'));
  assert.equal(read(second, 'VERSION'), read(first, 'VERSION'));
  assert.match(read(first, 'VERSION'), new RegExp(`^${RELEASE.replace(/\./g, '\\.')}\\+[0-9a-f]{8}\\n$`));
});

test('a changed agent script gets a new URL; the files that did not change keep theirs', () => {
  const before = versions(read(first, 'gadget.xml'));
  const after = versions(read(changed, 'gadget.xml'));
  assert.notEqual(after.get('finesse-blend.js'), before.get('finesse-blend.js'));
  for (const [file, version] of before) {
    if (file !== 'finesse-blend.js') assert.equal(after.get(file), version, file);
  }
  assert.equal(read(changed, 'team-gadget.xml'), read(first, 'team-gadget.xml'), 'the team gadget is unchanged');
  assert.notEqual(read(changed, 'VERSION'), read(first, 'VERSION'));
});

test('versionSpecUrls leaves alone URLs with a query, other folders, and files the build lacks (and lists those)', () => {
  const spec = [
    '<Module><ModulePrefs thumbnail="/3rdpartygadget/files/acme/icon.svg">',
    '<Locale messages="/3rdpartygadget/files/acme/messages/ALL_ALL.xml?keep=1"/></ModulePrefs>',
    `<Content><![CDATA[<script src='/3rdpartygadget/files/acme/app.js'></script>`,
    '<script src="/3rdpartygadget/files/other/x.js"></script><script src="/3rdpartygadget/files/acme/gone.js"></script>]]>',
    '</Content></Module>',
  ].join('\n');
  const files = new Map<string, string>([
    ['icon.svg', '<svg/>'],
    ['app.js', 'run()'],
    ['messages/ALL_ALL.xml', '<messagebundle/>'],
  ]);
  const { xml, missing } = versionSpecUrls(spec, 'acme', '2.0.0', (p) => files.get(p));
  assert.ok(xml.includes(`thumbnail="/3rdpartygadget/files/acme/icon.svg?v=${fileVersion('2.0.0', '<svg/>')}"`));
  assert.ok(xml.includes(`src='/3rdpartygadget/files/acme/app.js?v=${fileVersion('2.0.0', 'run()')}'`));
  assert.ok(xml.includes('messages="/3rdpartygadget/files/acme/messages/ALL_ALL.xml?keep=1"'));
  assert.ok(xml.includes('src="/3rdpartygadget/files/other/x.js"'));
  assert.ok(xml.includes('src="/3rdpartygadget/files/acme/gone.js"'));
  assert.deepEqual(missing, ['gone.js']);
  assert.deepEqual(folderReferences(xml, 'acme').sort(), ['app.js', 'gone.js', 'icon.svg', 'messages/ALL_ALL.xml']);
});

test('packageVersion depends on every path and content, not on their order, and not on source maps', () => {
  const a = packageVersion('1.2.3', [
    ['a.js', 'x'],
    ['b.xml', 'y'],
  ]);
  assert.equal(
    packageVersion('1.2.3', [
      ['b.xml', 'y'],
      ['a.js', 'x'],
      ['a.js.map', 'whatever'],
    ]),
    a,
  );
  assert.notEqual(
    packageVersion('1.2.3', [
      ['a.js', 'x2'],
      ['b.xml', 'y'],
    ]),
    a,
  );
  assert.notEqual(
    packageVersion('1.2.3', [
      ['c.js', 'x'],
      ['b.xml', 'y'],
    ]),
    a,
  );
  assert.match(a, /^1\.2\.3\+[0-9a-f]{8}$/);
});
