// The base of the component harnesses (page objects): reach into one element's shadow root by role and class,
// so tests read like what a person does ("press Accept") instead of selectors.
import type { LitElement } from 'lit';

export class Harness<E extends LitElement> {
  constructor(readonly element: E) {}

  get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error(`${this.element.localName} has no shadow root`);
    return root;
  }

  /** The element's text as a person reads it (whitespace collapsed). */
  text(): string {
    return (this.root.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** One element inside, or a failure naming the selector. */
  find<T extends Element = HTMLElement>(selector: string): T {
    const found = this.root.querySelector<T>(selector);
    if (!found) throw new Error(`${this.element.localName}: nothing matches ${selector}`);
    return found;
  }

  has(selector: string): boolean {
    return this.root.querySelector(selector) !== null;
  }

  /** Waits for the element to finish rendering. */
  async settled(): Promise<void> {
    await this.element.updateComplete;
  }
}

/** Records the events of the given names that bubble out of an element, with their details. */
export function recordEvents(target: EventTarget, names: readonly string[]): { name: string; detail: unknown }[] {
  const seen: { name: string; detail: unknown }[] = [];
  for (const name of names)
    target.addEventListener(name, (e) => seen.push({ name, detail: (e as CustomEvent).detail }));
  return seen;
}

/** A ticker the test moves by hand. */
export class ManualTicker {
  #now: number;
  readonly #listeners = new Set<() => void>();

  constructor(now = 0) {
    this.#now = now;
  }

  now(): number {
    return this.#now;
  }

  subscribe(onTick: () => void): () => void {
    this.#listeners.add(onTick);
    return () => this.#listeners.delete(onTick);
  }

  /** Moves time on and ticks. */
  advance(ms: number): void {
    this.#now += ms;
    for (const l of [...this.#listeners]) l();
  }

  get subscribers(): number {
    return this.#listeners.size;
  }
}
