// What a catalogue is: every key English has, each a string with `{name}` placeholders. English is the source of
// the keys, so a language that misses one, or names one English does not have, fails typecheck.
import type { en } from './en.ts';

/** Every UI string key. */
export type MessageKey = keyof typeof en;

/** A catalogue for one language. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** The base of a plural message: `B` where `B.one` and `B.other` are keys. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

/** Values for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The `{name}` placeholders of a message, sorted and each once. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** What is wrong with a catalogue against the reference: keys it misses, keys it adds, placeholders that differ. */
export function catalogueProblems(reference: Readonly<Record<string, string>>, other: object): string[] {
  const theirs = other as Readonly<Record<string, unknown>>;
  const problems: string[] = [];
  for (const [key, message] of Object.entries(reference)) {
    const translated = theirs[key];
    if (typeof translated !== 'string' || translated.trim() === '') {
      problems.push(`missing ${key}`);
      continue;
    }
    const want = placeholders(message).join(', ');
    const got = placeholders(translated).join(', ');
    if (want !== got) problems.push(`${key}: placeholders {${got}} instead of {${want}}`);
  }
  for (const key of Object.keys(theirs)) if (!Object.hasOwn(reference, key)) problems.push(`extra ${key}`);
  return problems;
}
