// A real SFTP server for the deploy tests, set up the way Cisco documents the 3rdpartygadget account: Debian's
// OpenSSH sshd on a free loopback port with its own host key and config, and a throw-away user (random name, a
// password set with chpasswd) chrooted with internal-sftp so that the client sees /files and nothing else, with
// /files the only folder it may write. Stopped by its PID; the user is removed at the end.
// sshd refuses a chroot whose path has a world-writable component (such as /tmp), so the server's directory lives
// under /run. Creating users and a chroot needs root.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../../../sim/prosody/free-port.ts';
import { alive, killAtExit, readPidFile, sleep } from '../../../sim/server-process.ts';

const SSHD = '/usr/sbin/sshd';

export interface SftpServerHandle {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The chroot on this machine: the client's /files is `${chroot}/files`. */
  readonly chroot: string;
  /** The server's host key, public half, as a known_hosts line would hold it ("ssh-ed25519 AAAA..."). */
  readonly hostPublicKey: string;
  /** Lets the user log in with this public key (OpenSSH one-line format). */
  authorizeKey(publicKey: string): void;
  /** Mounts a tmpfs of `size` (e.g. '64k') over /files, so writes past it fail for want of space. */
  mountSmallDisk(size: string): void;
  stop(): Promise<void>;
}

function banner(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    let text = '';
    const finish = () => {
      socket.destroy();
      resolve(text);
    };
    socket.setTimeout(1000, finish);
    socket.on('data', (d) => {
      text += d.toString('latin1');
      if (text.includes('\n')) finish();
    });
    socket.on('error', finish);
  });
}

export interface SftpServerOptions {
  /** SFTP requests the server refuses (internal-sftp -P), e.g. ['rename', 'posix-rename'] for a server that will not rename. */
  deniedRequests?: string[];
}

const BASE = '/run';
const PREFIX = 'finesse-blend-sftp-';

/**
 * Removes what an earlier test process killed outright (no exit hook runs on SIGKILL) left behind: its sshd, the
 * mount, the user and the directory. A server whose owning test process is still alive is left alone.
 */
function removeLeftovers(): void {
  for (const name of readdirSync(BASE).filter((n) => n.startsWith(PREFIX))) {
    const dir = join(BASE, name);
    const owner = readPidFile(join(dir, 'owner.pid'));
    if (owner !== null && alive(owner)) continue; // another test file's server, still in use
    const pid = readPidFile(join(dir, 'sshd.pid'));
    if (pid !== null && alive(pid)) process.kill(pid, 'SIGKILL');
    const files = join(dir, 'chroot', 'files');
    spawnSync('umount', ['-l', files], { stdio: 'ignore' });
    const user = existsSync(join(dir, 'user')) ? readFileSync(join(dir, 'user'), 'utf8').trim() : '';
    if (/^fbsftp[0-9a-f]{8}$/.test(user)) spawnSync('userdel', ['-f', user], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startSftpServer(options: SftpServerOptions = {}): Promise<SftpServerHandle> {
  if (!existsSync(SSHD))
    throw new Error('OpenSSH server is not installed: install it with apt-get install -y openssh-server');
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    throw new Error('The SFTP deploy tests need root: they create a throw-away user and a chroot for it.');
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  removeLeftovers();
  const dir = mkdtempSync(join(BASE, PREFIX));
  chmodSync(dir, 0o755);
  const user = `fbsftp${randomBytes(4).toString('hex')}`;
  writeFileSync(join(dir, 'user'), `${user}\n`);
  writeFileSync(join(dir, 'owner.pid'), `${process.pid}\n`);
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const chroot = join(dir, 'chroot');
  const files = join(chroot, 'files');
  const keys = join(dir, 'keys');
  mkdirSync(files, { recursive: true });
  mkdirSync(keys, { mode: 0o755 });
  chmodSync(chroot, 0o755);

  execFileSync('useradd', ['-M', '-d', '/files', '-s', '/usr/sbin/nologin', user], { stdio: 'pipe' });
  let userAdded = true;
  let mounted = false;
  const removeEverything = () => {
    if (mounted) execFileSync('umount', ['-l', files], { stdio: 'ignore' });
    mounted = false;
    if (userAdded) execFileSync('userdel', ['-f', user], { stdio: 'ignore' });
    userAdded = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync('chpasswd', [], { input: `${user}:${password}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
    const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
    chownSync(files, uid, gid);
    chmodSync(files, 0o755);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-host', '-f', join(dir, 'host_key')]);
    const hostPublicKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
    const port = await freePort();
    const config = join(dir, 'sshd_config');
    writeFileSync(
      config,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(dir, 'host_key')}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        'UsePAM no',
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        `AuthorizedKeysFile ${keys}/%u`,
        'PermitRootLogin no',
        'Subsystem sftp internal-sftp',
        `Match User ${user}`,
        `  ChrootDirectory ${chroot}`,
        `  ForceCommand internal-sftp${options.deniedRequests?.length ? ` -P ${options.deniedRequests.join(',')}` : ''}`,
        '  AllowTcpForwarding no',
        '  X11Forwarding no',
        '',
      ].join('\n'),
    );
    const log = join(dir, 'sshd.log');
    const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const pidOf = () => readPidFile(join(dir, 'sshd.pid')) ?? child.pid ?? null;
    const kill = () => {
      const pid = pidOf();
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
      removeEverything();
    };
    const keepAtExit = killAtExit(kill);
    const until = Date.now() + 15_000;
    while (!(await banner(port)).startsWith('SSH-2.0-OpenSSH')) {
      if (child.exitCode !== null || Date.now() > until) {
        keepAtExit();
        kill();
        throw new Error(`sshd did not start on port ${port}: ${stderr.trim() || 'no output'} (log ${log})`);
      }
      await sleep(50);
    }
    let stopped: Promise<void> | null = null;
    return {
      port,
      user,
      password,
      chroot,
      hostPublicKey,
      authorizeKey(publicKey) {
        writeFileSync(join(keys, user), `${publicKey.trim()}\n`, { mode: 0o644 });
      },
      mountSmallDisk(size) {
        const uidGid = `uid=${uid},gid=${gid},mode=0755`;
        execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},${uidGid}`, 'tmpfs', files], { stdio: 'pipe' });
        mounted = true;
      },
      stop() {
        stopped ??= (async () => {
          keepAtExit();
          const pid = pidOf();
          if (pid && alive(pid)) {
            process.kill(pid, 'SIGTERM');
            const deadline = Date.now() + 10_000;
            while (alive(pid) && Date.now() < deadline) await sleep(50);
            if (alive(pid)) process.kill(pid, 'SIGKILL');
          }
          removeEverything();
        })();
        return stopped;
      },
    };
  } catch (error) {
    removeEverything();
    throw error;
  }
}
