// Resolving the configured Handling Chat reason: exact, or a configuration error an administrator can act on.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseHandlingChatConfig,
  resolveHandlingChatReason,
  type HandlingChatConfigError,
} from '../../../src/core/blending/handling-chat-reason.ts';
import { reason } from './support/builders.ts';
import type { ReasonCode } from '../../../src/core/finesse/types.ts';
import { ENGLISH_CAUSES } from '../../../src/ui/cause-text.ts';
import type { Result } from '../../../src/core/result.ts';

/** What the administrator reads about a refused reason (in English). */
const words = (r: Result<unknown, HandlingChatConfigError>): string =>
  r.ok ? '' : ENGLISH_CAUSES.problem({ kind: 'reason-config', error: r.error }).title;

const CODES: ReasonCode[] = [
  reason('3', 3, 'Lunch'),
  reason('7', 7, 'Handling Chat'),
  reason('999', 999, 'Supervisor Initiated', true),
  { ...reason('20', 20, 'Handling Chat'), category: 'LOGOUT' },
];

describe('Handling Chat reason code resolution', () => {
  it('configured by label (case and spaces ignored): resolved to the Not Ready reason', () => {
    const r = resolveHandlingChatReason({ by: 'label', label: ' handling chat ' }, CODES);
    assert.deepEqual(r, { ok: true, value: { id: '7', code: 7, label: 'Handling Chat' } });
  });

  it('configured by code: resolved, ignoring a Logout reason with the same label', () => {
    const r = resolveHandlingChatReason({ by: 'code', code: 7 }, CODES);
    assert.equal(r.ok && r.value.id, '7');
  });

  it('missing: says exactly what to add and where', () => {
    const r = resolveHandlingChatReason(
      { by: 'label', label: 'Handling Chat' },
      CODES.filter((c) => c.id !== '7'),
    );
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'NOT_DEFINED');
    assert.deepEqual(!r.ok && r.error, {
      kind: 'config',
      code: 'NOT_DEFINED',
      reason: { by: 'label', label: 'Handling Chat' },
    });
    assert.equal(
      words(r),
      "The Not Ready reason 'Handling Chat' is not defined in Finesse. Ask your administrator to add it in the Finesse administration console under Reason Codes (Not Ready).",
    );
  });

  it('ambiguous: two Not Ready reasons with the label, both named in the message', () => {
    const r = resolveHandlingChatReason({ by: 'label', label: 'Handling Chat' }, [
      ...CODES,
      reason('8', 8, 'handling chat'),
    ]);
    assert.equal(!r.ok && r.error.code, 'AMBIGUOUS');
    assert.match(words(r), /matches 2 reason codes in Finesse: 'Handling Chat' \(code 7\), 'handling chat' \(code 8\)/);
  });

  it('a system reason code is refused: the gadget must never set it', () => {
    const r = resolveHandlingChatReason({ by: 'code', code: 999 }, CODES);
    assert.equal(!r.ok && r.error.code, 'SYSTEM_CODE');
    assert.match(words(r), /with code 999 is a system reason code \(999\)/);
  });

  it('preference text: a number or "code:N" is a code, other text a label, empty is not configured', () => {
    assert.deepEqual(parseHandlingChatConfig('12'), { ok: true, value: { by: 'code', code: 12 } });
    assert.deepEqual(parseHandlingChatConfig('code:12'), { ok: true, value: { by: 'code', code: 12 } });
    assert.deepEqual(parseHandlingChatConfig('label:Handling Chat'), {
      ok: true,
      value: { by: 'label', label: 'Handling Chat' },
    });
    assert.deepEqual(parseHandlingChatConfig('Chat 2'), { ok: true, value: { by: 'label', label: 'Chat 2' } });
    const empty = parseHandlingChatConfig('  ');
    assert.equal(!empty.ok && empty.error.code, 'NOT_CONFIGURED');
  });
});
