// The agent gadget's words in the active language. Boot chooses the language once, before the first render
// (setLanguage, from the desktop's locale pref); components call t() and plural() and need not know which it is.
// The one module-level setting of the UI: every component of one gadget document speaks the same language.
import { createTranslator, type Translator } from './i18n/translator.ts';
import type { LanguageChoice } from './i18n/languages.ts';
import type { MessageKey, MessageParams, PluralKey } from './i18n/catalogue.ts';
import { en } from './i18n/en.ts';

export type { Catalogue, MessageKey, MessageParams, PluralKey } from './i18n/catalogue.ts';
export { chooseLanguage, type LanguageChoice, type LanguageCode } from './i18n/languages.ts';

/** English, for the chat router's texts at the protocol boundary, whatever the agent's language. */
export const ENGLISH: Translator = createTranslator('en', 'en');

let active: Translator = ENGLISH;

/** Sets the language the UI speaks from now on (boot, before the first render). */
export function setLanguage(choice: LanguageChoice): void {
  active = choice.lang === 'en' && choice.locale === 'en' ? ENGLISH : createTranslator(choice.lang, choice.locale);
}

/** The active language: its code, its locale and its words. */
export function language(): Translator {
  return active;
}

/** True when `key` is a message key (for keys made from data, such as a Finesse state name). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** A message in the active language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return active.t(key, params);
}

/** The plural form for `count` of a message in the active language. */
export function plural(key: PluralKey, count: number, params?: MessageParams): string {
  return active.plural(key, count, params);
}

/** A time of day in the agent's locale. */
export function formatTime(at: number, options?: { readonly seconds?: boolean }): string {
  return active.time(at, options);
}
