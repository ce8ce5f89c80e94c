// readPackage takes a package zip or folder apart into the files that go into /files/<folder>/, and refuses a zip
// that would put files anywhere else (an absolute path, '..', two top-level folders) or that is not a gadget package.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readPackage } from '../../../scripts/package/read-package.ts';
import { makeZip, zipEntries } from '../../../scripts/package/zip-file.ts';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-read-package-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const GADGET = strToU8('<Module/>');
const VERSION = strToU8('1.2.3+89abcdef\n');

function zipFile(name: string, entries: Record<string, Uint8Array>): string {
  const path = join(dir, name);
  writeFileSync(path, zipSync(entries));
  return path;
}

async function refusal(path: string): Promise<string> {
  try {
    await readPackage(path);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  assert.fail(`${path} was read as a package`);
}

test('a package zip reads as its one folder: files relative to it, their modes, and the VERSION line', async () => {
  const path = join(dir, 'good.zip');
  writeFileSync(
    path,
    makeZip([
      { path: 'acme/gadget.xml', bytes: GADGET },
      { path: 'acme/VERSION', bytes: VERSION },
      { path: 'acme/messages/ALL_ALL.xml', bytes: strToU8('<messagebundle/>') },
      { path: 'layout-snippet.xml', bytes: strToU8('<finesseLayout/>') },
      { path: 'INSTALL.md', bytes: strToU8('# Install') },
    ]),
  );
  const pkg = await readPackage(path);
  assert.equal(pkg.folder, 'acme');
  assert.equal(pkg.version, '1.2.3+89abcdef');
  assert.deepEqual(
    pkg.files.map((f) => [f.path, f.mode]),
    [
      ['VERSION', 0o644],
      ['gadget.xml', 0o644],
      ['messages/ALL_ALL.xml', 0o644],
    ],
  );
  assert.deepEqual(pkg.files.find((f) => f.path === 'gadget.xml')?.bytes, GADGET);
  // The zip says Unix and 0644 / 0755 for each entry, as unzip -Z shows them.
  const entries = zipEntries(new Uint8Array(readFileSync(path)));
  assert.deepEqual(entries.find((e) => e.name === 'acme/')?.mode, 0o755);
  assert.ok(entries.filter((e) => !e.directory).every((e) => e.mode === 0o644));
});

test('a package folder reads the same way, with the modes it has on disk', async () => {
  const folder = join(dir, 'release', 'acme');
  mkdirSync(join(folder, 'messages'), { recursive: true });
  writeFileSync(join(folder, 'gadget.xml'), GADGET);
  writeFileSync(join(folder, 'VERSION'), VERSION);
  writeFileSync(join(folder, 'messages', 'de_ALL.xml'), '<messagebundle/>');
  // Set explicitly: the files' modes would otherwise follow the test run's umask.
  chmodSync(join(folder, 'VERSION'), 0o644);
  chmodSync(join(folder, 'messages', 'de_ALL.xml'), 0o644);
  chmodSync(join(folder, 'gadget.xml'), 0o600);
  for (const path of [folder, join(dir, 'release')]) {
    const pkg = await readPackage(path);
    assert.equal(pkg.folder, 'acme');
    assert.equal(pkg.version, '1.2.3+89abcdef');
    assert.deepEqual(
      pkg.files.map((f) => [f.path, f.mode]),
      [
        ['VERSION', 0o644],
        ['gadget.xml', 0o600],
        ['messages/de_ALL.xml', 0o644],
      ],
    );
  }
});

test("a zip with a '..' entry is refused: nothing may land outside the folder", async () => {
  const path = zipFile('climb.zip', { 'acme/gadget.xml': GADGET, 'acme/VERSION': VERSION, 'acme/../x': GADGET });
  assert.match(await refusal(path), /climb\.zip cannot be used: the entry "acme\/\.\.\/x" climbs out of its folder/);
  const top = zipFile('climb2.zip', { '../x': GADGET, 'acme/gadget.xml': GADGET, 'acme/VERSION': VERSION });
  assert.match(await refusal(top), /climbs out of its folder/);
});

test('a zip with an absolute path is refused', async () => {
  const path = zipFile('absolute.zip', {
    'acme/gadget.xml': GADGET,
    'acme/VERSION': VERSION,
    '/etc/x': GADGET,
  });
  assert.match(await refusal(path), /the entry "\/etc\/x" has an absolute path/);
});

test('a zip with two top-level folders is refused, naming both', async () => {
  const path = zipFile('two.zip', {
    'acme/gadget.xml': GADGET,
    'acme/VERSION': VERSION,
    'other/gadget.xml': GADGET,
  });
  assert.match(await refusal(path), /2 top-level folders \(acme, other\); a package holds one/);
});

test('a zip whose folder has no gadget.xml, or no VERSION, or no folder at all, is refused', async () => {
  assert.match(
    await refusal(zipFile('nogadget.zip', { 'acme/team-gadget.xml': GADGET, 'acme/VERSION': VERSION })),
    /its folder "acme" has no gadget\.xml/,
  );
  assert.match(
    await refusal(zipFile('noversion.zip', { 'acme/gadget.xml': GADGET })),
    /no VERSION file with one line: make the package again with npm run package/,
  );
  assert.match(await refusal(zipFile('flat.zip', { 'gadget.xml': GADGET, VERSION })), /it has no folder/);
  assert.match(
    await refusal(zipFile('badname.zip', { 'a b/gadget.xml': GADGET, 'a b/VERSION': VERSION })),
    /its folder "a b" is not a usable folder name/,
  );
});

test('a file that is not a zip, a missing path, and a folder without gadget.xml are refused in words', async () => {
  const notZip = join(dir, 'notes.zip');
  writeFileSync(notZip, 'just text');
  assert.match(await refusal(notZip), /it is not a readable zip file/);
  assert.match(await refusal(join(dir, 'absent.zip')), /There is no package at .*absent\.zip/);
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  assert.match(await refusal(empty), /it has no gadget\.xml: give the zip, or the folder npm run package wrote/);
});
