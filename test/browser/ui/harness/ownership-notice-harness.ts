import type { OwnershipNotice } from '../../../../src/ui/ownership-notice.ts';
import { Harness } from './harness.ts';

/** The "another window runs blending" notice as an agent uses it. */
export class OwnershipNoticeHarness extends Harness<OwnershipNotice> {
  get useHereButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.use-here');
  }

  get confirmButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.confirm');
  }

  get cancelButton(): HTMLButtonElement {
    return this.find<HTMLButtonElement>('button.cancel');
  }

  isAsking(): boolean {
    return this.has('[role="alertdialog"]');
  }

  isShown(): boolean {
    return this.has('.box');
  }
}
