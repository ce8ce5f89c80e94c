// The router's room configuration: it submits the profile's settings under the names the room's own form offers,
// because servers differ (Prosody's archiving field is muc#roomconfig_enablearchiving, ejabberd's is `mam`, and
// ejabberd refuses a form with a field it does not know).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $iq } from 'strophe.js';
import { NS_DATA, NS_MUC_OWNER } from '../../../src/core/chat/xmpp/namespaces.ts';
import { readRoomConfigFields, roomConfigPlan, roomConfigSubmit } from '../../../server/router/room-admin-stanzas.ts';

const STANDARD = [
  'muc#roomconfig_roomname',
  'muc#roomconfig_persistentroom',
  'muc#roomconfig_membersonly',
  'muc#roomconfig_whois',
  'muc#roomconfig_publicroom',
  'muc#roomconfig_allowinvites',
  'muc#roomconfig_changesubject',
];

/** A room's answer to the configuration request, offering these fields. */
function formAnswer(vars: readonly string[]): Element {
  const iq = $iq({ type: 'result', from: 'chat-1@conference.example.com' })
    .c('query', { xmlns: NS_MUC_OWNER })
    .c('x', { xmlns: NS_DATA, type: 'form' });
  for (const v of ['FORM_TYPE', ...vars]) iq.c('field', { var: v }).up();
  return iq.tree();
}

test("archiving goes under whichever field the server's form names: Prosody's or ejabberd's", () => {
  const prosody = roomConfigPlan('Chat with Jane', new Set([...STANDARD, 'muc#roomconfig_enablearchiving']));
  const ejabberd = roomConfigPlan('Chat with Jane', new Set([...STANDARD, 'mam', 'allow_subscription']));
  assert.deepEqual(prosody.fields.at(-1), ['muc#roomconfig_enablearchiving', '1']);
  assert.deepEqual(ejabberd.fields.at(-1), ['mam', '1']);
  for (const plan of [prosody, ejabberd]) {
    assert.deepEqual(plan.missing, []);
    assert.deepEqual(plan.unset, []);
    assert.deepEqual(new Map(plan.fields).get('muc#roomconfig_membersonly'), '1');
    assert.deepEqual(new Map(plan.fields).get('muc#roomconfig_whois'), 'anyone');
  }
});

test('only offered fields are submitted; a missing required setting is named, a missing optional one noted', () => {
  const offered = new Set(['muc#roomconfig_roomname', 'muc#roomconfig_persistentroom', 'muc#roomconfig_whois']);
  const plan = roomConfigPlan('Chat with Sam', offered);
  assert.deepEqual(
    plan.fields.map(([name]) => name),
    ['muc#roomconfig_roomname', 'muc#roomconfig_persistentroom', 'muc#roomconfig_whois'],
  );
  assert.deepEqual(plan.missing, ['members-only rooms']);
  assert.ok(plan.unset.includes('message archiving'));

  const submitted = roomConfigSubmit('chat-1@conference.example.com', plan.fields).tree();
  const vars = [...submitted.getElementsByTagName('field')].map((f) => f.getAttribute('var'));
  assert.deepEqual(vars, ['FORM_TYPE', ...plan.fields.map(([name]) => name)]);
});

test("the form's field names are read from the room's answer; an answer without a form reads as null", () => {
  assert.deepEqual(
    readRoomConfigFields(formAnswer(['mam', 'muc#roomconfig_whois'])),
    new Set(['FORM_TYPE', 'mam', 'muc#roomconfig_whois']),
  );
  const empty = $iq({ type: 'result' }).c('query', { xmlns: NS_MUC_OWNER }).tree();
  assert.equal(readRoomConfigFields(empty), null);
});
