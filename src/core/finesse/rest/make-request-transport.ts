// HttpTransport over Shindig's gadgets.io.makeRequest: for a gadget hosted outside the Finesse server, whose
// requests go through the container's proxy. The gadgets.io object is passed in (never read as a global here).
//
// Shape (Apache Shindig, features/core.io/io.js): makeRequest(url, callback, params), params keyed by the values
// of gadgets.io.RequestParameters (METHOD, HEADERS, POST_DATA, CONTENT_TYPE, AUTHORIZATION, REFRESH_INTERVAL...);
// the callback gets { data, text, rc, errors, headers }, rc defaulting to 200 when absent, and rc 0 when the
// browser got no answer from the proxy at all.

import { TransportError, normaliseHeaders, type HttpResponse, type HttpTransport } from './http-transport.ts';

/** What gadgets.io.makeRequest hands its callback. */
export interface GadgetsIoResponse {
  readonly data?: unknown;
  readonly text?: string;
  readonly rc?: number;
  readonly errors?: readonly string[];
  /** Shindig's proxy gives each header as an array of values. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
}

/** The slice of gadgets.io this adapter needs. */
export interface GadgetsIo {
  makeRequest(url: string, callback: (response: GadgetsIoResponse) => void, params: Record<string, unknown>): void;
  readonly RequestParameters: {
    readonly METHOD: string;
    readonly HEADERS: string;
    readonly POST_DATA: string;
    readonly CONTENT_TYPE: string;
    readonly AUTHORIZATION: string;
    readonly REFRESH_INTERVAL: string;
  };
  readonly MethodType: { readonly GET: string; readonly POST: string; readonly PUT: string; readonly DELETE: string };
  readonly ContentType: { readonly TEXT: string };
  readonly AuthorizationType: { readonly NONE: string };
}

/** An HttpTransport over gadgets.io.makeRequest; makeRequest cannot be cancelled, so late answers are ignored. */
export function makeRequestTransport(io: GadgetsIo): HttpTransport {
  return {
    request(req): Promise<HttpResponse> {
      return new Promise<HttpResponse>((resolve, reject) => {
        if (req.signal?.aborted) {
          reject(new TransportError('aborted'));
          return;
        }
        let settled = false;
        const finish = (outcome: () => void): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', onAbort);
          outcome();
        };
        const timer = setTimeout(() => finish(() => reject(new TransportError('timeout'))), req.timeoutMs);
        const onAbort = (): void => finish(() => reject(new TransportError('aborted')));
        req.signal?.addEventListener('abort', onAbort, { once: true });

        const P = io.RequestParameters;
        const params: Record<string, unknown> = {
          [P.METHOD]: io.MethodType[req.method],
          [P.HEADERS]: { ...req.headers },
          // TEXT: the body is XML and our parsers take it as a string; DOM would parse it a second time.
          [P.CONTENT_TYPE]: io.ContentType.TEXT,
          // The Finesse credentials travel in our own Authorization header; no OAuth or signed fetch.
          [P.AUTHORIZATION]: io.AuthorizationType.NONE,
          // Unauthenticated GETs are cached by the proxy for an hour unless told otherwise: state must be fresh.
          [P.REFRESH_INTERVAL]: 0,
        };
        if (req.body !== undefined) params[P.POST_DATA] = req.body;

        const onResponse = (response: GadgetsIoResponse): void => {
          const rc = response.rc ?? 200;
          if (rc === 0) {
            finish(() => reject(new TransportError('network')));
            return;
          }
          finish(() => resolve({ status: rc, headers: normaliseHeaders(response.headers), body: response.text ?? '' }));
        };
        try {
          io.makeRequest(req.url, onResponse, params);
        } catch {
          finish(() => reject(new TransportError('network')));
        }
      });
    },
  };
}
