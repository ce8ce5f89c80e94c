// Timers for the blending controller that the Finesse container's 1 s tick keeps honest: a hidden tab throttles
// setTimeout (to once a minute in Chromium), while the desktop's tick keeps arriving over the hub, and the
// developer guide asks gadgets to use the tick rather than timers of their own. Each timer is armed with
// setTimeout as well, so it also runs where the container has no tick.
import type { TimerHandle, Timers } from '../../shared/timers.ts';

/** The platform timer functions this adapter uses; injected so tests drive them. */
export interface PlatformTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TickTimers extends Timers {
  /** Runs every timer that is due; call it on each container tick. */
  tick(): void;
  /** Clears every timer (the gadget is going away). */
  dispose(): void;
  /** Counters for diagnostics: how the timers have been running. */
  snapshot(): TickTimersSnapshot;
}

export interface TickTimersSnapshot {
  /** Container ticks received. */
  readonly ticks: number;
  /** Timers a container tick ran. */
  readonly ranOnTick: number;
  /** Timers their own setTimeout ran (no tick came in time, or none arrives at all). */
  readonly ranOnFallback: number;
  /** Timers armed and not run yet. */
  readonly pending: number;
}

/**
 * While container ticks arrive, a timer's own setTimeout is armed this much later than its due time, so the tick
 * (every 1000 ms) runs it; the setTimeout only stands in when the ticks stop.
 */
export const TICK_FALLBACK_GRACE_MS = 2000;
/** Ticks count as arriving while the last one is at most this old. */
const TICKS_ARRIVING_MS = 3000;

interface Entry {
  readonly due: number;
  readonly callback: () => void;
  platform: unknown;
}

/** The default platform: the page's clock and timers. */
export const browserTimers: PlatformTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Timers that run at their due time on the container tick; each has its own setTimeout as well, at the due time
 * where no tick has come yet and TICK_FALLBACK_GRACE_MS later while ticks arrive, so it also runs without them.
 */
export function createTickTimers(platform: PlatformTimers = browserTimers): TickTimers {
  const entries = new Map<number, Entry>();
  let next = 0;
  let lastTick: number | null = null;
  const counts = { ticks: 0, ranOnTick: 0, ranOnFallback: 0 };
  const ticking = (now: number): boolean => lastTick !== null && now - lastTick <= TICKS_ARRIVING_MS;
  const arm = (id: number, due: number, now: number): unknown =>
    platform.setTimeout(
      () => run(id, 'fallback'),
      Math.max(0, due - now) + (ticking(now) ? TICK_FALLBACK_GRACE_MS : 0),
    );
  const run = (id: number, by: 'tick' | 'fallback'): void => {
    const entry = entries.get(id);
    if (entry === undefined) return;
    entries.delete(id);
    platform.clearTimeout(entry.platform);
    if (by === 'tick') counts.ranOnTick += 1;
    else counts.ranOnFallback += 1;
    entry.callback();
  };
  return {
    now: () => platform.now(),
    setTimeout(callback: () => void, ms: number): TimerHandle {
      const id = ++next;
      const now = platform.now();
      const due = now + Math.max(0, ms);
      entries.set(id, { due, callback, platform: arm(id, due, now) });
      return id;
    },
    clearTimeout(handle: TimerHandle): void {
      if (typeof handle !== 'number') return;
      const entry = entries.get(handle);
      if (entry === undefined) return;
      entries.delete(handle);
      platform.clearTimeout(entry.platform);
    },
    tick(): void {
      const now = platform.now();
      const resumed = !ticking(now);
      lastTick = now;
      counts.ticks += 1;
      if (resumed) {
        // Ticks (again): timers armed without them wait for the tick from now on.
        for (const [id, entry] of entries) {
          platform.clearTimeout(entry.platform);
          entry.platform = arm(id, entry.due, now);
        }
      }
      const due = [...entries].filter(([, e]) => e.due <= now).sort((a, b) => a[1].due - b[1].due || a[0] - b[0]);
      for (const [id] of due) run(id, 'tick');
    },
    dispose(): void {
      for (const entry of entries.values()) platform.clearTimeout(entry.platform);
      entries.clear();
    },
    snapshot: () => ({ ...counts, pending: entries.size }),
  };
}
