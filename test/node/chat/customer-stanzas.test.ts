// The customer's half of the profile as XML: the chat request's queue, the resume secret in <queued/>, <resume/>
// and <resumed/>, each read back as written; a malformed one reads as nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $iq } from 'strophe.js';
import {
  chatRequestIq,
  queuedElement,
  readQueued,
  readRequestedQueue,
  readResume,
  readResumed,
  resumedElement,
  resumeIq,
} from '../../../server/router/customer-stanzas.ts';

const ROUTER = 'chat-router@example.com/router';
const FIELDS = [{ name: 'name', label: 'Name', value: 'Robin' }];

test('a chat request names the queue the widget asked for, or none', () => {
  assert.equal(readRequestedQueue(chatRequestIq(ROUTER, FIELDS, 'billing').tree()), 'billing');
  assert.equal(readRequestedQueue(chatRequestIq(ROUTER, FIELDS).tree()), null);
});

test('<queued/> carries the resume secret; an older router without one reads as null', () => {
  const answer = (el: Element) => $iq({ type: 'result' }).cnode(el).tree();
  assert.deepEqual(readQueued(answer(queuedElement('c1', 'chat-c1@conf.example.com', 2, 's3cr3t').tree())), {
    chatId: 'c1',
    room: 'chat-c1@conf.example.com',
    position: 2,
    secret: 's3cr3t',
  });
  const old = $iq({ type: 'result' })
    .c('queued', { xmlns: 'urn:finesse-blend:chat:0', chat: 'c1', room: 'r@c', position: '1' })
    .tree();
  assert.equal(readQueued(old)?.secret, null);
});

test('<resume/> and <resumed/> read back as written; a bad status or a missing secret reads as nothing', () => {
  assert.deepEqual(readResume(resumeIq(ROUTER, 'c1', 's3cr3t').tree()), { chatId: 'c1', secret: 's3cr3t' });
  assert.equal(readResume(resumeIq(ROUTER, 'c1', '').tree()), null);
  const answer = (el: Element) => $iq({ type: 'result' }).cnode(el).tree();
  assert.deepEqual(readResumed(answer(resumedElement('c1', 'r@c', 'assigned', 0).tree())), {
    chatId: 'c1',
    room: 'r@c',
    status: 'assigned',
    position: 0,
  });
  const bad = $iq({ type: 'result' })
    .c('resumed', { xmlns: 'urn:finesse-blend:chat:0', chat: 'c1', room: 'r@c', status: 'ended' })
    .tree();
  assert.equal(readResumed(bad), null);
});
