import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatConnectionStatus, ChatMessage, SessionCloseReason } from '../core/chat/chat-channel.ts';
import type { ConversationView } from './agent-view.ts';
import { fire } from './agent-view.ts';
import { formatTime, isMessageKey, t, type MessageKey } from './messages.ts';
import { baseStyles } from './theme.ts';
import { customerContext } from './customer-context.ts';

const CLOSED: Readonly<Record<SessionCloseReason, MessageKey>> = {
  'ended-by-customer': 'chats.closedByCustomer',
  'ended-by-agent': 'chats.closedByAgent',
  'ended-by-system': 'chats.closedBySystem',
  transferred: 'chats.closedTransferred',
  'returned-to-queue': 'chats.closedReturned',
};

/**
 * One conversation: the transcript (customer text is always text), the customer's typing, and the composer.
 * Enter sends, Shift+Enter adds a line. The composer is disabled, with the reason, while chat is offline.
 * @fires chat-send {chatId, text}
 * @fires chat-typing {chatId, state}
 * @fires chat-end {chatId}
 * @fires chat-transfer {chatId}
 * @fires chat-dismiss {chatId}
 */
export class ConversationPane extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: var(--fb-space-s, 8px);
        max-height: var(--fb-chat-transcript-height, 260px);
        overflow-y: auto;
        background: var(--fb-chat-transcript-bg, var(--fb-color-surface, #ffffff));
        border: 1px solid var(--fb-color-outline-variant, #d5d8dd);
        border-radius: var(--fb-radius, 6px);
      }
      li {
        margin: 4px 0;
        max-width: 85%;
      }
      li.customer {
        margin-right: auto;
      }
      li.self,
      li.agent {
        margin-left: auto;
        text-align: right;
      }
      li.system {
        max-width: 100%;
        text-align: center;
        color: var(--fb-color-muted, #5b5b60);
        font-style: italic;
      }
      .bubble {
        display: inline-block;
        padding: 4px 8px;
        border-radius: 10px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        text-align: left;
        background: var(--fb-chat-customer-bg, var(--fb-color-surface-variant, #eef1f5));
      }
      li.self .bubble,
      li.agent .bubble {
        background: var(--fb-chat-agent-bg, #dceafb);
      }
      li.pending .bubble {
        opacity: 0.6;
      }
      .meta {
        display: block;
        font-size: 0.75em;
        color: var(--fb-color-muted, #5b5b60);
      }
      .typing {
        min-height: 1.4em;
        margin: 2px 0;
        font-size: 0.85em;
      }
      .composer {
        display: flex;
        gap: 8px;
        align-items: flex-end;
      }
      textarea {
        flex: 1;
        font: inherit;
        min-height: 2.6em;
        resize: vertical;
        padding: 4px 6px;
        border-radius: var(--fb-radius, 6px);
        border: 1px solid var(--fb-color-outline, #8a8a90);
      }
      .actions {
        display: flex;
        gap: 8px;
        margin-top: 6px;
        flex-wrap: wrap;
      }
      .note {
        margin: 4px 0;
        font-size: 0.85em;
      }
      .error {
        color: var(--fb-color-error, #b3261e);
      }
      dl {
        margin: 0 0 4px;
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0 8px;
        font-size: 0.85em;
      }
      dt {
        color: var(--fb-color-muted, #5b5b60);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
    `,
  ];

  static override properties = {
    conversation: { attribute: false },
    chatStatus: { type: String, attribute: 'chat-status' },
    readOnly: { type: Boolean, attribute: 'read-only' },
  };

  conversation: ConversationView | null = null;
  chatStatus: ChatConnectionStatus = 'online';
  /** An observer window shows conversations but cannot write in them. */
  readOnly = false;

  #typingSent: 'composing' | 'active' = 'active';

  override updated(changed: PropertyValues<this>): void {
    const before = changed.get('conversation') as ConversationView | null | undefined;
    const now = this.conversation;
    if (now && (before?.chatId !== now.chatId || before.transcript.length !== now.transcript.length)) {
      const list = this.renderRoot.querySelector('ol');
      if (list) list.scrollTop = list.scrollHeight;
    }
  }

  /** Why the agent cannot write now, or null. */
  #blockedReason(): string | null {
    const c = this.conversation;
    if (!c || c.closed !== null || this.readOnly) return '';
    if (this.chatStatus === 'offline' || this.chatStatus === 'connecting') return t('chats.offline');
    return null;
  }

  #send(area: HTMLTextAreaElement): void {
    const c = this.conversation;
    if (!c || this.#blockedReason() !== null) return;
    const text = area.value;
    if (text.trim() === '') return;
    fire(this, 'chat-send', { chatId: c.chatId, text });
    area.value = '';
    this.#typingSent = 'active';
  }

  #onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    this.#send(e.target as HTMLTextAreaElement);
  };

  #onInput = (e: Event): void => {
    const c = this.conversation;
    if (!c) return;
    const state = (e.target as HTMLTextAreaElement).value.trim() === '' ? 'active' : 'composing';
    if (state === this.#typingSent) return;
    this.#typingSent = state;
    fire(this, 'chat-typing', { chatId: c.chatId, state });
  };

  #onBlur = (): void => {
    const c = this.conversation;
    if (!c || this.#typingSent !== 'composing') return;
    this.#typingSent = 'active';
    fire(this, 'chat-typing', { chatId: c.chatId, state: 'paused' });
  };

  #line(m: ChatMessage) {
    const who = m.sender === 'self' ? t('chats.you') : m.sender === 'system' ? t('chats.system') : m.senderName;
    if (m.sender === 'system') {
      return html`<li class="system" data-id=${m.id}>${m.text} <span class="meta">${formatTime(m.at)}</span></li>`;
    }
    return html`<li class=${`${m.sender}${m.pending ? ' pending' : ''}`} data-id=${m.id}>
      <span class="meta"
        >${who} ·
        ${formatTime(m.at)}${m.pending ? html` · <span class="pending-label">${t('chats.pending')}</span>` : null}</span
      >
      <span class="bubble">${m.text}</span>
    </li>`;
  }

  override render() {
    const c = this.conversation;
    if (!c) return null;
    const blocked = this.#blockedReason();
    const closed = c.closed !== null;
    const typing = !closed && c.customerTyping === 'composing';
    return html`<section aria-label=${t('chats.tabLabel', { name: c.customerName })}>
      ${customerContext(c.context)}
      <ol class="transcript" aria-live="polite" aria-relevant="additions">
        ${repeat(
          c.transcript,
          (m) => m.id,
          (m) => this.#line(m),
        )}
        ${closed ? html`<li class="system closed">${t(CLOSED[c.closed ?? 'ended-by-system'])}</li>` : null}
      </ol>
      <p class="typing muted" aria-live="polite">${typing ? t('chats.typing', { name: c.customerName }) : ''}</p>
      ${c.error !== null && isMessageKey(`chatError.${c.error}`) ? html`<p class="note error" role="alert">${t(`chatError.${c.error}`)}</p>` : null}
      ${
        closed || this.readOnly
          ? null
          : html`${blocked ? html`<p class="note muted blocked">${blocked}</p>` : this.chatStatus === 'reconnecting' ? html`<p class="note muted">${t('chats.reconnecting')}</p>` : null}
              <div class="composer">
                <textarea
                  aria-label=${t('chats.composer', { name: c.customerName })}
                  placeholder=${t('chats.placeholder')}
                  ?disabled=${blocked !== null}
                  @keydown=${this.#onKeydown}
                  @input=${this.#onInput}
                  @blur=${this.#onBlur}
                ></textarea>
                <button
                  class="primary send"
                  type="button"
                  ?disabled=${blocked !== null}
                  @click=${() => {
                    const area = this.renderRoot.querySelector('textarea');
                    if (area) this.#send(area);
                  }}
                >
                  ${t('chats.send')}
                </button>
              </div>`
      }
      <div class="actions">
        ${
          closed
            ? html`<button
                class="dismiss"
                type="button"
                @click=${() => fire(this, 'chat-dismiss', { chatId: c.chatId })}
              >
                ${t('chats.close')}
              </button>`
            : this.readOnly
              ? null
              : html`<button
                    class="end"
                    type="button"
                    ?disabled=${c.busy !== null || blocked !== null}
                    @click=${() => fire(this, 'chat-end', { chatId: c.chatId })}
                  >
                    ${c.busy === 'ending' ? t('chats.ending') : t('chats.end')}
                  </button>
                  <button
                    class="transfer"
                    type="button"
                    ?disabled=${c.busy !== null || blocked !== null}
                    @click=${() => fire(this, 'chat-transfer', { chatId: c.chatId })}
                  >
                    ${c.busy === 'transferring' ? t('chats.transferring') : t('chats.transfer')}
                  </button>`
        }
      </div>
    </section>`;
  }
}
