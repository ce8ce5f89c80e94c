import { LitElement, css, html } from 'lit';
import type { DecisionEntry } from '../core/blending/decision-log.ts';
import { formatTime, t } from './messages.ts';
import { AGENT_CAUSES as say } from './cause-text.ts';
import { baseStyles } from './theme.ts';

/** The decision log (rule 9): the newest changes the gadget made, with their reasons, newest first; collapsible. */
export class DecisionLogView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      ol {
        margin: 4px 0 0;
        padding-left: 0;
        list-style: none;
        font-size: 0.9em;
      }
      li {
        padding: 2px 0;
        border-bottom: 1px solid var(--fb-color-outline-variant);
      }
      time {
        color: var(--fb-color-muted);
        margin-right: 6px;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  static override properties = {
    entries: { attribute: false },
    limit: { type: Number },
    open: { type: Boolean, reflect: true },
  };

  entries: readonly DecisionEntry[] = [];
  /** How many of the newest entries to show. */
  limit = 10;
  /** Expanded. */
  open = false;

  #onToggle = (e: Event): void => {
    this.open = (e.target as HTMLDetailsElement).open;
  };

  override render() {
    const shown = this.entries.slice(-Math.max(1, this.limit)).reverse();
    return html`<details ?open=${this.open} @toggle=${this.#onToggle}>
      <summary>${t('log.heading')}</summary>
      ${
        shown.length === 0
          ? html`<p class="muted">${t('log.empty')}</p>`
          : html`<ol>
              ${shown.map((e) => html`<li data-kind=${e.kind}><time datetime=${new Date(e.at).toISOString()}>${formatTime(e.at, { seconds: true })}</time>${say.log(e.cause)}</li>`)}
            </ol>`
      }
    </details>`;
  }
}
