// The metrics text: Prometheus exposition format, cumulative histogram buckets, every agent state listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceMetrics } from '../../../server/service/metrics.ts';

const STATS = {
  online: true,
  waiting: 3,
  oldestWaitMs: 12_500,
  agentsByState: { READY: 2, ACTIVE: 1 },
  queues: [
    { id: 'billing', waiting: 2, oldestWaitMs: 12_500 },
    { id: 'sales', waiting: 1, oldestWaitMs: 4_000 },
    { id: 'support', waiting: 0, oldestWaitMs: 0 },
  ],
};

test('every metric has HELP and TYPE lines, and each sample line is "name[{labels}] number"', () => {
  const text = new ServiceMetrics().render(STATS);
  assert.ok(text.endsWith('\n'));
  const lines = text.trimEnd().split('\n');
  const declared = new Set(lines.filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]));
  for (const line of lines.filter((l) => !l.startsWith('#'))) {
    const match = /^([a-z_]+?)(_bucket|_sum|_count)?(\{[a-z]+="[^"]*"\})? (-?[0-9.e+]+)$/.exec(line);
    assert.ok(match, `a sample line: ${line}`);
    assert.ok(declared.has(match[1]) || declared.has(`${match[1]}${match[2] ?? ''}`), `declared: ${line}`);
  }
  assert.match(text, /^chat_service_queue_length\{queue="billing"\} 2$/m);
  assert.match(text, /^chat_service_queue_length\{queue="sales"\} 1$/m);
  assert.match(text, /^chat_service_queue_length\{queue="support"\} 0$/m, 'an empty queue is listed as 0');
  assert.match(text, /^chat_service_queue_oldest_wait_seconds\{queue="billing"\} 12\.5$/m);
  assert.match(text, /^chat_service_queue_oldest_wait_seconds\{queue="sales"\} 4$/m);
  assert.doesNotMatch(text, /chat_service_directory_age_seconds/, 'no directory setting: no directory metrics');
  assert.match(text, /^chat_service_agents\{state="READY"\} 2$/m);
  assert.match(text, /^chat_service_agents\{state="NOT_READY"\} 0$/m, 'states with no agent are listed as 0');
});

test('counters count their events; time to offer fills cumulative buckets', () => {
  const metrics = new ServiceMetrics();
  metrics.record({ kind: 'offered', chatId: 'a', waitedMs: 400 });
  metrics.record({ kind: 'offered', chatId: 'b', waitedMs: 7_000 });
  metrics.record({ kind: 'offered', chatId: 'b', waitedMs: 45_000 });
  metrics.record({ kind: 'declined', chatId: 'b' });
  metrics.record({ kind: 'expired', chatId: 'b' });
  metrics.record({ kind: 'accepted', chatId: 'a' });
  metrics.record({ kind: 'online' });
  const text = metrics.render(STATS);
  const value = (sample: string) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`${sample} `))
        ?.split(' ')[1],
    );
  assert.equal(value('chat_service_offers_total'), 3);
  assert.equal(value('chat_service_accepts_total'), 1);
  assert.equal(value('chat_service_declines_total'), 1);
  assert.equal(value('chat_service_offer_expiries_total'), 1);
  assert.equal(value('chat_service_time_to_offer_seconds_bucket{le="1"}'), 1);
  assert.equal(value('chat_service_time_to_offer_seconds_bucket{le="10"}'), 2);
  assert.equal(value('chat_service_time_to_offer_seconds_bucket{le="60"}'), 3);
  assert.equal(value('chat_service_time_to_offer_seconds_bucket{le="+Inf"}'), 3);
  assert.equal(value('chat_service_time_to_offer_seconds_count'), 3);
  assert.equal(value('chat_service_time_to_offer_seconds_sum'), 52.4);
});

test('the directory age and size are gauges once the service reads Finesse; -1 before the first good read', () => {
  const metrics = new ServiceMetrics();
  assert.match(metrics.render(STATS, 'active', { ageMs: null, users: 0 }), /^chat_service_directory_age_seconds -1$/m);
  const text = metrics.render(STATS, 'active', { ageMs: 90_000, users: 7 });
  assert.match(text, /^chat_service_directory_age_seconds 90$/m);
  assert.match(text, /^chat_service_directory_users 7$/m);
});

test('a router that reports no queues is counted as the one default queue', () => {
  const { queues: _none, ...older } = STATS;
  const text = new ServiceMetrics().render(older);
  assert.match(text, /^chat_service_queue_length\{queue="default"\} 3$/m);
});
