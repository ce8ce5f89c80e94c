// The harness renders gadget XML the way Shindig does: prefs and messages substituted, prefs escaped,
// the container's feature script before the gadget's own markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chooseLocale, defaultLocale, parseGadgetSpec, parseMessageBundle } from '../../../sim/desktop/gadget-spec.ts';
import { jsonForHtml, renderGadgetDocument, substitute } from '../../../sim/desktop/gadget-render.ts';

test('the product gadget.xml reads as a spec with pubsub-2, its locales, its prefs and html content', () => {
  const spec = parseGadgetSpec(readFileSync('gadget.xml', 'utf8'));
  assert.ok(spec.ok, spec.ok ? '' : spec.error);
  assert.deepEqual(spec.value.features, ['pubsub-2', 'setprefs', 'dynamic-height']);
  assert.equal(spec.value.userPrefs.find((p) => p.name === 'maxChats')?.defaultValue, '5');
  assert.match(spec.value.content, /<finesse-blend-agent>/);
  assert.equal(chooseLocale(spec.value.locales, 'de', 'DE')?.lang, 'de');
  assert.equal(chooseLocale(spec.value.locales, 'fr', 'FR')?.lang, '', 'an unknown language falls back to the default bundle');
  assert.equal(defaultLocale(spec.value.locales)?.messages, '/3rdpartygadget/files/finesse-blend/messages/ALL_ALL.xml');
});

test('a user pref that tries to inject markup arrives as text', () => {
  const out = substitute('<p title="__UP_x__">__UP_x__</p>', new Map(), new Map([['x', `"><script>alert('1')</script>&`]]), '1');
  assert.equal(out, '<p title="&#34;&#62;&#60;script&#62;alert(&#39;1&#39;)&#60;/script&#62;&#38;">&#34;&#62;&#60;script&#62;alert(&#39;1&#39;)&#60;/script&#62;&#38;</p>');
});

test('messages come from the bundle as written; unknown names become empty, as in Shindig', () => {
  const out = substitute('__MSG_title__|__MSG_missing__|__UP_missing__|__MODULE_ID__', new Map([['title', 'Chat <b>and</b> Voice']]), new Map(), '7');
  assert.equal(out, 'Chat <b>and</b> Voice|||7');
});

test('message bundles parse; a DOCTYPE or broken XML is refused with a sentence', () => {
  const ok = parseMessageBundle('<messagebundle><msg name="a">A &amp; B</msg></messagebundle>');
  assert.ok(ok.ok);
  assert.equal(ok.value.get('a'), 'A & B');
  const dtd = parseMessageBundle('<!DOCTYPE x [<!ENTITY e "boom">]><messagebundle/>');
  assert.equal(dtd.ok, false);
  assert.equal(parseGadgetSpec('<Module><Content type="html">').ok, false);
  const noContent = parseGadgetSpec('<Module><ModulePrefs title="x"/></Module>');
  assert.ok(!noContent.ok && /Content/.test(noContent.error));
});

test('the feature script goes into the gadget document head, before any gadget script', () => {
  const head = '<script src="/gadgets/js/features.js"></script>';
  const full = renderGadgetDocument({ content: '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script src="/g.js"></script></body></html>', messages: new Map(), prefs: new Map(), moduleId: '1', head });
  assert.ok(full.indexOf(head) < full.indexOf('/g.js'));
  assert.ok(full.indexOf('<head>') < full.indexOf(head));
  const fragment = renderGadgetDocument({ content: '<div>hi</div><script src="/g.js"></script>', messages: new Map(), prefs: new Map(), moduleId: '1', head });
  assert.ok(fragment.indexOf(head) < fragment.indexOf('<div>hi</div>'));
});

test('config embedded as JSON cannot close its script element', () => {
  const json = jsonForHtml({ a: '</script><script>alert(1)</script>' });
  assert.ok(!json.includes('</script>'));
  assert.deepEqual(JSON.parse(json), { a: '</script><script>alert(1)</script>' });
});
