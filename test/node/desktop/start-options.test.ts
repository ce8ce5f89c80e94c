// `npm start -- --layout FILE --gadgets DIR --finesse-js DIR --finesse-version X.Y`: what a developer passes to run their own gadgets
// beside ours, and the sentence they get for each mistake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStartArgs } from '../../../sim/desktop/start-options.ts';
import { DEFAULT_FINESSE_VERSION, hasDigitalChannels } from '../../../sim/desktop/desktop-routes.ts';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'fb-start-opts-'));
  mkdirSync(join(dir, 'my-gadget'));
  mkdirSync(join(dir, 'other', 'my-gadget'), { recursive: true });
  mkdirSync(join(dir, 'finesse-blend'));
  writeFileSync(
    join(dir, 'layout.xml'),
    `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role><page/><tabs>
    <tab><id>home</id><label>finesse.container.tabs.agent.homeLabel</label><columns><column><gadgets>
      <gadget>/3rdpartygadget/files/my-gadget/my.xml</gadget></gadgets></column></columns></tab></tabs></layout></finesseLayout>`,
  );
  writeFileSync(join(dir, 'broken.xml'), '<finesseLayout><layout>');
  writeFileSync(join(dir, 'roleless.xml'), '<finesseLayout><layout><tabs/></layout></finesseLayout>');
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a layout file and repeatable gadget folders, each served under its folder name', () => {
  using w = workspace();
  const r = parseStartArgs(
    ['--layout', 'layout.xml', '--gadgets', './my-gadget', '--gadgets=finesse-blend/../other'],
    w.dir,
  );
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.match(r.value.layoutXml ?? '', /my-gadget\/my\.xml/);
  assert.deepEqual(r.value.gadgetFolders, { 'my-gadget': join(w.dir, 'my-gadget'), other: join(w.dir, 'other') });
  assert.equal(r.value.checkOnly, false);
  const none = parseStartArgs([], w.dir);
  assert.ok(none.ok);
  assert.deepEqual(none.value.gadgetFolders, {});
  assert.equal(none.value.layoutXml, undefined, 'no --layout: the default layout');
});

test('each mistake is one sentence saying what to fix', () => {
  using w = workspace();
  const error = (args: string[]) => {
    const r = parseStartArgs(args, w.dir);
    assert.ok(!r.ok, `${args.join(' ')} is refused`);
    return r.error;
  };
  assert.match(error(['--layout', 'missing.xml']), /layout file .*missing\.xml does not exist/);
  assert.match(
    error(['--layout', 'broken.xml']),
    /broken\.xml: not a usable Finesse layout\. The layout XML is not well-formed/,
  );
  assert.match(error(['--layout', 'roleless.xml']), /<role>Agent<\/role>/);
  assert.match(error(['--gadgets', 'nowhere']), /there is no folder .*nowhere/);
  assert.match(error(['--gadgets', 'finesse-blend']), /product gadget's own; rename your folder/);
  assert.match(
    error(['--gadgets', 'my-gadget', '--gadgets', 'other/my-gadget']),
    /two folders are both named "my-gadget"/,
  );
  assert.match(error(['--finesse-js', 'nope']), /--finesse-js nope: there is no folder/);
  assert.match(error(['--layout']), /--layout needs a value/);
  assert.match(error(['--layout', '--gadgets', 'my-gadget']), /--layout needs a value/);
  assert.match(error(['--wat']), /does not know the option "--wat"\. Usage: npm start -- /);
});

test('--finesse-version picks the release the desktop stands for; before 12.0 it has no digital channels', () => {
  using w = workspace();
  const older = parseStartArgs(['--finesse-version', '11.6'], w.dir);
  assert.ok(older.ok, older.ok ? '' : older.error);
  assert.equal(older.value.finesseVersion, '11.6');
  assert.equal(hasDigitalChannels('11.6'), false);
  assert.equal(hasDigitalChannels('12.0(1)'), true);
  assert.equal(hasDigitalChannels(DEFAULT_FINESSE_VERSION), true, 'the default desktop has them');
  const none = parseStartArgs([], w.dir);
  assert.ok(none.ok);
  assert.equal(none.value.finesseVersion, undefined);
  const wrong = parseStartArgs(['--finesse-version=twelve'], w.dir);
  assert.ok(!wrong.ok);
  assert.match(wrong.error, /--finesse-version twelve: give a Finesse release such as 12\.5 or 11\.6/);
});
