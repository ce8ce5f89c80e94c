import type { ChatChoiceBar } from '../../../../src/ui/chat-choice-bar.ts';
import { Harness } from './harness.ts';

/** The chat choice under the headline as an agent uses it. */
export class ChatChoiceHarness extends Harness<ChatChoiceBar> {
  get availableButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.available');
  }

  get notReadyButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.not-ready');
  }

  /** The choice shown as pressed, by its words. */
  pressed(): string {
    return (this.root.querySelector('button[aria-pressed="true"]')?.textContent ?? '').trim();
  }

  hasControls(): boolean {
    return this.has('button.available');
  }

  hasAllowAlerts(): boolean {
    return this.has('button.allow-alerts');
  }
}
