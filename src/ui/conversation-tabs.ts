import { LitElement, css, html, type PropertyValues } from 'lit';
import type { ChatConnectionStatus } from '../core/chat/chat-channel.ts';
import type { ConversationView } from './agent-view.ts';
import { fire } from './agent-view.ts';
import { plural, t } from './messages.ts';
import { baseStyles } from './theme.ts';

/**
 * The agent's conversations as tabs (arrow keys move between them), with unread counts on the others,
 * and the selected one below.
 * @fires chat-read {chatId} when a conversation with unread messages is shown
 */
export class ConversationTabs extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      [role='tablist'] {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
        margin-bottom: 6px;
      }
      [role='tab'] {
        border-radius: var(--fb-radius, 6px) var(--fb-radius, 6px) 0 0;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--fb-tab-selected-bg, var(--fb-color-primary, #0b5cad));
        color: var(--fb-tab-selected-text, var(--fb-color-on-primary, #ffffff));
      }
      .unread {
        display: inline-block;
        margin-left: 6px;
        padding: 0 6px;
        border-radius: 8px;
        font-size: 0.8em;
        background: var(--fb-badge-bg, var(--fb-color-error, #b3261e));
        color: var(--fb-badge-text, #ffffff);
      }
      .closed-mark {
        margin-left: 4px;
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

  /** The chat id on show. */
  get current(): ConversationView | null {
    return this.conversations.find((c) => c.chatId === this.selected) ?? this.conversations[0] ?? null;
  }

  override updated(_changed: PropertyValues<this>): void {
    const c = this.current;
    if (c && c.unread > 0 && !this.readOnly) fire(this, 'chat-read', { chatId: c.chatId });
  }

  #select(chatId: string, focus = false): void {
    this.selected = chatId;
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`[role='tab'][data-chat='${CSS.escape(chatId)}']`)?.focus(),
      );
    }
  }

  #onKeydown = (e: KeyboardEvent): void => {
    const list = this.conversations;
    const at = list.findIndex((c) => c.chatId === this.current?.chatId);
    if (at < 0 || list.length < 2) return;
    let next = -1;
    if (e.key === 'ArrowRight') next = (at + 1) % list.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    const target = list[next];
    if (!target) return;
    e.preventDefault();
    this.#select(target.chatId, true);
  };

  override render() {
    const list = this.conversations;
    if (list.length === 0) return html`<p class="muted none">${t('chats.none')}</p>`;
    const current = this.current;
    return html`<div role="tablist" aria-label=${t('chats.heading')} @keydown=${this.#onKeydown}>
        ${list.map((c) => {
          const selected = c.chatId === current?.chatId;
          return html`<button
            role="tab"
            type="button"
            id=${`tab-${c.chatId}`}
            data-chat=${c.chatId}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="chat-panel"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.#select(c.chatId)}
          >
            ${c.customerName}${c.closed !== null ? html`<span class="closed-mark" aria-hidden="true">✓</span>` : null}
            ${!selected && c.unread > 0 ? html`<span class="unread">${plural('chats.unread', c.unread)}</span>` : null}
          </button>`;
        })}
      </div>
      <div role="tabpanel" id="chat-panel" aria-labelledby=${current ? `tab-${current.chatId}` : ''}>
        <fb-conversation
          .conversation=${current}
          .chatStatus=${this.chatStatus}
          .readOnly=${this.readOnly}
        ></fb-conversation>
      </div>`;
  }
}
