// The customer page's script in the built service: customer.js, written by the production build next to the
// service's bundle (scripts/build-chat-service.ts puts this module in customer-script.ts's place). Read once.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file name the production build gives the page script, beside chat-service.mjs. */
export const PREBUILT_CUSTOMER_SCRIPT = 'customer.js';

/** The page script's text, read once on first call. */
export function customerScript(): () => Promise<string> {
  let text: Promise<string> | null = null;
  return () => {
    text ??= readFile(join(import.meta.dirname, PREBUILT_CUSTOMER_SCRIPT), 'utf8');
    return text;
  };
}
