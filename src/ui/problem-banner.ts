import { LitElement, css, html } from 'lit';
import type { ProblemView } from './agent-view.ts';
import { t } from './messages.ts';
import { AGENT_CAUSES as say } from './cause-text.ts';
import { baseStyles } from './theme.ts';

/** What is wrong and what to do about it, most serious first. Renders nothing when all is well. */
export class ProblemBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      li {
        padding: var(--fb-space-s) var(--fb-space-m);
        border-radius: var(--fb-radius);
        border-left: 6px solid var(--fb-problem-accent, var(--fb-color-error));
        background: var(--fb-problem-bg, var(--fb-color-error-surface));
      }
      li.warning {
        --fb-problem-accent: var(--fb-color-warning);
        --fb-problem-bg: var(--fb-color-warning-surface);
      }
      li.info {
        --fb-problem-accent: var(--fb-color-accent);
        --fb-problem-bg: var(--fb-color-accent-surface);
      }
      .title {
        font-weight: 600;
        margin: 0;
      }
      .action {
        margin: 2px 0 0;
      }
    `,
  ];

  static override properties = { problems: { attribute: false } };

  problems: readonly ProblemView[] = [];

  override render() {
    if (this.problems.length === 0) return null;
    const order = { error: 0, warning: 1, info: 2 } as const;
    const sorted = [...this.problems].sort((a, b) => order[a.severity] - order[b.severity]);
    return html`<ul aria-label=${t('problems.heading')}>
      ${sorted.map((p) => {
        const { title, action } = say.problem(p.cause);
        // Errors and warnings are alerts; information is not a live region (the panel has the one polite region).
        return html`<li class=${p.severity} data-problem=${p.id}>
          <div role=${p.severity === 'info' ? 'none' : 'alert'}>
            <p class="title">${title}</p>
            ${action ? html`<p class="action">${action}</p>` : null}
          </div>
        </li>`;
      })}
    </ul>`;
  }
}
