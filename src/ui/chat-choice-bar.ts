import { LitElement, css, html } from 'lit';
import { fire } from './agent-view.ts';
import { t } from './messages.ts';
import { baseStyles } from './theme.ts';

/** What the browser says about desktop notifications for this site. */
export type AlertPermission = 'default' | 'granted' | 'denied' | 'unsupported';

/** The page's Notification permission, read where it is shown. */
function notificationPermission(): AlertPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * The agent's own chat choice under the headline: Available for chat or Not ready for chat. Where the Finesse header
 * carries the chat channel, the header is the control and this bar only shows the choice; otherwise it is the
 * control. Also offers "Allow desktop alerts", since the browser asks for that permission only from a click.
 * @fires chat-availability {available}
 */
export class ChatChoiceBar extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      .label {
        font-weight: 600;
      }
      .choices {
        display: inline-flex;
        gap: 4px;
      }
      button[aria-pressed='true'] {
        background: var(--fb-choice-on-bg, var(--fb-color-primary, #0b5cad));
        border-color: var(--fb-choice-on-bg, var(--fb-color-primary, #0b5cad));
        color: var(--fb-choice-on-text, var(--fb-color-on-primary, #ffffff));
      }
      .hint {
        margin: 0;
        font-size: 0.9em;
      }
    `,
  ];

  static override properties = {
    choice: { type: String },
    inHeader: { type: Boolean, attribute: 'in-header' },
    readOnly: { type: Boolean, attribute: 'read-only' },
    offerAlerts: { type: Boolean, attribute: 'offer-alerts' },
    permission: { state: true },
  };

  /** The agent's current choice. */
  choice: 'available' | 'unavailable' = 'available';
  /** The Finesse header carries the chat channel: it is the control, this bar only shows the choice. */
  inHeader = false;
  /** This window does not run blending (or it is starting): nothing to choose here. */
  readOnly = false;
  /** Desktop notifications are on for this gadget (pref desktopNotifications): offer to allow them. */
  offerAlerts = false;
  /** The browser's answer about notifications, as last read. */
  permission: AlertPermission = notificationPermission();

  #choose(available: boolean): void {
    if ((this.choice === 'available') === available) return;
    fire(this, 'chat-availability', { available });
  }

  async #allowAlerts(): Promise<void> {
    if (typeof Notification === 'undefined') return;
    // Asked only from this click: browsers ignore (or penalise) a request no gesture started.
    await Notification.requestPermission();
    this.permission = notificationPermission();
  }

  #alerts() {
    if (!this.offerAlerts) return null;
    if (this.permission === 'default')
      return html`<button
        class="allow-alerts"
        type="button"
        title=${t('alerts.allowHint')}
        @click=${() => void this.#allowAlerts()}
      >
        ${t('alerts.allow')}
      </button>`;
    if (this.permission === 'denied') return html`<p class="hint muted alerts-denied">${t('alerts.denied')}</p>`;
    return null;
  }

  override render() {
    const available = this.choice === 'available';
    const current = available ? t('choice.available') : t('choice.notReady');
    if (this.inHeader) {
      return html`<div class="bar">
        <span class="current">${t('choice.current', { choice: current })}</span>
        <p class="hint muted">${t('choice.inHeader')}</p>
        ${this.#alerts()}
      </div>`;
    }
    return html`<div class="bar">
      <span class="label" id="choice-label">${t('choice.heading')}</span>
      <span class="choices" role="group" aria-labelledby="choice-label">
        <button
          class="available"
          type="button"
          aria-pressed=${available ? 'true' : 'false'}
          ?disabled=${this.readOnly}
          @click=${() => this.#choose(true)}
        >
          ${t('choice.available')}
        </button>
        <button
          class="not-ready"
          type="button"
          aria-pressed=${available ? 'false' : 'true'}
          ?disabled=${this.readOnly}
          @click=${() => this.#choose(false)}
        >
          ${t('choice.notReady')}
        </button>
      </span>
      ${this.#alerts()}
    </div>`;
  }
}
