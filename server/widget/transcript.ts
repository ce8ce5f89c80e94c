// The conversation as a plain-text file the customer downloads from the widget (no server involved). Pure.
import type { CustomerLine } from '../customer/customer-chat-client.ts';

/** The transcript's text: a heading, then one line per message ("You: …", "Dana: …", system lines in brackets). */
export function transcriptText(lines: readonly CustomerLine[], title: string, at: Date): string {
  const out = [`${title} (${at.toISOString().replace('T', ' ').slice(0, 16)} UTC)`, ''];
  for (const line of lines) {
    const text = line.text.replace(/\r\n?/g, '\n').replace(/\n/g, '\n    ');
    if (line.from === 'system') out.push(`[${text}]`);
    else out.push(`${line.from === 'me' ? 'You' : line.name}: ${text}`);
  }
  return `${out.join('\n')}\n`;
}

/** The file name of a transcript, e.g. chat-transcript-2026-12-02.txt */
export function transcriptFileName(at: Date): string {
  return `chat-transcript-${at.toISOString().slice(0, 10)}.txt`;
}
