// The chat service's SQL schema, for PGlite and PostgreSQL alike: numbered migrations, each applied once in a
// transaction and recorded in chat_schema_version. A new version appends a migration; applied ones never change.
import type { SqlClient } from './sql-client.ts';

/** Migration n (1-based) is MIGRATIONS[n - 1]. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE chats (
    id               text PRIMARY KEY,
    room             text NOT NULL UNIQUE,
    queue            text NOT NULL DEFAULT 'default',
    customer_jid     text NOT NULL,
    customer_name    text NOT NULL,
    context          jsonb NOT NULL DEFAULT '[]',
    queued_at        bigint NOT NULL,
    status           text NOT NULL CHECK (status IN ('queued', 'offered', 'assigned', 'ended')),
    agent            text,
    offer_agent      text,
    offer_expires_at bigint,
    passed_on        jsonb NOT NULL DEFAULT '{}',
    only_agent       text,
    transferred_from text,
    updated_at       timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX chats_open ON chats (queued_at) WHERE status <> 'ended';
  CREATE TABLE agents (
    jid        text PRIMARY KEY,
    state      text NOT NULL,
    active     integer NOT NULL,
    max        integer NOT NULL,
    name       text,
    idle_since bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE transcript_messages (
    seq        bigserial,
    room       text NOT NULL,
    message_id text NOT NULL,
    stanza_id  text,
    origin_id  text,
    sender     text NOT NULL CHECK (sender IN ('agent', 'customer', 'system')),
    sent_at    bigint NOT NULL,
    body       text NOT NULL,
    PRIMARY KEY (room, message_id)
  );
  `,
  // 2: the secret a customer shows to continue its chat from a new session (profile section 3.1).
  `ALTER TABLE chats ADD COLUMN resume_secret text NOT NULL DEFAULT ''`,
];

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** An advisory lock key that serialises migrations when two instances start at once (PostgreSQL). */
const MIGRATION_LOCK = 7_301_015;

/**
 * Brings the database to SCHEMA_VERSION; returns the version it found. A database newer than this code (a
 * downgrade) is refused with a sentence, as running old code on a newer schema could lose data.
 */
export async function migrate(db: SqlClient): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS chat_schema_version (
         version    integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM chat_schema_version');
    const found = Number(rows[0]?.v ?? 0);
    if (found > SCHEMA_VERSION)
      throw new Error(
        `The database's schema is version ${found}, newer than this chat service (version ${SCHEMA_VERSION}): run the newer release, or restore a backup taken before the upgrade.`,
      );
    for (let version = found + 1; version <= SCHEMA_VERSION; version += 1) {
      for (const statement of splitStatements(MIGRATIONS[version - 1] ?? '')) await tx.query(statement);
      await tx.query('INSERT INTO chat_schema_version (version) VALUES ($1)', [version]);
    }
    return found;
  });
}

/** A migration's statements, one by one (a parameterised query takes one statement at a time). */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
