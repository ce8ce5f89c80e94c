// The store the configuration names, opened and migrated, with the leadership that goes with it.
import { ChatStore } from './chat-store.ts';
import { PgLeadership, soleLeadership, type Leadership } from './leadership.ts';
import { describePg, openPg } from './pg-client.ts';
import { openPglite } from './pglite-client.ts';
import type { SqlClient } from './sql-client.ts';

export type StoreConfig =
  | { readonly kind: 'embedded'; readonly dir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly password: string | null };

export interface OpenedStore {
  readonly store: ChatStore;
  readonly leadership: Leadership;
  /** Where the data is, for the log: a directory, or host:port/database. */
  readonly where: string;
  close(): Promise<void>;
}

export async function openStore(
  config: StoreConfig,
  warn: (line: string) => void = () => undefined,
  options: { pollMs?: number } = {},
): Promise<OpenedStore> {
  let client: SqlClient;
  let leadership: Leadership;
  let where: string;
  if (config.kind === 'embedded') {
    client = await openPglite(config.dir);
    leadership = soleLeadership();
    where = config.dir;
  } else {
    const settings = { url: config.url, password: config.password };
    client = await openPg(settings, () => warn('a pooled PostgreSQL connection broke; it is replaced on next use'));
    leadership = new PgLeadership(settings, { warn, ...(options.pollMs ? { pollMs: options.pollMs } : {}) });
    where = describePg(config.url);
  }
  const store = new ChatStore(client);
  try {
    await store.migrate();
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return {
    store,
    leadership,
    where,
    async close() {
      await leadership.release();
      await client.close();
    },
  };
}
