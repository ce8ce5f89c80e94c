// The blending ports adapt the team's FinesseClient and Finesse notifications in one line each: this test is
// the wiring the boot code will use, run against a client stub that answers like Finesse.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FinesseClient } from '../../../src/core/finesse/rest/finesse-client.ts';
import type { FinesseError } from '../../../src/core/finesse/rest/finesse-error.ts';
import { err, ok } from '../../../src/core/result.ts';
import { BlendingReconciler } from '../../../src/core/blending/reconciler.ts';
import type { FinesseFactsPort, VoiceStatePort } from '../../../src/core/blending/ports.ts';
import { HANDLING_CHAT, user } from './support/builders.ts';
import { FakeChatPort, flush, VirtualTimers } from './support/fakes.ts';

const AGENT = '1001001';

/** The adapters the boot code writes. */
const voicePortFrom = (client: Pick<FinesseClient, 'setUserState'>, userId: string): VoiceStatePort => ({
  requestState: (r) =>
    client.setUserState(
      userId,
      r.reasonCodeId === null ? { state: r.state } : { state: r.state, reasonCodeId: r.reasonCodeId },
    ),
});
const factsPortFrom = (client: Pick<FinesseClient, 'getUser' | 'getDialogs'>, userId: string): FinesseFactsPort => ({
  readUser: () => client.getUser(userId),
  readDialogs: () => client.getDialogs(userId),
});

describe('adapting the FinesseClient to the blending ports', () => {
  it('a 400 Invalid State from the client is read as "facts changed", not as an error', async () => {
    const invalid: FinesseError = {
      kind: 'api',
      status: 400,
      method: 'PUT',
      url: `/finesse/api/User/${AGENT}`,
      retryable: false,
      apiErrors: [
        {
          errorType: 'Invalid State',
          errorMessage: 'Invalid State',
          errorData: null,
          peripheralErrorCode: null,
          peripheralErrorMsg: null,
          peripheralErrorText: null,
        },
      ],
      description: { code: 'INVALID_STATE', message: 'x', actor: 'automatic', retryable: false, known: true },
    };
    const calls: unknown[] = [];
    const client: Pick<FinesseClient, 'setUserState' | 'getUser' | 'getDialogs'> = {
      setUserState: async (id, change) => {
        calls.push([id, change]);
        return err(invalid);
      },
      getUser: async () => ok(user('READY')),
      getDialogs: async () => ok([]),
    };
    const chat = new FakeChatPort();
    const reconciler = new BlendingReconciler({
      voice: voicePortFrom(client, AGENT),
      facts: factsPortFrom(client, AGENT),
      chat,
      timers: new VirtualTimers(),
      random: () => 0.5,
      handlingChat: HANDLING_CHAT,
      maxChats: 5,
    });
    await reconciler.start();
    reconciler.offerArrived('c1');
    await flush();
    assert.deepEqual(calls, [[AGENT, { state: 'NOT_READY', reasonCodeId: HANDLING_CHAT.id }]]);
    assert.equal(reconciler.snapshot().log.filter((e) => e.kind === 'voice-refused').length, 1);
    assert.equal(chat.declined[0]?.offerId, 'c1');
  });
});
