// What the router keeps across restarts, as it hands it to its store: chats, agents' last availability, and the
// transcript lines it sees in the rooms. The service passes server/store/chat-store.ts; without a store (some
// routing tests) nothing outlives the process.
import type { ChatContextField } from '../../src/core/chat/chat-channel.ts';

export type StoredChatStatus = 'queued' | 'offered' | 'assigned' | 'ended';

export interface StoredChat {
  readonly id: string;
  readonly room: string;
  /** The queue the chat waits in (or came through). */
  readonly queue: string;
  /** The customer's full JID: a resume moves the chat to the customer's new session. */
  readonly customerJid: string;
  /** What the customer shows to continue the chat from a new session (profile section 3.1); never logged. */
  readonly resumeSecret: string;
  readonly customerName: string;
  readonly context: readonly ChatContextField[];
  /** Epoch ms: the chat's place in the queue. */
  readonly queuedAt: number;
  readonly status: StoredChatStatus;
  readonly agent: string | null;
  readonly offer: { readonly agent: string; readonly expiresAt: number } | null;
  /** Agent bare JID -> epoch ms it declined or let an offer expire. */
  readonly passedOn: Readonly<Record<string, number>>;
  readonly onlyAgent: string | null;
  readonly transferredFrom: string | null;
}

export interface StoredAgent {
  readonly jid: string;
  readonly state: string;
  readonly active: number;
  readonly max: number;
  readonly name: string | null;
  readonly idleSince: number;
}

export type TranscriptSender = 'agent' | 'customer' | 'system';

export interface TranscriptLine {
  readonly room: string;
  /** The de-duplication key: the sender's origin-id, else the room's stanza-id, else the stanza's id. */
  readonly messageId: string;
  readonly stanzaId: string | null;
  readonly originId: string | null;
  readonly sender: TranscriptSender;
  /** Epoch ms. */
  readonly at: number;
  readonly text: string;
}

export interface RouterStore {
  /** The chats not yet ended (oldest in the queue first) and every agent's last availability. */
  load(): Promise<{ chats: StoredChat[]; agents: StoredAgent[] }>;
  saveChat(chat: StoredChat): Promise<void>;
  saveAgent(agent: StoredAgent): Promise<void>;
  /** Records a room message once: false when a line with that id was already kept. */
  addLine(line: TranscriptLine): Promise<boolean>;
}
