// The ownership coordinator over the real Web Locks and BroadcastChannel of the browser: two "windows" in one page.

import { expect } from '@open-wc/testing';
import { OwnershipCoordinator } from '../../../src/core/session/ownership-coordinator.ts';
import { createWebLocksOwnershipLock, ownershipLockName } from '../../../src/core/session/web-locks-ownership-lock.ts';
import {
  createBroadcastOwnershipChannel,
  ownershipChannelName,
} from '../../../src/core/session/broadcast-ownership-channel.ts';
import type { Timers } from '../../../src/core/shared/timers.ts';

const timers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('ownership over Web Locks and BroadcastChannel', () => {
  let agent = '';
  const started: OwnershipCoordinator[] = [];
  const log: string[] = [];

  const windowFor = (id: string): OwnershipCoordinator => {
    const c = new OwnershipCoordinator({
      instanceId: id,
      lock: createWebLocksOwnershipLock(navigator.locks, ownershipLockName(agent)),
      channel: createBroadcastOwnershipChannel(ownershipChannelName(agent)),
      timers,
      releaseTimeoutMs: 2000,
      onBecomeOwner: () => log.push(`${id} owns`),
      onLoseOwnership: async () => {
        log.push(`${id} stops`);
      },
    });
    started.push(c);
    return c;
  };

  beforeEach(() => {
    agent = `agent-${Math.random().toString(36).slice(2)}`;
    log.length = 0;
  });

  afterEach(async () => {
    for (const c of started.splice(0)) if (c.status().role !== 'stopped') await c.stop();
  });

  it('first window owns, the second observes and learns the owner', async () => {
    const a = windowFor('a');
    const b = windowFor('b');
    expect((await a.start()).role).to.equal('owner');
    expect((await b.start()).role).to.equal('observer');
    await until(() => {
      const s = b.status();
      return s.role === 'observer' && s.owner?.instanceId === 'a';
    }, 'the observer to learn the owner');
  });

  it('a confirmed take-over steals the lock; the old owner hears it was taken over', async () => {
    const a = windowFor('a');
    const b = windowFor('b');
    await a.start();
    await b.start();
    await until(
      () => b.status().role === 'observer' && (b.status() as { owner: unknown }).owner !== null,
      'owner known',
    );
    expect((await b.takeOver({ confirmed: false })).result).to.equal('confirm');
    expect(await b.takeOver({ confirmed: true })).to.deep.equal({ result: 'success' });
    await until(() => a.status().role === 'taken-over', 'the old owner to be told');
    expect(log).to.deep.equal(['a owns', 'a stops', 'b owns']);
  });

  it('the owner leaving hands the lock to the waiting window', async () => {
    const a = windowFor('a');
    const b = windowFor('b');
    await a.start();
    await b.start();
    await a.stop();
    await until(() => b.status().role === 'owner', 'the waiting window to own');
  });
});
