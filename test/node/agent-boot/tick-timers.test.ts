// The blending timers on the container tick: while ticks arrive the tick runs every timer and the timer's own
// setTimeout stays a late stand-in; when the ticks stop, the stand-in runs it. The counters say which ran what.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTickTimers,
  TICK_FALLBACK_GRACE_MS,
  type PlatformTimers,
} from '../../../src/core/blending/adapters/tick-timers.ts';

/** A platform clock the test moves; armed platform timers run when the clock passes their time. */
function manualPlatform() {
  let now = 0;
  let id = 0;
  const armed = new Map<number, { at: number; run: () => void }>();
  const platform: PlatformTimers = {
    now: () => now,
    setTimeout: (run, ms) => {
      armed.set(++id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (h) => {
      armed.delete(h as number);
    },
  };
  /** Moves the clock, running platform timers on the way, in time order. */
  const advance = (ms: number): void => {
    const until = now + ms;
    for (;;) {
      const nextUp = [...armed].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!nextUp) break;
      armed.delete(nextUp[0]);
      now = Math.max(now, nextUp[1].at);
      nextUp[1].run();
    }
    now = until;
  };
  return { platform, armed, advance };
}

describe('blending timers on the container tick', () => {
  it('while the container ticks every second, the tick runs each timer and its setTimeout never does', () => {
    const { platform, advance } = manualPlatform();
    const timers = createTickTimers(platform);
    const ran: string[] = [];
    timers.setTimeout(() => ran.push('armed before the first tick'), 2500);
    for (let second = 1; second <= 3; second += 1) {
      advance(1000);
      timers.tick();
      if (second === 1) timers.setTimeout(() => ran.push('armed while ticking'), 300);
    }
    for (let second = 4; second <= 6; second += 1) {
      advance(1000);
      timers.tick();
    }
    assert.deepEqual(ran, ['armed while ticking', 'armed before the first tick']);
    assert.deepEqual(timers.snapshot(), { ticks: 6, ranOnTick: 2, ranOnFallback: 0, pending: 0 });
  });

  it('when the ticks stop, a timer still runs, at most the grace period late, on its own setTimeout', () => {
    const { platform, advance } = manualPlatform();
    const timers = createTickTimers(platform);
    let at = -1;
    advance(1000);
    timers.tick();
    timers.setTimeout(() => (at = platform.now()), 500);
    advance(500 + TICK_FALLBACK_GRACE_MS);
    assert.equal(at, 1000 + 500 + TICK_FALLBACK_GRACE_MS);
    assert.deepEqual(timers.snapshot(), { ticks: 1, ranOnTick: 0, ranOnFallback: 1, pending: 0 });

    // Long after the last tick a new timer is armed at its own due time again.
    advance(5000);
    timers.setTimeout(() => (at = platform.now()), 100);
    const armedAt = platform.now();
    advance(100);
    assert.equal(at, armedAt + 100);
  });
});
