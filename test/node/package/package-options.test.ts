// `npm run package` arguments: the folder is one URL path segment, --out is where the administrator typed it from,
// and every mistake is one sentence that says what to type instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { folderNameProblem, parsePackageArgs } from '../../../scripts/package/package-options.ts';
import { layoutSnippetXml, TEAM_TAB } from '../../../scripts/package/layout-snippet.ts';
import { parseLayout } from '../../../sim/desktop/layout.ts';

const CWD = '/home/admin/finesse-blend';

test('no arguments: the folder finesse-blend, written to release/ under where npm was run', () => {
  const parsed = parsePackageArgs([], CWD);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, { folder: 'finesse-blend', out: `${CWD}/release`, help: false, sourceMaps: false });
  const maps = parsePackageArgs(['--source-maps'], CWD);
  assert.ok(maps.ok);
  assert.equal(maps.value.sourceMaps, true);
});

test('--folder and --out, as separate or inline values; --out relative to the working directory', () => {
  const a = parsePackageArgs(['--folder', 'acme-blend', '--out', '../out'], CWD);
  assert.ok(a.ok);
  assert.equal(a.value.folder, 'acme-blend');
  assert.equal(a.value.out, '/home/admin/out');
  const b = parsePackageArgs(['--folder=blend_2.1', '--out=/srv/releases'], CWD);
  assert.ok(b.ok);
  assert.equal(b.value.folder, 'blend_2.1');
  assert.equal(b.value.out, '/srv/releases');
});

test('a folder name that is not one URL path segment is refused with the rule and an example', () => {
  for (const bad of ['a b', 'a/b', '../x', '..', '.hidden', '-x', 'blend?v=1', 'caf\u00e9', 'x%20y', 'a~b']) {
    const parsed = parsePackageArgs(['--folder', bad], CWD);
    assert.ok(!parsed.ok, bad);
    assert.match(parsed.error, /one segment of the gadget's URL/, bad);
    assert.match(parsed.error, /letters, digits/, bad);
    assert.match(parsed.error, /e\.g\. finesse-blend/, bad);
    assert.ok(parsed.error.includes(`"${bad}"`), `the error names ${bad}`);
  }
  assert.match(folderNameProblem('') ?? '', /--folder is empty/);
  assert.match(folderNameProblem('x'.repeat(65)) ?? '', /too long/);
  assert.equal(folderNameProblem('x'.repeat(64)), null);
});

test('the names deploy gives its own folders (<folder>.previous, .uploading, .discard) are refused, saying why', () => {
  for (const name of ['blend.previous', 'blend.uploading', 'blend.discard']) {
    const parsed = parsePackageArgs(['--folder', name], CWD);
    assert.ok(!parsed.ok);
    assert.match(parsed.error, /npm run deploy uses for its own folders/);
  }
});

test('an unknown option or a missing value names itself and shows the usage', () => {
  const unknown = parsePackageArgs(['--folders', 'x'], CWD);
  assert.ok(!unknown.ok);
  assert.match(unknown.error, /does not know "--folders"/);
  assert.match(unknown.error, /Usage: npm run package -- \[--folder NAME\] \[--out DIR\]/);
  for (const argv of [['--folder'], ['--out'], ['--folder', '--out', 'x']]) {
    const parsed = parsePackageArgs(argv, CWD);
    assert.ok(!parsed.ok, argv.join(' '));
    assert.match(parsed.error, /needs a value/);
  }
  const emptyOut = parsePackageArgs(['--out='], CWD);
  assert.ok(!emptyOut.ok);
  assert.match(emptyOut.error, /--out is empty/);
  const help = parsePackageArgs(['--help'], CWD);
  assert.ok(help.ok && help.value.help);
});

test('the layout snippet is well-formed Finesse layout XML: agent gadget on the home tab, team gadget on its own tab', () => {
  for (const folder of ['acme-blend', 'two--dashes']) {
    const xml = layoutSnippetXml(folder, '1.0.0+0123abcd');
    const problems: string[] = [];
    const doc = new DOMParser({
      onError: (level, m) => void (level !== 'warning' && problems.push(m)),
    }).parseFromString(xml, 'text/xml');
    assert.deepEqual(problems, [], folder);
    assert.equal(doc.documentElement?.namespaceURI, 'http://www.cisco.com/vtg/finesse');
    const layouts = parseLayout(xml);
    assert.ok(layouts.ok, folder);
    const agent = layouts.value.find((l) => l.role === 'Agent');
    const supervisor = layouts.value.find((l) => l.role === 'Supervisor');
    assert.deepEqual(agent?.tabs.find((t) => t.id === 'home')?.gadgets, [`/3rdpartygadget/files/${folder}/gadget.xml`]);
    assert.deepEqual(supervisor?.tabs.find((t) => t.id === TEAM_TAB.id)?.gadgets, [
      `/3rdpartygadget/files/${folder}/team-gadget.xml`,
    ]);
    assert.match(xml, /<!--[\s\S]*chatService=[\s\S]*chatRouter=[\s\S]*-->/, 'the comment says where the prefs go');
    assert.match(xml, /keep all of them/, "the comment says to keep Finesse's own gadgets");
  }
});
