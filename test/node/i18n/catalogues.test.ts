// The three catalogues: Spanish and German say everything English says, with the same placeholders; plurals follow
// each language's rules; the language follows the desktop's locale pref and falls back to English.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../../src/ui/i18n/en.ts';
import { CATALOGUES, chooseLanguage, LANGUAGES } from '../../../src/ui/i18n/languages.ts';
import { catalogueProblems } from '../../../src/ui/i18n/catalogue.ts';
import { createTranslator } from '../../../src/ui/i18n/translator.ts';
import { causeText } from '../../../src/ui/cause-text.ts';

describe('catalogues', () => {
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    test(`${lang} has every key English has, no other, with the same {placeholders}`, () => {
      assert.deepEqual(catalogueProblems(en, CATALOGUES[lang]), []);
    });
  }

  test('the check fails for a catalogue that misses a key, adds one, or changes a placeholder', () => {
    const { 'chats.send': _dropped, ...missing } = CATALOGUES.de;
    assert.deepEqual(catalogueProblems(en, missing), ['missing chats.send']);
    assert.deepEqual(catalogueProblems(en, { ...CATALOGUES.de, 'chats.sendNow': 'Jetzt senden' }), [
      'extra chats.sendNow',
    ]);
    assert.deepEqual(catalogueProblems(en, { ...CATALOGUES.es, 'offer.from': 'Chat de {nombre}' }), [
      'offer.from: placeholders {nombre} instead of {name}',
    ]);
    assert.deepEqual(catalogueProblems(en, { ...CATALOGUES.es, 'offer.from': ' ' }), ['missing offer.from']);
  });

  test('no translation is left in English by mistake (a message equal to English must be a name or a code)', () => {
    // The words that read the same in all three ("chat", "System"), and the pref values an administrator types
    // ("true"); messages with no word of their own ("'{label}'") pass.
    const same = new Set([
      'chats.system',
      'count.chats.one',
      'count.chats.other',
      'log.voice-request.again',
      'header.channel',
      'header.offline',
      'choice.heading',
      'choice.current',
      'config.flag.true',
      'config.flag.false',
    ]);
    for (const lang of ['es', 'de'] as const) {
      const copied = Object.entries(CATALOGUES[lang])
        .filter(([k, v]) => v === en[k as keyof typeof en] && !same.has(k) && /\p{L}/u.test(v.replace(/\{\w+\}/g, '')))
        .map(([k]) => k);
      assert.deepEqual(copied, [], `${lang} messages identical to English`);
    }
  });
});

describe('plurals', () => {
  const cases = {
    en: ['0 chats', '1 chat', '2 chats'],
    es: ['0 chats', '1 chat', '2 chats'],
    de: ['0 Chats', '1 Chat', '2 Chats'],
  } as const;
  for (const lang of LANGUAGES) {
    test(`${lang}: 0, 1 and 2 chats`, () => {
      const words = createTranslator(lang);
      assert.deepEqual(
        [0, 1, 2].map((n) => words.plural('count.chats', n)),
        cases[lang],
      );
    });
  }

  test('one chat that continues, in each language: "1 chat continues", never "1 chats continue"', () => {
    const line = (lang: (typeof LANGUAGES)[number], n: number) =>
      createTranslator(lang).plural('state.notReadyChats', n, { reason: 'Lunch' });
    assert.equal(line('en', 1), 'Not Ready (Lunch): 1 chat continues, no new chats');
    assert.equal(line('en', 3), 'Not Ready (Lunch): 3 chats continue, no new chats');
    assert.equal(line('de', 1), 'Nicht bereit (Lunch): 1 Chat läuft weiter, keine neuen Chats');
    assert.equal(line('de', 2), 'Nicht bereit (Lunch): 2 Chats laufen weiter, keine neuen Chats');
    assert.equal(line('es', 1), 'No disponible (Lunch): 1 chat continúa, sin chats nuevos');
    assert.equal(line('es', 2), 'No disponible (Lunch): 2 chats continúan, sin chats nuevos');
  });

  test('the decision log built from causes pluralizes too', () => {
    const cause = { kind: 'agent-chose-not-ready', continuing: 1 } as const;
    assert.equal(
      causeText(createTranslator('en')).chat(cause),
      'Not Ready for chat: chosen by the agent; 1 chat continues',
    );
    assert.equal(
      causeText(createTranslator('de')).chat({ ...cause, continuing: 2 }),
      'Nicht bereit für Chats: vom Agenten gewählt; 2 Chats laufen weiter',
    );
    assert.equal(
      causeText(createTranslator('es')).log({ kind: 'chats-handed-back', count: 1 }),
      'Sesión de Finesse cerrada: chats devueltos a la cola (1 chat)',
    );
  });

  test("a desktop service's refusal is said in the agent's language, with what to do and the desktop's own words", () => {
    const detail = 'The desktop did not show the offer popover: busy';
    const cause = { kind: 'desktop-service-refused', service: 'popover', detail } as const;
    assert.deepEqual(causeText(createTranslator('es')).problem(cause), {
      title: 'El escritorio no mostró o no retiró la ventana emergente de una oferta de chat.',
      action: `Las ofertas siguen apareciendo en el gadget; avise a su administrador: ${detail}`,
    });
    assert.match(
      causeText(createTranslator('de')).problem({ ...cause, service: 'header-channel' }).action,
      /^Angebote erscheinen weiter im Gadget.*informieren Sie Ihren Administrator: The desktop did not/,
    );
  });

  test('a plural category a catalogue has no form for takes the "other" form (Spanish "many")', () => {
    assert.equal(new Intl.PluralRules('es').select(1_000_000), 'many', 'CLDR gives Spanish a "many" category');
    assert.equal(createTranslator('es', 'es-ES').plural('count.chats', 1_000_000), '1.000.000 chats');
  });

  test('numbers in messages follow the locale', () => {
    assert.equal(createTranslator('de', 'de-DE').t('offer.expiresIn', { seconds: 1.5 }), 'Läuft ab in 1,5 s');
    assert.equal(createTranslator('en', 'en-US').t('offer.expiresIn', { seconds: 1.5 }), 'Expires in 1.5 s');
  });
});

describe('the language follows the desktop locale pref', () => {
  const cases: ReadonlyArray<[{ locale?: string; language?: string }, string, string]> = [
    [{ locale: 'de_DE' }, 'de', 'de-DE'],
    [{ locale: 'de_AT', language: 'de' }, 'de', 'de-AT'],
    [{ locale: 'es_MX' }, 'es', 'es-MX'],
    [{ locale: 'es_ES', language: 'es' }, 'es', 'es-ES'],
    [{ locale: 'en_US' }, 'en', 'en-US'],
    [{ locale: 'fr_FR', language: 'fr' }, 'en', 'fr-FR'],
    [{ locale: '', language: '' }, 'en', 'en'],
    [{}, 'en', 'en'],
    [{ locale: '', language: 'de' }, 'de', 'de'],
    [{ locale: 'not a locale!', language: 'es' }, 'es', 'es'],
  ];
  for (const [prefs, lang, locale] of cases) {
    test(`${JSON.stringify(prefs)} → ${lang} (${locale})`, () => {
      assert.deepEqual(chooseLanguage(prefs), { lang, locale });
    });
  }
});
