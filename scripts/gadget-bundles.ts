// The gadget XML's <Locale> message bundles, made at build time from the same catalogues as the UI: the keys under
// `gadget.` (title, description, pref display names) become the bundle's messages, so a language has one
// catalogue for everything the agent or administrator reads. vite.config.ts emits them beside gadget.xml.
import { CATALOGUES, LANGUAGES, type LanguageCode } from '../src/ui/i18n/languages.ts';
import type { Catalogue, MessageKey } from '../src/ui/i18n/catalogue.ts';

const PREFIX = 'gadget.';

/** The catalogue keys a bundle carries. */
export function bundleKeys(catalogue: Catalogue): MessageKey[] {
  return (Object.keys(catalogue) as MessageKey[]).filter((k) => k.startsWith(PREFIX));
}

/** A key's message name in the bundle (`__MSG_name__` in gadget.xml): "gadget.pref.maxChats" → "pref_maxChats". */
export function bundleName(key: MessageKey): string {
  return key.slice(PREFIX.length).replace(/\./g, '_');
}

/** The bundle's file under messages/: the default (English) is ALL_ALL.xml, the others `<lang>_ALL.xml`. */
export function bundleFileName(lang: LanguageCode): string {
  return lang === 'en' ? 'ALL_ALL.xml' : `${lang}_ALL.xml`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text as XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** One language's bundle: its `lang` (for <html lang>) and the catalogue's gadget messages. */
export function bundleXml(lang: string, catalogue: Catalogue): string {
  const lines = [
    `  <msg name="lang">${escapeXml(lang)}</msg>`,
    ...bundleKeys(catalogue).map((k) => `  <msg name="${bundleName(k)}">${escapeXml(catalogue[k])}</msg>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generated from src/ui/i18n at build time. -->\n<messagebundle>\n${lines.join('\n')}\n</messagebundle>\n`;
}

/** Every language's bundle, with its file name. */
export function messageBundles(): { readonly lang: LanguageCode; readonly fileName: string; readonly xml: string }[] {
  return LANGUAGES.map((lang) => ({ lang, fileName: bundleFileName(lang), xml: bundleXml(lang, CATALOGUES[lang]) }));
}
