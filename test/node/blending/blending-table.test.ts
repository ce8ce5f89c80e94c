// Every row of the two blending tables in docs/blending-rules.md (scenarios, internal calls), as the policy sees it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../../src/core/blending/policy.ts';
import { classifyDialogs } from '../../../src/core/blending/dialog-classifier.ts';
import type { AgentState } from '../../../src/core/finesse/types.ts';
import { dialog, EXTENSION, facts, HANDLING_CHAT, handlingChatVoice, voice } from './support/builders.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const NOT_READY_HC = { state: 'NOT_READY', reasonCodeId: HANDLING_CHAT.id };

describe('media blending table', () => {
  it('Idle, ready for both: voice READY, chat READY, nothing to ask', () => {
    const d = decide(facts());
    assert.equal(d.chat.availability, 'READY');
    assert.equal(say.chat(d.chat.cause), 'Ready for chats and calls');
    assert.equal(d.voice, null);
  });

  for (const state of ['RESERVED', 'TALKING', 'HOLD', 'WORK', 'WORK_READY'] as AgentState[]) {
    it(`ACD voice call arrives (${state}): chat INTERRUPTED and an offer is declined`, () => {
      const calls =
        state === 'WORK' || state === 'WORK_READY'
          ? []
          : classifyDialogs(
              [dialog('d1', 'ACD_IN', state === 'RESERVED' ? 'ALERTING' : state === 'HOLD' ? 'HELD' : 'ACTIVE')],
              EXTENSION,
            );
      const d = decide(
        facts({
          voice: voice(state, { setBy: 'call', beforeCall: { state: 'READY', reasonCodeId: null } }),
          calls,
          offers: [{ id: 'o1', status: 'new' }],
        }),
      );
      assert.equal(d.chat.availability, 'INTERRUPTED');
      assert.match(say.chat(d.chat.cause), /no chats routed/);
      assert.deepEqual(
        d.offers.map((o) => o.action),
        ['decline'],
      );
      assert.equal(d.voice, null);
    });
  }

  it('Voice call ends: voice READY again, chat back to READY (its state before the call)', () => {
    const during = decide(
      facts({
        voice: voice('TALKING', { setBy: 'call' }),
        calls: classifyDialogs([dialog('d1', 'ACD_IN')], EXTENSION),
      }),
    );
    assert.equal(during.chat.availability, 'INTERRUPTED');
    const after = decide(facts({ voice: voice('READY', { setBy: 'call' }) }));
    assert.equal(after.chat.availability, 'READY');
    assert.equal(after.voice, null);
  });

  it('Chat arrives (C: 0 -> 1): voice NOT_READY Handling Chat first, then the chat is accepted and chat is ACTIVE', () => {
    const offered = decide(facts({ offers: [{ id: 'o1', status: 'new' }] }));
    assert.deepEqual(offered.voice?.request, NOT_READY_HC);
    assert.equal(offered.voice?.purpose, 'reserve');
    assert.deepEqual(
      offered.offers.map((o) => o.action),
      ['wait'],
    );

    const reserved = decide(facts({ voice: handlingChatVoice(), offers: [{ id: 'o1', status: 'new' }] }));
    assert.deepEqual(
      reserved.offers.map((o) => o.action),
      ['accept'],
    );
    assert.equal(reserved.voice, null);

    const handling = decide(facts({ voice: handlingChatVoice(), activeChats: 1 }));
    assert.equal(handling.chat.availability, 'ACTIVE');
    assert.equal(say.chat(handling.chat.cause), 'Active: handling 1 of 5 chats');
    assert.equal(handling.voice, null);
  });

  it('C reaches M: voice stays NOT_READY Handling Chat, chat BUSY, further offers declined', () => {
    const d = decide(facts({ voice: handlingChatVoice(), activeChats: 5, offers: [{ id: 'o6', status: 'new' }] }));
    assert.equal(d.chat.availability, 'BUSY');
    assert.equal(say.chat(d.chat.cause), 'Busy: handling 5 of 5 chats');
    assert.deepEqual(
      d.offers.map((o) => o.action),
      ['decline'],
    );
    assert.equal(d.voice, null);
  });

  it('All chats end: voice restored to READY, chat READY', () => {
    const d = decide(facts({ voice: handlingChatVoice(), activeChats: 0 }));
    assert.deepEqual(d.voice?.request, { state: 'READY', reasonCodeId: null });
    assert.equal(d.voice && say.voice(d.voice.cause), 'Ready: all chats ended, voice back to Ready');
    assert.equal(d.chat.availability, 'READY');
  });
});

describe('internal calls table', () => {
  const rows: [string, string][] = [
    ['Transfer call arrived', 'TRANSFER'],
    ['Conference call arrived', 'CONFERENCE'],
    ['Consult call arrived', 'CONSULT'],
    ['Direct call to extension', 'OTHER_IN'],
    ['Direct call to extension (agent to agent)', 'AGENT_INSIDE'],
  ];
  for (const [row, callType] of rows) {
    for (const deployment of ['UCCX', 'UCCE'] as const) {
      // UCCX sends no User TALKING event for a non-ACD call: only the dialog shows it.
      it(`${row} (${callType}, ${deployment}) with no active chats: chat INTERRUPTED`, () => {
        const v =
          deployment === 'UCCX'
            ? voice('READY')
            : voice('TALKING', { setBy: 'call', beforeCall: { state: 'READY', reasonCodeId: null } });
        const d = decide(
          facts({
            voice: v,
            calls: classifyDialogs([dialog('d1', callType)], EXTENSION),
            offers: [{ id: 'o1', status: 'new' }],
          }),
        );
        assert.equal(d.chat.availability, 'INTERRUPTED');
        assert.equal(d.chatRule, 'internal-call-without-chats');
        assert.deepEqual(
          d.offers.map((o) => o.action),
          ['decline'],
        );
        assert.equal(d.voice, null);
      });

      it(`${row} (${callType}, ${deployment}) with >= 1 active chats: NOT interrupted, offers still accepted`, () => {
        const v =
          deployment === 'UCCX'
            ? handlingChatVoice()
            : voice('TALKING', {
                setBy: 'call',
                reasonCodeId: HANDLING_CHAT.id,
                beforeCall: { state: 'NOT_READY', reasonCodeId: HANDLING_CHAT.id },
              });
        const d = decide(
          facts({
            voice: v,
            activeChats: 2,
            calls: classifyDialogs([dialog('d1', callType)], EXTENSION),
            offers: [{ id: 'o1', status: 'new' }],
          }),
        );
        assert.equal(d.chat.availability, 'ACTIVE');
        assert.deepEqual(
          d.offers.map((o) => o.action),
          ['accept'],
        );
        assert.equal(d.voice, null, 'the call already ends in Not Ready (Handling Chat): nothing to ask');
      });
    }
  }
});

describe('dialog classification', () => {
  it('routed call types are ACD; transfer, consult, conference, direct and placed calls are internal', () => {
    const calls = classifyDialogs(
      [
        'ACD_IN',
        'PREROUTE_ACD_IN',
        'PREROUTE_DIRECT_AGENT',
        'OUTBOUND',
        'TRANSFER',
        'CONSULT',
        'CONFERENCE',
        'AGENT_INSIDE',
        'OTHER_IN',
        'OUT',
      ].map((t, i) => dialog(`d${i}`, t)),
      EXTENSION,
    );
    assert.deepEqual(
      calls.map((c) => c.kind),
      ['acd', 'acd', 'acd', 'acd', 'internal', 'internal', 'internal', 'internal', 'internal', 'internal'],
    );
  });

  it('an unknown or missing call type counts as ACD, the cautious choice', () => {
    assert.deepEqual(
      classifyDialogs([dialog('a', null), dialog('b', 'SOMETHING_NEW')], EXTENSION).map((c) => c.kind),
      ['acd', 'acd'],
    );
  });

  it('dropped, failed and finished dialogs and non-voice media do not count', () => {
    const calls = classifyDialogs(
      [
        dialog('a', 'ACD_IN', 'DROPPED'),
        dialog('b', 'ACD_IN', 'FAILED'),
        dialog('c', 'ACD_IN', 'WRAP_UP_COMPLETE'),
        dialog('d', 'ACD_IN', 'ACTIVE', 'Chat'),
        dialog('e', 'ACD_IN', 'WRAP_UP'),
      ],
      EXTENSION,
    );
    assert.deepEqual(
      calls.map((c) => c.id),
      ['e'],
    );
  });
});
