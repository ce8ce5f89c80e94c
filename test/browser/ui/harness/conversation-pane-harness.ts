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

  /** The transfer menu of other queues, or null when the router lists none. */
  get queueMenu(): HTMLSelectElement | null {
    return this.root.querySelector<HTMLSelectElement>('select.transfer-queue');
  }

  get queueTransferButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.transfer-send');
  }

  /** The menu's choices as [value, label]. */
  queueChoices(): [string, string][] {
    return [...(this.queueMenu?.options ?? [])].map((o) => [o.value, (o.textContent ?? '').trim()]);
  }

  /** Picks a queue in the menu as the agent does (the change event included). */
  async pickQueue(id: string): Promise<void> {
    const menu = this.queueMenu;
    if (!menu) throw new Error('no queue menu');
    menu.value = id;
    menu.dispatchEvent(new Event('change'));
    await this.settled();
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
