// What the gadget's live region says: a new offer and a new customer message in the conversation on show, each once;
// nothing that was there before, nothing the agent wrote, nothing from a conversation not on show, and no history
// that arrives with a conversation (accepted, or adopted after a reload or a take-over).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentView, ConversationView } from '../../../src/app/agent-view.ts';
import type { ChatMessage, ChatOffer } from '../../../src/core/chat/chat-channel.ts';
import { agentView, conversation } from '../../fixtures/agent-view.ts';
import { Announcements } from '../../../src/ui/announcements.ts';
import { formatWaiting, waitingSince } from '../../../src/ui/chat-waiting.ts';

const msg = (id: string, sender: ChatMessage['sender'], text: string, at = 0): ChatMessage => ({
  id,
  chatId: 'c',
  sender,
  senderName: sender === 'customer' ? 'Ann' : 'agent1',
  text,
  at,
  pending: false,
});

const chat = (chatId: string, transcript: ChatMessage[], over: Partial<ConversationView> = {}): ConversationView =>
  conversation({ chatId, customerName: 'Ann', transcript, ...over });

const offer = (chatId: string, customerName: string): ChatOffer => ({
  chatId,
  customerName,
  context: [],
  offeredAt: 0,
  expiresAt: 30_000,
  transferredFrom: null,
});

const view = (over: Partial<AgentView>): AgentView => agentView({ blending: null, ...over });

describe('live region announcements', () => {
  it('says nothing of what was there when it started', () => {
    const a = new Announcements();
    const v = view({
      offers: [{ offer: offer('o1', 'Bob'), progress: 'new' }],
      conversations: [chat('c1', [msg('m1', 'customer', 'hi')])],
    });
    assert.deepEqual(a.next(v, 'c1', 'Ready'), []);
    assert.deepEqual(a.next(v, 'c1', 'Ready'), [], 'the same view again');
  });

  it('a new offer once; a new customer message in the chat on show once; never the agent', () => {
    const a = new Announcements();
    a.next(view({ conversations: [chat('c1', []), chat('c2', [])] }), 'c1', 'Ready');
    const offered = view({
      offers: [{ offer: offer('o1', 'Bob'), progress: 'new' }],
      conversations: [chat('c1', []), chat('c2', [])],
    });
    assert.deepEqual(a.next(offered, 'c1', 'Ready'), ['Chat offer from Bob']);
    assert.deepEqual(a.next({ ...offered }, 'c1', 'Ready'), [], 'a re-render with the same offer');
    const more = view({
      conversations: [
        chat('c1', [msg('m1', 'customer', 'Are you there?'), msg('m2', 'self', 'Yes')]),
        chat('c2', [msg('m3', 'customer', 'Me too')]),
      ],
    });
    assert.deepEqual(a.next(more, 'c1', 'Ready'), ['Ann says: Are you there?']);
    assert.deepEqual(a.next(more, 'c2', 'Ready'), [], 'switching to c2 does not read its old message');
  });

  it('a conversation that arrives with its history (accepted, reload, take-over) is not read out', () => {
    const a = new Announcements();
    a.next(view({}), null, 'Ready');
    const adopted = view({
      conversations: [chat('c1', [msg('m1', 'customer', 'old 1'), msg('m2', 'customer', 'old 2')])],
    });
    assert.deepEqual(a.next(adopted, 'c1', 'Ready'), []);
  });

  it('a new headline is said; the same one is not', () => {
    const a = new Announcements();
    a.next(view({}), null, 'Ready for calls and chats');
    assert.deepEqual(a.next(view({}), null, 'On a call: chats paused'), ['On a call: chats paused']);
    assert.deepEqual(a.next(view({}), null, 'On a call: chats paused'), []);
  });
});

describe('waiting time', () => {
  it('runs from the oldest customer message no agent line followed', () => {
    assert.equal(waitingSince([]), null);
    assert.equal(waitingSince([msg('a', 'customer', 'x', 10), msg('b', 'customer', 'y', 20)]), 10);
    assert.equal(waitingSince([msg('a', 'customer', 'x', 10), msg('b', 'self', 'y', 20)]), null);
    assert.equal(
      waitingSince([
        msg('a', 'customer', 'x', 10),
        msg('b', 'self', 'y', 20),
        msg('c', 'system', 'z', 25),
        msg('d', 'customer', 'w', 30),
      ]),
      30,
    );
  });

  it('reads m:ss, and h:mm:ss from an hour on', () => {
    assert.equal(formatWaiting(-5), '0:00');
    assert.equal(formatWaiting(65_999), '1:05');
    assert.equal(formatWaiting(3_600_000 + 61_000), '1:01:01');
  });
});
