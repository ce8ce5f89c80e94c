// Failover (docs/finesse-contract.md section 9; holding still when both nodes are down is rule 6 in
// docs/blending-rules.md): switch, switch back, halt and recover, plus start-up and jittered polling.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FailoverMonitor, type FailoverEvent } from '../../../src/core/blending/failover-monitor.ts';
import { err, ok } from '../../../src/core/result.ts';
import type { SystemInfo } from '../../../src/core/finesse/types.ts';
import { flush, VirtualTimers } from './support/fakes.ts';

const info = (status: SystemInfo['status']): SystemInfo => ({
  status,
  statusReason: null,
  deploymentType: 'UCCE',
  primaryNode: 'fin-a',
  secondaryNode: 'fin-b',
  xmppDomain: 'fin-a',
  xmppPubSubDomain: 'pubsub.fin-a',
  currentTimestamp: null,
  timezoneOffset: null,
});

function setup(initial: Record<string, 'up' | 'down' | 'oos'> = { 'fin-a': 'up', 'fin-b': 'up' }) {
  const timers = new VirtualTimers();
  const health = { ...initial };
  const events: FailoverEvent[] = [];
  const polls: { node: string; at: number }[] = [];
  const monitor = new FailoverMonitor({
    primary: 'fin-a',
    secondary: 'fin-b',
    timers,
    random: () => 0.5,
    intervalMs: 5000,
    fetchSystemInfo: async (node) => {
      polls.push({ node, at: timers.now() });
      const h = health[node];
      if (h === 'up') return ok(info('IN_SERVICE'));
      if (h === 'oos') return ok(info('OUT_OF_SERVICE'));
      return err({ kind: 'network', retryable: true, message: 'connection refused' });
    },
    onEvent: (e) => events.push(e),
  });
  const tick = async (ms = 5000): Promise<void> => {
    timers.advance(ms);
    await flush();
  };
  return { monitor, health, events, polls, tick, timers };
}

describe('Finesse failover monitor', () => {
  it('both nodes in service at start: the primary is used', async () => {
    const t = setup();
    t.monitor.start();
    await flush();
    assert.deepEqual(t.events, [{ type: 'switch', node: 'fin-a', from: null }]);
  });

  it('publisher Finesse is inaccessible: switch to the subscriber, keep polling the publisher', async () => {
    const t = setup();
    t.monitor.start();
    await flush();
    t.health['fin-a'] = 'down';
    await t.tick();
    assert.equal(t.events.length, 1, 'one failed poll is not enough to switch');
    await t.tick();
    assert.deepEqual(t.events.at(-1), { type: 'switch', node: 'fin-b', from: 'fin-a' });
    const before = t.polls.filter((p) => p.node === 'fin-a').length;
    await t.tick();
    assert.equal(t.polls.filter((p) => p.node === 'fin-a').length, before + 1);
  });

  it('publisher Finesse answers that it is OUT_OF_SERVICE: switch to the subscriber at the next poll, no second poll needed', async () => {
    const t = setup();
    const seen: boolean[] = [];
    t.monitor.start();
    await flush();
    t.health['fin-a'] = 'oos';
    await t.monitor.pollNow();
    assert.deepEqual(t.events.at(-1), { type: 'switch', node: 'fin-b', from: 'fin-a' });
    for (const n of t.monitor.status().nodes) seen.push(n.inService === true);
    assert.deepEqual(seen, [false, true]);
  });

  it('publisher Finesse restores: switch back to the publisher', async () => {
    const t = setup({ 'fin-a': 'oos', 'fin-b': 'up' });
    t.monitor.start();
    await flush();
    assert.deepEqual(t.events, [{ type: 'switch', node: 'fin-b', from: null }]);
    t.health['fin-a'] = 'up';
    await t.tick();
    assert.deepEqual(t.events.at(-1), { type: 'switch', node: 'fin-a', from: 'fin-b' });
  });

  it('both nodes down: degraded (halt blending); when one is back: recovered, so the state is re-read', async () => {
    const t = setup();
    t.monitor.start();
    await flush();
    t.health['fin-a'] = 'down';
    t.health['fin-b'] = 'oos';
    await t.tick();
    await t.tick();
    const degraded = t.events.at(-1);
    assert.equal(degraded?.type, 'degraded');
    assert.match(
      degraded?.type === 'degraded' ? degraded.reason : '',
      /fin-a: connection refused; fin-b: OUT_OF_SERVICE/,
    );
    assert.equal(t.monitor.status().degraded, true);
    t.health['fin-b'] = 'up';
    await t.tick();
    assert.deepEqual(t.events.slice(-2), [
      { type: 'switch', node: 'fin-b', from: 'fin-a' },
      { type: 'recovered', node: 'fin-b' },
    ]);
  });

  it('polls on a jittered period and stops when told', async () => {
    const t = setup();
    t.monitor.start();
    await flush();
    for (let i = 0; i < 4; i++) await t.tick(5000);
    const times = [...new Set(t.polls.map((p) => p.at))];
    assert.deepEqual(times, [0, 5000, 10000, 15000, 20000]);
    t.monitor.stop();
    await t.tick(20_000);
    assert.equal([...new Set(t.polls.map((p) => p.at))].length, 5);
  });

  it('the period is jittered by the injected random source (+-20 %)', async () => {
    const timers = new VirtualTimers();
    const randoms = [0, 0.999];
    const at: number[] = [];
    const monitor = new FailoverMonitor({
      primary: 'fin-a',
      secondary: null,
      timers,
      random: () => randoms.shift() ?? 0.5,
      fetchSystemInfo: async () => {
        at.push(timers.now());
        return ok(info('IN_SERVICE'));
      },
      onEvent: () => undefined,
    });
    monitor.start();
    for (let i = 0; i < 3; i++) {
      await flush();
      timers.runNext();
    }
    await flush();
    monitor.stop();
    assert.deepEqual(at, [0, 4000, 9998, 14998]);
  });
});
