// npm run deploy against a real OpenSSH SFTP server on loopback, set up like Finesse's 3rdpartygadget account
// (chrooted, /files the only writable folder): upload and verify, upgrade, rollback, key login, and the errors
// an administrator meets (wrong password, unreachable host, changed host key, no permission, full disk), with the
// password never printed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { freePort } from '../../../sim/prosody/free-port.ts';
import { deploy, deployArgs, makeRelease } from './deploy-kit.ts';
import { startSftpServer, type SftpServerHandle } from './sftp-server.ts';

let server: SftpServerHandle;
let work: string;
let knownHosts: string;
let v1: string;
let v2: string;

before(async () => {
  server = await startSftpServer();
  work = mkdtempSync(join(tmpdir(), 'fb-deploy-test-'));
  knownHosts = join(work, 'known_hosts');
  v1 = makeRelease('0.1.0+1111111');
  v2 = makeRelease('0.2.0+2222222', {
    'finesse-blend.js': '/* 0.2.0 */ var FinesseBlend = "new";\n',
    'chime.wav': 'RIFF',
  });
});

after(async () => {
  await server?.stop();
});

const files = () => join(server.chroot, 'files');

/** Every file and folder under the account's /files: path → size and mode (and VERSION's text). */
function snapshot(): Record<string, string> {
  const seen: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const st = statSync(full);
      const mode = (st.mode & 0o777).toString(8);
      if (st.isDirectory()) {
        seen[`${prefix}${name}/`] = mode;
        walk(full, `${prefix}${name}/`);
      } else
        seen[`${prefix}${name}`] =
          `${st.size} ${mode}${name === 'VERSION' ? ` ${readFileSync(full, 'utf8').trim()}` : ''}`;
    }
  };
  walk(files(), '');
  return seen;
}

const liveVersion = (suffix = '') => readFileSync(join(files(), `finesse-blend${suffix}`, 'VERSION'), 'utf8').trim();

const args = (pkg: string, ...more: string[]) => deployArgs(server, pkg, knownHosts, ...more);
const withPassword = () => ({ FINESSE_SFTP_PASSWORD: server.password });

test('a first deploy uploads every file with its size, as 0644 in 0755 folders, records the host key and prints the next steps', async () => {
  const result = await deploy(args(v1), withPassword());
  assert.equal(result.code, 0, result.err);
  const live = join(files(), 'finesse-blend');
  for (const path of ['gadget.xml', 'finesse-blend.js', 'messages/en.xml', 'VERSION']) {
    const local = readFileSync(join(v1, path));
    const remote = readFileSync(join(live, path));
    assert.ok(remote.equals(local), `${path} on the server differs from the package`);
    assert.equal(statSync(join(live, path)).mode & 0o777, 0o644, path);
  }
  assert.equal(statSync(live).mode & 0o777, 0o755);
  assert.equal(statSync(join(live, 'messages')).mode & 0o777, 0o755);
  assert.ok(!existsSync(join(files(), 'finesse-blend.uploading')), 'the upload folder is renamed, not left behind');
  assert.ok(!existsSync(join(files(), 'finesse-blend.previous')), 'nothing was live before, so nothing is kept');

  const [keyType, key] = server.hostPublicKey.split(' ');
  assert.match(
    readFileSync(knownHosts, 'utf8'),
    new RegExp(`^\\[127\\.0\\.0\\.1\\]:${server.port} ${keyType} ${key!.replace(/[+/]/g, '\\$&')}$`, 'm'),
  );
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', '-'], { input: server.hostPublicKey })
    .toString()
    .split(' ')[1]!;
  assert.ok(result.out.includes(fingerprint), `the host key's fingerprint ${fingerprint} is printed:\n${result.out}`);
  assert.match(result.out, /files 4\/4, /);
  assert.match(result.out, /verified: 4 files/);
  assert.match(result.out, /utils webproxy cache clear shindig/);
  assert.match(result.out, /Cisco Finesse Tomcat/);
  assert.ok(result.out.includes('https://127.0.0.1/3rdpartygadget/files/finesse-blend/gadget.xml'));
  assert.ok(result.out.includes(join(v1, '..', 'layout-snippet.xml')), 'names the layout snippet file');
});

test('an upgrade puts the new version live and keeps the old one as .previous', async () => {
  const result = await deploy(args(v2), withPassword());
  assert.equal(result.code, 0, result.err);
  assert.equal(liveVersion(), '0.2.0+2222222');
  assert.equal(liveVersion('.previous'), '0.1.0+1111111');
  assert.equal(readFileSync(join(files(), 'finesse-blend', 'chime.wav'), 'utf8'), 'RIFF');
  assert.ok(!existsSync(join(files(), 'finesse-blend.previous', 'chime.wav')), 'the kept version is the old one whole');
  assert.match(result.out, /kept in \/files\/finesse-blend\.previous/);
});

test('a second upgrade replaces the older kept version', async () => {
  const v3 = makeRelease('0.3.0+3333333');
  const result = await deploy(args(v3), withPassword());
  assert.equal(result.code, 0, result.err);
  assert.equal(liveVersion(), '0.3.0+3333333');
  assert.equal(liveVersion('.previous'), '0.2.0+2222222');
  assert.deepEqual(
    readdirSync(files()).sort(),
    ['finesse-blend', 'finesse-blend.previous'],
    'only the live and one kept version remain',
  );
});

test('--rollback swaps the kept version back in, and again swaps forward', async () => {
  const back = await deploy(args(v1, '--rollback'), withPassword());
  assert.equal(back.code, 0, back.err);
  assert.equal(liveVersion(), '0.2.0+2222222');
  assert.equal(liveVersion('.previous'), '0.3.0+3333333');
  assert.match(back.out, /is version 0\.2\.0\+2222222 again/);
  const forward = await deploy(args(v1, '--rollback'), withPassword());
  assert.equal(forward.code, 0, forward.err);
  assert.equal(liveVersion(), '0.3.0+3333333');
  assert.equal(liveVersion('.previous'), '0.2.0+2222222');
});

test('a wrong password is refused in words with what to do, and nothing changes', async () => {
  const before = snapshot();
  const result = await deploy(args(v1), { FINESSE_SFTP_PASSWORD: 'wrong-Password-9' });
  assert.equal(result.code, 1);
  assert.match(result.err, /refused the password for fbsftp/);
  assert.match(result.err, /utils reset_3rdpartygadget_password/);
  assert.doesNotMatch(result.err, /\n\s+at /, 'no stack trace');
  assert.deepEqual(snapshot(), before);
});

test('a host nobody answers on (a closed port) says to check the host name and port', async () => {
  const closed = await freePort();
  const result = await deploy(
    ['--host', '127.0.0.1', '--port', String(closed), '--package', v1, '--known-hosts', knownHosts],
    withPassword(),
  );
  assert.equal(result.code, 1);
  assert.match(result.err, new RegExp(`Could not connect to 127\\.0\\.0\\.1:${closed}: the connection was refused`));
  assert.match(result.err, /Check the host name/);
});

test('a host that accepts the connection but never answers is given up on after the timeout, in words', async () => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => sockets.add(socket)); // accepts, says nothing
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as AddressInfo).port;
  try {
    const result = await deploy(
      ['--host', '127.0.0.1', '--port', String(port), '--timeout', '1', '--package', v1, '--known-hosts', knownHosts],
      withPassword(),
    );
    assert.equal(result.code, 1);
    assert.match(result.err, new RegExp(`127\\.0\\.0\\.1:${port} did not answer within 1 s`));
    assert.match(result.err, /port \d+ of the Finesse server is open from this machine/);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});

test('with two nodes, the deploy stops at the first that fails and says which', async () => {
  const v4 = makeRelease('0.4.0+4444444');
  const kh = join(work, 'known_hosts_two');
  const result = await deploy(
    [
      '--host',
      `127.0.0.1,127.0.0.2`,
      '--port',
      String(server.port),
      '--user',
      server.user,
      '--package',
      v4,
      '--known-hosts',
      kh,
    ],
    withPassword(),
  );
  assert.equal(result.code, 1);
  assert.equal(liveVersion(), '0.4.0+4444444', 'the first node got the new version');
  assert.match(result.err, /Stopped at node 2 of 2 \(127\.0\.0\.2\); 127\.0\.0\.1 has the new version already/);
});

test('a changed host key is refused before anything is uploaded, naming the line to remove', async () => {
  const other = join(work, 'other_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
  const otherKey = readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  const kh = join(work, 'known_hosts_changed');
  writeFileSync(kh, `# pinned\nexample.org ${otherKey}\n[127.0.0.1]:${server.port} ${otherKey}\n`);
  const before = snapshot();
  const result = await deploy(
    ['--host', '127.0.0.1', '--port', String(server.port), '--user', server.user, '--package', v2, '--known-hosts', kh],
    withPassword(),
  );
  assert.equal(result.code, 1);
  assert.match(result.err, /host key of \[127\.0\.0\.1\]:\d+ has changed/);
  assert.ok(result.err.includes(`remove line 3 of ${kh}`), result.err);
  assert.match(result.err, /someone may be intercepting/);
  assert.deepEqual(snapshot(), before, 'nothing was uploaded');
  assert.equal(readFileSync(kh, 'utf8').split('\n').length, 4, 'the known hosts file is left as it was');
});

test('writing outside /files is denied in words that say where the account may write', async () => {
  const before = snapshot();
  const result = await deploy(args(v2, '--remote-root', '/'), withPassword());
  assert.equal(result.code, 1);
  assert.match(result.err, /denied .* permission to write/);
  assert.match(result.err, /may write only under \/files/);
  assert.match(result.err, /live version in \/finesse-blend is untouched/);
  assert.deepEqual(snapshot(), before);
});

test('a key instead of a password logs in (authorized_keys of the account)', async () => {
  const key = join(work, 'deploy_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  server.authorizeKey(readFileSync(`${key}.pub`, 'utf8'));
  const result = await deploy(args(v1, '--key', key), {});
  assert.equal(result.code, 0, result.err);
  assert.equal(liveVersion(), '0.1.0+1111111');
});

test('an encrypted key opens with its passphrase from the environment; without one, or a wrong one, it says so', async () => {
  const key = join(work, 'deploy_key_encrypted');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'Key-Passphrase-42', '-f', key]);
  server.authorizeKey(readFileSync(`${key}.pub`, 'utf8'));
  const opened = await deploy(args(v2, '--key', key), { FINESSE_SFTP_KEY_PASSPHRASE: 'Key-Passphrase-42' });
  assert.equal(opened.code, 0, opened.err);
  assert.equal(liveVersion(), '0.2.0+2222222');
  assert.ok(!`${opened.out}${opened.err}`.includes('Key-Passphrase-42'));
  const none = await deploy(args(v1, '--key', key), {});
  assert.equal(none.code, 1);
  assert.match(
    none.err,
    /The private key is encrypted and no passphrase was given\.\nPut the passphrase in FINESSE_SFTP_KEY_PASSPHRASE/,
  );
  const wrong = await deploy(args(v1, '--key', key), { FINESSE_SFTP_KEY_PASSPHRASE: 'not-it' });
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /The passphrase does not open the private key/);
  assert.equal(liveVersion(), '0.2.0+2222222', 'nothing changed');
});

test('with no password in the environment, it is asked for (no echo) on a terminal, and refused without one', async () => {
  const asked: string[] = [];
  const typed = await deploy(
    args(v2),
    {},
    {
      askSecret: async (question) => {
        asked.push(question);
        return server.password;
      },
    },
  );
  assert.equal(typed.code, 0, typed.err);
  assert.deepEqual(asked, [`Password for ${server.user}@127.0.0.1: `]);
  assert.equal(liveVersion(), '0.2.0+2222222');
  const none = await deploy(args(v2), {});
  assert.equal(none.code, 1);
  assert.match(none.err, /No password or key was given .* no terminal to ask/);
  assert.match(none.err, /FINESSE_SFTP_PASSWORD/);
});

/** Runs the real command line (npm run deploy's script) in its own process. */
function cli(argv: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FINESSE_SFTP_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/deploy/deploy.ts', ...argv], {
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('the password never appears in what the command prints, on success or failure, and --password is refused', async () => {
  const ok = await cli(args(v1), { FINESSE_SFTP_PASSWORD: server.password });
  assert.equal(ok.code, 0, ok.output);
  assert.ok(!ok.output.includes(server.password), 'the right password is not printed');
  const distinctive = 'Zq7-distinctive-SECRET';
  const wrong = await cli(args(v1), { FINESSE_SFTP_PASSWORD: distinctive });
  assert.equal(wrong.code, 1);
  assert.match(wrong.output, /refused the password/);
  assert.ok(!wrong.output.includes(distinctive), 'a wrong password is not printed either');
  const unreachable = await cli(
    ['--host', '127.0.0.1', '--port', String(await freePort()), '--package', v1, '--known-hosts', knownHosts],
    { FINESSE_SFTP_PASSWORD: distinctive },
  );
  assert.equal(unreachable.code, 1);
  assert.ok(!unreachable.output.includes(distinctive));
  const flag = await cli([...args(v1), '--password', distinctive], {});
  assert.equal(flag.code, 1);
  assert.match(flag.output, /--password option is refused: .*process list .*shell history/);
  assert.ok(!flag.output.includes(distinctive));
});

test('in a terminal the password is asked for without echo, and works', async () => {
  // script(1) gives the command a pseudo-terminal; the password is typed once the prompt shows.
  const command = ['node', '--import', 'tsx', 'scripts/deploy/deploy.ts', ...args(v2)]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(' ');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FINESSE_SFTP_')));
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: clean, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let typed = false;
  const code = await new Promise<number | null>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (!typed && output.includes(`Password for ${server.user}@127.0.0.1: `)) {
        typed = true;
        child.stdin.write(`${server.password}\r`);
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', resolve);
  });
  assert.equal(code, 0, output);
  assert.ok(typed, 'the password was asked for');
  assert.ok(!output.includes(server.password), `what was typed is not echoed: ${JSON.stringify(output)}`);
  assert.equal(liveVersion(), '0.2.0+2222222');
});

test('a release zip deploys like its folder, and the next steps point into the zip for the layout snippet', async () => {
  const zipPath = join(work, 'finesse-blend-0.6.0-finesse-blend.zip');
  const entries: Record<string, Uint8Array> = { 'layout-snippet.xml': strToU8('<gadget/>') };
  for (const path of ['gadget.xml', 'finesse-blend.js', 'messages/en.xml'])
    entries[`finesse-blend/${path}`] = readFileSync(join(v1, path));
  entries['finesse-blend/VERSION'] = strToU8('0.6.0+6666666\n');
  writeFileSync(zipPath, zipSync(entries));
  const result = await deploy(args(zipPath), withPassword());
  assert.equal(result.code, 0, result.err);
  assert.equal(liveVersion(), '0.6.0+6666666');
  assert.ok(readFileSync(join(files(), 'finesse-blend', 'gadget.xml')).equals(readFileSync(join(v1, 'gadget.xml'))));
  assert.ok(result.out.includes(`layout-snippet.xml inside ${zipPath}`), result.out);
});

test('a full disk on the server stops the upload with words saying so, and the live version stays', async () => {
  server.mountSmallDisk('64k');
  const small = await deploy(args(v1), withPassword());
  assert.equal(small.code, 0, small.err);
  const big = makeRelease('0.5.0+5555555', { 'finesse-blend.js': new Uint8Array(200_000).fill(65) });
  const result = await deploy(args(big), withPassword());
  assert.equal(result.code, 1);
  assert.match(result.err, /disk is probably full/);
  assert.match(result.err, /Nothing was switched: the live version in \/files\/finesse-blend is untouched/);
  assert.equal(liveVersion(), '0.1.0+1111111');
});
