// Customer and agent text as XML can carry it. XML 1.0 has no way to write most C0 control characters
// (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F), U+FFFE, U+FFFF or a lone surrogate, even as character
// references, and every XML parser turns CR and CRLF into LF. So text is normalized before it is sent:
// CRLF and CR become LF, each character XML cannot carry becomes U+FFFD; everything else arrives byte for byte.
import { err, ok, type Result } from '../result.ts';
import { replaceXmlIllegalChars } from '../shared/xml-chars.ts';

/** The longest message, in UTF-16 code units, the channel sends (well under the server's stanza limit). */
export const MAX_MESSAGE_LENGTH = 32_000;

/** What replaces a character XML cannot carry. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The text as it will arrive at the other side: line ends as LF, characters XML cannot carry as U+FFFD. */
export function toXmlText(text: string): string {
  return replaceXmlIllegalChars(text.replace(/\r\n?/g, '\n'), REPLACEMENT_CHARACTER);
}

export type MessageTextProblem = 'empty' | 'too-long';

/** Checks and normalizes a message the agent or customer typed. */
export function messageText(text: string): Result<string, MessageTextProblem> {
  const safe = toXmlText(text);
  if (safe.trim() === '') return err('empty');
  if (safe.length > MAX_MESSAGE_LENGTH) return err('too-long');
  return ok(safe);
}
