// The chat service's queries, written once against SqlClient (PGlite or PostgreSQL): the router's chats and
// agents (write-through, loaded at start) and the transcripts of the rooms.
import type { ChatContextField } from '../../src/core/chat/chat-channel.ts';
import type {
  RouterStore,
  StoredAgent,
  StoredChat,
  StoredChatStatus,
  TranscriptLine,
  TranscriptSender,
} from '../router/router-store.ts';
import { migrate } from './schema.ts';
import type { SqlClient } from './sql-client.ts';

interface ChatRow {
  id: string;
  room: string;
  queue: string;
  customer_jid: string;
  resume_secret: string;
  customer_name: string;
  context: unknown;
  queued_at: unknown;
  status: string;
  agent: string | null;
  offer_agent: string | null;
  offer_expires_at: unknown;
  passed_on: unknown;
  only_agent: string | null;
  transferred_from: string | null;
}

interface AgentRow {
  jid: string;
  state: string;
  active: number;
  max: number;
  name: string | null;
  idle_since: unknown;
}

interface LineRow {
  room: string;
  message_id: string;
  stanza_id: string | null;
  origin_id: string | null;
  sender: string;
  sent_at: unknown;
  body: string;
}

/** jsonb comes back parsed from both drivers; a text form (older drivers) is parsed here. */
function json(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/** PostgreSQL text and jsonb hold no NUL character: one from untrusted input is dropped rather than fail the write. */
function clean(text: string): string {
  return text.replaceAll('\u0000', '');
}

/** bigint columns come back as strings (pg) or numbers/bigints (PGlite). */
function ms(value: unknown): number {
  return Number(value);
}

export class ChatStore implements RouterStore {
  readonly #db: SqlClient;

  constructor(db: SqlClient) {
    this.#db = db;
  }

  /** Creates or upgrades the schema; returns the version found before. */
  migrate(): Promise<number> {
    return migrate(this.#db);
  }

  async load(): Promise<{ chats: StoredChat[]; agents: StoredAgent[] }> {
    return this.#db.transaction(async (tx) => {
      const chats = await tx.query<ChatRow>(`SELECT * FROM chats WHERE status <> 'ended' ORDER BY queued_at, id`);
      const agents = await tx.query<AgentRow>('SELECT * FROM agents ORDER BY jid');
      return { chats: chats.rows.map(chatFromRow), agents: agents.rows.map(agentFromRow) };
    });
  }

  async chat(id: string): Promise<StoredChat | null> {
    const { rows } = await this.#db.query<ChatRow>('SELECT * FROM chats WHERE id = $1', [id]);
    return rows[0] ? chatFromRow(rows[0]) : null;
  }

  async saveChat(chat: StoredChat): Promise<void> {
    await this.#db.query(
      `INSERT INTO chats (id, room, queue, customer_jid, customer_name, context, queued_at, status, agent,
                          offer_agent, offer_expires_at, passed_on, only_agent, transferred_from, resume_secret)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15)
       ON CONFLICT (id) DO UPDATE SET
         customer_jid = EXCLUDED.customer_jid, resume_secret = EXCLUDED.resume_secret, queue = EXCLUDED.queue, queued_at = EXCLUDED.queued_at, status = EXCLUDED.status, agent = EXCLUDED.agent,
         offer_agent = EXCLUDED.offer_agent, offer_expires_at = EXCLUDED.offer_expires_at,
         passed_on = EXCLUDED.passed_on, only_agent = EXCLUDED.only_agent,
         transferred_from = EXCLUDED.transferred_from, updated_at = now()`,
      [
        chat.id,
        chat.room,
        chat.queue,
        chat.customerJid,
        clean(chat.customerName),
        JSON.stringify(
          chat.context.map((f) => ({ name: clean(f.name), label: clean(f.label), value: clean(f.value) })),
        ),
        Math.round(chat.queuedAt),
        chat.status,
        chat.agent,
        chat.offer?.agent ?? null,
        chat.offer ? Math.round(chat.offer.expiresAt) : null,
        JSON.stringify(chat.passedOn),
        chat.onlyAgent,
        chat.transferredFrom,
        chat.resumeSecret,
      ],
    );
  }

  async agents(): Promise<StoredAgent[]> {
    const { rows } = await this.#db.query<AgentRow>('SELECT * FROM agents ORDER BY jid');
    return rows.map(agentFromRow);
  }

  async saveAgent(agent: StoredAgent): Promise<void> {
    await this.#db.query(
      `INSERT INTO agents (jid, state, active, max, name, idle_since) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (jid) DO UPDATE SET state = EXCLUDED.state, active = EXCLUDED.active, max = EXCLUDED.max,
         name = EXCLUDED.name, idle_since = EXCLUDED.idle_since, updated_at = now()`,
      [agent.jid, agent.state, agent.active, agent.max, agent.name, Math.round(agent.idleSince)],
    );
  }

  async addLine(line: TranscriptLine): Promise<boolean> {
    const { rows } = await this.#db.query(
      `INSERT INTO transcript_messages (room, message_id, stanza_id, origin_id, sender, sent_at, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (room, message_id) DO NOTHING
       RETURNING seq`,
      [line.room, line.messageId, line.stanzaId, line.originId, line.sender, Math.round(line.at), clean(line.text)],
    );
    return rows.length > 0;
  }

  /** A room's transcript in the order the router saw it. */
  async transcript(room: string): Promise<TranscriptLine[]> {
    const { rows } = await this.#db.query<LineRow>('SELECT * FROM transcript_messages WHERE room = $1 ORDER BY seq', [
      room,
    ]);
    return rows.map((r) => ({
      room: r.room,
      messageId: r.message_id,
      stanzaId: r.stanza_id,
      originId: r.origin_id,
      sender: r.sender as TranscriptSender,
      at: ms(r.sent_at),
      text: r.body,
    }));
  }
}

function chatFromRow(r: ChatRow): StoredChat {
  const passed = json(r.passed_on);
  const passedOn: Record<string, number> = {};
  if (passed && typeof passed === 'object')
    for (const [agent, at] of Object.entries(passed as Record<string, unknown>)) passedOn[agent] = Number(at);
  return {
    id: r.id,
    room: r.room,
    queue: r.queue,
    customerJid: r.customer_jid,
    resumeSecret: r.resume_secret,
    customerName: r.customer_name,
    context: (json(r.context) as ChatContextField[] | null) ?? [],
    queuedAt: ms(r.queued_at),
    status: r.status as StoredChatStatus,
    agent: r.agent,
    offer:
      r.offer_agent !== null && r.offer_expires_at !== null
        ? { agent: r.offer_agent, expiresAt: ms(r.offer_expires_at) }
        : null,
    passedOn,
    onlyAgent: r.only_agent,
    transferredFrom: r.transferred_from,
  };
}

function agentFromRow(r: AgentRow): StoredAgent {
  return {
    jid: r.jid,
    state: r.state,
    active: Number(r.active),
    max: Number(r.max),
    name: r.name,
    idleSince: ms(r.idle_since),
  };
}
