// The desktop's call control beside the gadgets, as Finesse's own desktop gives an agent: the agent's dialogs
// with the actions Finesse offers the agent's participant (answer, hold, retrieve, end) and, in wrap-up, the wrap-up
// reason. Requests are Finesse's REST call control: PUT Dialog/{id} with requestedAction and targetMediaAddress =
// the agent's extension; the wrap-up reason is UPDATE_CALL_DATA with mediaProperties/wrapUpReason (developer guide,
// "Dialog—Take Action on Participant" and "Dialog—Update Call Variable Data"). The dialogs come from GET
// User/{id}/Dialogs at start and after a reconnect, then from the Dialogs notifications, applied by meaning:
// POST or PUT adds or updates, DELETE removes, and a dialog in state DROPPED is gone unless the agent's participant
// is still in WRAP_UP (the simulator keeps the dialog for wrap-up; whether Finesse's dialog is DROPPED then is unconfirmed).
// Unconfirmed (the stand-in's choices): the layout and words of this panel, and a free-text wrap-up reason (Finesse's
// desktop offers the configured wrap-up reasons as a list).
import type { Dialog } from '../../../src/core/finesse/types.ts';
import { dialogRequestToXml, parseApiErrors, parseDialogs, parseUpdate } from '../../../src/core/finesse/xml/index.ts';
import { el } from './dom.ts';
import { notificationDocumentOf } from '../../../src/core/finesse/notification-payload.ts';

const SHOWN_ACTIONS: readonly { readonly action: string; readonly label: string }[] = [
  { action: 'ANSWER', label: 'Answer' },
  { action: 'HOLD', label: 'Hold' },
  { action: 'RETRIEVE', label: 'Retrieve' },
  { action: 'DROP', label: 'End' },
];

interface CallControlOptions {
  readonly agentId: string;
  /** base64("id:password"), held only in the page's memory. */
  readonly basic: string;
  readonly extension: string;
  readonly container: HTMLElement;
}

export class CallControl {
  readonly #o: CallControlOptions;
  readonly #dialogs = new Map<string, Dialog>();
  #error = '';
  #stopped = false;

  constructor(options: CallControlOptions) {
    this.#o = options;
    this.#render();
  }

  /** GET User/{id}/Dialogs: the dialogs as they are now (at start, and after the notification connection came back). */
  async load(): Promise<void> {
    const r = await this.#request('GET', `/finesse/api/User/${encodeURIComponent(this.#o.agentId)}/Dialogs`);
    if (this.#stopped || r === null) return;
    const dialogs = parseDialogs(r);
    if (!dialogs.ok) {
      this.#error = `The calls could not be read: ${dialogs.error.message}`;
    } else {
      this.#dialogs.clear();
      for (const d of dialogs.value) if (!this.#gone(d)) this.#dialogs.set(d.id, d);
    }
    this.#render();
  }

  /** A Dialogs notification (hub payload). */
  onNotification(data: unknown): void {
    const doc = notificationDocumentOf(data);
    const xml = doc.ok ? doc.value.xml : null;
    if (xml === null) return;
    const update = parseUpdate(xml);
    if (!update.ok) return;
    const { event, data: body } = update.value;
    const dialogs = body.kind === 'dialogs' ? body.dialogs : body.kind === 'dialog' ? [body.dialog] : [];
    for (const d of dialogs) {
      if (event === 'DELETE' || this.#gone(d)) this.#dialogs.delete(d.id);
      else this.#dialogs.set(d.id, d);
    }
    this.#render();
  }

  /** A DROPPED dialog is gone, unless the agent is still wrapping it up (the participant in WRAP_UP keeps it). */
  #gone(d: Dialog): boolean {
    if (d.state !== 'DROPPED') return false;
    const me = d.participants.find((p) => p.mediaAddress === this.#o.extension);
    return me === undefined || me.state !== 'WRAP_UP';
  }

  stop(): void {
    this.#stopped = true;
    this.#o.container.replaceChildren();
  }

  async #act(dialogId: string, requestedAction: string, wrapUpReason?: string): Promise<void> {
    const body = dialogRequestToXml({
      requestedAction,
      targetMediaAddress: this.#o.extension,
      ...(wrapUpReason !== undefined ? { wrapUpReason } : {}),
    });
    const r = await this.#request('PUT', `/finesse/api/Dialog/${encodeURIComponent(dialogId)}`, body);
    if (r !== null) this.#error = '';
    this.#render();
  }

  async #request(method: string, path: string, body?: string): Promise<string | null> {
    try {
      const response = await fetch(path, {
        method,
        headers: {
          Authorization: `Basic ${this.#o.basic}`,
          Accept: 'application/xml',
          ...(body !== undefined ? { 'Content-Type': 'application/xml' } : {}),
        },
        body,
        cache: 'no-store',
      });
      const text = await response.text();
      if (response.ok) return text;
      const errors = parseApiErrors(text);
      this.#error = `Finesse refused it: ${errors.ok && errors.value[0] ? errors.value[0].errorType : `HTTP ${response.status}`}`;
    } catch (e) {
      this.#error = `Finesse could not be reached (${e instanceof Error ? e.message : String(e)}).`;
    }
    return null;
  }

  #render(): void {
    if (this.#stopped) return;
    const box = this.#o.container;
    const items = [...this.#dialogs.values()]
      .map((d) => this.#dialogItem(d))
      .filter((i): i is HTMLElement => i !== null);
    const parts: HTMLElement[] = [
      el('h2', {}, 'Calls'),
      items.length === 0 ? el('p', { class: 'calls-none' }, 'No calls.') : el('ul', { class: 'calls' }, ...items),
    ];
    if (this.#error) parts.push(el('p', { class: 'error', role: 'alert' }, this.#error));
    box.replaceChildren(...parts);
  }

  #dialogItem(d: Dialog): HTMLElement | null {
    const me = d.participants.find((p) => p.mediaAddress === this.#o.extension);
    if (me === undefined) return null;
    const other = d.participants.find((p) => p.mediaAddress !== this.#o.extension)?.mediaAddress ?? d.fromAddress ?? '';
    const label = `${d.callType ?? 'Call'} with ${other}: ${me.state}`;
    const buttons = SHOWN_ACTIONS.filter((a) => me.actions.includes(a.action)).map((a) => {
      const b = el('button', { type: 'button', 'data-action': a.action }, a.label);
      b.addEventListener('click', () => void this.#act(d.id, a.action));
      return b;
    });
    const children: (HTMLElement | string)[] = [el('span', { class: 'call-label' }, label), ...buttons];
    if (me.state === 'WRAP_UP' && me.actions.includes('UPDATE_CALL_DATA')) {
      const input = el('input', {
        type: 'text',
        class: 'wrap-up-reason',
        'aria-label': 'Wrap-up reason',
        maxlength: '39',
      });
      const form = el('form', { class: 'wrap-up' }, input, el('button', { type: 'submit' }, 'Set wrap-up reason'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const reason = input.value.trim();
        if (reason) void this.#act(d.id, 'UPDATE_CALL_DATA', reason);
      });
      children.push(form);
    }
    return el('li', { class: 'call', 'data-dialog': d.id, 'data-state': me.state }, ...children);
  }
}
