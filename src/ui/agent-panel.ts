import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AgentView } from './agent-view.ts';
import { fire } from './agent-view.ts';
import { Announcements } from './announcements.ts';
import { blendHeadline } from './blend-headline.ts';
import type { ConversationTabs } from './conversation-tabs.ts';
import { t } from './messages.ts';
import { baseStyles, themeTokens, pageHostStyles } from './theme.ts';
import { intervalTicker, tickerContext, type Ticker } from './ticker.ts';

/** The offer shortcuts, anywhere in the gadget (Alt, so typing in the composer never triggers them). */
export const OFFER_SHORTCUTS = { accept: 'Alt+A', decline: 'Alt+D' } as const;

/**
 * The agent gadget's main panel: the blended state, problems, the ownership notice, chat offers,
 * conversations and the decision log. It renders the snapshot it is given; the intents its parts fire bubble
 * out of it for boot to handle. It holds the gadget's one polite live region, and the offer shortcuts.
 */
export class AgentPanel extends LitElement {
  static override styles = [
    themeTokens,
    baseStyles,
    pageHostStyles,
    css`
      main {
        display: grid;
        gap: var(--fb-space-m);
      }
      h1 {
        font-size: var(--fb-font-size);
        margin: 0;
      }
      h2 {
        font-size: 1em;
        margin: 0 0 var(--fb-space-xs);
      }
      .offers {
        display: grid;
        gap: var(--fb-space-s);
      }
      .status {
        margin: 0;
      }
      .detail {
        margin: 0;
        font-size: var(--fb-font-size-small);
      }
      footer {
        display: flex;
        justify-content: flex-end;
        margin-top: var(--fb-space-s);
      }
      footer button {
        font-size: var(--fb-font-size-small);
      }
    `,
  ];

  static override properties = {
    view: { attribute: false },
    status: { type: String },
    announcement: { state: true },
    chatChoiceInHeader: { type: Boolean, attribute: 'chat-choice-in-header' },
    offerAlerts: { type: Boolean, attribute: 'offer-alerts' },
  };

  /** Everything to show; null until boot has a first snapshot. */
  view: AgentView | null = null;
  /** A one-line status while there is no view yet (what went wrong at start); "Connecting…" when unset. */
  status: string | null = null;
  /** What the live region says now. */
  announcement = '';
  /** The Finesse header carries the chat channel: the state bar only shows the agent's chat choice. */
  chatChoiceInHeader = false;
  /** Desktop notifications are on for this gadget: the state bar offers to allow them. */
  offerAlerts = false;

  readonly #clock = new ContextProvider(this, { context: tickerContext, initialValue: intervalTicker });
  readonly #announcements = new Announcements();
  /** An offer the agent accepted here: its conversation gets the focus when it opens. */
  #focusOnOpen: string | null = null;

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKeydown);
    this.addEventListener('offer-accept', (e) => {
      this.#focusOnOpen = e.detail.chatId;
    });
  }

  /** The clock for countdowns (the container's tick in the gadget), given by context to the parts that count down. */
  get ticker(): Ticker {
    return this.#clock.value;
  }

  set ticker(ticker: Ticker) {
    this.#clock.setValue(ticker);
  }

  get #tabs(): ConversationTabs | null {
    return this.renderRoot.querySelector('fb-conversation-tabs');
  }

  /** Alt+A / Alt+D answer the oldest offer not answered yet, wherever the focus is in the gadget. */
  #onKeydown = (e: KeyboardEvent): void => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const action = e.code === 'KeyA' ? 'offer-accept' : e.code === 'KeyD' ? 'offer-decline' : null;
    const v = this.view;
    if (action === null || !v || v.ownership.role !== 'owner') return;
    const offer = v.offers.find((o) => o.progress === 'new');
    if (!offer) return;
    e.preventDefault();
    fire(this, action, { chatId: offer.offer.chatId });
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('view') || !this.view) return;
    const v = this.view;
    // The conversation on show is the list's choice; a chat it has not rendered yet is not on show yet.
    const shown = this.#tabs?.current?.chatId ?? v.conversations[0]?.chatId ?? null;
    const said = this.#announcements.next(v, shown, blendHeadline(v.blending, v.blendingOff).text);
    if (said.length > 0) this.announcement = said.join(' ');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('view') || !this.view) return;
    const v = this.view;
    const tabs = this.#tabs;
    // The conversation of an offer accepted here opens with the focus in its composer.
    const opened = this.#focusOnOpen;
    if (opened !== null && v.conversations.some((c) => c.chatId === opened && c.closed === null)) {
      this.#focusOnOpen = null;
      void tabs?.show(opened, 'composer');
    } else if (opened !== null && !v.offers.some((o) => o.offer.chatId === opened)) {
      this.#focusOnOpen = null;
    }
  }

  /** Puts the focus back on the "Diagnostics" button (after the diagnostics page closes). */
  focusDiagnosticsButton(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('button.diagnostics-open')?.focus(),
    );
  }

  /** The way to the diagnostics page (boot switches the gadget's view to it). */
  #footer() {
    return html`<footer>
      <button
        type="button"
        class="diagnostics-open"
        @click=${() => this.dispatchEvent(new CustomEvent('diagnostics-open', { bubbles: true, composed: true }))}
      >
        ${t('diag.open')}
      </button>
    </footer>`;
  }

  override render() {
    const v = this.view;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      ${this.announcement}
    </div>`;
    if (!v)
      return html`<p class="status muted">${this.status ?? t('status.connecting')}</p>
        ${this.#footer()} ${live}`;
    const observer = v.ownership.role !== 'owner';
    // The raw states behind the headline, for the agent's supervisor or support ("Voice READY · Chat READY 0/5").
    const detail = blendHeadline(v.blending).detail;
    const shortcutsOn = !observer && v.offers.some((o) => o.progress === 'new');
    return html`<main aria-labelledby="gadget-title">
        <h1 id="gadget-title" class="visually-hidden">${t('gadget.title')}</h1>
        <fb-blend-status .snapshot=${v.blending} .off=${v.blendingOff}></fb-blend-status>
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
            ? html`<section class="offers" aria-labelledby="offers-title">
                <h2 id="offers-title">${t('offer.heading')}</h2>
                ${shortcutsOn ? html`<p class="detail muted shortcuts">${t('offer.shortcuts')}</p>` : null}
                ${repeat(
                  v.offers,
                  (o) => o.offer.chatId,
                  (o, i) =>
                    html`<fb-chat-offer
                      .offer=${o}
                      .readOnly=${observer}
                      .shortcuts=${i === v.offers.findIndex((x) => x.progress === 'new')}
                    ></fb-chat-offer>`,
                )}
              </section>`
            : null
        }
        ${
          v.chatConfigured || v.conversations.length > 0
            ? html`<section aria-labelledby="chats-title">
                <h2 id="chats-title">${t('chats.heading')}</h2>
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
      </main>
      ${this.#footer()} ${live}`;
  }
}
