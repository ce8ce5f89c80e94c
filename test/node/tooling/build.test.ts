// `npm run build` emits the agent gadget as a classic IIFE script plus a gadget.xml that loads it
// from the folder the administrator uploads to, and the team gadget's script and spec beside them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { messageBundles } from '../../../scripts/gadget-bundles.ts';

async function buildInto(folder: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'fb-build-'));
  const previous = process.env.GADGET_FOLDER;
  process.env.GADGET_FOLDER = folder;
  try {
    // The config reads GADGET_FOLDER when it is loaded, so load it fresh for each build.
    await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.GADGET_FOLDER;
    else process.env.GADGET_FOLDER = previous;
  }
  return outDir;
}

test('build emits an IIFE bundle and a gadget.xml that loads it by its deployed path', async () => {
  const out = await buildInto('finesse-blend');
  try {
    const js = readFileSync(join(out, 'finesse-blend.js'), 'utf8');
    assert.ok(!/^\s*(import|export)\s/m.test(js), 'the bundle must be a classic script, not an ES module');
    assert.match(js, /^(var FinesseBlend=)?\(function\(|^\(\(\)=>|^var FinesseBlend=function|^\(function/);
    assert.ok(!js.includes('eval('), 'no eval in the bundle (strict CSP)');
    const xml = readFileSync(join(out, 'gadget.xml'), 'utf8');
    assert.match(xml, /<script src="\/3rdpartygadget\/files\/finesse-blend\/finesse-blend\.js\?v=[^"]+"><\/script>/);
    assert.match(xml, /<Require feature="pubsub-2"\/>/);
    assert.ok(!/<script>[^<]/.test(xml), 'no inline script (strict CSP)');
    for (const bundle of messageBundles()) {
      assert.equal(
        readFileSync(join(out, 'messages', bundle.fileName), 'utf8'),
        bundle.xml,
        'generated from the catalogues',
      );
      assert.ok(xml.includes(`/3rdpartygadget/files/finesse-blend/messages/${bundle.fileName}?v=`), bundle.fileName);
    }
    assert.ok(existsSync(join(out, 'icon.svg')), 'public/ assets are deployed beside the script');
    assert.match(xml, /thumbnail="\/3rdpartygadget\/files\/finesse-blend\/icon\.svg\?v=[^"]+"/);
    const gz = gzipSync(js).length;
    console.log(`agent bundle: ${js.length} bytes, ${gz} bytes gzip`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the same build emits the team gadget: its own classic script beside the agent one, its spec loading it', async () => {
  const out = await buildInto('finesse-blend');
  try {
    const js = readFileSync(join(out, 'finesse-blend-team.js'), 'utf8');
    assert.ok(!/^\s*(import|export)\s/m.test(js), 'a classic script, not an ES module');
    assert.ok(!js.includes('eval('), 'no eval (strict CSP)');
    assert.ok(js.includes('finesse-blend-team'), 'it defines the team element');
    assert.ok(!js.includes('finesse-blend-agent'), 'it carries none of the agent panel');
    const xml = readFileSync(join(out, 'team-gadget.xml'), 'utf8');
    assert.match(
      xml,
      /<script src="\/3rdpartygadget\/files\/finesse-blend\/finesse-blend-team\.js\?v=[^"]+"><\/script>/,
    );
    assert.match(xml, /<Require feature="pubsub-2"\/>/);
    assert.match(xml, /title="__MSG_team_title__"/);
    for (const bundle of messageBundles()) {
      assert.ok(xml.includes(`/3rdpartygadget/files/finesse-blend/messages/${bundle.fileName}?v=`), bundle.fileName);
      assert.match(bundle.xml, /<msg name="team_title">/, 'the shared bundles carry the team gadget title');
    }
    assert.ok(!/<script>[^<]/.test(xml), 'no inline script (strict CSP)');
    console.log(`team bundle: ${js.length} bytes, ${gzipSync(js).length} bytes gzip`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the deployed folder name is configurable at build time', async () => {
  const out = await buildInto('blend-v2');
  try {
    const xml = readFileSync(join(out, 'gadget.xml'), 'utf8');
    assert.match(xml, /src="\/3rdpartygadget\/files\/blend-v2\/finesse-blend\.js\?v=/);
    assert.match(xml, /messages="\/3rdpartygadget\/files\/blend-v2\/messages\/ALL_ALL\.xml\?v=/);
    assert.ok(!xml.includes('/files/finesse-blend/'));
    const team = readFileSync(join(out, 'team-gadget.xml'), 'utf8');
    assert.match(team, /src="\/3rdpartygadget\/files\/blend-v2\/finesse-blend-team\.js\?v=/);
    assert.ok(!team.includes('/files/finesse-blend/'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
