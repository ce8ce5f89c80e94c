// The widget's pure parts: the pre-chat form's checks in the customer's words, reading the service's settings
// document, and the plain-text transcript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_PRECHAT_FIELDS,
  fieldProblem,
  readWidgetSettings,
  type PreChatField,
} from '../../../server/widget/widget-settings.ts';
import { transcriptFileName, transcriptText } from '../../../server/widget/transcript.ts';

const NAME: PreChatField = { name: 'name', label: 'Your name', kind: 'text', required: true, maxLength: 5 };
const EMAIL: PreChatField = { name: 'email', label: 'Email', kind: 'email', required: false, maxLength: 254 };

test('pre-chat checks: required, too long, email shape; optional fields may stay empty', () => {
  assert.equal(fieldProblem(NAME, '   '), 'Please fill in "Your name".');
  assert.equal(fieldProblem(NAME, 'Robinson'), '"Your name" is too long: at most 5 characters.');
  assert.equal(fieldProblem(NAME, ' Robin '), null);
  assert.equal(fieldProblem(EMAIL, ''), null);
  assert.equal(fieldProblem(EMAIL, 'robin@'), '"Email" must be an email address, like name@example.com.');
  assert.equal(fieldProblem(EMAIL, 'robin@example.com'), null);
});

test('the settings document is read only when whole; a broken one reads as none', () => {
  const good = {
    xmppService: 'wss://xmpp.example.com/ws',
    guestDomain: 'guest.example.com',
    routerJid: 'router@example.com/router',
    preChatFields: DEFAULT_PRECHAT_FIELDS,
    queues: [{ id: 'billing', name: 'Billing' }],
  };
  assert.deepEqual(readWidgetSettings(good), good);
  assert.deepEqual(readWidgetSettings({ ...good, queues: undefined }), { ...good, queues: [] });
  assert.equal(readWidgetSettings({ ...good, routerJid: 7 }), null);
  assert.equal(readWidgetSettings({ ...good, preChatFields: [{ name: 'x y', label: 'X' }] }), null);
  assert.equal(readWidgetSettings({ ...good, queues: [{ id: '' }] }), null);
  assert.equal(readWidgetSettings('nope'), null);
});

test('the transcript: a heading, then who said what, system lines in brackets, markup kept as written', () => {
  const at = new Date('2026-12-02T09:05:00Z');
  const text = transcriptText(
    [
      { id: '1', from: 'me', name: 'Robin', text: 'Hi <b>there</b>', pending: false },
      { id: '2', from: 'system', name: 'System', text: 'Dana has joined the chat.', pending: false },
      { id: '3', from: 'agent', name: 'Dana', text: 'Hello\nsecond line', pending: false },
    ],
    'Chat with Dana',
    at,
  );
  assert.equal(
    text,
    'Chat with Dana (2026-12-02 09:05 UTC)\n\nYou: Hi <b>there</b>\n[Dana has joined the chat.]\nDana: Hello\n    second line\n',
  );
  assert.equal(transcriptFileName(at), 'chat-transcript-2026-12-02.txt');
});
