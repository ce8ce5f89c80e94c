// Retry backoff and the decision log ring.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { voiceRetryDelay, DEFAULT_BACKOFF } from '../../../src/core/blending/backoff.ts';
import { DecisionLog } from '../../../src/core/blending/decision-log.ts';
import { classifyVoiceError } from '../../../src/core/blending/voice-error.ts';

describe('backoff', () => {
  it('doubles per attempt, caps at the maximum, and jitters between half and all of it', () => {
    const lo = [1, 2, 3, 4, 5, 6].map((a) => voiceRetryDelay(a, DEFAULT_BACKOFF, () => 0));
    const hi = [1, 2, 3, 4, 5, 6].map((a) => voiceRetryDelay(a, DEFAULT_BACKOFF, () => 0.999999));
    assert.deepEqual(lo, [500, 1000, 2000, 4000, 7500, 7500]);
    assert.deepEqual(hi, [1000, 2000, 4000, 8000, 15000, 15000]);
  });
});

describe('voice errors', () => {
  it('Invalid State and CF_INVALID_OBJECT_STATE mean re-read; 503 and timeouts retry; auth gives up', () => {
    assert.equal(
      classifyVoiceError({ kind: 'api', retryable: false, apiErrors: [{ errorType: 'Invalid State' }] }),
      'invalid-state',
    );
    assert.equal(
      classifyVoiceError({ kind: 'api', retryable: false, apiErrors: [{ errorType: 'CF_INVALID_OBJECT_STATE' }] }),
      'invalid-state',
    );
    assert.equal(classifyVoiceError({ kind: 'unavailable', retryable: true, status: 503 }), 'retry');
    assert.equal(classifyVoiceError({ kind: 'timeout', retryable: true }), 'retry');
    assert.equal(classifyVoiceError({ kind: 'auth', retryable: false, status: 401 }), 'give-up');
  });
});

describe('decision log', () => {
  it('keeps the newest entries, oldest first, and counts all', () => {
    const log = new DecisionLog(3);
    for (let i = 1; i <= 5; i++) log.add(i * 1000, 'voice-request', { kind: 'reread-failed', detail: `reason ${i}` });
    assert.deepEqual(
      log.entries().map((e) => (e.cause.kind === 'reread-failed' ? e.cause.detail : '')),
      ['reason 3', 'reason 4', 'reason 5'],
    );
    assert.equal(log.total, 5);
  });
});
