import { LitElement, css, html } from 'lit';
import type { User } from '../core/finesse/types.ts';

/**
 * The agent gadget's main panel: the blended state with its reason.
 * It only renders what it is given; boot wires the core to it.
 */
export class AgentPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: var(--fb-font, 14px/1.4 system-ui, sans-serif);
      color: var(--fb-color-text, #1d1d1f);
      padding: var(--fb-space-m, 12px);
    }
    .state { font-weight: 600; }
    .status { color: var(--fb-color-muted, #5b5b60); }
    .problem { color: var(--fb-color-error, #b3261e); }
  `;

  static override properties = {
    user: { attribute: false },
    status: { type: String },
    problem: { type: String },
  };

  /** The signed-in agent, as Finesse last reported it. */
  user: User | null = null;
  /** A one-line status when there is no user yet (connecting, or what went wrong). */
  status = 'Connecting to Finesse…';
  /** The latest problem worth telling the agent (a refused request, a broken notification). */
  problem = '';

  override render() {
    if (!this.user) return html`<p class="status" role="status">${this.status}</p>`;
    const reason = this.user.reasonCode ? ` (${this.user.reasonCode.label})` : '';
    return html`<p>Voice: <span class="state">${this.user.state}${reason}</span></p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}`;
  }
}
