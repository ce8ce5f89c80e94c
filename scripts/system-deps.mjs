// Finds the system parts the project needs (Debian's Chromium, Prosody, ejabberd, PostgreSQL, unzip and OpenSSH's server) and installs the missing ones
// with apt-get when running as root; otherwise stops at once with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What each system part is, how to find it, and which Debian package provides it. */
export const SYSTEM_PARTS = {
  chromium: { pkg: 'chromium', bins: ['/usr/bin/chromium'], why: 'browser tests and the desktop screenshot' },
  prosody: {
    pkg: 'prosody',
    bins: ['/usr/bin/prosody', '/usr/bin/prosodyctl'],
    why: 'the XMPP server for Finesse notifications and chat',
  },
  // The tests start their own ejabberd on a temp dir and free ports. Should the package's install start its own
  // instance (a container without policy-rc.d), it is left alone: it shares no port, node name or epmd with theirs.
  ejabberd: {
    pkg: 'ejabberd',
    bins: ['/usr/sbin/ejabberdctl'],
    why: 'a second standard XMPP server, for the chat service interop tests',
  },
  // Only the chat load run (npm run bench) uses it: Prosody's SQL storage for room archives and persistent rooms.
  luaDbiSqlite: {
    pkg: 'lua-dbi-sqlite3',
    bins: [`/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/lua/5.4/dbd/sqlite3.so`],
    why: "Prosody's SQLite storage, for the chat service's load run",
  },
  postgresql: {
    pkg: 'postgresql',
    bins: ['/usr/lib/postgresql/15/bin/postgres', '/usr/lib/postgresql/15/bin/initdb'],
    why: "the chat service's PostgreSQL store (restart and failover tests)",
  },
  unzip: {
    pkg: 'unzip',
    bins: ['/usr/bin/unzip'],
    why: 'the package test unpacks the release zip as an administrator does',
  },
  // The deploy tests run their own sshd on a temp config and free port, as the 3rdpartygadget SFTP account's
  // stand-in; the package's own service is not used.
  opensshServer: {
    pkg: 'openssh-server',
    bins: ['/usr/sbin/sshd'],
    why: 'the SFTP server the deploy tests upload to (npm run deploy)',
  },
};

function missing(names) {
  return names.filter((n) => !SYSTEM_PARTS[n].bins.every((b) => existsSync(b)));
}

/** Ensures the named parts are installed; returns nothing or exits the process with guidance. */
export function ensureSystemParts(names = Object.keys(SYSTEM_PARTS), { log = console.log } = {}) {
  const absent = missing(names);
  if (absent.length === 0) return;
  const pkgs = absent.map((n) => SYSTEM_PARTS[n].pkg);
  const command = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    const why = absent.map((n) => `  - ${SYSTEM_PARTS[n].pkg}: ${SYSTEM_PARTS[n].why}`).join('\n');
    console.error(
      `finesse-blend needs these system packages, which are not installed:\n${why}\n` +
        `Install them with:\n  sudo sh -c '${command}'\nthen run the command again.`,
    );
    process.exit(1);
  }
  log(`Installing missing system packages: ${pkgs.join(', ')} (apt-get, about a minute)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
  const still = missing(names);
  if (still.length > 0) {
    console.error(`apt-get finished but these are still missing: ${still.join(', ')}. Try: ${command}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureSystemParts(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
}
