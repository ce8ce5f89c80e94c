import type { ConversationPane } from '../../../../src/ui/conversation-pane.ts';
import { Harness } from './harness.ts';

/** One conversation as an agent uses it. */
export class ConversationPaneHarness extends Harness<ConversationPane> {
  get composer(): HTMLTextAreaElement {
    return this.find<HTMLTextAreaElement>('textarea');
  }

  get sendButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.send');
  }

  get endButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.end');
  }

  get transferButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.transfer');
  }

  /** The transcript lines as [class, text] (class: customer, self, agent, system; "pending" added while unconfirmed). */
  lines(): [string, string][] {
    return [...this.root.querySelectorAll('ol.transcript > li')].map((li) => [
      li.className,
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ]);
  }

  /** The transcript line of one message, by its id. */
  line(id: string): HTMLLIElement {
    return this.find<HTMLLIElement>(`ol.transcript > li[data-id='${CSS.escape(id)}']`);
  }

  /** The message bubbles' elements (to check nothing but text lives inside). */
  bubbles(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.bubble')];
  }

  typing(): string {
    return this.find('.typing').textContent?.trim() ?? '';
  }

  blockedReason(): string {
    return this.root.querySelector('.blocked')?.textContent?.trim() ?? '';
  }
}
