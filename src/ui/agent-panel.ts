import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AgentView } from './agent-view.ts';
import { blendHeadline } from './blend-headline.ts';
import { t } from './messages.ts';
import { baseStyles } from './theme.ts';
import { intervalTicker, tickerContext, type Ticker } from './ticker.ts';

/**
 * The agent gadget's main panel: the blended state, problems, the ownership notice, chat offers,
 * conversations and the decision log. It renders the snapshot it is given; the intents its parts fire bubble
 * out of it for boot to handle.
 */
export class AgentPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: var(--fb-space-m, 12px);
      }
      .stack {
        display: grid;
        gap: var(--fb-space-m, 12px);
      }
      h2 {
        font-size: 1em;
        margin: 0 0 6px;
      }
      .offers {
        display: grid;
        gap: 8px;
      }
      .status {
        margin: 0;
      }
      .detail {
        margin: 0;
        font-size: 0.8em;
      }
    `,
  ];

  static override properties = {
    view: { attribute: false },
    status: { type: String },
    chatChoiceInHeader: { type: Boolean, attribute: 'chat-choice-in-header' },
    offerAlerts: { type: Boolean, attribute: 'offer-alerts' },
  };

  /** Everything to show; null until boot has a first snapshot. */
  view: AgentView | null = null;
  /** A one-line status while there is no view yet (connecting, or what went wrong at start). */
  status = t('status.connecting');
  /** The Finesse header carries the chat channel: the state bar only shows the agent's chat choice. */
  chatChoiceInHeader = false;
  /** Desktop notifications are on for this gadget: the state bar offers to allow them. */
  offerAlerts = false;

  readonly #clock = new ContextProvider(this, { context: tickerContext, initialValue: intervalTicker });

  /** The clock for countdowns (the container's tick in the gadget), given by context to the parts that count down. */
  get ticker(): Ticker {
    return this.#clock.value;
  }

  set ticker(ticker: Ticker) {
    this.#clock.setValue(ticker);
  }

  override render() {
    const v = this.view;
    if (!v) return html`<p class="status muted" role="status">${this.status}</p>`;
    const observer = v.ownership.role !== 'owner';
    // The raw states behind the headline, for the agent's supervisor or support ("Voice READY · Chat READY 0/5").
    const detail = blendHeadline(v.blending).detail;
    return html`<div class="stack">
      <fb-blend-status .snapshot=${v.blending}></fb-blend-status>
      ${
        v.chatConfigured
          ? html`<fb-chat-choice
              .choice=${v.chatChoice}
              .inHeader=${this.chatChoiceInHeader}
              .readOnly=${observer || v.blending === null}
              .offerAlerts=${this.offerAlerts}
            ></fb-chat-choice>`
          : null
      }
      ${v.problems.length > 0 ? html`<fb-problem-banner .problems=${v.problems}></fb-problem-banner>` : null}
      ${
        v.ownership.role === 'observer' || v.ownership.role === 'taken-over'
          ? html`<fb-ownership-notice .ownership=${v.ownership}></fb-ownership-notice>`
          : null
      }
      ${
        v.offers.length > 0
          ? html`<section class="offers" aria-label=${t('offer.heading')}>
              ${repeat(
                v.offers,
                (o) => o.offer.chatId,
                (o) => html`<fb-chat-offer .offer=${o} .readOnly=${observer}></fb-chat-offer>`,
              )}
            </section>`
          : null
      }
      ${
        v.chatConfigured || v.conversations.length > 0
          ? html`<section aria-label=${t('chats.heading')}>
              <h2>${t('chats.heading')}</h2>
              <fb-conversation-tabs
                .conversations=${v.conversations}
                .chatStatus=${v.chatStatus}
                .readOnly=${observer}
              ></fb-conversation-tabs>
            </section>`
          : null
      }
      <fb-decision-log .entries=${v.blending?.log ?? []}></fb-decision-log>
      ${detail ? html`<p class="detail muted">${detail}</p>` : null}
    </div>`;
  }
}
