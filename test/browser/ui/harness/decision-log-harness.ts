import type { DecisionLogView } from '../../../../src/ui/decision-log-view.ts';
import { Harness } from './harness.ts';

/** The decision log as an agent reads it. */
export class DecisionLogHarness extends Harness<DecisionLogView> {
  get details(): HTMLDetailsElement {
    return this.find<HTMLDetailsElement>('details');
  }

  get summary(): HTMLElement {
    return this.find('summary');
  }

  /** The reasons shown, top to bottom. */
  reasons(): string[] {
    return [...this.root.querySelectorAll('li')].map((li) => (li.lastChild?.textContent ?? '').trim());
  }
}
