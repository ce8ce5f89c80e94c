import type { ChatOfferCard } from '../../../../src/ui/chat-offer-card.ts';
import { Harness } from './harness.ts';

/** A chat offer card as an agent uses it. */
export class ChatOfferCardHarness extends Harness<ChatOfferCard> {
  get acceptButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.accept');
  }

  get declineButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.decline');
  }

  countdown(): string {
    return this.find('.countdown').textContent?.trim() ?? '';
  }

  progress(): string {
    return this.root.querySelector('.progress')?.textContent?.trim() ?? '';
  }

  /** The context fields shown, as [label, value] pairs. */
  context(): [string, string][] {
    const terms = [...this.root.querySelectorAll('dt')];
    return terms.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']);
  }
}
