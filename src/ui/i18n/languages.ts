// The languages the gadget speaks, and which one an agent gets: the Finesse desktop's `locale` pref (en_US, de_AT,
// es_MX…), else its `language` pref, matched by the language subtag; English when neither names one we have.
import type { Catalogue } from './catalogue.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';

/** Every catalogue, by language subtag. English first: it is the default and the source of the keys. */
export const CATALOGUES = { en, es, de } as const satisfies Readonly<Record<string, Catalogue>>;

export type LanguageCode = keyof typeof CATALOGUES;

export const LANGUAGES = Object.keys(CATALOGUES) as readonly LanguageCode[];

/** The language of the words, and the locale for numbers, dates and times. */
export interface LanguageChoice {
  readonly lang: LanguageCode;
  /** A BCP 47 tag Intl accepts ("de-AT"); the agent's own even when its language falls back to English. */
  readonly locale: string;
}

const isLanguage = (tag: string): tag is LanguageCode => Object.hasOwn(CATALOGUES, tag);

/** "de_AT" or "de-at" as a canonical BCP 47 tag ("de-AT"), or null when it is not one. */
function bcp47(pref: string): string | null {
  const tag = pref.trim().replace(/_/g, '-');
  if (tag === '') return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** Chooses the language from the desktop's prefs: `locale` first, then `language`; English when neither fits. */
export function chooseLanguage(prefs: { readonly locale?: string; readonly language?: string }): LanguageChoice {
  const tags = [prefs.locale ?? '', prefs.language ?? ''].map(bcp47).filter((t): t is string => t !== null);
  const first = tags[0] ?? 'en';
  for (const tag of tags) {
    const lang = tag.split('-')[0]?.toLowerCase() ?? '';
    if (isLanguage(lang)) return { lang, locale: tag };
  }
  return { lang: 'en', locale: first };
}
