// Rule 8: one owner of blending per agent across windows; take-over only after the user confirms.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OwnershipCoordinator } from '../../../src/core/session/ownership-coordinator.ts';
import { parseOwnershipMessage } from '../../../src/core/session/ownership-port.ts';
import { FakeBroadcastBus, FakeLockManager } from './support/ownership-fakes.ts';
import { flush, VirtualTimers } from './support/fakes.ts';

function world() {
  const locks = new FakeLockManager();
  const bus = new FakeBroadcastBus();
  const timers = new VirtualTimers();
  const log: string[] = [];
  const window = (id: string, settle: () => Promise<void> = async () => undefined) =>
    new OwnershipCoordinator({
      instanceId: id,
      lock: locks.port(),
      channel: bus.channel(),
      timers,
      onBecomeOwner: () => log.push(`${id} owns`),
      onLoseOwnership: async () => {
        log.push(`${id} stops`);
        await settle();
        log.push(`${id} settled`);
      },
    });
  return { locks, bus, timers, log, window };
}

describe('rule 8: one owner per agent', () => {
  it('the first window owns blending; a second one only shows it, and knows who owns', async () => {
    const w = world();
    const a = w.window('tab-a');
    const b = w.window('tab-b');
    assert.equal((await a.start()).role, 'owner');
    assert.equal((await b.start()).role, 'observer');
    await flush();
    const s = b.status();
    assert.equal(s.role === 'observer' && s.owner?.instanceId, 'tab-a');
    assert.deepEqual(w.log, ['tab-a owns']);
  });

  it('take-over asks for confirmation first; nothing changes until confirmed', async () => {
    const w = world();
    const a = w.window('tab-a');
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    await flush();
    const answer = await b.takeOver({ confirmed: false });
    assert.equal(answer.result, 'confirm');
    assert.equal(answer.result === 'confirm' && typeof answer.ownerSince, 'number', 'says since when the owner runs');
    assert.equal(a.status().role, 'owner');
    assert.equal(b.status().role, 'observer');
  });

  it('confirmed take-over: the old owner is told (like SESSION_INVALIDATED), stops, settles; then the new owner starts', async () => {
    let settle: () => void = () => undefined;
    const w = world();
    const a = w.window('tab-a', () => new Promise<void>((r) => (settle = r)));
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    await flush();
    const done = b.takeOver({ confirmed: true });
    await flush();
    const sa = a.status();
    assert.equal(sa.role, 'taken-over');
    assert.equal(sa.role === 'taken-over' && sa.by, 'tab-b');
    assert.deepEqual(w.log, ['tab-a owns', 'tab-a stops'], 'the new owner waits for the old request to settle');
    settle();
    assert.deepEqual(await done, { result: 'success' });
    assert.deepEqual(w.log, ['tab-a owns', 'tab-a stops', 'tab-a settled', 'tab-b owns']);
    assert.equal(b.status().role, 'owner');
  });

  it('an old owner that never answers does not block the new one past the release timeout', async () => {
    const w = world();
    const a = w.window('tab-a', () => new Promise<void>(() => undefined));
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    await flush();
    const done = b.takeOver({ confirmed: true });
    await flush();
    w.timers.advance(30_000);
    assert.deepEqual(await done, { result: 'success' });
    assert.equal(w.log.at(-1), 'tab-b owns');
  });

  it('an old owner that settles before the new one hears the lock is granted is not waited for again', async () => {
    const w = world();
    w.locks.slowStealGrant = true;
    const a = w.window('tab-a');
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    await flush();
    const done = b.takeOver({ confirmed: true });
    // No timer runs: only the old owner's release can let the new one act.
    await flush();
    await new Promise<void>((r) => setImmediate(r));
    await flush();
    assert.deepEqual(w.log, ['tab-a owns', 'tab-a stops', 'tab-a settled', 'tab-b owns']);
    assert.deepEqual(await done, { result: 'success' });
    assert.equal(b.status().role, 'owner');
  });

  it('the owner window closes (desktop reload): the waiting window becomes owner by itself', async () => {
    const w = world();
    const a = w.window('tab-a');
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    await a.stop();
    await flush();
    assert.equal(b.status().role, 'owner');
    assert.deepEqual(w.log, ['tab-a owns', 'tab-a stops', 'tab-a settled', 'tab-b owns']);
  });

  it('a taken-over window does not grab blending back by itself, but can take over again after confirming', async () => {
    const w = world();
    const a = w.window('tab-a');
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    await flush();
    await b.takeOver({ confirmed: true });
    await b.stop();
    await flush();
    assert.equal(a.status().role, 'taken-over');
    assert.deepEqual(await a.takeOver({ confirmed: true }), { result: 'success' });
    assert.equal(a.status().role, 'owner');
  });

  it('the owner shares snapshots; observers receive them, the owner ignores its own', async () => {
    const w = world();
    const a = w.window('tab-a');
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    const got: unknown[] = [];
    b.onSnapshot((s) => got.push(s));
    a.onSnapshot((s) => got.push(['owner got', s]));
    a.publishSnapshot({ chat: 'ACTIVE' });
    b.publishSnapshot({ chat: 'ignored: not the owner' });
    await flush();
    assert.deepEqual(got, [{ chat: 'ACTIVE' }]);
  });

  it("a window opened later gets the owner's last view at once, not after the owner's next change", async () => {
    const w = world();
    const a = w.window('tab-a');
    await a.start();
    a.publishSnapshot({ chat: 'ACTIVE', chats: 2 });
    await flush();
    const b = w.window('tab-b');
    const got: unknown[] = [];
    b.onSnapshot((s) => got.push(s));
    await b.start();
    await flush();
    assert.deepEqual(got, [{ chat: 'ACTIVE', chats: 2 }]);
  });

  it('messages from other windows are checked before use', () => {
    assert.equal(parseOwnershipMessage({ type: 'owner', instanceId: 'x' }), null);
    assert.equal(parseOwnershipMessage('owner'), null);
    assert.equal(parseOwnershipMessage({ type: 'taken-over', by: 'b', from: 3 }), null);
    assert.deepEqual(parseOwnershipMessage({ type: 'released', instanceId: 'a', extra: 1 }), {
      type: 'released',
      instanceId: 'a',
    });
  });
});

describe('rule 8: take-over races', () => {
  it('clicking take-over again while the first waits joins it; windows taking it back and forth end with one owner', async () => {
    let settleA: () => void = () => undefined;
    const w = world();
    const a = w.window('tab-a', () => new Promise<void>((r) => (settleA = r)));
    const b = w.window('tab-b');
    await a.start();
    await b.start();
    await flush();
    const byB = b.takeOver({ confirmed: true });
    await flush();
    const byA1 = a.takeOver({ confirmed: true });
    const byA2 = a.takeOver({ confirmed: true });
    assert.equal(byA1, byA2);
    await flush();
    settleA();
    const [rb, ra] = await Promise.all([byB, byA1]);
    assert.equal(rb.result, 'failure');
    assert.deepEqual(ra, { result: 'success' });
    assert.equal(a.status().role, 'owner');
    assert.notEqual(b.status().role, 'owner');
  });
});
