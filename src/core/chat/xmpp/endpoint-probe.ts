// Does the chat server answer at an address? For the diagnostics page: a WebSocket (RFC 7395, subprotocol `xmpp`)
// that answers an <open/> with its own, and a BOSH endpoint (XEP-0124/0206) that answers a session-creation body
// with a session id. Each probe closes what it opened (a WebSocket <close/>, a BOSH terminate). No credentials are
// sent: this asks only whether an XMPP server listens there. The transports are injected: the browser's WebSocket
// and fetch in the gadget, the `ws` package and Node's fetch in tests.
import type { Timers } from '../../shared/timers.ts';
import { escapeXmlText } from '../../finesse/xml/xml-text.ts';

/** The part of a WebSocket the probe uses (the browser's, or the `ws` package's in Node). */
export interface ProbeWebSocket {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  /** The subprotocol the server chose ("" when none). */
  readonly protocol: string;
  send(data: string): void;
  close(): void;
}

export type OpenWebSocket = (url: string, protocol: string) => ProbeWebSocket;

/** POSTs an XML body; resolves with the status and text, rejects on a network failure or when `signal` aborts. */
export type PostXml = (
  url: string,
  body: string,
  signal: AbortSignal,
) => Promise<{ readonly status: number; readonly text: string }>;

/**
 * What an address did: answered (in `ms`), or why not: nothing listens or the connection was refused (`refused`),
 * no answer in time (`timeout`), an HTTP status other than 200 (`http-status`), or something answered that is not
 * an XMPP endpoint (`not-xmpp`, e.g. a WebSocket without the `xmpp` subprotocol, a BOSH answer without a session).
 */
export type EndpointAnswer =
  | { readonly answered: true; readonly ms: number }
  | { readonly answered: false; readonly why: 'refused' | 'timeout' | 'not-xmpp' }
  | { readonly answered: false; readonly why: 'http-status'; readonly status: number };

const FRAMING = 'urn:ietf:params:xml:ns:xmpp-framing';
const HTTPBIND = 'http://jabber.org/protocol/httpbind';

/** Opens a WebSocket with the `xmpp` subprotocol, sends a stream <open/>, and waits for the server's. */
export function probeWebSocket(
  url: string,
  domain: string,
  open: OpenWebSocket,
  clock: Timers,
  timeoutMs: number,
): Promise<EndpointAnswer> {
  const started = clock.now();
  return new Promise((resolve) => {
    let done = false;
    let socket: ProbeWebSocket | null = null;
    const finish = (answer: EndpointAnswer, farewell: boolean): void => {
      if (done) return;
      done = true;
      clock.clearTimeout(timer);
      if (socket) {
        socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
        try {
          if (farewell) socket.send(`<close xmlns="${FRAMING}"/>`);
          socket.close();
        } catch {
          // already closed
        }
      }
      resolve(answer);
    };
    const timer = clock.setTimeout(() => finish({ answered: false, why: 'timeout' }, false), timeoutMs);
    try {
      socket = open(url, 'xmpp');
    } catch {
      finish({ answered: false, why: 'refused' }, false);
      return;
    }
    socket.onopen = () => {
      if (socket?.protocol !== 'xmpp') {
        finish({ answered: false, why: 'not-xmpp' }, false);
        return;
      }
      try {
        socket.send(`<open xmlns="${FRAMING}" to="${escapeXmlText(domain)}" version="1.0"/>`);
      } catch {
        finish({ answered: false, why: 'refused' }, false);
      }
    };
    socket.onmessage = (event) => {
      const text = typeof event.data === 'string' ? event.data : String(event.data);
      if (/<open\b/.test(text) && text.includes(FRAMING)) finish({ answered: true, ms: clock.now() - started }, true);
      else finish({ answered: false, why: 'not-xmpp' }, false);
    };
    socket.onerror = () => finish({ answered: false, why: 'refused' }, false);
    socket.onclose = () => finish({ answered: false, why: 'refused' }, false);
  });
}

/** POSTs a BOSH session-creation body and checks that the answer names a session; then ends that session. */
export async function probeBosh(
  url: string,
  domain: string,
  post: PostXml,
  clock: Timers,
  timeoutMs: number,
  random: () => number = Math.random,
): Promise<EndpointAnswer> {
  const started = clock.now();
  const rid = 1_000_000 + Math.floor(random() * 1_000_000_000);
  const create =
    `<body xmlns="${HTTPBIND}" xmlns:xmpp="urn:xmpp:xbosh" content="text/xml; charset=utf-8" hold="1" ` +
    `rid="${rid}" to="${escapeXmlText(domain)}" ver="1.6" wait="10" xml:lang="en" xmpp:version="1.0"/>`;
  const abort = new AbortController();
  const timer = clock.setTimeout(() => abort.abort(), timeoutMs);
  let answer: { status: number; text: string };
  try {
    answer = await post(url, create, abort.signal);
  } catch {
    return { answered: false, why: abort.signal.aborted ? 'timeout' : 'refused' };
  } finally {
    clock.clearTimeout(timer);
  }
  if (answer.status !== 200) return { answered: false, why: 'http-status', status: answer.status };
  const body = /<body\b[^>]*>/.exec(answer.text)?.[0] ?? '';
  const sid = /\ssid=["']([^"']+)["']/.exec(body)?.[1];
  if (!body.includes(HTTPBIND) || sid === undefined || /\stype=["']terminate["']/.test(body)) {
    return { answered: false, why: 'not-xmpp' };
  }
  const ms = clock.now() - started;
  // End the session at once, so the server does not keep it until its inactivity timeout.
  const end = `<body xmlns="${HTTPBIND}" rid="${rid + 1}" sid="${escapeXmlText(sid)}" type="terminate"/>`;
  const ending = new AbortController();
  const endTimer = clock.setTimeout(() => ending.abort(), timeoutMs);
  await post(url, end, ending.signal).catch(() => undefined);
  clock.clearTimeout(endTimer);
  return { answered: true, ms };
}
