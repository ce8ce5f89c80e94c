import { html, type TemplateResult } from 'lit';
import { contextBesideName, type ChatContextField } from '../core/chat/chat-channel.ts';

/** What the customer filled in before the chat (their name aside: it heads the card or tab), as a definition list. */
export function customerContext(fields: readonly ChatContextField[]): TemplateResult | null {
  const shown = contextBesideName(fields);
  if (shown.length === 0) return null;
  return html`<dl>
    ${shown.map(
      (f) =>
        html`<dt>${f.label || f.name}</dt>
          <dd>${f.value}</dd>`,
    )}
  </dl>`;
}
