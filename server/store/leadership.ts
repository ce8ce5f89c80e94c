// Which instance routes. With the embedded store there is one instance (its directory lock says so). With
// PostgreSQL, two or more instances may share the database: the one holding a session-level advisory lock on a
// connection of its own is active, the others are standbys polling for it. The lock goes with the connection, so
// an instance that dies (even kill -9) frees it at once; one whose connection breaks loses it and must stop
// routing, which onLost tells.
import pg from 'pg';
import { pgConnectionConfig, type PgSettings } from './pg-client.ts';

export interface Leadership {
  /** Resolves once this instance may route; calls `onStandby` once if it must wait for another. Rejects after release(). */
  acquire(onStandby: () => void): Promise<void>;
  /** Called (once) when an acquired leadership is lost. */
  onLost(listener: (reason: string) => void): void;
  /** Gives leadership up (or stops waiting for it). */
  release(): Promise<void>;
}

/** The embedded store's: always the leader (a second instance on the directory never gets this far). */
export function soleLeadership(): Leadership {
  return { acquire: () => Promise.resolve(), onLost: () => undefined, release: () => Promise.resolve() };
}

/** The advisory lock's key: the same number in every instance of the service on one database. */
export const LEADER_LOCK_KEY = 7_301_016;

export interface PgLeadershipOptions {
  /** How often a standby tries for the lock, and the active one checks its connection (default 1000 ms). */
  readonly pollMs?: number;
  /** A sentence about a problem on the way (never credentials). */
  readonly warn?: (line: string) => void;
}

export class PgLeadership implements Leadership {
  readonly #settings: PgSettings;
  readonly #pollMs: number;
  readonly #warn: (line: string) => void;
  #client: pg.Client | null = null;
  #released = false;
  #leader = false;
  #watch: ReturnType<typeof setInterval> | null = null;
  #wake: (() => void) | null = null;
  #lostListeners: ((reason: string) => void)[] = [];

  constructor(settings: PgSettings, options: PgLeadershipOptions = {}) {
    this.#settings = settings;
    this.#pollMs = options.pollMs ?? 1000;
    this.#warn = options.warn ?? (() => undefined);
  }

  onLost(listener: (reason: string) => void): void {
    this.#lostListeners.push(listener);
  }

  async acquire(onStandby: () => void): Promise<void> {
    let toldStandby = false;
    let lastProblem = '';
    while (!this.#released) {
      try {
        const client = await this.#connection();
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
          LEADER_LOCK_KEY,
        ]);
        if (rows[0]?.ok === true) {
          if (this.#released) break;
          this.#leader = true;
          this.#startWatch(client);
          return;
        }
        if (!toldStandby) {
          toldStandby = true;
          onStandby();
        }
      } catch (error) {
        const problem = error instanceof Error && error.message.includes('timeout') ? 'timed out' : 'connection failed';
        if (problem !== lastProblem)
          this.#warn(`cannot reach PostgreSQL for the leadership lock (${problem}); trying again`);
        lastProblem = problem;
        await this.#dropConnection();
      }
      await this.#sleep(this.#pollMs);
    }
    throw new Error('leadership released');
  }

  async release(): Promise<void> {
    this.#released = true;
    this.#wake?.();
    this.#stopWatch();
    this.#leader = false;
    await this.#dropConnection();
  }

  async #connection(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = new pg.Client({ ...pgConnectionConfig(this.#settings), query_timeout: 3000 });
    client.on('error', () => this.#connectionBroke(client, 'the connection to PostgreSQL broke'));
    client.on('end', () => this.#connectionBroke(client, 'the connection to PostgreSQL closed'));
    this.#client = client;
    await client.connect();
    // The server notices a peer that vanished without closing (a host that lost power, a cut network) within
    // about 8 s and frees the lock, instead of TCP's defaults (hours); the active instance's own check (below)
    // gives up sooner, so it has stopped routing before a standby can take the lock.
    await client.query(
      'SET tcp_keepalives_idle = 4; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 2; SET tcp_user_timeout = 8000',
    );
    return client;
  }

  #connectionBroke(client: pg.Client, reason: string): void {
    if (client !== this.#client) return;
    this.#client = null;
    void client.end().catch(() => undefined);
    if (this.#leader) this.#lose(reason);
  }

  /** The active instance checks its lock's connection every poll: a dead one means another may now lead. */
  #startWatch(client: pg.Client): void {
    let checking = false;
    this.#watch = setInterval(() => {
      if (checking) return;
      checking = true;
      client.query('SELECT 1').then(
        () => (checking = false),
        () => {
          checking = false;
          this.#connectionBroke(client, 'PostgreSQL did not answer on the leadership connection');
        },
      );
    }, this.#pollMs);
    this.#watch.unref();
  }

  #stopWatch(): void {
    if (this.#watch) clearInterval(this.#watch);
    this.#watch = null;
  }

  #lose(reason: string): void {
    this.#leader = false;
    this.#stopWatch();
    const listeners = this.#lostListeners;
    this.#lostListeners = [];
    for (const listener of listeners) listener(reason);
  }

  async #dropConnection(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    if (client) await client.end().catch(() => undefined);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
    });
  }
}
