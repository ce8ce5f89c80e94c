// The PostgreSQL store: node-postgres (pure JavaScript) against a server, a small pool for the queries. The
// password comes from the service's environment and is never logged; neither is the URL.
import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

export interface PgSettings {
  /** postgres://user@host:5432/database */
  readonly url: string;
  /** The password, or null (trust, a .pgpass file, or the URL's own). */
  readonly password: string | null;
}

/** node-postgres settings for one connection (the leadership lock uses one of its own). */
export function pgConnectionConfig(settings: PgSettings): pg.ClientConfig {
  return {
    connectionString: settings.url,
    ...(settings.password !== null ? { password: settings.password } : {}),
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    application_name: 'chat-service',
  };
}

/** Where the database is, for log lines: host, port and database, never the user's password. */
export function describePg(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured PostgreSQL server';
  }
}

class PgClient implements SqlClient {
  readonly #pool: pg.Pool;
  #closed: Promise<void> | null = null;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<{ rows: Row[] }> {
    const result = await this.#pool.query(text, [...params]);
    return { rows: result.rows as Row[] };
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => ({
          rows: (await client.query(text, [...params])).rows as Row[],
        }),
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    this.#closed ??= this.#pool.end();
    return this.#closed;
  }
}

/** A pool on the server; resolves once one connection answered (so a wrong URL or password fails here). */
export async function openPg(settings: PgSettings, onError: (error: Error) => void): Promise<SqlClient> {
  const pool = new pg.Pool({ ...pgConnectionConfig(settings), max: 4, query_timeout: 10_000 });
  // An idle connection that breaks (the server restarted) must not crash the process.
  pool.on('error', onError);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `Cannot reach the PostgreSQL store at ${describePg(settings.url)} (${pgProblem(error)}): check "store.url", that the server runs, and the password in CHAT_SERVICE_DB_PASSWORD.`,
    );
  }
  return new PgClient(pool);
}

/** A driver error in words, without anything of the connection string. */
export function pgProblem(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === '28P01' || e.code === '28000') return 'the user or password was refused';
  if (e.code === '3D000') return 'the database does not exist';
  if (e.code) return `error ${e.code}`;
  return e.message?.includes('timeout') ? 'timed out' : 'connection failed';
}
