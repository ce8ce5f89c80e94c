import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Dialog, ReasonCode } from '../../../src/core/finesse/types.ts';
import {
  dialogToXml,
  parseDialog,
  parseReasonCodes,
  parseUser,
  reasonCodesToXml,
} from '../../../src/core/finesse/xml/index.ts';

const reasonCode = (label: string): ReasonCode => ({
  id: '9',
  code: 32009,
  label,
  category: 'NOT_READY',
  systemCode: false,
  forAll: true,
  uri: '/finesse/api/ReasonCode/9',
});

const dialogWithVariable = (value: string): Dialog => ({
  id: '16777999',
  mediaType: 'Voice',
  callType: 'ACD_IN',
  state: 'ACTIVE',
  fromAddress: '+4930123456',
  toAddress: '1001001',
  dialedNumber: '8001',
  associatedDialogUri: null,
  callVariables: [{ name: 'callVariable1', value }],
  participants: [],
  uri: '/finesse/api/Dialog/16777999',
});

function labelAfterRoundTrip(label: string): string | undefined {
  const result = parseReasonCodes(reasonCodesToXml([reasonCode(label)]));
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value[0]?.label;
}

function variableAfterRoundTrip(value: string): string | undefined {
  const result = parseDialog(dialogToXml(dialogWithVariable(value)));
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value.callVariables[0]?.value;
}

/** What XML 1.0 can carry, written independently of the code under test (Char production, XML 1.0 §2.2). */
function xmlCarriable(value: string): string {
  return [...value]
    .filter((char) => {
      const c = char.codePointAt(0) ?? 0;
      return (
        c === 0x9 ||
        c === 0xa ||
        c === 0xd ||
        (c >= 0x20 && c <= 0xd7ff) ||
        (c >= 0xe000 && c <= 0xfffd) ||
        c >= 0x10000
      );
    })
    .join('');
}

describe('hostile values are escaped when written and come back unchanged', () => {
  const hostileValues = [
    '<script>alert(1)</script>',
    'a]]>b',
    '<![CDATA[x]]>',
    'Tom & Jerry &amp; &lt;',
    `"double" and 'single' quotes`,
    '</label><systemCode>true</systemCode><label>',
    '&#x3C;script&#x3E;',
    '  leading and trailing spaces  ',
    'line one\nline two\r\nline three\rend\ttab',
    '😀 emoji and ü and 中文',
  ];
  for (const value of hostileValues) {
    it(`reason label ${JSON.stringify(value)}`, () => {
      assert.equal(labelAfterRoundTrip(value), value);
    });
    it(`call variable ${JSON.stringify(value)}`, () => {
      assert.equal(variableAfterRoundTrip(value), value);
    });
  }

  it('markup in a value never becomes structure', () => {
    const xml = reasonCodesToXml([reasonCode('</label><systemCode>true</systemCode><label>')]);
    assert.doesNotMatch(xml, /<systemCode>true/);
    const result = parseReasonCodes(xml);
    assert.ok(result.ok);
    assert.equal(result.value[0]?.systemCode, false);
  });

  it('XML-illegal control characters are stripped on write (the rest of the value is kept)', () => {
    const xml = dialogToXml(dialogWithVariable('a\u0000b\u0001c\u001Fd\u000Be\uFFFFf'));
    assert.equal(xmlCarriable(xml), xml, 'the document holds no character XML forbids');
    assert.equal(variableAfterRoundTrip('a\u0000b\u0001c\u001Fd\u000Be\uFFFFf'), 'abcdef');
  });

  it('XML-illegal control characters are stripped on read as well, raw or as references', () => {
    const result = parseUser(
      '<User><loginId>1</loginId><state>READY</state><firstName>A\u0001B&#x1;C&#0;D</firstName></User>',
    );
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.firstName, 'ABCD');
  });

  it('unpaired surrogates are stripped; paired ones are kept', () => {
    assert.equal(variableAfterRoundTrip('x\uD800y\uDC00z😀'), 'xyz😀');
  });

  it('property: any string survives a write/read round trip, minus illegal characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        assert.equal(variableAfterRoundTrip(value), xmlCarriable(value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('standard XML references decode; nothing else does', () => {
  it('predefined entities and character references in text', () => {
    const result = parseUser(
      '<User><loginId>1</loginId><state>READY</state><firstName>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;</firstName></User>',
    );
    assert.ok(result.ok);
    assert.equal(result.value.firstName, `<>&"'AB😀`);
  });

  it('a reference is decoded once: &amp;lt; is the text "&lt;"', () => {
    const result = parseUser('<User><loginId>1</loginId><state>READY</state><firstName>&amp;lt;</firstName></User>');
    assert.ok(result.ok);
    assert.equal(result.value.firstName, '&lt;');
  });

  it('CDATA content is taken literally', () => {
    const result = parseUser(
      '<User><loginId>1</loginId><state>READY</state><firstName><![CDATA[<b>&amp;</b>]]></firstName></User>',
    );
    assert.ok(result.ok);
    assert.equal(result.value.firstName, '<b>&amp;</b>');
  });

  it('a code point beyond Unicode is malformed', () => {
    const result = parseUser('<User><loginId>1</loginId><state>READY</state><firstName>&#x110000;</firstName></User>');
    assert.equal(result.ok ? 'ok' : result.error.code, 'MALFORMED_XML');
  });
});
