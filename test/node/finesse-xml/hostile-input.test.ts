import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HOSTILE_CASES, deeplyNested, oversizedUser } from '../../fixtures/finesse/hostile-fixtures.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';
import { parseUser, parseDialogs, parseUpdate } from '../../../src/core/finesse/xml/index.ts';

describe('hostile Finesse XML yields a typed error, never a throw', () => {
  for (const hostile of HOSTILE_CASES) {
    it(`${hostile.name} -> ${hostile.expected}`, () => {
      const result = hostile.parse(hostile.xml);
      assert.equal(result.ok, false, 'a hostile document must not parse');
      if (result.ok) return;
      assert.equal(result.error.kind, 'parse');
      assert.equal(result.error.code, hostile.expected, result.error.message);
      assert.ok(result.error.message.length > 20, 'the message explains the problem');
      assert.ok(result.error.message.length < 600, 'the message stays short even for huge input');
    });
  }
});

describe('messages an administrator can act on', () => {
  it('a missing state names the element and the document', () => {
    const result = parseUser(readFixture('hostile/user-missing-state.xml'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /Finesse User document has no <state> element/);
    assert.equal(result.error.path, 'User/state');
  });

  it('a wrong root says what was expected and what came', () => {
    const result = parseUser(readFixture('dialogs-one.xml'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /<User>.*<Dialogs>/);
  });

  it('an unknown state quotes the value and lists the known ones', () => {
    const result = parseUser(readFixture('hostile/user-unknown-state.xml'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /"AVAILABLE"/);
    assert.match(result.error.message, /NOT_READY/);
  });

  it('an error deep in a list points at the item', () => {
    const result = parseDialogs(readFixture('hostile/dialog-unknown-state.xml'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.path, 'Dialogs/Dialog[1]/state');
  });

  it('an error inside notification data carries the full path', () => {
    const result = parseUpdate(readFixture('hostile/update-user-unknown-state.xml'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.path, 'Update/data/user/state');
    assert.match(result.error.message, /Finesse notification/);
  });

  it('entity declarations are refused by name', () => {
    const result = parseUser(readFixture('hostile/external-entity.xml'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /DOCTYPE/);
    assert.doesNotMatch(result.error.message, /root:/, 'nothing from /etc/passwd leaks into the message');
  });
});

describe('prototype pollution', () => {
  it('__proto__ and constructor elements pollute nothing', () => {
    parseUser(readFixture('hostile/proto-tag.xml'));
    parseUser(readFixture('hostile/constructor-tag.xml'));
    parseUser(
      '<User><loginId>1</loginId><state>READY</state><hasOwnProperty>x</hasOwnProperty><toString>y</toString></User>',
    );
    const probe: Record<string, unknown> = {};
    assert.equal(probe['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('harmless but unusual element names are ignored, not copied', () => {
    const result = parseUser(
      '<User><loginId>1</loginId><state>READY</state><hasOwnProperty>x</hasOwnProperty><toString>y</toString></User>',
    );
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(Object.hasOwn(result.value, 'hasOwnProperty'), false);
    assert.equal(typeof result.value.toString, 'function');
  });
});

describe('limits', () => {
  it('maxBytes is counted in UTF-8 bytes, before parsing', () => {
    const user = '<User><loginId>1</loginId><state>READY</state><firstName>ééééé</firstName></User>';
    const bytes = new TextEncoder().encode(user).length;
    assert.equal(parseUser(user, { maxBytes: bytes }).ok, true);
    const over = parseUser(user, { maxBytes: bytes - 1 });
    assert.equal(over.ok ? 'ok' : over.error.code, 'TOO_LARGE');
  });

  it('the default limit is 1 MiB', () => {
    assert.equal(parseUser(oversizedUser(1024 * 1024)).ok, true);
    const over = parseUser(oversizedUser(1024 * 1024 + 1));
    assert.equal(over.ok ? 'ok' : over.error.code, 'TOO_LARGE');
  });

  it('maxDepth can be lowered and raised', () => {
    const tenDeep = deeplyNested(9);
    const low = parseUser(tenDeep, { maxDepth: 5 });
    assert.equal(low.ok ? 'ok' : low.error.code, 'TOO_LARGE');
    // Deep but allowed: the document is then judged on its fields (no <loginId> here).
    const high = parseUser(tenDeep, { maxDepth: 20 });
    assert.equal(high.ok ? 'ok' : high.error.code, 'MISSING_FIELD');
  });

  it('nonsense limits fall back to the defaults', () => {
    assert.equal(parseUser(readFixture('user-ucce-agent.xml'), { maxBytes: -1, maxDepth: Number.NaN }).ok, true);
  });
});
