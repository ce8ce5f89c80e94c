// A once-a-second tick for countdowns, as a reactive controller: it subscribes while its host is connected and
// releases the subscription when the host leaves the page. The ticker reaches the countdowns by context.
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';

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

/** The countdown clock, provided once by the agent panel to every part below it. */
export const tickerContext = createContext<Ticker>(Symbol('ticker'));

/**
 * Re-renders its host every tick while the host is connected. The ticker comes by context from an enclosing
 * provider, following it when the provider's ticker changes; with no provider, the page clock.
 */
export class TickController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #clock: ContextConsumer<typeof tickerContext, ReactiveElement>;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveElement) {
    this.#host = host;
    // The consumer goes first, so a provided ticker is known before this controller's hostConnected runs.
    this.#clock = new ContextConsumer(host, {
      context: tickerContext,
      subscribe: true,
      callback: () => this.#follow(),
    });
    host.addController(this);
  }

  get #ticker(): Ticker {
    return this.#clock.value ?? intervalTicker;
  }

  /** The current time from the ticker. */
  now(): number {
    return this.#ticker.now();
  }

  hostConnected(): void {
    if (this.#unsubscribe === null) this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  #follow(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#ticker.subscribe(() => this.#host.requestUpdate());
  }
}
