// <finesse-blend-chat>: the customer's chat on any website. A launcher button opens a panel with the pre-chat form
// (fields from the service's settings), then the conversation: queue place, the agent's first name, typing both
// ways, end, a plain-text transcript to download. A reload in the same tab continues the chat (ticket-store.ts).
// All customer and agent text is rendered as text nodes; styles are adopted sheets; nothing inline.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatContextField } from '../../src/core/chat/chat-channel.ts';
import { NEUTRAL_AGENT_NICK } from '../../src/core/chat/xmpp/profile/shared.ts';
import {
  CustomerChatClient,
  type CustomerEvent,
  type CustomerLine,
  type ResumeTicket,
} from '../customer/customer-chat-client.ts';
import { transcriptFileName, transcriptText } from './transcript.ts';
import { sessionTicketStore, type TicketStore } from './ticket-store.ts';
import { widgetStyles } from './widget-styles.ts';
import { fieldProblem, readWidgetSettings, type PreChatField, type WidgetSettings } from './widget-settings.ts';

type Phase = 'loading' | 'unavailable' | 'form' | 'connecting' | 'chat' | 'ended';

/** How long after the last keystroke the customer's typing turns to paused. */
const PAUSED_AFTER_MS = 3000;
/** Waits between attempts to reach the chat again after the connection is lost. */
const RETRY_MS = [1000, 2000, 5000, 10_000, 20_000, 30_000];

/**
 * The chat widget. Attributes: `service` (the chat service's origin; default: where the script came from),
 * `queue` (a queue id passed on with the chat request), `open` (the panel is open), `inline` (a panel in the page's
 * flow, without the launcher: the service's own /chat/ page).
 */
export class FinesseBlendChat extends LitElement {
  static override styles = widgetStyles;
  static override properties = {
    service: { type: String },
    queue: { type: String },
    open: { type: Boolean, reflect: true },
    inline: { type: Boolean, reflect: true },
    phase: { state: true },
    message: { state: true },
    problems: { state: true },
    lines: { state: true },
    status: { state: true },
    agentTyping: { state: true },
  };

  /** The origin the widget's script was loaded from: the default `service`. Set by the entry script. */
  static defaultService = '';

  service = '';
  queue = '';
  open = false;
  inline = false;
  phase: Phase = 'loading';
  /** A sentence about the whole form or chat (not reachable, refused, ...). */
  message = '';
  problems: ReadonlyMap<string, string> = new Map();
  lines: readonly CustomerLine[] = [];
  status = '';
  agentTyping: string | null = null;

  #settings: WidgetSettings | null = null;
  #client: CustomerChatClient | null = null;
  #unsubscribe: (() => void) | null = null;
  #tickets: TicketStore | null = null;
  #typing: 'composing' | 'paused' | 'active' = 'active';
  #typingTimer: ReturnType<typeof setTimeout> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retries = 0;
  #agentName: string | null = null;
  #loaded = false;
  readonly #onPageHide = (): void => this.#client?.close();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.#onPageHide);
    if (!this.#loaded) {
      this.#loaded = true;
      void this.#load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.#onPageHide);
    this.#clearTimers();
  }

  /** The chat service's origin, from the attribute or the script's own. */
  get serviceOrigin(): string {
    const raw = this.service || FinesseBlendChat.defaultService || location.origin;
    try {
      return new URL(raw, location.href).origin;
    } catch {
      return raw;
    }
  }

  // ---------------------------------------------------------------- flow

  async #load(): Promise<void> {
    const origin = this.serviceOrigin;
    this.#tickets = sessionTicketStore(origin);
    try {
      const res = await fetch(`${origin}/widget/settings.json`, { credentials: 'omit' });
      this.#settings = res.ok ? readWidgetSettings(await res.json()) : null;
    } catch {
      this.#settings = null;
    }
    if (!this.#settings) {
      this.phase = 'unavailable';
      this.message = 'The chat is not available right now. Please try again later.';
      return;
    }
    const ticket = this.#tickets.load();
    if (ticket) {
      this.open = true;
      void this.#resume(ticket);
    } else {
      this.phase = 'form';
    }
  }

  #newClient(settings: WidgetSettings): CustomerChatClient {
    this.#unsubscribe?.();
    this.#client?.close();
    const client = new CustomerChatClient({
      service: settings.xmppService,
      guestDomain: settings.guestDomain,
      routerJid: settings.routerJid,
      queue: this.queue || null,
    });
    this.#client = client;
    this.#unsubscribe = client.subscribe((e) => this.#onEvent(client, e));
    this.lines = [];
    this.#agentName = null;
    this.agentTyping = null;
    return client;
  }

  async #start(values: Map<string, string>): Promise<void> {
    const settings = this.#settings;
    if (!settings) return;
    const client = this.#newClient(settings);
    this.phase = 'connecting';
    this.status = 'Connecting…';
    this.message = '';
    const extra: ChatContextField[] = settings.preChatFields
      .filter((f) => f.name !== 'name' && f.name !== 'question' && (values.get(f.name) ?? '').trim() !== '')
      .map((f) => ({ name: f.name, label: f.label, value: (values.get(f.name) ?? '').trim() }));
    const started = await client.start(values.get('name') ?? '', values.get('question') ?? '', extra);
    if (client !== this.#client) return;
    if (!started.ok) {
      this.phase = 'form';
      this.message = started.message;
      return;
    }
    const ticket = client.ticket;
    if (ticket) this.#tickets?.save(ticket);
    if (this.phase === 'connecting') this.phase = 'chat';
  }

  async #resume(ticket: ResumeTicket): Promise<void> {
    const settings = this.#settings;
    if (!settings) return;
    const client = this.#newClient(settings);
    this.phase = 'connecting';
    this.status = 'Reconnecting to your chat…';
    await this.#resumeWith(client, ticket);
  }

  async #resumeWith(client: CustomerChatClient, ticket: ResumeTicket | null): Promise<void> {
    const resumed = await client.resume(ticket);
    if (client !== this.#client) return;
    if (resumed.ok) {
      this.#retries = 0;
      if (this.phase === 'connecting') this.phase = 'chat';
      if (!this.status || /^Reconnecting|connection/.test(this.status)) this.status = this.#chattingWith();
      return;
    }
    if (resumed.reason === 'refused') {
      this.#tickets?.clear();
      this.phase = 'form';
      this.message = resumed.message;
      return;
    }
    this.status = resumed.message;
    this.#scheduleRetry(client, ticket);
  }

  #scheduleRetry(client: CustomerChatClient, ticket: ResumeTicket | null): void {
    const delay = RETRY_MS[Math.min(this.#retries, RETRY_MS.length - 1)] ?? 30_000;
    this.#retries += 1;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.#resumeWith(client, ticket ?? client.ticket);
    }, delay);
  }

  #chattingWith(): string {
    if (!this.#agentName) return '';
    return `You are chatting with ${this.#agentName === NEUTRAL_AGENT_NICK ? 'an agent' : this.#agentName}.`;
  }

  #onEvent(client: CustomerChatClient, event: CustomerEvent): void {
    if (client !== this.#client) return;
    switch (event.type) {
      case 'queued':
        this.status =
          event.position > 0 ? `You are number ${event.position} in the queue.` : 'Connecting you to an agent…';
        break;
      case 'line':
      case 'confirmed':
        this.lines = client.lines();
        break;
      case 'agent':
        this.#agentName = event.name;
        if (this.phase !== 'ended') this.status = event.name ? this.#chattingWith() : 'The agent left the chat.';
        if (!event.name) this.agentTyping = null;
        break;
      case 'agent-typing':
        this.agentTyping =
          event.state === 'composing'
            ? `${this.#agentName && this.#agentName !== NEUTRAL_AGENT_NICK ? this.#agentName : 'The agent'} is typing…`
            : null;
        break;
      case 'ended':
        this.phase = 'ended';
        this.status = 'The chat has ended.';
        this.agentTyping = null;
        this.#tickets?.clear();
        this.#clearTimers();
        break;
      case 'disconnected':
        if (this.phase === 'ended') break;
        this.status = 'The connection was lost. Reconnecting…';
        this.agentTyping = null;
        this.#scheduleRetry(client, client.ticket);
        break;
    }
  }

  #clearTimers(): void {
    if (this.#typingTimer) clearTimeout(this.#typingTimer);
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#typingTimer = null;
    this.#retryTimer = null;
  }

  // ---------------------------------------------------------------- intents

  #toggle(): void {
    this.open = !this.open;
    if (this.open) void this.updateComplete.then(() => this.#focusFirst());
  }

  #focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], input, textarea, select')?.focus();
  }

  #onPanelKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || this.inline) return;
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus());
  }

  #submitForm(e: SubmitEvent): void {
    e.preventDefault();
    const settings = this.#settings;
    const form = e.currentTarget as HTMLFormElement;
    if (!settings) return;
    const data = new FormData(form);
    const values = new Map<string, string>();
    const problems = new Map<string, string>();
    for (const field of settings.preChatFields) {
      const value = String(data.get(field.name) ?? '');
      values.set(field.name, value);
      const problem = fieldProblem(field, value);
      if (problem) problems.set(field.name, problem);
    }
    this.problems = problems;
    if (problems.size > 0) {
      this.message =
        problems.size === 1 ? 'Please correct the field marked below.' : 'Please correct the fields marked below.';
      void this.updateComplete.then(() => this.#focusFirst());
      return;
    }
    void this.#start(values);
  }

  #onInput(): void {
    if (this.#typing !== 'composing') {
      this.#typing = 'composing';
      this.#client?.setTyping('composing');
    }
    if (this.#typingTimer) clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => {
      this.#typing = 'paused';
      this.#client?.setTyping('paused');
    }, PAUSED_AFTER_MS);
  }

  #send(e: Event): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLTextAreaElement>('#fbc-message');
    const client = this.#client;
    if (!input || !client) return;
    const sent = client.send(input.value);
    if (!sent.ok) {
      this.message = sent.message;
      return;
    }
    this.message = '';
    input.value = '';
    if (this.#typingTimer) clearTimeout(this.#typingTimer);
    this.#typing = 'active'; // the message itself ends the typing
  }

  #onMessageKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey) this.#send(e);
  }

  #end(): void {
    void this.#client?.end();
  }

  #newChat(): void {
    this.#tickets?.clear();
    this.#unsubscribe?.();
    this.#client?.close();
    this.#client = null;
    this.lines = [];
    this.status = '';
    this.message = '';
    this.problems = new Map();
    this.phase = 'form';
    void this.updateComplete.then(() => this.#focusFirst());
  }

  #download(): void {
    const now = new Date();
    const title = `Chat with ${this.#agentName && this.#agentName !== NEUTRAL_AGENT_NICK ? this.#agentName : 'us'}`;
    const blob = new Blob([transcriptText(this.lines, title, now)], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = transcriptFileName(now);
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    // Floating, the widget is a landmark of its own (complementary, top level); inline, it sits in the page's main.
    return this.inline
      ? html`<div class="root">${this.#parts()}</div>`
      : html`<aside class="root" aria-label="Chat">${this.#parts()}</aside>`;
  }

  #parts(): TemplateResult {
    return html`
      <button
        class="launcher"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="fbc-panel"
        @click=${this.#toggle}
      >
        ${this.open ? 'Close chat' : 'Chat with us'}
      </button>
      ${
        this.open || this.inline
          ? html`<section id="fbc-panel" class="panel" aria-labelledby="fbc-title" @keydown=${this.#onPanelKey}>
              <h2 id="fbc-title">Chat with us</h2>
              ${this.#body()}
            </section>`
          : nothing
      }
    `;
  }

  #body(): TemplateResult {
    switch (this.phase) {
      case 'loading':
        return html`<p class="status" role="status">Loading…</p>`;
      case 'unavailable':
        return html`<p class="error" role="alert">${this.message}</p>`;
      case 'form':
        return this.#form();
      default:
        return this.#conversation();
    }
  }

  #form(): TemplateResult {
    const fields = this.#settings?.preChatFields ?? [];
    return html`<form class="start" novalidate @submit=${this.#submitForm}>
      <p class="error" role="alert">${this.message}</p>
      ${fields.map((f) => this.#field(f))}
      <div class="actions"><button class="primary" type="submit">Start chat</button></div>
    </form>`;
  }

  #field(f: PreChatField): TemplateResult {
    const id = `fbc-field-${f.name}`;
    const problem = this.problems.get(f.name) ?? '';
    const label = html`<label for=${id}
      >${f.label}${f.required ? nothing : html` <span class="optional">(optional)</span>`}</label
    >`;
    const invalid = problem ? 'true' : 'false';
    const control =
      f.kind === 'textarea'
        ? html`<textarea
            id=${id}
            name=${f.name}
            rows="3"
            maxlength=${f.maxLength}
            ?required=${f.required}
            aria-invalid=${invalid}
            aria-describedby=${`${id}-error`}
          ></textarea>`
        : html`<input
            id=${id}
            name=${f.name}
            type=${f.kind}
            maxlength=${f.maxLength}
            autocomplete=${f.name === 'name' ? 'name' : f.kind === 'email' ? 'email' : 'off'}
            ?required=${f.required}
            aria-invalid=${invalid}
            aria-describedby=${`${id}-error`}
          />`;
    return html`${label}${control}
      <p class="error" id=${`${id}-error`}>${problem}</p>`;
  }

  #conversation(): TemplateResult {
    const ended = this.phase === 'ended';
    return html`
      <p class="status" role="status">${this.status}</p>
      <!-- Focusable, so the conversation scrolls from the keyboard. -->
      <div class="lines" role="log" aria-live="polite" aria-label="Conversation" tabindex="0">
        <ol>
          ${repeat(
            this.lines,
            (l) => l.id,
            (l) =>
              html`<li class=${`line from-${l.from}${l.pending ? ' pending' : ''}`}>
                ${l.from === 'system' ? nothing : html`<span class="who">${l.from === 'me' ? 'You' : l.name}</span>`}<span
                  class="text"
                  >${l.text}</span
                >
              </li>`,
          )}
        </ol>
      </div>
      <p class="typing">${this.agentTyping ?? ''}</p>
      <p class="error" role="alert">${this.message}</p>
      ${
        ended
          ? nothing
          : html`<form class="send" @submit=${this.#send}>
              <label for="fbc-message">Message</label>
              <textarea
                id="fbc-message"
                rows="2"
                maxlength="4000"
                ?disabled=${this.phase !== 'chat'}
                @input=${this.#onInput}
                @keydown=${this.#onMessageKey}
              ></textarea>
              <div class="actions">
                <button class="primary" type="submit" ?disabled=${this.phase !== 'chat'}>Send</button>
                <button class="end" type="button" ?disabled=${this.phase !== 'chat'} @click=${this.#end}>
                  End chat
                </button>
              </div>
            </form>`
      }
      <div class="actions">
        <button class="download" type="button" ?disabled=${this.lines.length === 0} @click=${this.#download}>
          Download transcript
        </button>
        ${ended ? html`<button class="new-chat" type="button" @click=${this.#newChat}>Start a new chat</button>` : nothing}
      </div>
    `;
  }
}
