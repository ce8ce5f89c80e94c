// The one seam between the chat service's queries and a database: a parameterised query and a transaction. Two
// adapters implement it, PGlite (embedded, pglite-client.ts) and node-postgres (a PostgreSQL server, pg-client.ts);
// the schema (schema.ts) and the queries (chat-store.ts) are written once, against this.

/** Runs one statement with $1, $2... parameters; rows come back as plain objects keyed by column name. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlClient extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the connection(s); safe to call twice. */
  close(): Promise<void>;
}
