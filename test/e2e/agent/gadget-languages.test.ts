// The gadget speaks the language the agent picked on the desktop's sign-in page (Finesse's locale pref): German and
// Spanish agents see the headline, the decision log and the gadget's title in their language, the gadget document
// says its language, and no message key or {placeholder} shows anywhere in the gadget, shadow roots included.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { chooseState, watchForProblems } from '../../../sim/desktop/desktop-driver.ts';
import { en } from '../../../src/ui/i18n/en.ts';
import { CATALOGUES, type LanguageCode } from '../../../src/ui/i18n/languages.ts';
import type { Catalogue, MessageKey } from '../../../src/ui/i18n/catalogue.ts';
import { openGadget, startGadgetHarness, type GadgetHarness } from './gadget-harness.ts';
import type { GadgetPage } from './gadget-page.ts';

let harness: GadgetHarness;

before(async () => {
  harness = await startGadgetHarness();
});

after(async () => {
  await harness?.stop();
});

/** A message as a pattern: its placeholders match any text. */
const pattern = (message: string): RegExp =>
  new RegExp(`^${message.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+')}$`);

/** The `state.` keys whose message the headline is. */
const headlineKeys = (catalogue: Catalogue, headline: string): MessageKey[] =>
  (Object.keys(catalogue) as MessageKey[]).filter(
    (k) => k.startsWith('state.') && pattern(catalogue[k]).test(headline),
  );

/** What must never show: an English key verbatim, anything shaped like one ("chats.heading"), or a {placeholder}. */
function leaks(text: string): string[] {
  const keys = (Object.keys(en) as MessageKey[]).filter((k) => text.includes(k));
  const keyLike = [...text.matchAll(/\b[a-z][A-Za-z]*(?:\.[A-Za-z][\w-]*)+\b/g)].map((m) => m[0]);
  const placeholders = [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]);
  return [...keys, ...keyLike, ...placeholders];
}

async function signedInAs(
  locale: string,
): Promise<{ page: Page; gadget: GadgetPage; problems: string[]; close(): Promise<void> }> {
  // A browser context of its own: one desktop window at a time owns blending, and each test's window goes with it.
  const context = await harness.chromium.browser.createBrowserContext();
  const page = await context.newPage();
  const problems = await watchForProblems(page);
  const gadget = await openGadget(harness, page, `the product gadget in ${locale}`, locale);
  return { page, gadget, problems, close: () => context.close() };
}

for (const [locale, lang] of [
  ['de_DE', 'de'],
  ['es_ES', 'es'],
] as const satisfies ReadonlyArray<readonly [string, LanguageCode]>) {
  test(`an agent who signs in in ${locale} gets the gadget in ${lang}, with no missing key`, async () => {
    const words = CATALOGUES[lang];
    const { page, gadget, problems, close } = await signedInAs(locale);
    try {
      assert.equal(await gadget.frame.evaluate(() => document.documentElement.lang), lang, '<html lang> of the gadget');
      // The title above the gadget comes from the gadget XML's <Locale> bundle for the language.
      await page.waitForFunction(
        (title) => [...document.querySelectorAll('.gadget-title')].some((e) => e.textContent === title),
        { timeout: 10_000 },
        words['gadget.title'],
      );

      await chooseState(page, 'READY');
      await gadget.waitForHeadline(words['state.readyBoth']);

      await chooseState(page, 'NOT_READY');
      await gadget.frame.waitForFunction(
        (ready) => {
          const status = document.querySelector('finesse-blend-agent')?.shadowRoot?.querySelector('fb-blend-status');
          const text = status?.shadowRoot?.querySelector('.headline')?.textContent?.trim() ?? '';
          return text !== '' && text !== ready;
        },
        { timeout: 15_000 },
        words['state.readyBoth'],
      );
      const headline = await gadget.headline();
      assert.notDeepEqual(headlineKeys(words, headline), [], `"${headline}" is a ${lang} headline`);
      assert.deepEqual(headlineKeys(en, headline), [], `"${headline}" is not English`);

      const text = await gadget.text();
      assert.ok(text.includes(words['log.heading']), 'the decision log heading');
      assert.ok(text.includes(words['log.chat-availability'].split('{')[0] ?? ''), 'decision log entries from causes');
      assert.ok(!text.includes(en['log.heading']), 'no English heading');
      assert.deepEqual(leaks(text), [], 'no raw key or placeholder in the rendered gadget');
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await close();
    }
  });
}
