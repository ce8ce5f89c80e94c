// The gadget XML's <Locale> bundles come from the same catalogues as the UI: each carries every `gadget.` message of
// its language, escaped, and gadget.xml lists one per language and names only messages they all have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chooseLocale, parseGadgetSpec, parseMessageBundle } from '../../../sim/desktop/gadget-spec.ts';
import { bundleKeys, bundleName, bundleXml, messageBundles } from '../../../scripts/gadget-bundles.ts';
import { CATALOGUES, LANGUAGES } from '../../../src/ui/i18n/languages.ts';
import { en } from '../../../src/ui/i18n/en.ts';

const read = (xml: string): ReadonlyMap<string, string> => {
  const parsed = parseMessageBundle(xml);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.value;
};

test("each bundle holds exactly its catalogue's gadget messages, and its language", () => {
  const keys = bundleKeys(en);
  assert.ok(keys.includes('gadget.title') && keys.includes('gadget.pref.maxChats'));
  for (const { lang, xml } of messageBundles()) {
    const expected = new Map([['lang', lang], ...keys.map((k) => [bundleName(k), CATALOGUES[lang][k]] as const)]);
    assert.deepEqual(read(xml), expected, lang);
  }
});

test('gadget.xml lists a bundle per language, the English one as the default, and names only messages they have', () => {
  const spec = parseGadgetSpec(readFileSync('gadget.xml', 'utf8'));
  assert.ok(spec.ok, spec.ok ? '' : spec.error);
  const files = new Map(messageBundles().map((b) => [b.lang, b.fileName]));
  assert.equal(chooseLocale(spec.value.locales, 'fr', 'FR')?.messages.endsWith(`/messages/${files.get('en')}`), true);
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    const locale = chooseLocale(spec.value.locales, lang, 'ALL');
    assert.equal(locale?.lang, lang);
    assert.equal(locale?.messages.endsWith(`/messages/${files.get(lang)}`), true, lang);
  }
  const used = [...readFileSync('gadget.xml', 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
  assert.ok(used.length >= 6);
  for (const { lang, xml } of messageBundles()) {
    const messages = read(xml);
    for (const name of used) assert.ok(messages.has(name ?? ''), `${lang} bundle has no ${name}`);
  }
});

test('messages are escaped: markup and quotes in a catalogue arrive as the same text', () => {
  const hostile = { ...en, 'gadget.title': `Chat & <b>Voice</b> "it's"` };
  assert.equal(read(bundleXml('en', hostile)).get('title'), `Chat & <b>Voice</b> "it's"`);
  assert.ok(!bundleXml('en', hostile).includes('<b>'));
});
