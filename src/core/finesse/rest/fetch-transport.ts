// HttpTransport over fetch: for the gadget inside the Finesse desktop, where the REST API is same-origin.

import { TransportError, type HttpResponse, type HttpTransport } from './http-transport.ts';

/** The part of fetch this adapter uses (so tests and other runtimes can pass their own). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

// Called through a wrapper: some browsers refuse a detached `fetch` whose `this` is not the window.
const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/** An HttpTransport over fetch, with a timeout per request (AbortController) and the caller's signal honoured. */
export function fetchTransport(fetchImpl: FetchLike = globalFetch): HttpTransport {
  return {
    async request(req): Promise<HttpResponse> {
      if (req.signal?.aborted) throw new TransportError('aborted');
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, req.timeoutMs);
      const onCallerAbort = (): void => controller.abort();
      req.signal?.addEventListener('abort', onCallerAbort, { once: true });
      try {
        const init: RequestInit = {
          method: req.method,
          headers: { ...req.headers },
          signal: controller.signal,
          credentials: 'same-origin',
          // State must be fresh: a cached User or Dialogs answer would hand the reconciler stale facts.
          cache: 'no-store',
        };
        if (req.body !== undefined) init.body = req.body;
        const response = await fetchImpl(req.url, init);
        // Reading the body is covered by the same timeout and signal.
        const body = await response.text();
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        return { status: response.status, headers, body };
      } catch {
        // The underlying error is dropped on purpose: its message is not ours to show and could echo the request.
        if (timedOut) throw new TransportError('timeout');
        if (req.signal?.aborted) throw new TransportError('aborted');
        throw new TransportError('network');
      } finally {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onCallerAbort);
      }
    },
  };
}
