// Entry of the agent gadget bundle: a classic IIFE script inside the Shindig iframe. It reads the container's
// configuration, makes the real adapters (REST over fetch, the hub, XMPP chat, Web Locks), starts the agent's
// session, mounts the UI, and releases everything when the gadget unloads.
import { readGadgetConfig, readLocalePrefs, type GadgetConfig } from '../core/container/gadget-config.ts';
import type { HubPort } from '../core/container/hub.ts';
import { createFinesseClient, fetchTransport, type GadgetsIo } from '../core/finesse/rest/index.ts';
import { XmppChatChannel } from '../core/chat/xmpp/xmpp-chat-channel.ts';
import { randomId } from '../core/shared/ids.ts';
import type { Timers } from '../core/shared/timers.ts';
import { chatCredentialsFrom } from '../core/blending/adapters/chat-credentials.ts';
import { createTickTimers, type TickTimersSnapshot } from '../core/blending/adapters/tick-timers.ts';
import { createWebLocksOwnershipLock, ownershipLockName } from '../core/session/web-locks-ownership-lock.ts';
import { createBroadcastOwnershipChannel, ownershipChannelName } from '../core/session/broadcast-ownership-channel.ts';
import type { AgentPanel } from '../ui/agent-panel.ts';
import type { AgentIntentName } from '../ui/agent-view.ts';
import { defineElements } from '../ui/define.ts';
import { chooseLanguage, language, setLanguage, t } from '../ui/messages.ts';
import { startAgentSession, type AgentSession } from '../app/agent-session.ts';
import type { ChatAgentName } from '../app/chat-attachment.ts';
import { ENGLISH_CAUSES } from '../ui/cause-text.ts';
import { chatSettingsOf } from './chat-settings.ts';
import { containerGadgets, hubPort, type GadgetsGlobal } from './gadgets-api.ts';
import { containerTicker, followHeight, showConfigProblems, startWhenHubConnects } from './gadget-frame.ts';
import { headerChannelText } from '../ui/header-channel-text.ts';
import { finesseLibrary } from './finesse-library.ts';
import { addHeaderChannel, type HeaderChannel } from './header-channel-adapter.ts';
import { offerAlerts, type OfferAlerts } from './offer-alerts-wiring.ts';
import { systemInfoReader } from './system-info-reader.ts';
import { openDiagnostics, type DiagnosticsPage } from './diagnostics-wiring.ts';

/**
 * The language of the words: the desktop's locale pref (then its language pref), English when neither is one the
 * gadget speaks. Chosen once, before any element renders; the document says it too, for screen readers.
 */
function chooseGadgetLanguage(gadgets: GadgetsGlobal | null): void {
  if (gadgets?.Prefs) {
    const prefs = new gadgets.Prefs();
    setLanguage(chooseLanguage(readLocalePrefs((name) => prefs.getString(name) ?? '')));
  }
  document.documentElement.lang = language().lang;
}

const gadgets = containerGadgets();
chooseGadgetLanguage(gadgets);
defineElements();

/** The bundle's own URL: the chime sits next to it (public/ is copied into the folder); the package adds its version. */
const SCRIPT_BASE = ((): string | undefined => {
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  return script instanceof HTMLScriptElement && script.src ? script.src : globalThis.location?.href;
})();

/** A file next to the bundle, found from this script's own URL; null when there is none to resolve against. */
function besideScript(name: string): string | null {
  try {
    return new URL(name, SCRIPT_BASE).href;
  } catch {
    return null;
  }
}

const CHIME_URL = besideScript('offer-chime.wav') ?? 'offer-chime.wav';

/**
 * The gadget's version for the diagnostics report: the package loads the script with its version in the URL's query
 * (so Finesse's gadget cache never serves an old script), as `v=` or the bare query; null in a development build.
 */
const VERSION = ((): string | null => {
  try {
    const query = new URL(SCRIPT_BASE ?? '').search.slice(1);
    const params = new URLSearchParams(query);
    const value = params.get('v') ?? params.get('version') ?? (query.includes('=') ? null : decodeURIComponent(query));
    return value !== null && /^[\w.+-]{1,80}$/.test(value) ? value : null;
  } catch {
    return null;
  }
})();

const INTENTS: readonly AgentIntentName[] = [
  'offer-accept',
  'offer-decline',
  'chat-send',
  'chat-typing',
  'chat-end',
  'chat-transfer',
  'chat-read',
  'chat-dismiss',
  'take-over',
  'take-over-cancel',
  'chat-availability',
];

function panel(): AgentPanel {
  const existing = document.querySelector('finesse-blend-agent');
  if (existing) return existing;
  return document.body.appendChild(document.createElement('finesse-blend-agent'));
}

/** Shows how the blending and chat timers run as attributes of the gadget's element, for diagnostics (and the tests). */
function showTimerCounts(element: HTMLElement, blending: TickTimersSnapshot, chat: TickTimersSnapshot): void {
  element.dataset['containerTicks'] = String(blending.ticks);
  element.dataset['timersOnTick'] = String(blending.ranOnTick);
  element.dataset['timersOnFallback'] = String(blending.ranOnFallback);
  element.dataset['chatTimersOnTick'] = String(chat.ranOnTick);
  element.dataset['chatTimersOnFallback'] = String(chat.ranOnFallback);
}

function chatFactory(config: GadgetConfig, timers: Timers): ((agent: ChatAgentName) => XmppChatChannel) | null {
  const settings = chatSettingsOf(config);
  if (settings === null) return null;
  return (agent) =>
    new XmppChatChannel({
      ...settings,
      clock: timers,
      displayName: agent.firstName,
    });
}

function start(gadgets: GadgetsGlobal): void {
  // The gadget's frame is a document of its own: it needs a title (screen readers name the frame by it).
  if (document.title.trim() === '') document.title = t('gadget.title');
  const view = panel();
  if (!gadgets.Prefs || !gadgets.Hub) {
    view.status = t('status.noContainer');
    return;
  }
  const stopHeight = followHeight(gadgets);
  const prefs = new gadgets.Prefs();
  const get = (name: string): string => prefs.getString(name) ?? '';
  // mode=diagnostics (an administrator's layout tab): the diagnostics page alone, no blending session.
  if (get('mode').trim() === 'diagnostics') {
    view.remove();
    const page = openDiagnostics({ gadgets, get, version: VERSION, onClose: null });
    addEventListener(
      'pagehide',
      () => {
        page.close();
        stopHeight();
      },
      { once: true },
    );
    return;
  }
  // The panel's "Diagnostics" button switches the gadget's view to the diagnostics page and back; blending goes on.
  let diagnostics: DiagnosticsPage | null = null;
  const closeDiagnostics = (): void => {
    diagnostics?.close();
    diagnostics = null;
    view.style.display = '';
    view.focusDiagnosticsButton();
  };
  view.addEventListener('diagnostics-open', () => {
    if (diagnostics !== null) return;
    view.style.display = 'none';
    diagnostics = openDiagnostics({ gadgets, get, version: VERSION, onClose: closeDiagnostics });
  });
  addEventListener('pagehide', () => diagnostics?.close(), { once: true });
  const config = readGadgetConfig(get);
  if (!config.ok) {
    // Nothing starts: no REST, no hub subscription, no chat sign-in; the panel says what to fix instead.
    showConfigProblems(view, config.error, 'gadget.xml');
    addEventListener('pagehide', stopHeight, { once: true });
    return;
  }
  const cfg = config.value;
  showConfigProblems(view, cfg.warnings, 'gadget.xml');
  const hub: HubPort = hubPort(gadgets.Hub);
  const client = createFinesseClient({
    baseUrl: '', // same origin: the gadget is served by the Finesse node the desktop runs on
    auth: { kind: 'header', value: cfg.authorization },
    transport: fetchTransport(),
  });
  const ticker = containerTicker();
  view.ticker = ticker;
  const timers = createTickTimers();
  // The chat channel's ping, request timeouts, reconnects and offer expiry run on the tick too, on timers of their
  // own: the session disposes its timers as it stops, while the chat hand-over it starts then still waits on the
  // channel's (a detached or signed-out channel leaves none armed); and the diagnostics count each apart.
  const chatTimers = createTickTimers();
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const ownership =
    locks && typeof BroadcastChannel !== 'undefined'
      ? {
          lock: createWebLocksOwnershipLock(locks, ownershipLockName(cfg.agentId)),
          channel: createBroadcastOwnershipChannel(ownershipChannelName(cfg.agentId)),
        }
      : null;

  // Cisco's library, where the desktop has it (gadget.xml loads it; an older Finesse answers 404): the header's chat
  // channel and the offer popovers. Without it, the gadget's own state bar and offer cards do the same job.
  const library = finesseLibrary();
  view.chatChoiceInHeader = library.channelService !== null;
  view.offerAlerts = cfg.desktopNotifications && typeof Notification !== 'undefined';
  view.dataset['headerChannel'] = library.channelService !== null ? 'on' : 'off';
  view.dataset['popovers'] = library.popoverService !== null ? 'on' : 'off';
  // A refusal by the desktop's header channel or popovers: shown to the agent (the gadget's own view still works).
  const libraryProblem =
    (service: 'header-channel' | 'popover') =>
    (detail: string): void => {
      view.dataset['libraryProblem'] = detail;
      console.warn(`finesse-blend: ${detail}`);
      session.reportProblem(`desktop-${service}`, 'warning', { kind: 'desktop-service-refused', service, detail });
    };
  let header: HeaderChannel | null = null;
  let alerts: OfferAlerts | null = null;

  const session: AgentSession = startAgentSession({
    config: cfg,
    hub,
    client,
    systemInfoFor: systemInfoReader(cfg, client, (gadgets as { io?: GadgetsIo }).io),
    createChatChannel: chatFactory(cfg, chatTimers),
    chatCredentials: chatCredentialsFrom(cfg.agentId, cfg.authorization),
    ownership,
    timers,
    random: Math.random,
    instanceId: randomId(),
    // The router's decline reason is English text (docs/xmpp-chat-profile.md): made from the cause here, at the boundary.
    declineReason: (cause) => ENGLISH_CAUSES.offer(cause),
    onView: (v) => {
      view.view = v;
      header?.update(v);
      alerts?.plan(v, ticker.now());
    },
    onTick: () => {
      ticker.tick();
      chatTimers.tick();
      showTimerCounts(view, timers.snapshot(), chatTimers.snapshot());
      // Countdowns and expiry of the alerts on the desktop's tick: a hidden tab's throttled timers change nothing.
      alerts?.plan(session.view(), ticker.now());
    },
  });
  alerts = offerAlerts({
    config: cfg,
    hub,
    library,
    chimeUrl: CHIME_URL,
    onIntent: (name, chatId) => session.handle(name, { chatId }),
    onProblem: libraryProblem('popover'),
  });
  if (library.channelService !== null) {
    header = addHeaderChannel({
      service: library.channelService,
      say: headerChannelText(),
      refusal: (reason) => t(`header.refused.${reason}`),
      view: () => session.view(),
      onIntent: (detail) => session.handle('chat-availability', detail),
      onProblem: libraryProblem('header-channel'),
    });
  }
  alerts.plan(session.view(), ticker.now());
  const onIntent = (e: Event): void => {
    session.handle(e.type as AgentIntentName, (e as CustomEvent).detail as never);
  };
  for (const name of INTENTS) view.addEventListener(name, onIntent);
  addEventListener(
    'pagehide',
    () => {
      for (const name of INTENTS) view.removeEventListener(name, onIntent);
      header?.remove();
      alerts?.dispose();
      session.stop();
      ticker.dispose();
      stopHeight();
    },
    { once: true },
  );
}

startWhenHubConnects(gadgets, start);
