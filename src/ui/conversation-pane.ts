import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatConnectionStatus, ChatMessage, SessionCloseReason } from '../core/chat/chat-channel.ts';
import type { ConversationView } from './agent-view.ts';
import { fire } from './agent-view.ts';
import { formatTime, isMessageKey, t, type MessageKey } from './messages.ts';
import { baseStyles } from './theme.ts';
import { customerContext } from './customer-context.ts';
import { linkParts } from './text-links.ts';

const CLOSED: Readonly<Record<SessionCloseReason, MessageKey>> = {
  'ended-by-customer': 'chats.closedByCustomer',
  'customer-left': 'chats.closedCustomerLeft',
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
 * @fires chat-transfer {chatId, queueId?} (no queueId: back to the chat's own queue)
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
        padding: var(--fb-space-s);
        max-height: var(--fb-chat-transcript-height, 300px);
        min-height: 120px;
        overflow-y: auto;
        background: var(--fb-chat-transcript-bg, var(--fb-color-surface));
        border: 1px solid var(--fb-color-outline-variant);
        border-radius: var(--fb-radius);
      }
      li {
        margin: var(--fb-space-xs) 0;
        max-width: 85%;
        overflow-wrap: anywhere;
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
        color: var(--fb-color-muted);
        font-style: italic;
      }
      .bubble {
        display: inline-block;
        padding: 4px 8px;
        border-radius: 10px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        text-align: left;
        background: var(--fb-chat-customer-bg, var(--fb-color-surface-variant));
      }
      li.self .bubble,
      li.agent .bubble {
        background: var(--fb-chat-agent-bg, var(--fb-color-accent-surface));
      }
      li.pending .bubble {
        opacity: 0.6;
      }
      .meta {
        display: block;
        font-size: 0.75em;
        color: var(--fb-color-muted);
      }
      .typing {
        min-height: 1.4em;
        margin: 2px 0;
        font-size: 0.85em;
      }
      .composer {
        display: flex;
        gap: var(--fb-space-s);
        align-items: flex-end;
      }
      textarea {
        flex: 1;
        font: inherit;
        min-height: 2.6em;
        resize: vertical;
        padding: 4px 6px;
        border-radius: var(--fb-radius);
        border: 1px solid var(--fb-color-outline);
      }
      .actions {
        display: flex;
        gap: var(--fb-space-s);
        margin-top: 6px;
        flex-wrap: wrap;
      }
      .transfer-to {
        display: flex;
        gap: var(--fb-space-s);
        align-items: center;
      }
      select {
        font: inherit;
        max-width: 14em;
      }
      .note {
        margin: 4px 0;
        font-size: 0.85em;
      }
      .error {
        color: var(--fb-color-error);
      }
      dl {
        margin: 0 0 4px;
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0 var(--fb-space-s);
        font-size: 0.85em;
      }
      dt {
        color: var(--fb-color-muted);
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
    picked: { state: true },
  };

  conversation: ConversationView | null = null;
  chatStatus: ChatConnectionStatus = 'online';
  /** An observer window shows conversations but cannot write in them. */
  readOnly = false;
  /** The other queue chosen in the transfer menu ('' while none is). */
  picked = '';

  #typingSent: 'composing' | 'active' = 'active';
  /** The focus was inside this pane before the update (so it is kept inside when its button goes). */
  #hadFocus = false;

  /** Puts the focus in the composer (or, for an ended chat, on Close). */
  focusComposer(): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>('textarea:not([disabled])') ??
      this.renderRoot.querySelector<HTMLElement>('button.dismiss');
    target?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#hadFocus = (this.shadowRoot?.activeElement ?? null) !== null;
    // A queue picked in one conversation's transfer menu is not carried to another.
    const before = changed.get('conversation') as ConversationView | null | undefined;
    if (changed.has('conversation') && before?.chatId !== this.conversation?.chatId) this.picked = '';
  }

  override updated(changed: PropertyValues<this>): void {
    const before = changed.get('conversation') as ConversationView | null | undefined;
    const now = this.conversation;
    // The button that had the focus went (End became Close when the chat ended): the focus stays in the pane.
    if (this.#hadFocus && (this.shadowRoot?.activeElement ?? null) === null && before?.chatId === now?.chatId)
      this.focusComposer();
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

  /** Text with its http(s) addresses as links that open in a new tab; never markup. */
  #text(text: string) {
    return linkParts(text).map((p) =>
      p.kind === 'text'
        ? p.text
        : html`<a href=${p.href} target="_blank" rel="noopener noreferrer"
            >${p.text}<span class="visually-hidden"> ${t('chats.newTab')}</span></a
          >`,
    );
  }

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
      <span class="bubble">${this.#text(m.text)}</span>
    </li>`;
  }

  /** The transfer menu of the router's other queues, by name; nothing when the router lists none. */
  #otherQueues(c: ConversationView, disabled: boolean) {
    const queues = c.transferQueues ?? [];
    if (queues.length === 0) return null;
    const picked = queues.some((q) => q.id === this.picked) ? this.picked : '';
    return html`<div class="transfer-to">
      <select
        class="transfer-queue"
        aria-label=${t('chats.transferQueue')}
        ?disabled=${disabled}
        @change=${(e: Event) => {
          this.picked = (e.target as HTMLSelectElement).value;
        }}
      >
        <option value="" ?selected=${picked === ''}>${t('chats.transferPick')}</option>
        ${queues.map((q) => html`<option value=${q.id} ?selected=${picked === q.id}>${q.name}</option>`)}
      </select>
      <button
        class="transfer-send"
        type="button"
        ?disabled=${disabled || picked === ''}
        @click=${() => {
          fire(this, 'chat-transfer', { chatId: c.chatId, queueId: picked });
          this.picked = '';
        }}
      >
        ${t('chats.transferSend')}
      </button>
    </div>`;
  }

  override render() {
    const c = this.conversation;
    if (!c) return null;
    const blocked = this.#blockedReason();
    const closed = c.closed !== null;
    const typing = !closed && c.customerTyping === 'composing';
    return html`<section aria-label=${t('chats.tabLabel', { name: c.customerName })}>
      ${customerContext(c.context)}
      <ol class="transcript" aria-label=${t('chats.tabLabel', { name: c.customerName })} tabindex="0">
        ${repeat(
          c.transcript,
          (m) => m.id,
          (m) => this.#line(m),
        )}
        ${closed ? html`<li class="system closed">${t(CLOSED[c.closed ?? 'ended-by-system'])}</li>` : null}
      </ol>
      <p class="typing muted">${typing ? t('chats.typing', { name: c.customerName }) : ''}</p>
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
                  </button>
                  ${this.#otherQueues(c, c.busy !== null || blocked !== null)}`
        }
      </div>
    </section>`;
  }
}
