// A once-a-second tick for countdowns, as a reactive controller: it subscribes while its host is connected and
// releases the subscription when the host leaves the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A source of "now" that says when a second has passed. Boot backs it with the container's tick. */
export interface Ticker {
  now(): number;
  /** Calls `onTick` about once a second; returns the unsubscribe. */
  subscribe(onTick: () => void): () => void;
}

/** The page clock, ticking with setInterval. */
export const intervalTicker: Ticker = {
  now: () => Date.now(),
  subscribe(onTick) {
    const id = setInterval(onTick, 1000);
    return () => clearInterval(id);
  },
};

/** Re-renders its host every tick while the host is connected and `active()` says a countdown is showing. */
export class TickController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #ticker: () => Ticker;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost, ticker: () => Ticker) {
    this.#host = host;
    this.#ticker = ticker;
    host.addController(this);
  }

  /** The current time from the ticker. */
  now(): number {
    return this.#ticker().now();
  }

  hostConnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#ticker().subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
