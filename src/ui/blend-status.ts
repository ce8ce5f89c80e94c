import { LitElement, css, html } from 'lit';
import type { BlendingSnapshot } from '../core/blending/reconciler.ts';
import { blendHeadline } from './blend-headline.ts';
import { baseStyles } from './theme.ts';

/** The header strip: the blended state in plain words and the reason the gadget gave last. */
export class BlendStatus extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: var(--fb-space-s) var(--fb-space-m);
        border-radius: var(--fb-radius);
        background: var(--fb-status-bg, var(--fb-color-surface-variant));
        border-left: 6px solid var(--fb-status-accent, var(--fb-color-outline));
      }
      :host([tone='ready']) {
        --fb-status-accent: var(--fb-color-ready);
      }
      :host([tone='busy']) {
        --fb-status-accent: var(--fb-color-accent);
      }
      :host([tone='paused']) {
        --fb-status-accent: var(--fb-color-warning);
      }
      :host([tone='degraded']) {
        --fb-status-accent: var(--fb-color-error);
      }
      .headline {
        margin: 0;
        font-weight: 600;
        font-size: 1.1em;
      }
      .reason {
        margin: 2px 0 0;
      }
    `,
  ];

  static override properties = {
    snapshot: { attribute: false },
    off: { type: Boolean },
    tone: { type: String, reflect: true },
  };

  /** The blending state to show; null while it is not known yet. */
  snapshot: BlendingSnapshot | null = null;
  /** Blending could not start in this window: the headline says it is off. */
  off = false;
  /** Reflected for styling: ready | busy | paused | off | degraded. */
  tone = 'off';

  override willUpdate(): void {
    this.tone = blendHeadline(this.snapshot, this.off).tone;
  }

  override render() {
    // Not a live region of its own: the panel's one polite region announces a change of headline.
    const h = blendHeadline(this.snapshot, this.off);
    return html`<p class="headline">${h.text}</p>
      ${h.reason ? html`<p class="reason">${h.reason}</p>` : null} `;
  }
}
