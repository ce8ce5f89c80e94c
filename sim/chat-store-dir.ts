// A fresh embedded store directory for the simulated world's chat service (and the tests that run the service):
// a copy of an initialised, migrated template, so each world opens its store in well under a second instead of
// running initdb (several seconds) every time. The template is built once per machine, PGlite and schema version, in the
// system's temp directory; each copy is removed by the caller.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openPglite } from '../server/store/pglite-client.ts';
import { ChatStore } from '../server/store/chat-store.ts';
import { SCHEMA_VERSION } from '../server/store/schema.ts';

const PGLITE_MAIN = createRequire(import.meta.url).resolve('@electric-sql/pglite');
const PGLITE_VERSION = (
  JSON.parse(readFileSync(join(dirname(PGLITE_MAIN), '..', 'package.json'), 'utf8')) as { version: string }
).version;
// One template per PGlite version and schema version: a new migration builds a new template.
const TEMPLATE = join(tmpdir(), `finesse-blend-chat-store-template-${PGLITE_VERSION}-v${SCHEMA_VERSION}`);

let building: Promise<void> | null = null;

async function ensureTemplate(): Promise<void> {
  if (existsSync(join(TEMPLATE, 'pgdata', 'PG_VERSION'))) return;
  building ??= (async () => {
    const work = mkdtempSync(join(tmpdir(), 'chat-store-template-'));
    const client = await openPglite(work);
    await new ChatStore(client).migrate();
    await client.close();
    try {
      renameSync(work, TEMPLATE);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another process built it first
    }
  })();
  await building;
}

/** A new store directory (a copy of the template) in `parent` (default: the temp directory); `remove()` deletes it. */
export async function freshStoreDir(parent = tmpdir()): Promise<{ dir: string; remove(): void }> {
  await ensureTemplate();
  const dir = mkdtempSync(join(parent, 'chat-store-'));
  cpSync(TEMPLATE, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
