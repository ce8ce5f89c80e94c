// A real PostgreSQL for the store's tests: Debian's server binaries on a fresh temp data directory and a free
// loopback port, trust authentication, stopped by its PID (and by an exit hook if a test forgets). initdb and
// postgres refuse to run as root, so as root they run as the `postgres` user the package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../sim/prosody/free-port.ts';
import { alive, killAtExit, readPidFile } from '../../../sim/server-process.ts';

export interface PostgresHandle {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:PORT/DB, for a database made by createDatabase. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server (fast shutdown) and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

function binDir(): string {
  for (const version of ['17', '16', '15']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, 'postgres'))) return dir;
  }
  throw new Error('PostgreSQL is not installed: install it with apt-get install -y postgresql');
}

export async function startPostgres(): Promise<PostgresHandle> {
  const bin = binDir();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const asOwner = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
      : execFileSync(cmd, args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'chat-pg-'));
  const data = join(dir, 'data');
  if (root) {
    chownSync(
      dir,
      Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim()),
      Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim()),
    );
  }
  chmodSync(dir, 0o700);
  asOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  let port = 0;
  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    try {
      asOwner(join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-o',
        `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off`,
        '-w',
        '-t',
        '30',
        'start',
      ]);
      break;
    } catch (error) {
      if (attempt >= 2) throw error; // a port taken between probing and binding: try another
    }
  }
  const kill = () => {
    const pid = readPidFile(join(data, 'postmaster.pid'));
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const keepAtExit = killAtExit(kill);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped: Promise<void> | null = null;
  return {
    port,
    url,
    async createDatabase(name) {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    stop() {
      stopped ??= (async () => {
        keepAtExit();
        const pid = readPidFile(join(data, 'postmaster.pid'));
        if (pid && alive(pid)) {
          process.kill(pid, 'SIGINT'); // fast shutdown
          const until = Date.now() + 10_000;
          while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
          if (alive(pid)) process.kill(pid, 'SIGKILL');
        }
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
