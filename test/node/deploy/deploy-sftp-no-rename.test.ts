// Whether Finesse's SFTP server lets the 3rdpartygadget account rename folders is not documented: against a real
// OpenSSH server that refuses renames (internal-sftp -P rename,posix-rename), the deploy falls back to copying
// and still keeps the previous version and rolls back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deploy, deployArgs, makeRelease } from './deploy-kit.ts';
import { startSftpServer, type SftpServerHandle } from './sftp-server.ts';

let server: SftpServerHandle;
let knownHosts: string;

before(async () => {
  server = await startSftpServer({ deniedRequests: ['rename', 'posix-rename'] });
  knownHosts = join(mkdtempSync(join(tmpdir(), 'fb-deploy-norename-')), 'known_hosts');
});

after(async () => {
  await server?.stop();
});

const files = () => join(server.chroot, 'files');
const version = (dir: string) => readFileSync(join(files(), dir, 'VERSION'), 'utf8').trim();
const run = (pkg: string, ...more: string[]) =>
  deploy(deployArgs(server, pkg, knownHosts, ...more), { FINESSE_SFTP_PASSWORD: server.password });

test('on a server that refuses renames, deploys copy the files in, keep the previous version, and roll back', async () => {
  const first = await run(makeRelease('1.0.0+aaaaaaa', { 'old-only.txt': 'gone after the upgrade' }));
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /does not allow renaming folders: copying instead/);
  assert.equal(version('finesse-blend'), '1.0.0+aaaaaaa');

  const second = await run(makeRelease('2.0.0+bbbbbbb'));
  assert.equal(second.code, 0, second.err);
  assert.equal(version('finesse-blend'), '2.0.0+bbbbbbb');
  assert.equal(version('finesse-blend.previous'), '1.0.0+aaaaaaa');
  assert.ok(!existsSync(join(files(), 'finesse-blend', 'old-only.txt')), 'files the new version lacks are removed');
  assert.ok(existsSync(join(files(), 'finesse-blend.previous', 'old-only.txt')), 'the kept version is whole');
  assert.deepEqual(readdirSync(files()).sort(), ['finesse-blend', 'finesse-blend.previous'], 'no upload folder left');

  const back = await run(makeRelease('2.0.0+bbbbbbb'), '--rollback');
  assert.equal(back.code, 0, back.err);
  assert.equal(version('finesse-blend'), '1.0.0+aaaaaaa');
  assert.equal(version('finesse-blend.previous'), '2.0.0+bbbbbbb');
  assert.ok(existsSync(join(files(), 'finesse-blend', 'old-only.txt')));
  assert.ok(!existsSync(join(files(), 'finesse-blend.previous', 'old-only.txt')));
});
