// The chat desk the UI shows: offers until answered, conversations with unread counts, pending messages until
// the room confirms them, and what happens to a conversation when it ends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatMessage, ChatSession } from '../../../src/core/chat/chat-channel.ts';
import { ChatWorkspace, ENDED_CHAT_KEEP_MS } from '../../../src/app/chat-workspace.ts';
import { offer } from './fakes.ts';

const session = (chatId: string): ChatSession => ({
  chatId,
  customerName: 'Jane',
  context: [],
  acceptedAt: 0,
  transcript: [],
  customerTyping: 'active',
});
const msg = (chatId: string, id: string, sender: ChatMessage['sender'], pending = false): ChatMessage => ({
  id,
  chatId,
  sender,
  senderName: sender,
  text: `text ${id}`,
  at: 0,
  pending,
});

describe('chat workspace', () => {
  it("an offer stays until the router settles it; the agent's answer shows meanwhile", () => {
    const w = new ChatWorkspace();
    w.apply({ type: 'offer', offer: offer('c1') });
    w.answered('c1', 'accept');
    assert.equal(w.view().answered.get('c1'), 'accept');
    w.apply({ type: 'session-started', session: session('c1') });
    assert.deepEqual(w.view().offers, []);
    assert.equal(w.view().answered.size, 0);
    assert.equal(w.view().conversations[0]?.chatId, 'c1');
  });

  it('counts unread messages until the agent reads them; own messages are pending until confirmed', () => {
    const w = new ChatWorkspace();
    w.apply({ type: 'session-started', session: session('c1') });
    w.apply({ type: 'message', chatId: 'c1', message: msg('c1', 'a', 'customer') });
    w.apply({ type: 'message', chatId: 'c1', message: msg('c1', 'a', 'customer') });
    w.apply({ type: 'message', chatId: 'c1', message: msg('c1', 'b', 'system') });
    assert.equal(w.view().conversations[0]?.unread, 2, 'a duplicate does not count');
    w.read('c1');
    w.sent(msg('c1', 'm1', 'self', true));
    assert.equal(w.view().conversations[0]?.unread, 0);
    assert.equal(w.view().conversations[0]?.transcript.at(-1)?.pending, true);
    w.apply({ type: 'message-confirmed', chatId: 'c1', messageId: 'm1' });
    assert.equal(w.view().conversations[0]?.transcript.at(-1)?.pending, false);
  });

  it('a chat ends the same way whoever ended it: it stays, marked ended with its transcript, until closed', () => {
    let now = 1_000;
    const w = new ChatWorkspace(() => now);
    for (const id of ['c1', 'c2', 'c3']) w.apply({ type: 'session-started', session: session(id) });
    w.apply({ type: 'message', chatId: 'c2', message: msg('c2', 'hello', 'customer') });
    w.apply({ type: 'session-closed', chatId: 'c1', reason: 'ended-by-customer', transcript: [] });
    w.apply({ type: 'session-closed', chatId: 'c2', reason: 'ended-by-agent', transcript: [] });
    w.busy('c3', 'transferring');
    w.apply({ type: 'session-closed', chatId: 'c3', reason: 'returned-to-queue', transcript: [] });
    assert.deepEqual(
      w.view().conversations.map((c) => [c.chatId, c.closed, c.closedAt, c.busy]),
      [
        ['c1', 'ended-by-customer', 1_000, null],
        ['c2', 'ended-by-agent', 1_000, null],
        ['c3', 'returned-to-queue', 1_000, null],
      ],
    );
    assert.deepEqual(
      w.view().conversations[1]?.transcript.map((m) => m.text),
      ['text hello'],
      "the agent's ended chat keeps its transcript",
    );
    w.dismiss('c1');
    assert.deepEqual(
      w.view().conversations.map((c) => c.chatId),
      ['c2', 'c3'],
    );
    now += ENDED_CHAT_KEEP_MS - 1;
    w.expire(now);
    assert.equal(w.view().conversations.length, 2, 'still there just before the time is up');
    w.expire(now + 1);
    assert.deepEqual(w.view().conversations, [], 'gone once ENDED_CHAT_KEEP_MS have passed');
  });

  it("the router's end notice is not kept beside the ended line, so the end is said once", () => {
    const w = new ChatWorkspace();
    w.apply({ type: 'session-started', session: session('c1') });
    const hello = msg('c1', 'hello', 'customer');
    const notice = { ...msg('c1', 'end', 'system'), text: 'The customer ended the chat.' };
    w.apply({ type: 'message', chatId: 'c1', message: hello });
    w.apply({ type: 'message', chatId: 'c1', message: notice });
    w.apply({
      type: 'session-closed',
      chatId: 'c1',
      reason: 'ended-by-customer',
      transcript: [hello, notice],
      noticeId: notice.id,
    });
    assert.deepEqual(
      w.view().conversations[0]?.transcript.map((m) => m.id),
      [hello.id],
    );
  });

  it('views are immutable snapshots: a change makes a new one, no change keeps the same', () => {
    const w = new ChatWorkspace();
    const first = w.view();
    assert.equal(w.view(), first);
    w.apply({ type: 'offer', offer: offer('c1') });
    assert.notEqual(w.view(), first);
    assert.deepEqual(first.offers, []);
  });

  it("offers the router's other queues as transfer targets, not the chat's own; none from a router that lists none", () => {
    const w = new ChatWorkspace();
    w.apply({ type: 'session-started', session: { ...session('c1'), queue: 'billing' } });
    w.apply({ type: 'session-started', session: session('c2') });
    assert.equal(w.view().conversations[0]?.transferQueues, undefined, 'no queues listed yet: back to queue only');
    w.apply({
      type: 'queues',
      queues: [
        { id: 'billing', name: 'Billing' },
        { id: 'sales', name: 'Sales' },
      ],
    });
    const [billing, unknown] = w.view().conversations;
    assert.deepEqual(billing?.transferQueues, [{ id: 'sales', name: 'Sales' }]);
    assert.deepEqual(
      unknown?.transferQueues?.map((q) => q.id),
      ['billing', 'sales'],
      'a chat whose queue the router did not say may go to any queue',
    );
    assert.equal('queue' in (billing ?? {}), false, 'the view carries the targets, not the internal queue id');
    w.apply({ type: 'queues', queues: [] });
    assert.equal(w.view().conversations[0]?.transferQueues, undefined);
  });
});
