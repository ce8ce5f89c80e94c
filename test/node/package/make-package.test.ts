// makePackage writes a release into --out and never overwrites what it did not make; the command says what is wrong
// with its arguments and exits non-zero.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePackage, zipName } from '../../../scripts/package/make-package.ts';
import { readPackage } from '../../../scripts/package/read-package.ts';
import { preferencesTable } from '../../../scripts/package/install-guide.ts';

let out: string;

before(() => {
  out = mkdtempSync(join(tmpdir(), 'fb-make-package-'));
});

after(() => {
  rmSync(out, { recursive: true, force: true });
});

test('a folder in --out that no package made is left alone, and the package is refused in words', async () => {
  const mine = join(out, 'acme-blend');
  mkdirSync(mine);
  writeFileSync(join(mine, 'notes.txt'), 'mine');
  await assert.rejects(makePackage({ folder: 'acme-blend', out }), (e: Error) => {
    assert.match(e.message, /is there and is not a package folder made before \(it has no VERSION file\)/);
    assert.match(e.message, /move it away or choose another --out/);
    return true;
  });
  assert.equal(readFileSync(join(mine, 'notes.txt'), 'utf8'), 'mine');
});

test('a package made again into the same --out replaces its own folder, leaving nothing of the old one', async () => {
  const first = await makePackage({ folder: 'blend-two', out });
  writeFileSync(join(first.dir, 'stale.js'), 'old');
  const second = await makePackage({ folder: 'blend-two', out });
  assert.equal(second.version, first.version, 'the same sources make the same version');
  assert.ok(!existsSync(join(second.dir, 'stale.js')));
  assert.equal(second.zip, join(out, zipName(second.release, 'blend-two')));
  const pkg = await readPackage(second.zip);
  assert.equal(pkg.folder, 'blend-two');
  assert.equal(pkg.files.length, second.files);
  assert.ok(pkg.files.every((f) => f.mode === 0o644));
  assert.ok(
    pkg.files.every((f) => !f.path.endsWith('.map')),
    'source maps are left out unless --source-maps asks for them',
  );
  const agentScript = pkg.files.find((f) => f.path === 'finesse-blend.js');
  assert.ok(agentScript && !new TextDecoder().decode(agentScript.bytes).includes('sourceMappingURL'));
  assert.ok(readFileSync(second.layoutSnippet, 'utf8').includes('/3rdpartygadget/files/blend-two/team-gadget.xml'));
  const guide = readFileSync(second.installGuide, 'utf8');
  assert.ok(guide.includes(`# Installing finesse-blend ${second.version}`));
  // The guide's preferences table is the README's: every UserPref of both specs has its row, with its default.
  for (const spec of ['gadget.xml', 'team-gadget.xml']) {
    const xml = readFileSync(join(second.dir, spec), 'utf8');
    for (const m of xml.matchAll(/<UserPref name="([^"]+)"[^>]*default_value="([^"]*)"/g)) {
      const [, name = '', value = ''] = m;
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      assert.ok(row, `the install guide has a row for ${spec}'s pref ${name}`);
      if (value !== '') assert.ok(row.includes(`\`${value}\``), `${name}'s row gives its default ${value}`);
    }
  }
});

test('the install guide copies the README preferences table, and a README without one is an error', () => {
  const readme =
    'intro\n\n| preference | default | allowed values | meaning |\n|---|---|---|---|\n| `a` | `1` | 1 | x |\n\nafter';
  assert.equal(
    preferencesTable(readme),
    '| preference | default | allowed values | meaning |\n|---|---|---|---|\n| `a` | `1` | 1 | x |',
  );
  assert.throws(() => preferencesTable('no table here'), /README.md has no preferences table/);
});

test('the command refuses a bad folder name with the rule, exit code 2, and writes nothing', () => {
  const target = join(out, 'cli');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/package/package.ts', '--folder', 'my blend', '--out', target],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^finesse-blend: --folder "my blend" cannot be used: a folder name is one segment/);
  assert.equal(run.stdout, '');
  assert.ok(!existsSync(target));
});
