// The chat channel in the Finesse header: chat availability → the header's colour, words, badge and hover text;
// menu choices (and the header's ALL_READY / ALL_NOT_READY) → the agent's chat intent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  headerChannelState,
  headerMenuIntent,
  headerMenuRefusal,
  headerStatus,
  MENU_AVAILABLE,
  MENU_NOT_READY,
  sameHeaderState,
} from '../../../src/app/header-channel.ts';
import { headerChannelText } from '../../../src/ui/header-channel-text.ts';
import { agentView, blending } from './views.ts';

const say = headerChannelText();

describe('header channel state', () => {
  it('chat availability maps to the header colour: READY available, ACTIVE and BUSY busy, the rest unavailable', () => {
    assert.equal(headerStatus('READY'), 'AVAILABLE');
    assert.equal(headerStatus('ACTIVE'), 'BUSY');
    assert.equal(headerStatus('BUSY'), 'BUSY');
    for (const a of ['NOT_READY', 'OFFLINE', 'INTERRUPTED'] as const) assert.equal(headerStatus(a), 'UNAVAILABLE');
  });

  it('idle and ready: "Ready", green, no badge, 0 of 5 and the reason in the hover text, menu usable', () => {
    const s = headerChannelState(agentView(), say);
    assert.deepEqual(s, {
      label: 'Chat',
      currentState: 'Ready',
      status: 'AVAILABLE',
      badge: 'NONE',
      hoverText: 'Chats: 0 of 5. Ready for chats and calls',
      enable: true,
    });
  });

  it('two chats of five: C of M in the state and the hover text, busy colour', () => {
    const v = agentView({ blending: blending('ACTIVE', { kind: 'chats-active', count: 2, max: 5 }, 2) });
    const s = headerChannelState(v, say);
    assert.equal(s.currentState, '2 of 5 chats');
    assert.equal(s.status, 'BUSY');
    assert.equal(s.hoverText, 'Chats: 2 of 5. Active: handling 2 of 5 chats');
  });

  it('on an ACD call with a chat open: paused, unavailable, and the hover text says why', () => {
    const v = agentView({
      blending: blending(
        'INTERRUPTED',
        { kind: 'routed-work', work: { kind: 'acd-call', callType: 'ACD_IN' }, continuing: 1 },
        1,
      ),
    });
    const s = headerChannelState(v, say);
    assert.equal(s.currentState, 'Paused');
    assert.equal(s.status, 'UNAVAILABLE');
    assert.match(
      s.hoverText,
      /^Chats: 1 of 5\. Interrupted: on an ACD call \(ACD_IN\), no chats routed; 1 chat continue/,
    );
  });

  it('the agent chose not ready for chat: "Not Ready", unavailable, the reason is the agent\'s choice', () => {
    const v = agentView({ blending: blending('NOT_READY', { kind: 'agent-chose-not-ready', continuing: 0 }) });
    const s = headerChannelState(v, say);
    assert.equal(s.currentState, 'Not Ready');
    assert.equal(s.status, 'UNAVAILABLE');
    assert.match(s.hoverText, /chosen by the agent/);
  });

  it('the chat server cannot be reached: offline with an error badge', () => {
    const v = agentView({ blending: blending('OFFLINE', { kind: 'chat-server-down' }) });
    const s = headerChannelState(v, say);
    assert.equal(s.currentState, 'Offline');
    assert.equal(s.badge, 'ERROR');
  });

  it('before blending starts and in a window that does not run blending, the menu is not usable', () => {
    const starting = headerChannelState(agentView({ blending: null }), say);
    assert.equal(starting.enable, false);
    assert.equal(starting.currentState, 'Starting…');
    const observer = headerChannelState(
      agentView({ ownership: { role: 'observer', message: null, confirm: null, pending: false } }),
      say,
    );
    assert.equal(observer.enable, false);
    assert.match(observer.hoverText, /Another window of this desktop runs blending/);
    assert.equal(headerMenuRefusal(agentView({ blending: null })), 'starting');
    assert.equal(
      headerMenuRefusal(agentView({ ownership: { role: 'observer', message: null, confirm: null, pending: false } })),
      'elsewhere',
    );
    assert.equal(headerMenuRefusal(agentView()), null);
  });

  it('a view that changes nothing the header shows is the same state (no update), a new count is not', () => {
    const a = headerChannelState(agentView(), say);
    const again = headerChannelState(agentView({ conversations: [], problems: [] }), say);
    assert.equal(sameHeaderState(a, again), true);
    assert.equal(sameHeaderState(null, a), false);
    const b = headerChannelState(
      agentView({ blending: blending('ACTIVE', { kind: 'chats-active', count: 1, max: 5 }, 1) }),
      say,
    );
    assert.equal(sameHeaderState(a, b), false);
  });
});

describe('header menu choices', () => {
  it("the two menu items and the header's all-channels choices become the chat-availability intent", () => {
    assert.deepEqual(headerMenuIntent(MENU_AVAILABLE), { available: true });
    assert.deepEqual(headerMenuIntent(MENU_NOT_READY), { available: false });
    assert.deepEqual(headerMenuIntent('ALL_READY'), { available: true });
    assert.deepEqual(headerMenuIntent('ALL_NOT_READY'), { available: false });
    assert.deepEqual(headerMenuIntent('all_not_ready'), { available: false }, 'case as the header sends it');
    assert.equal(headerMenuIntent('something-else'), null);
  });
});
