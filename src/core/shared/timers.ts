// Time as the core sees it: one port for blending, chat and the session. The boot code backs it with the Finesse
// container's 1 s timer tick where the desktop sends one (hidden tabs throttle setTimeout), tests with a virtual
// clock, and Node-side parts (the router, the customer page) with the system timers.

/** An opaque timer handle. */
export type TimerHandle = unknown;

export interface Timers {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** A number in [0, 1), like Math.random; injected so jitter is deterministic in tests. */
export type RandomSource = () => number;

/** The system's own timers (for parts that run outside the Finesse container). */
export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
