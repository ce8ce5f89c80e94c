// The harness renders gadget XML the way Shindig does: prefs and messages substituted, prefs escaped,
// the container's feature script before the gadget's own markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chooseLocale, defaultLocale, parseGadgetSpec, parseMessageBundle } from '../../../sim/desktop/gadget-spec.ts';
import {
  jsonForHtml,
  renderGadgetDocument,
  resolveContentUrls,
  substitute,
} from '../../../sim/desktop/gadget-render.ts';
import {
  FINESSE_JS_FILES,
  gadgetCsp,
  gadgetCspFor,
  emptyJqueryLine,
  standInFinesseJsLine,
} from '../../../sim/desktop/desktop-routes.ts';

test('the product gadget.xml reads as a spec with pubsub-2, its locales, its prefs and html content', () => {
  const spec = parseGadgetSpec(readFileSync('gadget.xml', 'utf8'));
  assert.ok(spec.ok, spec.ok ? '' : spec.error);
  assert.deepEqual(spec.value.features, ['pubsub-2', 'setprefs', 'dynamic-height']);
  assert.equal(spec.value.userPrefs.find((p) => p.name === 'maxChats')?.defaultValue, '5');
  assert.match(spec.value.content, /<finesse-blend-agent>/);
  assert.equal(chooseLocale(spec.value.locales, 'de', 'DE')?.lang, 'de');
  assert.equal(
    chooseLocale(spec.value.locales, 'fr', 'FR')?.lang,
    '',
    'an unknown language falls back to the default bundle',
  );
  assert.equal(defaultLocale(spec.value.locales)?.messages, '/3rdpartygadget/files/finesse-blend/messages/ALL_ALL.xml');
});

test('a user pref that tries to inject markup arrives as text', () => {
  const out = substitute(
    '<p title="__UP_x__">__UP_x__</p>',
    new Map(),
    new Map([['x', `"><script>alert('1')</script>&`]]),
    '1',
  );
  assert.equal(
    out,
    '<p title="&#34;&#62;&#60;script&#62;alert(&#39;1&#39;)&#60;/script&#62;&#38;">&#34;&#62;&#60;script&#62;alert(&#39;1&#39;)&#60;/script&#62;&#38;</p>',
  );
});

test('messages come from the bundle as written; unknown names become empty, as in Shindig', () => {
  const out = substitute(
    '__MSG_title__|__MSG_missing__|__UP_missing__|__MODULE_ID__',
    new Map([['title', 'Chat <b>and</b> Voice']]),
    new Map(),
    '7',
  );
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
  const full = renderGadgetDocument({
    content:
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script src="/g.js"></script></body></html>',
    messages: new Map(),
    prefs: new Map(),
    moduleId: '1',
    head,
  });
  assert.ok(full.indexOf(head) < full.indexOf('/g.js'));
  assert.ok(full.indexOf('<head>') < full.indexOf(head));
  const fragment = renderGadgetDocument({
    content: '<div>hi</div><script src="/g.js"></script>',
    messages: new Map(),
    prefs: new Map(),
    moduleId: '1',
    head,
  });
  assert.ok(fragment.indexOf(head) < fragment.indexOf('<div>hi</div>'));
});

test('config embedded as JSON cannot close its script element', () => {
  const json = jsonForHtml({ a: '</script><script>alert(1)</script>' });
  assert.ok(!json.includes('</script>'));
  assert.deepEqual(JSON.parse(json), { a: '</script><script>alert(1)</script>' });
});

test("relative URLs in a gadget resolve against the spec's own URL, not /gadgets/ifr", () => {
  const spec = 'http://127.0.0.1:8080/3rdpartygadget/files/conformance/conformance.xml';
  const out = resolveContentUrls(
    '<script src="conformance.js"></script><link rel="stylesheet" href="css/c.css"><img src=\'../x.png\'>',
    spec,
  );
  assert.equal(
    out,
    '<script src="/3rdpartygadget/files/conformance/conformance.js"></script>' +
      '<link rel="stylesheet" href="/3rdpartygadget/files/conformance/css/c.css"><img src=\'/3rdpartygadget/files/x.png\'>',
  );
  const rendered = renderGadgetDocument({
    content: '<img src="i.png">',
    messages: new Map(),
    prefs: new Map(),
    moduleId: '1',
    head: '',
    specUrl: spec,
  });
  assert.match(rendered, /<img src="\/3rdpartygadget\/files\/conformance\/i\.png">/);
});

test('absolute, scheme, fragment and protocol-relative URLs and look-alike attributes are left as written', () => {
  const spec = 'http://127.0.0.1:8080/3rdpartygadget/files/g/g.xml';
  const kept =
    '<script src="/gadgets/js/features.js"></script><a href="#top">t</a><img src="data:image/png;base64,AA">' +
    '<a href="https://example.com/x">x</a><script src="//cdn.example.com/a.js"></script><img data-src="later.png"><p>src="z.js"</p>';
  assert.equal(resolveContentUrls(kept, spec), kept);
  assert.equal(
    resolveContentUrls('<a href="q?a=1&amp;b=2">', spec),
    '<a href="/3rdpartygadget/files/g/q?a=1&amp;b=2">',
  );
});

test('the product gadget gets the strict CSP; third-party gadgets none, as on a real desktop', () => {
  const xmpp = {
    domain: 'localhost',
    pubsubDomain: 'pubsub.localhost',
    websocketUrl: 'ws://127.0.0.1:5280/xmpp-websocket',
    boshUrl: 'http://127.0.0.1:5280/http-bind',
  };
  assert.equal(gadgetCspFor('/3rdpartygadget/files/finesse-blend/gadget.xml?maxChats=3', xmpp), gadgetCsp(xmpp));
  assert.equal(
    gadgetCspFor('http://127.0.0.1:8080/3rdpartygadget/files/finesse-blend/team-gadget.xml', xmpp),
    gadgetCsp(xmpp),
  );
  assert.match(gadgetCsp(xmpp), /script-src 'self';/);
  assert.equal(gadgetCspFor('/3rdpartygadget/files/conformance/conformance.xml', xmpp), null);
  assert.equal(
    gadgetCspFor('/3rdpartygadget/files/finesse-blend-copy/gadget.xml', xmpp),
    null,
    'only the product folder itself',
  );
});

test("the empty jQuery stand-in is explained in one line naming the file and the folder for Cisco's copy", () => {
  const line = emptyJqueryLine('/repo/finesse-js');
  assert.doesNotMatch(line, /\n/);
  assert.match(line, /empty stand-in for \/desktop\/assets\/js\/jquery\.min\.js/);
  assert.match(line, /in \/repo\/finesse-js/);
  assert.deepEqual(FINESSE_JS_FILES, ['finesse.js', 'finesse.min.js', 'jquery.min.js']);
});

test("the stand-in's partial library is announced in one line saying what it has and where Cisco's file goes", () => {
  const line = standInFinesseJsLine('finesse.js', '/repo/finesse-js', true);
  assert.doesNotMatch(line, /\n/);
  assert.match(
    line,
    /partial \/desktop\/assets\/js\/finesse\.js \(ContainerServices\.init, finesse\.digital\.ChannelService and PopoverService\)/,
  );
  assert.match(line, /into \/repo\/finesse-js/);
  assert.match(standInFinesseJsLine('finesse.js', '/d', false), /no finesse\.digital, no PopoverService/);
});
