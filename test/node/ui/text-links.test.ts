// Customer text to text and link parts: only absolute http(s) URLs become links; everything else, however hostile,
// stays text, and no character is lost or repeated.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linkParts, MAX_LINK_LENGTH, type TextPart } from '../../../src/ui/text-links.ts';

const joined = (parts: readonly TextPart[]): string => parts.map((p) => p.text).join('');
const links = (text: string): string[] =>
  linkParts(text)
    .filter((p) => p.kind === 'link')
    .map((p) => (p.kind === 'link' ? p.href : ''));

describe('links in customer text', () => {
  it('an http or https address becomes a link; the words around it stay text', () => {
    assert.deepEqual(linkParts('see https://example.com/order/42 please'), [
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/order/42', href: 'https://example.com/order/42' },
      { kind: 'text', text: ' please' },
    ]);
    assert.deepEqual(links('HTTP://Example.COM/Path?q=1&r=2#top'), ['http://example.com/Path?q=1&r=2#top']);
  });

  it('javascript:, data:, vbscript:, file: and mailto: never become links', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'mailto:someone@example.com',
      'http://javascript:alert(1)',
      'https://',
      'xhttps://example.com',
    ]) {
      assert.deepEqual(linkParts(text), [{ kind: 'text', text }], text);
    }
  });

  it('markup and quotes end a link and stay text', () => {
    const text = '"https://a.example/"><script>alert(1)</script><img src=x onerror=alert(1)>';
    const parts = linkParts(text);
    assert.deepEqual(links(text), ['https://a.example/']);
    assert.equal(joined(parts), text);
    assert.ok(parts.every((p) => p.kind === 'text' || !/[<>"']/.test(p.href)));
    assert.deepEqual(links("<a href='https://b.example/x'>y</a>"), ['https://b.example/x']);
  });

  it('sentence punctuation after an address is not part of it; balanced brackets are', () => {
    assert.deepEqual(links('Look at https://example.com/a.'), ['https://example.com/a']);
    assert.deepEqual(links('Really? https://example.com/b?!'), ['https://example.com/b']);
    assert.deepEqual(links('(see https://example.com/c)'), ['https://example.com/c']);
    assert.deepEqual(links('https://en.wikipedia.org/wiki/Foo_(bar), ok'), ['https://en.wikipedia.org/wiki/Foo_(bar)']);
    assert.deepEqual(links('two: https://a.example, https://b.example;'), ['https://a.example/', 'https://b.example/']);
  });

  it('very long text is split in one pass and keeps every character; an overlong address stays text', () => {
    const long = `${'word '.repeat(20_000)}https://example.com/end ${'x'.repeat(50_000)}`;
    const parts = linkParts(long);
    assert.equal(joined(parts), long);
    assert.deepEqual(links(long), ['https://example.com/end']);
    const huge = `https://example.com/${'a'.repeat(MAX_LINK_LENGTH)}`;
    assert.deepEqual(linkParts(huge), [{ kind: 'text', text: huge }]);
  });

  it('text with no address is one text part, and empty text none', () => {
    assert.deepEqual(linkParts('Where is my order?'), [{ kind: 'text', text: 'Where is my order?' }]);
    assert.deepEqual(linkParts(''), []);
  });
});
