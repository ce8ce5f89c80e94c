// Request/response over XMPP IQs as promises. strophe drops its handlers when the link drops, which would
// leave a request hanging forever; this tracker fails every open request instead, and times each one out.
import { err, ok, type Result } from '../../result.ts';
import type { Timers, TimerHandle } from '../../shared/timers.ts';
import type { XmppConnection } from './xmpp-connection.ts';
import type { Builder } from 'strophe.js';
import { childElement, firstChildName } from './dom-read.ts';

export type IqFailure =
  | { readonly kind: 'error'; readonly condition: string; readonly text: string | null }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'disconnected' };

interface Pending {
  settle(result: Result<Element, IqFailure>): void;
  timer: TimerHandle;
}

export class IqTracker {
  readonly #clock: Timers;
  readonly #timeoutMs: number;
  readonly #pending = new Set<Pending>();

  constructor(clock: Timers, timeoutMs: number) {
    this.#clock = clock;
    this.#timeoutMs = timeoutMs;
  }

  /** Sends an IQ and resolves with the result stanza, or a failure. */
  send(conn: XmppConnection, iq: Builder): Promise<Result<Element, IqFailure>> {
    return new Promise((resolve) => {
      let done = false;
      const entry: Pending = {
        settle: (result) => {
          if (done) return;
          done = true;
          this.#clock.clearTimeout(entry.timer);
          this.#pending.delete(entry);
          resolve(result);
        },
        timer: null,
      };
      entry.timer = this.#clock.setTimeout(() => entry.settle(err({ kind: 'timeout' })), this.#timeoutMs);
      this.#pending.add(entry);
      try {
        conn.sendIQ(
          iq,
          (result) => entry.settle(ok(result)),
          (error) => entry.settle(err(error ? readIqError(error) : { kind: 'timeout' })),
        );
      } catch {
        entry.settle(err({ kind: 'disconnected' })); // the transport is already gone
      }
    });
  }

  /** Fails every open request: the link is gone and their answers with it. */
  failAll(): void {
    for (const entry of [...this.#pending]) entry.settle(err({ kind: 'disconnected' }));
  }
}

/** The defined condition and text of an IQ error. */
export function readIqError(iq: Element): IqFailure {
  const error = childElement(iq, 'error');
  const condition = (error && firstChildName(error)) ?? 'undefined-condition';
  const text = error ? childElement(error, 'text') : null;
  return { kind: 'error', condition, text: text ? (text.textContent ?? null) : null };
}
