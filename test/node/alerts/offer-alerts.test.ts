// The offer alerts planner: an offer is alerted once, and its alert goes on every way out (answered here or from
// the alert, expired on the tick, withdrawn, taken elsewhere); nothing is planned when nothing changed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  alertText,
  NO_OFFER_ALERTS,
  planOfferAlerts,
  type OfferAlertAction,
  type OfferAlertsState,
} from '../../../src/app/offer-alerts.ts';
import type { AgentView } from '../../../src/app/agent-view.ts';
import { agentView, offerView } from './views.ts';

/** Runs the planner over a sequence of (view, now), collecting every action. */
function run(steps: readonly (readonly [AgentView, number])[]) {
  let state: OfferAlertsState = NO_OFFER_ALERTS;
  const all: OfferAlertAction[][] = [];
  for (const [view, now] of steps) {
    const plan = planOfferAlerts(state, view, now);
    state = plan.state;
    all.push([...plan.actions]);
  }
  return { state, all };
}

const shows = (actions: readonly OfferAlertAction[]) =>
  actions.flatMap((a) => (a.kind === 'show' ? [a.alert.chatId] : []));
const dismissals = (actions: readonly OfferAlertAction[]) =>
  actions.flatMap((a) => (a.kind === 'dismiss' ? [`${a.chatId}:${a.reason}`] : []));

describe('offer alerts', () => {
  it('a new offer is alerted once with its customer, the context beside the name, and seconds left; later views change nothing', () => {
    const v = agentView({ offers: [offerView('c1', 30_000)] });
    const { all } = run([
      [v, 1_500],
      [v, 2_500],
      [agentView({ offers: [offerView('c1', 30_000)] }), 3_500],
    ]);
    assert.deepEqual(all[0], [
      {
        kind: 'show',
        alert: {
          chatId: 'c1',
          customerName: 'Customer c1',
          context: [
            { label: 'Queue', value: 'Billing' },
            { label: 'Question', value: 'Where is my ‹b›order‹/b›?' },
          ],
          secondsLeft: 29,
        },
      },
    ]);
    assert.deepEqual(all[1], [], 'no update storm: the same offer on the next tick plans nothing');
    assert.deepEqual(all[2], []);
  });

  it('accepted from the card (progress moves on): dismissed as answered, and never shown again', () => {
    const { all } = run([
      [agentView({ offers: [offerView('c1', 30_000)] }), 0],
      [agentView({ offers: [offerView('c1', 30_000, 'reserving')] }), 1_000],
      [agentView({ offers: [offerView('c1', 30_000, 'new')] }), 2_000],
    ]);
    assert.deepEqual(dismissals(all[1] ?? []), ['c1:answered']);
    assert.deepEqual(shows(all[2] ?? []), [], 'an accept that failed back to new is not alerted a second time');
  });

  it('each way out dismisses: declined or accepted (gone), withdrawn (gone), expired on the tick', () => {
    const { all } = run([
      [agentView({ offers: [offerView('a', 30_000), offerView('b', 30_000), offerView('c', 10_000)] }), 0],
      [agentView({ offers: [offerView('b', 30_000), offerView('c', 10_000)] }), 1_000],
      [agentView({ offers: [offerView('b', 30_000), offerView('c', 10_000)] }), 10_000],
      [agentView({ offers: [] }), 11_000],
    ]);
    assert.deepEqual(shows(all[0] ?? []), ['a', 'b', 'c']);
    assert.deepEqual(dismissals(all[1] ?? []), ['a:gone']);
    assert.deepEqual(
      dismissals(all[2] ?? []),
      ['c:expired'],
      'expiry is seen on the tick, before the router withdraws',
    );
    assert.deepEqual(dismissals(all[3] ?? []), ['b:gone'], 'c was already dismissed: not twice');
  });

  it('an offer already expired or already answered when first seen raises no alert', () => {
    const { all } = run([[agentView({ offers: [offerView('x', 1_000), offerView('y', 30_000, 'accepting')] }), 1_000]]);
    assert.deepEqual(all[0], []);
  });

  it('a window that does not run blending raises none and takes its alerts down when it stops running blending', () => {
    const observer = { role: 'observer', message: null, confirm: null, pending: false } as const;
    const { all } = run([
      [agentView({ offers: [offerView('c1', 30_000)] }), 0],
      [agentView({ ownership: observer, offers: [offerView('c1', 30_000), offerView('c2', 30_000)] }), 1_000],
    ]);
    assert.deepEqual(dismissals(all[1] ?? []), ['c1:elsewhere']);
    assert.deepEqual(shows(all[1] ?? []), []);
  });

  it('alert text is one line, never markup, and cut to length', () => {
    assert.equal(alertText('  <script>x</script>\n line two '), '‹script›x‹/script› line two');
    const long = alertText('a'.repeat(500));
    assert.equal(long.length, 120);
    assert.ok(long.endsWith('…'));
  });
});
