// The deploy flow on a fake server (an in-memory RemoteFs, a seam for the failures a real server rarely shows):
// a short write caught by the verification leaves live untouched; a failed second rename is undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeployError } from '../../../scripts/deploy/errors.ts';
import { foldersOf, remotePaths, swapIn, upload, type FlowContext } from '../../../scripts/deploy/flow.ts';
import type { ReadPackage as ReleasePackage } from '../../../scripts/package/read-package.ts';
import type { RemoteFs } from '../../../scripts/deploy/remote.ts';

/** Files by absolute path; folders as a set. */
class MemoryFs implements RemoteFs {
  files = new Map<string, Buffer>();
  dirs = new Set<string>(['/files']);
  shortWrites = new Set<string>();
  failRename: ((from: string, to: string) => unknown) | null = null;
  async exists(path: string) {
    return this.dirs.has(path) || this.files.has(path);
  }
  async mkdir(path: string) {
    this.dirs.add(path);
  }
  async write(path: string, bytes: Uint8Array) {
    const b = Buffer.from(bytes);
    this.files.set(path, this.shortWrites.has(path) ? b.subarray(0, 1) : b);
  }
  async chmod() {}
  async list(path: string) {
    const under = (p: string) => p.startsWith(`${path}/`) && !p.slice(path.length + 1).includes('/');
    return [
      ...[...this.dirs].filter(under).map((d) => ({ name: d.slice(path.length + 1), type: 'd', size: 0 })),
      ...[...this.files]
        .filter(([p]) => under(p))
        .map(([p, b]) => ({ name: p.slice(path.length + 1), type: '-', size: b.length })),
    ];
  }
  async read(path: string) {
    const b = this.files.get(path);
    if (!b) throw Object.assign(new Error('No such file'), { code: 2 });
    return b;
  }
  async rename(from: string, to: string) {
    const failure = this.failRename?.(from, to);
    if (failure) throw failure;
    const move = (p: string) => (p === from || p.startsWith(`${from}/`) ? to + p.slice(from.length) : p);
    this.dirs = new Set([...this.dirs].map(move));
    this.files = new Map([...this.files].map(([p, b]) => [move(p), b]));
  }
  async removeTree(path: string) {
    for (const d of [...this.dirs]) if (d === path || d.startsWith(`${path}/`)) this.dirs.delete(d);
    for (const p of [...this.files.keys()]) if (p.startsWith(`${path}/`)) this.files.delete(p);
  }
  async remove(path: string) {
    this.files.delete(path);
  }
  async close() {}
}

const pkg = (version: string): ReleasePackage => ({
  folder: 'finesse-blend',
  version,
  files: [
    { path: 'gadget.xml', bytes: Buffer.from(`<Module v="${version}"/>`), mode: 0o644 },
    { path: 'messages/en.xml', bytes: Buffer.from('<messagebundle/>'), mode: 0o644 },
    { path: 'VERSION', bytes: Buffer.from(`${version}\n`), mode: 0o644 },
  ],
});

function context(remote: MemoryFs): FlowContext {
  return {
    remote,
    paths: remotePaths('/files', 'finesse-blend'),
    errors: {
      host: 'fin1',
      port: 22,
      user: '3rdpartygadget',
      auth: 'password',
      live: '/files/finesse-blend',
      timeoutMs: 1000,
    },
    onProgress: () => {},
    onNote: () => {},
  };
}

test('folders are made parents first', () => {
  assert.deepEqual(foldersOf(['a/b/c.txt', 'x.txt', 'a/d.txt', 'e/f.txt']), ['a', 'e', 'a/b']);
});

test('a file that arrives short fails the verification, and the live version is untouched', async () => {
  const remote = new MemoryFs();
  const ctx = context(remote);
  await upload(ctx, pkg('1.0.0'));
  await swapIn(ctx, pkg('1.0.0'));
  remote.shortWrites.add('/files/finesse-blend.uploading/gadget.xml');
  await assert.rejects(upload(ctx, pkg('2.0.0')), (e: unknown) => {
    assert.ok(e instanceof DeployError);
    assert.match(e.message, /gadget\.xml is 1 bytes, not \d+/);
    assert.match(e.message, /Nothing was switched: the live version in \/files\/finesse-blend is untouched/);
    return true;
  });
  assert.equal(remote.files.get('/files/finesse-blend/VERSION')?.toString(), '1.0.0\n');
});

test('when putting the upload live fails after live moved aside, the old version is put back', async () => {
  const remote = new MemoryFs();
  const ctx = context(remote);
  await upload(ctx, pkg('1.0.0'));
  await swapIn(ctx, pkg('1.0.0'));
  await upload(ctx, pkg('2.0.0'));
  remote.failRename = (from) => (from.endsWith('.uploading') ? Object.assign(new Error('Failure'), { code: 4 }) : null);
  await assert.rejects(swapIn(ctx, pkg('2.0.0')), /The old version is live again in \/files\/finesse-blend/);
  assert.equal(remote.files.get('/files/finesse-blend/VERSION')?.toString(), '1.0.0\n');
  assert.equal(remote.files.get('/files/finesse-blend.uploading/VERSION')?.toString(), '2.0.0\n');
});
