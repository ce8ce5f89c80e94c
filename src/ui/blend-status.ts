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
        padding: var(--fb-space-s, 8px) var(--fb-space-m, 12px);
        border-radius: var(--fb-radius, 6px);
        background: var(--fb-status-bg, var(--fb-color-surface-variant, #eef1f5));
        border-left: 6px solid var(--fb-status-accent, var(--fb-color-outline, #8a8a90));
      }
      :host([tone='ready']) {
        --fb-status-accent: var(--fb-color-ready, #1e7f3c);
      }
      :host([tone='busy']) {
        --fb-status-accent: var(--fb-color-primary, #0b5cad);
      }
      :host([tone='paused']) {
        --fb-status-accent: var(--fb-color-warning, #b26a00);
      }
      :host([tone='degraded']) {
        --fb-status-accent: var(--fb-color-error, #b3261e);
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
