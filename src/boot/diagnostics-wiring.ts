// The diagnostics page in the gadget: the real ports for the checks (the Finesse REST client over fetch, SystemInfo of
// both nodes, the desktop's hub, the browser's WebSocket and fetch for the chat server, the chat sign-in over
// strophe.js), the page element, and "Run again". Opened by the pref `mode=diagnostics` (the page alone, no blending
// session) or from the agent panel's "Diagnostics" button (and closed back to it).
import type { ConfigProblem, GadgetConfig } from '../core/container/gadget-config.ts';
import { readGadgetConfig } from '../core/container/gadget-config.ts';
import type { Result } from '../core/result.ts';
import { err } from '../core/result.ts';
import { createFinesseClient, fetchTransport, type GadgetsIo } from '../core/finesse/rest/index.ts';
import { randomId } from '../core/shared/ids.ts';
import { systemTimers } from '../core/shared/timers.ts';
import { chatCredentialsFrom } from '../core/blending/adapters/chat-credentials.ts';
import {
  probeBosh,
  probeWebSocket,
  type OpenWebSocket,
  type PostXml,
  type ProbeWebSocket,
} from '../core/chat/xmpp/endpoint-probe.ts';
import { probeSignIn } from '../core/chat/xmpp/sign-in-probe.ts';
import { chatError } from '../core/chat/xmpp/channel-errors.ts';
import { createStropheConnection } from '../core/chat/xmpp/xmpp-connection.ts';
import { prefsInForce, runDiagnostics, type DiagnosticsPorts, type DiagnosticsRun } from '../app/diagnostics.ts';
import type { DiagnosticsView } from '../ui/diagnostics-view.ts';
import { chatSettingsOf } from './chat-settings.ts';
import { hubPort, type GadgetsGlobal } from './gadgets-api.ts';
import { systemInfoReader } from './system-info-reader.ts';

/** How long each answer may take. */
const TIMEOUT_MS = 10_000;

/** The browser's WebSocket as the probe uses it (its typed handlers take Events; the probe reads none of them). */
const openWebSocket: OpenWebSocket = (url, protocol) => new WebSocket(url, protocol) as unknown as ProbeWebSocket;

const postXml: PostXml = async (url, body, signal) => {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    signal,
    credentials: 'omit',
  });
  return { status: response.status, text: await response.text() };
};

/** The checks' ports from a valid configuration. */
export function diagnosticsPorts(config: GadgetConfig, gadgets: GadgetsGlobal): DiagnosticsPorts {
  const client = createFinesseClient({
    baseUrl: '',
    auth: { kind: 'header', value: config.authorization },
    transport: fetchTransport(),
  });
  const settings = chatSettingsOf(config);
  const credentials = chatCredentialsFrom(config.agentId, config.authorization);
  return {
    client,
    systemInfoFor: systemInfoReader(config, client, (gadgets as { io?: GadgetsIo }).io),
    hub: hubPort(gadgets.Hub as NonNullable<GadgetsGlobal['Hub']>),
    newInvokeId: randomId,
    chat:
      settings === null
        ? null
        : {
            domain: settings.domain,
            routerJid: settings.routerJid,
            websocketUrl: settings.websocketUrl,
            boshUrl: settings.boshUrl,
            credentials,
            probeWebSocket: (url) => probeWebSocket(url, settings.domain, openWebSocket, systemTimers, TIMEOUT_MS),
            probeBosh: (url) => probeBosh(url, settings.domain, postXml, systemTimers, TIMEOUT_MS),
            signIn: (service) =>
              credentials.ok
                ? probeSignIn({
                    service,
                    domain: settings.domain,
                    credentials: credentials.value,
                    resource: `diagnostics-${randomId().slice(0, 8)}`,
                    createConnection: createStropheConnection,
                    clock: systemTimers,
                    timeoutMs: TIMEOUT_MS,
                  })
                : Promise.resolve(err(chatError('auth-failed', credentials.error))),
          },
  };
}

export interface DiagnosticsPage {
  readonly element: DiagnosticsView;
  /** Removes the page and stops listening to it. */
  close(): void;
}

export interface OpenDiagnosticsOptions {
  readonly gadgets: GadgetsGlobal;
  /** A pref's value, "" when unset. */
  readonly get: (name: string) => string;
  /** The gadget's version, when its script URL carries one (the package loads the script with it). */
  readonly version: string | null;
  /** Opened from the agent panel: offer "Back to chats", which calls this. */
  readonly onClose: (() => void) | null;
}

/** Mounts the diagnostics page and runs the checks; "Run again" runs them anew. */
export function openDiagnostics(options: OpenDiagnosticsOptions): DiagnosticsPage {
  const element = document.createElement('fb-diagnostics');
  element.closable = options.onClose !== null;
  document.body.appendChild(element);
  let running = false;
  let closed = false;

  const run = async (): Promise<void> => {
    if (running || closed) return;
    running = true;
    const config: Result<GadgetConfig, readonly ConfigProblem[]> = readGadgetConfig(options.get);
    try {
      await runDiagnostics(
        {
          config,
          prefs: prefsInForce(options.get, config.ok ? config.value : null),
          ports: (cfg) => diagnosticsPorts(cfg, options.gadgets),
          clock: systemTimers,
          timeoutMs: TIMEOUT_MS,
        },
        (r: DiagnosticsRun) => {
          if (!closed) element.run = r;
        },
      );
    } finally {
      running = false;
    }
  };
  const onRun = (): void => void run();
  const onClose = (): void => options.onClose?.();
  element.addEventListener('diagnostics-run', onRun);
  element.addEventListener('diagnostics-close', onClose);
  element.version = options.version;
  void run();
  // Opened from the panel: the focus moves to the page's heading, so a screen reader starts there.
  if (options.onClose !== null) void element.updateComplete.then(() => element.renderRoot.querySelector('h1')?.focus());
  return {
    element,
    close() {
      closed = true;
      element.removeEventListener('diagnostics-run', onRun);
      element.removeEventListener('diagnostics-close', onClose);
      element.remove();
    },
  };
}
