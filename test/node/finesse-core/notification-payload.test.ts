// The gadget reads a hub payload the way the Finesse desktop publishes it: {content: node path + document, object}.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { notificationDocumentOf } from '../../../src/core/finesse/notification-payload.ts';
import { parseUpdate } from '../../../src/core/finesse/xml/index.ts';
import { notificationPayload } from '../../../sim/desktop/client/hub-payload.ts';

const NODE = '/finesse/api/User/1001001';
const XML = `<Update><event>PUT</event><requestId>r-1</requestId><source>${NODE}</source><data><user><loginId>1001001</loginId><state>READY</state></user></data></Update>`;

function stateOf(payload: unknown): string {
  const doc = notificationDocumentOf(payload);
  assert.ok(doc.ok, doc.ok ? '' : doc.error);
  const update = parseUpdate(doc.value.xml, { node: NODE });
  assert.ok(update.ok, update.ok ? '' : update.error.message);
  assert.equal(update.value.data.kind, 'user');
  return update.value.data.kind === 'user' ? update.value.data.user.state : '';
}

describe('a Finesse notification on the hub', () => {
  it('{content: node path + XML, object} -> the XML after the path, and the path', () => {
    const doc = notificationDocumentOf(notificationPayload(NODE, XML));
    assert.deepEqual(doc, { ok: true, value: { xml: XML, path: NODE } });
  });

  it('content is read, never the object: an object that disagrees changes nothing', () => {
    assert.equal(
      stateOf({ content: `${NODE}${XML}`, object: { Update: { data: { user: { state: 'NOT_READY' } } } } }),
      'READY',
    );
  });

  it('a bare XML string and a string with the node path are still accepted', () => {
    assert.equal(stateOf(XML), 'READY');
    assert.equal(stateOf(`${NODE}${XML}`), 'READY');
    assert.equal(stateOf(`  ${NODE}\n${XML}  `), 'READY');
  });

  it('a JSON event after the node path is read as the XML it stands for, through the same parser', () => {
    const json = JSON.stringify({
      Update: {
        event: 'PUT',
        requestId: 'r-2',
        source: NODE,
        data: { user: { loginId: '1001001', state: 'TALKING', roles: { role: ['Agent', 'Supervisor'] } } },
      },
    });
    const doc = notificationDocumentOf({ content: `${NODE}${json}`, object: JSON.parse(json) as unknown });
    assert.ok(doc.ok);
    assert.equal(doc.value.path, NODE);
    const update = parseUpdate(doc.value.xml, { node: NODE });
    assert.ok(update.ok && update.value.data.kind === 'user');
    assert.equal(update.value.requestId, 'r-2');
    assert.equal(update.value.data.user.state, 'TALKING');
    assert.deepEqual(update.value.data.user.roles, ['Agent', 'Supervisor']);
  });

  it('JSON text that would be markup stays text', () => {
    const json = JSON.stringify({
      Update: {
        event: 'PUT',
        requestId: '<b>x</b>',
        source: NODE,
        data: { user: { loginId: '1001001', state: 'READY' } },
      },
    });
    const doc = notificationDocumentOf(`${NODE}${json}`);
    assert.ok(doc.ok);
    const update = parseUpdate(doc.value.xml);
    assert.ok(update.ok);
    assert.equal(update.value.requestId, '<b>x</b>');
  });

  const refusals: ReadonlyArray<readonly [string, unknown, RegExp]> = [
    ['an object without content', { object: { Update: {} } }, /only a converted object and no raw content/],
    ['content that is not text', { content: 42 }, /no content/],
    ['an empty content', { content: '   ' }, /empty/],
    ['a number', 42, /a number, not a Finesse notification/],
    ['null', null, /null, not a Finesse notification/],
    ['a list', [XML], /a list, not a Finesse notification/],
    [
      'a path followed by plain text',
      `${NODE} hello`,
      /nothing after its node path \/finesse\/api\/User\/1001001 was XML or JSON/,
    ],
    ['plain text', 'hello', /did not start with a node path or a document/],
    ['broken JSON', `${NODE}{"Update":`, /JSON document was not well-formed/],
    ['JSON with two roots', `${NODE}{"Update":{},"x":{}}`, /exactly one top-level field/],
    ['JSON with a field XML cannot name', `${NODE}{"Update":{"a b":"1"}}`, /field name XML cannot carry/],
    ['JSON nested past the limit', `${NODE}{"Update":${'{"a":'.repeat(80)}"x"${'}'.repeat(80)}}`, /nested too deeply/],
  ];
  for (const [what, payload, why] of refusals) {
    it(`${what} -> refused in words`, () => {
      const doc = notificationDocumentOf(payload);
      assert.equal(doc.ok, false);
      if (!doc.ok) assert.match(doc.error, why);
    });
  }
});
