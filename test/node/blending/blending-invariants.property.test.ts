// Property: over long random interleavings of calls (ACD and internal), chats, agent, supervisor and system
// state changes, REST failures, lost and duplicated notifications, node failover and a second gadget window,
// against a model of Finesse built from the transition table, the invariants I1-I7 hold after every step
// and at rest. On failure fast-check prints the shrunk sequence of actions.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FinesseWorld, type Action, type WorldConfig } from './support/finesse-world.ts';

const RUNS = Number(process.env.BLENDING_PROPERTY_RUNS ?? 10_000);

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record({
      t: fc.constant('deliver' as const),
      which: fc.constantFrom('notification' as const, 'response' as const),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ t: 'acdCall' as const }) },
  { weight: 3, arbitrary: fc.constant({ t: 'answer' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'ringNoAnswer' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'hold' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'retrieve' as const }) },
  { weight: 3, arbitrary: fc.constant({ t: 'drop' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'wrapUpEnds' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('internalCall' as const),
      callType: fc.constantFrom(
        'TRANSFER' as const,
        'CONSULT' as const,
        'CONFERENCE' as const,
        'OTHER_IN' as const,
        'OUT' as const,
      ),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ t: 'internalDrop' as const }) },
  { weight: 5, arbitrary: fc.constant({ t: 'chatOffer' as const }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('chatEnd' as const), pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'offerExpires' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('agent' as const),
      to: fc.constantFrom(
        'READY' as const,
        'LUNCH' as const,
        'HANDLING_CHAT' as const,
        'LOGOUT' as const,
        'LOGIN' as const,
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'supervisorNotReady' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'systemNotReady' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('failNext' as const),
      kind: fc.constantFrom('invalid' as const, '503' as const, 'timeout' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'loseNext' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'duplicateNext' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('node' as const),
      node: fc.constantFrom('primary' as const, 'secondary' as const),
      up: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('notifications' as const), up: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ t: 'takeOver' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: 100, max: 30_000 }) }),
  },
);

const config: fc.Arbitrary<WorldConfig> = fc.record({
  deployment: fc.constantFrom('UCCE' as const, 'UCCX' as const),
  wrapUp: fc.boolean(),
  pendingReason: fc.constantFrom('shown' as const, 'hidden' as const),
  refusal: fc.constantFrom('sync' as const, 'async' as const),
});

describe('blending invariants over random interleavings', () => {
  // Thousands of runs take a minute or more on a busy machine: more than the node step's per-test timeout.
  it(`I1-I7 hold after every step and at rest (${RUNS} interleavings)`, { timeout: 5 * 60_000 }, async () => {
    let runs = 0;
    let steps = 0;
    let requests = 0;
    let accepted = 0;
    const coverage: Record<string, number> = {};
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(config, fc.array(action, { minLength: 5, maxLength: 60, size: 'max' }), async (cfg, actions) => {
        const world = new FinesseWorld(cfg);
        await world.start();
        for (const a of actions) await world.act(a);
        await world.quiesce();
        runs++;
        steps += world.steps;
        requests += world.windows.reduce((n, w) => n + w.reconciler.stats().attempts, 0);
        accepted += world.chats.size;
        for (const [k, v] of Object.entries(world.coverage)) coverage[k] = (coverage[k] ?? 0) + v;
      }),
      {
        numRuns: RUNS,
        includeErrorInReport: true,
        // To replay a failure: the seed and path fast-check printed.
        seed: process.env.BLENDING_PROPERTY_SEED ? Number(process.env.BLENDING_PROPERTY_SEED) : undefined,
        path: process.env.BLENDING_PROPERTY_PATH,
      },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `blending property: ${runs} interleavings, ${steps} steps, ${requests} voice requests, ${accepted} chats open at rest (${seconds} s)`,
    );
    const keys = [
      'request:reserve',
      'request:restore',
      'request:answer-ready',
      'request:pending',
      'request:leave-wrap-up',
      'accepted',
      'accepted during an internal call',
      'ACD call while chats active',
      'pending Handling Chat shown without its reason',
      'pending READY refused',
      'refused asynchronously',
      'takeOver',
      'failNext',
      'loseNext',
      'node',
    ];
    console.log(`exercised: ${keys.map((k) => `${k} ${coverage[k] ?? 0}`).join(', ')}`);
    const mustReach = [
      'request:reserve',
      'request:restore',
      'request:answer-ready',
      'request:pending',
      'accepted',
      'accepted during an internal call',
      'ACD call while chats active',
      'pending Handling Chat shown without its reason',
      'pending READY refused',
      'refused asynchronously',
    ];
    for (const k of mustReach) {
      assert.ok((coverage[k] ?? 0) > 0, `the interleavings never reached: ${k}`);
    }
    assert.ok(runs >= RUNS);
  });
});
