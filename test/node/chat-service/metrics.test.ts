// The metrics text: Prometheus exposition format, cumulative histogram buckets, every agent state listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceMetrics } from '../../../server/service/metrics.ts';

const STATS = { online: true, waiting: 2, oldestWaitMs: 12_500, agentsByState: { READY: 2, ACTIVE: 1 } };

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
  assert.match(text, /^chat_service_queue_length 2$/m);
  assert.match(text, /^chat_service_queue_oldest_wait_seconds 12\.5$/m);
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
