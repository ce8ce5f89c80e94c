// A bounded wait for something the network reports, used by the hand-over to another window: it must not hang on a
// server that never answers, and it must not wait longer than needed when the answer comes.
import type { Timers } from '../../shared/timers.ts';

/** Resolves once `done()` holds (checked whenever `arm`'s wake-up is called) or after `ms`, whichever comes first. */
export function waitUntil(
  clock: Timers,
  ms: number,
  done: () => boolean,
  arm: (wake: () => void) => void,
): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      resolve();
    };
    const timer = clock.setTimeout(finish, ms);
    arm(() => {
      if (done()) finish();
    });
  });
}
