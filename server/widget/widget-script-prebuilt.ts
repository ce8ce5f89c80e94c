// The widget's script in the built service: finesse-blend-chat.js, written by the production build next to the
// service's bundle (scripts/build-chat-service.ts puts this module in widget-script.ts's place). Read once.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file name the production build gives the widget script, beside chat-service.mjs. */
export const PREBUILT_WIDGET_SCRIPT = 'finesse-blend-chat.js';

/** The widget script's text, read once on first call. */
export function widgetScript(): () => Promise<string> {
  let text: Promise<string> | null = null;
  return () => {
    text ??= readFile(join(import.meta.dirname, PREBUILT_WIDGET_SCRIPT), 'utf8');
    return text;
  };
}
