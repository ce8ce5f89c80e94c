// One conversation's record on the agent's side: the transcript in order, each message once, and the outbox
// of messages written here and not yet confirmed by the room. Pure bookkeeping; the transport feeds it.
import type { ChatMessage, ChatSender } from './chat-channel.ts';

/** A message as received from the room (live or from the archive). */
export interface IncomingLine {
  /** The de-duplication key: the sender's origin-id, else the room's stanza-id. */
  readonly id: string;
  readonly sender: ChatSender;
  readonly senderName: string;
  readonly text: string;
  readonly at: number;
}

export type ReceiveOutcome =
  | { readonly kind: 'new'; readonly message: ChatMessage }
  | { readonly kind: 'confirmed'; readonly messageId: string }
  | { readonly kind: 'duplicate' };

interface OutboxEntry {
  readonly message: ChatMessage;
  /** Handed to the connection on the current stream (stream management re-sends it if the stream resumes). */
  sentOnStream: boolean;
}

export class ConversationLog {
  readonly chatId: string;
  readonly #transcript: ChatMessage[] = [];
  readonly #seen = new Set<string>();
  readonly #outbox = new Map<string, OutboxEntry>();

  constructor(chatId: string) {
    this.chatId = chatId;
  }

  transcript(): readonly ChatMessage[] {
    return [...this.#transcript];
  }

  /** Records a message written here; it stays pending until the room echoes it back. */
  addOutgoing(id: string, senderName: string, text: string, at: number): ChatMessage {
    const message: ChatMessage = { id, chatId: this.chatId, sender: 'self', senderName, text, at, pending: true };
    this.#transcript.push(message);
    this.#outbox.set(id, { message, sentOnStream: false });
    return message;
  }

  /** Takes in a received message: new, the confirmation of one of ours, or a duplicate to ignore. */
  receive(line: IncomingLine): ReceiveOutcome {
    const mine = this.#outbox.get(line.id);
    if (mine) {
      this.#outbox.delete(line.id);
      this.#seen.add(line.id);
      const index = this.#transcript.indexOf(mine.message);
      if (index >= 0) this.#transcript[index] = { ...mine.message, at: line.at, pending: false };
      return { kind: 'confirmed', messageId: line.id };
    }
    if (this.#seen.has(line.id)) return { kind: 'duplicate' };
    this.#seen.add(line.id);
    const message: ChatMessage = { ...line, chatId: this.chatId, pending: false };
    this.#transcript.push(message);
    return { kind: 'new', message };
  }

  /** Outgoing messages not yet handed to the current stream, oldest first. */
  unsent(): ChatMessage[] {
    return [...this.#outbox.values()].filter((e) => !e.sentOnStream).map((e) => e.message);
  }

  markSent(id: string): void {
    const entry = this.#outbox.get(id);
    if (entry) entry.sentOnStream = true;
  }

  /** A new stream (not resumed): whatever was not confirmed must be sent again, with the same ids. */
  streamLost(): void {
    for (const entry of this.#outbox.values()) entry.sentOnStream = false;
  }

  pendingCount(): number {
    return this.#outbox.size;
  }
}
