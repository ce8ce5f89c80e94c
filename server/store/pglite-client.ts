// The embedded store: PostgreSQL compiled to WebAssembly (PGlite), in a data directory of the service's own. It
// installs from npm alone (no server, no native module). One process at a time may use a directory: a lock file
// holding the owner's process id keeps a second instance out with a sentence saying why.
import { PGlite } from '@electric-sql/pglite';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

const LOCK_FILE = 'chat-service.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock file, or throws when a live process holds it; a dead owner's lock is taken over. */
function lockDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
        throw new Error(
          `The store directory ${dir} is in use by another chat service (process ${owner}): an embedded store serves one instance only. Stop that instance, give this one its own "store.dir", or use a PostgreSQL store for two instances.`,
        );
      rmSync(file, { force: true }); // left by a process that died (kill -9, power loss)
    }
  }
  throw new Error(`The store directory ${dir} could not be locked: check that the service's user may write there.`);
}

class PgliteClient implements SqlClient {
  readonly #db: PGlite;
  readonly #unlock: () => void;
  #closed: Promise<void> | null = null;

  constructor(db: PGlite, unlock: () => void) {
    this.#db = db;
    this.#unlock = unlock;
  }

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<{ rows: Row[] }> {
    const result = await this.#db.query<Row>(text, [...params]);
    return { rows: result.rows };
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#db.transaction((tx) =>
      work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => ({
          rows: (await tx.query<Row>(text, [...params])).rows,
        }),
      }),
    );
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      try {
        if (!this.#db.closed) await this.#db.close();
      } finally {
        this.#unlock();
      }
    })();
    return this.#closed;
  }
}

/**
 * Opens (creating it when absent) the embedded database in `dir`. A first start runs initdb (a few seconds);
 * later ones take well under a second.
 */
export async function openPglite(dir: string): Promise<SqlClient> {
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
  } catch {
    throw new Error(
      `The store directory ${path} cannot be created: create it, or set "store.dir" to a directory the service's user may write.`,
    );
  }
  const unlock = lockDir(path);
  try {
    const db = await PGlite.create(join(path, 'pgdata'));
    return new PgliteClient(db, unlock);
  } catch (error) {
    unlock();
    throw new Error(
      `The embedded database in ${path} could not be opened (${error instanceof Error ? error.message : String(error)}): check the directory's permissions and free space, or restore it from a backup.`,
    );
  }
}
