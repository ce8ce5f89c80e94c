import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatConnectionStatus } from '../core/chat/chat-channel.ts';
import type { ConversationView } from './agent-view.ts';
import { fire } from './agent-view.ts';
import { formatWaiting, waitingSince } from './chat-waiting.ts';
import type { ConversationPane } from './conversation-pane.ts';
import { plural, t } from './messages.ts';
import { baseStyles } from './theme.ts';
import { TickController } from './ticker.ts';

/**
 * The agent's conversations as a list of tabs beside the one on show: each with the customer's name, how long they
 * have waited for an answer (ticking with the panel's clock), the unread count and whether it ended. A proper
 * tablist: one tab in the tab order (roving tabindex); arrow keys, Home and End move between the tabs.
 * @fires chat-read {chatId} when a conversation with unread messages is shown
 */
export class ConversationTabs extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(170px, 240px) minmax(0, 1fr);
        gap: var(--fb-space-m);
        align-items: start;
      }
      @media (max-width: 560px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      [role='tablist'] {
        display: flex;
        flex-direction: column;
        gap: var(--fb-space-xs);
        max-height: var(--fb-chat-list-height, 420px);
        overflow-y: auto;
        padding: 3px;
      }
      [role='tab'] {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0 var(--fb-space-s);
        text-align: left;
        padding: var(--fb-space-xs) var(--fb-space-s);
        background: var(--fb-tab-bg, var(--fb-color-surface-variant));
        border-color: var(--fb-tab-border, var(--fb-color-outline-variant));
      }
      [role='tab'][aria-selected='true'] {
        background: var(--fb-tab-selected-bg, var(--fb-color-accent-surface));
        border-color: var(--fb-tab-selected-border, var(--fb-color-accent));
        box-shadow: inset 4px 0 0 var(--fb-tab-selected-border, var(--fb-color-accent));
      }
      .name {
        font-weight: 600;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .meta {
        grid-column: 1;
        font-size: var(--fb-font-size-small);
        color: var(--fb-color-muted);
      }
      .waiting {
        color: var(--fb-color-warning);
        font-weight: 600;
      }
      .unread {
        grid-column: 2;
        grid-row: 1 / span 2;
        align-self: center;
        min-width: 1.6em;
        padding: 0 6px;
        border-radius: 999px;
        text-align: center;
        font-size: var(--fb-font-size-small);
        font-weight: 600;
        background: var(--fb-badge-bg, var(--fb-color-error));
        color: var(--fb-badge-text, var(--fb-color-on-accent));
      }
      [role='tab'].ended .name {
        font-weight: 400;
      }
      .none:focus {
        outline: none;
      }
    `,
  ];

  static override properties = {
    conversations: { attribute: false },
    chatStatus: { type: String, attribute: 'chat-status' },
    readOnly: { type: Boolean, attribute: 'read-only' },
    selected: { state: true },
  };

  conversations: readonly ConversationView[] = [];
  chatStatus: ChatConnectionStatus = 'online';
  readOnly = false;
  /** The chat shown; the first one when unset or gone. */
  selected: string | null = null;

  /** Waiting times tick with the panel's clock (the container's tick in the gadget). */
  readonly #tick = new TickController(this);
  /** A conversation the agent closed from inside this list: once it is gone, the focus goes to the one shown next. */
  #closing: string | null = null;

  constructor() {
    super();
    this.addEventListener('chat-dismiss', (e) => {
      this.#closing = e.detail.chatId;
    });
  }

  /** The chat id on show. */
  get current(): ConversationView | null {
    return this.conversations.find((c) => c.chatId === this.selected) ?? this.conversations[0] ?? null;
  }

  /** Shows a conversation and puts the focus on its tab or in its composer. */
  async show(chatId: string, focus: 'tab' | 'composer'): Promise<void> {
    this.selected = chatId;
    await this.updateComplete;
    if (focus === 'tab') {
      this.#tabFor(chatId)?.focus();
      return;
    }
    const pane = this.renderRoot.querySelector<ConversationPane>('fb-conversation');
    await pane?.updateComplete;
    pane?.focusComposer();
  }

  #tabFor(chatId: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role='tab'][data-chat='${CSS.escape(chatId)}']`);
  }

  override updated(changed: PropertyValues<this>): void {
    const c = this.current;
    if (c && c.unread > 0 && !this.readOnly) fire(this, 'chat-read', { chatId: c.chatId });
    const closing = this.#closing;
    if (closing !== null && changed.has('conversations') && !this.conversations.some((x) => x.chatId === closing)) {
      this.#closing = null;
      if (c) this.#tabFor(c.chatId)?.focus();
      else this.renderRoot.querySelector<HTMLElement>('.none')?.focus();
    }
  }

  #onKeydown = (e: KeyboardEvent): void => {
    const list = this.conversations;
    const at = list.findIndex((c) => c.chatId === this.current?.chatId);
    if (at < 0) return;
    let next = -1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = (at + 1) % list.length;
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = (at - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    const target = list[next];
    if (!target) return;
    e.preventDefault();
    void this.show(target.chatId, 'tab');
  };

  #tab(c: ConversationView, selected: boolean, now: number) {
    const since = c.closed === null ? waitingSince(c.transcript) : null;
    const waiting = since === null ? null : formatWaiting(now - since);
    const unread = !selected && c.unread > 0;
    return html`<button
      role="tab"
      type="button"
      class=${c.closed !== null ? 'ended' : ''}
      id=${`tab-${c.chatId}`}
      data-chat=${c.chatId}
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="chat-panel"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => void this.show(c.chatId, 'tab')}
    >
      <span class="name">${c.customerName}</span>
      ${
        c.closed !== null
          ? html`<span class="meta">${t('chats.ended')}</span>`
          : waiting !== null
            ? html`<span class="meta waiting">${t('chats.waiting', { time: waiting })}</span>`
            : null
      }
      ${
        unread
          ? html`<span class="unread" aria-hidden="true">${c.unread}</span
              ><span class="visually-hidden">${plural('chats.unreadLabel', c.unread)}</span>`
          : null
      }
    </button>`;
  }

  override render() {
    const list = this.conversations;
    if (list.length === 0) return html`<p class="muted none" tabindex="-1">${t('chats.none')}</p>`;
    const current = this.current;
    const now = this.#tick.now();
    return html`<div class="layout">
      <div role="tablist" aria-label=${t('chats.heading')} aria-orientation="vertical" @keydown=${this.#onKeydown}>
        ${repeat(
          list,
          (c) => c.chatId,
          (c) => this.#tab(c, c.chatId === current?.chatId, now),
        )}
      </div>
      <div role="tabpanel" id="chat-panel" aria-labelledby=${current ? `tab-${current.chatId}` : ''}>
        <fb-conversation
          .conversation=${current}
          .chatStatus=${this.chatStatus}
          .readOnly=${this.readOnly}
        ></fb-conversation>
      </div>
    </div>`;
  }
}
