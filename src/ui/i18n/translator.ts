// One language's words: messages from its catalogue with placeholders filled, plurals chosen by the language's
// plural rules, numbers and times through Intl in the agent's locale. Native Intl only: our messages need no more.
import { CATALOGUES, type LanguageCode } from './languages.ts';
import type { Catalogue, MessageKey, MessageParams, PluralKey } from './catalogue.ts';

export interface Translator {
  /** The catalogue's language ("en", "es", "de"). */
  readonly lang: LanguageCode;
  /** The BCP 47 locale for numbers, dates and times ("de-AT"). */
  readonly locale: string;
  /** A message with its `{name}` placeholders replaced by the values, as plain text (numbers in the locale). */
  t(key: MessageKey, params?: MessageParams): string;
  /** The `.one` or `.other` form of a plural message for `count` (also given as the `{count}` placeholder). */
  plural(key: PluralKey, count: number, params?: MessageParams): string;
  /** A time of day in the locale: hours and minutes, with seconds when asked. */
  time(at: number, options?: { readonly seconds?: boolean }): string;
}

/** A translator for a language's catalogue, formatting numbers and times for `locale`. */
export function createTranslator(lang: LanguageCode, locale: string = lang): Translator {
  const catalogue: Catalogue = CATALOGUES[lang];
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const hm = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const hms = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function t(key: MessageKey, params: MessageParams = {}): string {
    // A key missing at run time (a cause kind from a newer window) shows as the key rather than breaking the view.
    return (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  }

  function plural(key: PluralKey, count: number, params: MessageParams = {}): string {
    // Categories a catalogue has no form for (Spanish "many" for a million) take the `.other` form.
    const category = rules.select(count);
    const exact = `${key}.${category}`;
    const chosen: MessageKey = exact in catalogue ? (exact as MessageKey) : `${key}.other`;
    return t(chosen, { ...params, count });
  }

  return {
    lang,
    locale,
    t,
    plural,
    time: (at, options) => (options?.seconds ? hms : hm).format(at),
  };
}
