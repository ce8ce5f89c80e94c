import { LitElement, css, html } from 'lit';
import type { OfferView } from './agent-view.ts';
import { fire } from './agent-view.ts';
import { t } from './messages.ts';
import { baseStyles } from './theme.ts';
import { TickController } from './ticker.ts';
import { customerContext } from './customer-context.ts';

/**
 * One chat offer: who, the pre-chat context, a countdown to expiry, Accept and Decline.
 * @fires offer-accept {chatId}
 * @fires offer-decline {chatId}
 */
export class ChatOfferCard extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: var(--fb-space-s) var(--fb-space-m);
        border-radius: var(--fb-radius);
        background: var(--fb-offer-bg, var(--fb-color-warning-surface));
        border: 1px solid var(--fb-offer-border, var(--fb-color-warning));
      }
      h3 {
        margin: 0;
        font-size: 1em;
      }
      dl {
        margin: 4px 0;
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0 var(--fb-space-s);
      }
      dt {
        color: var(--fb-color-muted);
      }
      dd {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .row {
        display: flex;
        gap: var(--fb-space-s);
        align-items: center;
        flex-wrap: wrap;
        margin-top: 4px;
      }
      .countdown {
        margin-left: auto;
        font-variant-numeric: tabular-nums;
      }
      .progress {
        font-style: italic;
      }
    `,
  ];

  static override properties = {
    offer: { attribute: false },
    readOnly: { type: Boolean, attribute: 'read-only' },
    shortcuts: { type: Boolean },
  };

  offer: OfferView | null = null;
  /** An observer window shows offers but cannot answer them. */
  readOnly = false;
  /** The panel's Alt+A / Alt+D answer this offer (the oldest one not answered): its buttons say so. */
  shortcuts = false;

  constructor() {
    super();
    // With the focus on the card, A accepts and D declines (no text field here for the letters to go to).
    this.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing || e.repeat) return;
      const key = e.key.toLowerCase();
      if (key !== 'a' && key !== 'd') return;
      const v = this.offer;
      if (!v || v.progress !== 'new' || this.readOnly) return;
      e.preventDefault();
      e.stopPropagation();
      fire(this, key === 'a' ? 'offer-accept' : 'offer-decline', { chatId: v.offer.chatId });
    });
  }

  /** The countdown's clock, from the enclosing panel (the container's tick in the gadget). */
  readonly #tick = new TickController(this);

  /** Whole seconds until the offer expires (never negative). */
  #secondsLeft(): number {
    if (!this.offer) return 0;
    return Math.max(0, Math.ceil((this.offer.offer.expiresAt - this.#tick.now()) / 1000));
  }

  override render() {
    const view = this.offer;
    if (!view) return null;
    const { offer, progress } = view;
    const name = offer.customerName || '—';
    const seconds = this.#secondsLeft();
    const answered = progress !== 'new';
    const progressText =
      progress === 'reserving'
        ? t('offer.reserving')
        : progress === 'waiting'
          ? t('offer.waiting')
          : progress === 'accepting'
            ? t('offer.accepting')
            : progress === 'declining'
              ? t('offer.declining')
              : '';
    return html`<article aria-label=${t('offer.from', { name })}>
      <h3>${t('offer.from', { name })}</h3>
      ${offer.transferredFrom ? html`<p class="muted">${t('offer.transferred', { agent: offer.transferredFrom })}</p>` : null}
      ${customerContext(offer.context)}
      <div class="row">
        <button
          class="primary accept"
          type="button"
          ?disabled=${answered || this.readOnly}
          aria-label=${t('offer.acceptLabel', { name })}
          aria-keyshortcuts=${this.shortcuts ? 'Alt+A A' : 'A'}
          @click=${() => fire(this, 'offer-accept', { chatId: offer.chatId })}
        >
          ${t('offer.accept')}
        </button>
        <button
          class="decline"
          type="button"
          ?disabled=${answered || this.readOnly}
          aria-label=${t('offer.declineLabel', { name })}
          aria-keyshortcuts=${this.shortcuts ? 'Alt+D D' : 'D'}
          @click=${() => fire(this, 'offer-decline', { chatId: offer.chatId })}
        >
          ${t('offer.decline')}
        </button>
        ${progressText ? html`<span class="progress">${progressText}</span>` : null}
        <span class="countdown muted" aria-live="off"
          >${seconds > 0 ? t('offer.expiresIn', { seconds }) : t('offer.expired')}</span
        >
      </div>
    </article>`;
  }
}
