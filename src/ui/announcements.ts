// What the gadget's one polite live region says: a new offer, a new customer message in the conversation on show,
// a new headline. Pure (no Lit, no DOM): it remembers what it has seen by id, so a re-render, a tick or a view
// rebuilt from the same facts never says anything twice, and what was there before it started is never said.
import type { AgentView } from '../app/agent-view.ts';
import { t } from './messages.ts';

export class Announcements {
  readonly #offers = new Set<string>();
  readonly #messages = new Set<string>();
  readonly #chats = new Set<string>();
  #headline: string | null = null;
  #started = false;

  /**
   * The sentences to announce for this view, oldest first. `shownChatId`: the conversation on show (the others get
   * an unread count instead); `headline`: the headline's words now.
   */
  next(view: AgentView, shownChatId: string | null, headline: string): string[] {
    const said: string[] = [];
    const first = !this.#started;
    this.#started = true;
    if (!first && headline !== this.#headline) said.push(headline);
    this.#headline = headline;
    for (const { offer } of view.offers) {
      if (this.#offers.has(offer.chatId)) continue;
      this.#offers.add(offer.chatId);
      if (!first) said.push(t('announce.offer', { name: offer.customerName || '—' }));
    }
    for (const c of view.conversations) {
      // A conversation new to this window (just accepted, adopted after a reload or a take-over) brings its history:
      // that is not news. Only messages arriving in a conversation already here are.
      const known = this.#chats.has(c.chatId);
      this.#chats.add(c.chatId);
      for (const m of c.transcript) {
        if (this.#messages.has(m.id)) continue;
        this.#messages.add(m.id);
        // The agent's own lines are never read back; other conversations show an unread count instead.
        if (!known || m.sender !== 'customer' || c.chatId !== shownChatId || c.closed !== null) continue;
        said.push(t('announce.message', { name: m.senderName || c.customerName, text: m.text }));
      }
    }
    return said;
  }
}
