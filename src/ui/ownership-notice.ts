import { LitElement, css, html, type PropertyValues } from 'lit';
import type { OwnershipNote, OwnershipView } from './agent-view.ts';
import { fire } from './agent-view.ts';
import { formatTime, t, type MessageKey } from './messages.ts';
import { baseStyles } from './theme.ts';

const NOTES: Readonly<Record<OwnershipNote, MessageKey>> = {
  'taken-over': 'owner.takenOver',
  'failed-not-running': 'owner.failed.not-running',
  'failed-lock': 'owner.failed.lock',
  'failed-stolen': 'owner.failed.stolen',
};

/**
 * Shown when another window runs blending for the agent (rule 8): says so, and offers to use this window,
 * with an in-gadget confirmation step (never window.confirm).
 * @fires take-over {confirmed}
 * @fires take-over-cancel
 */
export class OwnershipNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .box {
        padding: var(--fb-space-s) var(--fb-space-m);
        border-radius: var(--fb-radius);
        background: var(--fb-owner-bg, var(--fb-color-accent-surface));
        border-left: 6px solid var(--fb-owner-accent, var(--fb-color-accent));
      }
      p {
        margin: 0 0 6px;
      }
      .row {
        display: flex;
        gap: var(--fb-space-s);
      }
    `,
  ];

  static override properties = { ownership: { attribute: false } };

  ownership: OwnershipView | null = null;

  override updated(changed: PropertyValues<this>): void {
    // Keyboard users land on the question when it appears.
    const before = changed.get('ownership') as OwnershipView | null | undefined;
    if (changed.has('ownership') && this.ownership?.confirm && !before?.confirm)
      this.renderRoot.querySelector<HTMLButtonElement>('button.confirm')?.focus();
  }

  override render() {
    const o = this.ownership;
    if (!o || (o.role !== 'observer' && o.role !== 'taken-over')) return null;
    if (o.confirm !== null) {
      return html`<div class="box" role="alertdialog" aria-labelledby="question" aria-modal="false">
        <p id="question">
          ${
            o.confirm.ownerSince === null
              ? t('owner.question')
              : t('owner.questionSince', { time: formatTime(o.confirm.ownerSince) })
          }
        </p>
        <div class="row">
          <button
            class="primary confirm"
            type="button"
            ?disabled=${o.pending}
            @click=${() => fire(this, 'take-over', { confirmed: true })}
          >
            ${o.pending ? t('owner.pending') : t('owner.confirm')}
          </button>
          <button
            class="cancel"
            type="button"
            ?disabled=${o.pending}
            @click=${() => fire(this, 'take-over-cancel', {})}
          >
            ${t('owner.cancel')}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="box">
      <p>${o.message === null ? t('owner.observer') : t(NOTES[o.message], { button: t('owner.useHere') })}</p>
      <button
        class="use-here"
        type="button"
        ?disabled=${o.pending}
        @click=${() => fire(this, 'take-over', { confirmed: false })}
      >
        ${o.pending ? t('owner.pending') : t('owner.useHere')}
      </button>
    </div>`;
  }
}
