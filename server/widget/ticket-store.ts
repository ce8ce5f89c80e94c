// Where the widget keeps what it needs to continue a chat after a reload: the tab's sessionStorage (it survives a
// reload in that tab, not a new tab or a closed browser), cleared when the chat ends. Storage may be refused (a
// sandboxed frame, privacy settings): the chat then works without continuing after a reload.
import type { ResumeTicket } from '../customer/customer-chat-client.ts';

export interface TicketStore {
  load(): ResumeTicket | null;
  save(ticket: ResumeTicket): void;
  clear(): void;
}

/** The ticket of the chat with the service at `service`, in this tab's sessionStorage. */
export function sessionTicketStore(service: string): TicketStore {
  const key = `finesse-blend-chat:${service}`;
  const storage = (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    load() {
      try {
        const raw: unknown = JSON.parse(storage()?.getItem(key) ?? 'null');
        if (typeof raw !== 'object' || raw === null) return null;
        const t = raw as Record<string, unknown>;
        return typeof t['chatId'] === 'string' && typeof t['secret'] === 'string' && typeof t['name'] === 'string'
          ? { chatId: t['chatId'], secret: t['secret'], name: t['name'] }
          : null;
      } catch {
        return null;
      }
    },
    save(ticket) {
      try {
        storage()?.setItem(key, JSON.stringify(ticket));
      } catch {
        // Storage refused or full: the chat goes on, it just cannot be continued after a reload.
      }
    },
    clear() {
      try {
        storage()?.removeItem(key);
      } catch {
        // nothing kept
      }
    },
  };
}
