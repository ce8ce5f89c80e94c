// The simulated Finesse desktop page: sign in (PUT User LOGIN with the extension), then the header with the
// agent's state and state menu, the layout's tabs with their gadgets in /gadgets/ifr frames, the managed hub
// those frames join, and the XMPP connection whose notifications the hub carries.
import type { ReasonCode, User } from '../../../src/core/finesse/types.ts';
import { parseUpdate } from '../../../src/core/finesse/xml/index.ts';
import { topicForNode } from '../../../src/core/container/hub.ts';
import { byId, el } from './dom.ts';
import type { HarnessConfig } from './harness-config.ts';
import { ManagedHub } from './managed-hub.ts';
import { getReasonCodes, getUser, makeCredentials, putUser, type Credentials } from './desktop-rest.ts';
import { XmppRelay, type ConnectionStatus } from './xmpp-relay.ts';
import { CONNECTION_TOPIC, REQUESTS_TOPIC, createRequestHandler, type RequestHandler } from './finesse-requests.ts';
import { notificationPayload } from './hub-payload.ts';
import { notificationDocumentOf } from '../../../src/core/finesse/notification-payload.ts';
import { panelIdFor, startContainerServices, type ContainerServices } from './container-services.ts';
import { clearCredential, finessePrefs as prefsFor, prefsFragment, storeCredential } from './finesse-prefs.ts';
import { CallControl } from './call-control.ts';
import {
  pointLinksHome,
  showNodeBanner,
  signInMovedWith,
  takeCarriedSignIn,
  watchNode,
  type CarriedSignIn,
  type NodeWatch,
} from './desktop-failover.ts';
import type { LayoutTab, RoleLayout } from '../layout.ts';
import { startDigitalDesktop, type DigitalDesktop } from './digital-desktop.ts';
import { ALL_NOT_READY, ALL_READY } from './fnc-schema.ts';

interface Session {
  readonly creds: Credentials;
  readonly extension: string;
  /** The language picked on the sign-in page, as Finesse names a locale (en_US, de_DE): the gadgets' locale pref. */
  readonly locale: string;
  user: User;
  readonly hub: ManagedHub;
  readonly relay: XmppRelay;
  status: ConnectionStatus;
  readonly frames: Map<string, HTMLIFrameElement>;
  readonly timers: Array<ReturnType<typeof setInterval>>;
  requests?: RequestHandler;
  services?: ContainerServices;
  /** The digital channel control and popovers (a desktop of Finesse 12.0 or later). */
  digital?: DigitalDesktop;
  stateSince: number;
  notReady: ReasonCode[];
  logout: ReasonCode[];
  ended: boolean;
}

const STATE_LABELS: Readonly<Record<string, string>> = {
  READY: 'Ready',
  NOT_READY: 'Not Ready',
  LOGOUT: 'Signed Out',
  LOGIN: 'Signing In',
  RESERVED: 'Reserved',
  TALKING: 'Talking',
  HOLD: 'Hold',
  WORK: 'Wrap-Up',
  WORK_READY: 'Wrap-Up',
  RESERVED_OUTBOUND: 'Reserved (Outbound)',
  RESERVED_OUTBOUND_PREVIEW: 'Reserved (Preview)',
  UNKNOWN: 'Unknown',
};

let session: Session | null = null;
let config: HarnessConfig | null = null;
let nodeWatch: NodeWatch | null = null;
let calls: CallControl | null = null;
const SYSTEM_INFO_NODE = '/finesse/api/SystemInfo';

async function main(): Promise<void> {
  // Everything a person can do on the sign-in form works from the first moment: a submit before the config has
  // arrived waits for it, and focus stays where the person put it (the page's autofocus puts it first).
  const carried = takeCarriedSignIn();
  const configReady = fetch('/desktop/harness/config.json', { cache: 'no-store' }).then(
    (r) => r.json() as Promise<HarnessConfig>,
  );
  byId<HTMLFormElement>('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void configReady.then(() => signIn());
  });
  byId<HTMLButtonElement>('signin-submit').disabled = false;
  byId('state-button').addEventListener('click', toggleMenu);
  document.addEventListener('click', (event) => {
    const menu = byId('state-menu');
    if (!menu.hidden && !byId('state-button').contains(event.target as Node) && !menu.contains(event.target as Node))
      closeMenu();
  });
  window.addEventListener('pagehide', () => {
    nodeWatch?.stop();
    session?.relay.stop(true);
  });
  config = await configReady;
  pointLinksHome(config);
  if (carried) await signInMoved(carried);
}

async function signIn(carried?: CarriedSignIn): Promise<void> {
  if (!config || session) return;
  const id = carried?.id ?? byId<HTMLInputElement>('signin-id').value.trim();
  const password = carried?.password ?? byId<HTMLInputElement>('signin-password').value;
  const extension = carried?.extension ?? byId<HTMLInputElement>('signin-extension').value.trim();
  const locale = carried?.locale ?? byId<HTMLSelectElement>('signin-language').value;
  const error = byId('signin-error');
  const submit = byId<HTMLButtonElement>('signin-submit');
  error.textContent = '';
  submit.disabled = true;
  try {
    const creds = makeCredentials(id, password);
    // An agent already signed in (another desktop window, or this one reloaded) joins that session, as Finesse's
    // desktop does; only a signed-out agent is signed in with the extension.
    const current = await getUser(creds);
    if (!current.ok) {
      error.textContent = `Sign in failed: ${current.error}`;
      return;
    }
    if (current.value.state === 'LOGOUT') {
      const login = await putUser(creds, { state: 'LOGIN', extension });
      if (!login.ok) {
        error.textContent = `Sign in failed: ${login.error}`;
        return;
      }
    }
    const user = await getUser(creds);
    if (!user.ok) {
      error.textContent = `Sign in failed: ${user.error}`;
      return;
    }
    byId<HTMLInputElement>('signin-password').value = '';
    await openDesktop(config, creds, extension, locale, user.value);
    nodeWatch = watchNode({
      signIn: { id: creds.id, password: creds.password, extension, locale },
      banner: showNodeBanner,
      beforeMove: () => session?.relay.stop(true),
    });
  } finally {
    submit.disabled = false;
  }
}

/** The other node's desktop moved the agent here: sign in with what it carried, saying so. */
async function signInMoved(carried: CarriedSignIn): Promise<void> {
  await signInMovedWith(carried, () => signIn(carried));
}

async function openDesktop(
  cfg: HarnessConfig,
  creds: Credentials,
  extension: string,
  locale: string,
  user: User,
): Promise<void> {
  const frames = new Map<string, HTMLIFrameElement>();
  const hub = new ManagedHub(window, {
    adjustHeight: (clientId, height) => {
      const frame = frames.get(clientId);
      if (frame && height > 0) frame.style.height = `${Math.min(height, 4000)}px`;
    },
    setPref: () => {
      /* kept in the frame for this session, as the harness stores no preferences */
    },
    setTitle: (clientId, title) => {
      const bar = frames.get(clientId)?.parentElement?.querySelector('.gadget-title');
      if (bar) bar.textContent = title;
    },
  });
  const resource = `desktop-${crypto.randomUUID().slice(0, 8)}`;
  const relay = new XmppRelay({
    ...cfg.xmpp,
    username: creds.id,
    password: creds.password,
    resource,
    onStatus: (status) => {
      if (!session) return;
      session.status = status;
      session.requests?.connectionChanged(status);
      showConnection(status);
      publishConnection();
      if (status === 'connected') {
        void refreshUser();
        void calls?.load();
      }
    },
    onNotification: (node, xml) => {
      if (!session) return;
      if (node === SYSTEM_INFO_NODE) nodeWatch?.checkNow();
      try {
        session.hub.publish(topicForNode(node), notificationPayload(node, xml));
      } catch (e) {
        console.warn(`notification on ${node} could not be published`, e);
      }
    },
  });
  const s: Session = {
    creds,
    extension,
    locale,
    user,
    hub,
    relay,
    status: 'connecting',
    frames,
    timers: [],
    stateSince: parseTime(user.stateChangeTime),
    notReady: [],
    logout: [],
    ended: false,
  };
  session = s;

  hub.subscribe(topicForNode(`/finesse/api/User/${creds.id}`), (_topic, data) => onUserUpdate(data));
  s.requests = createRequestHandler(hub, relay, () => ({ status: s.status, resourceID: relay.resource }));
  hub.subscribe(REQUESTS_TOPIC, s.requests.onRequest);
  s.services = startContainerServices(hub, desktopTabs, window);
  if (cfg.digitalChannels)
    s.digital = startDigitalDesktop(hub, { channels: byId('digital-channels'), popovers: byId('popovers') }, () =>
      renderMenu(),
    );
  storeCredential(window.sessionStorage, creds.basic);
  calls?.stop();
  const callControl = new CallControl({
    agentId: creds.id,
    basic: creds.basic,
    extension,
    container: byId('call-control'),
  });
  calls = callControl;
  hub.subscribe(topicForNode(`/finesse/api/User/${creds.id}/Dialogs`), (_topic, data) =>
    callControl.onNotification(data),
  );

  byId('signin').hidden = true;
  byId('desktop').hidden = false;
  renderHeader();
  s.timers.push(setInterval(renderTimer, 1000));
  void loadReasonCodes();

  void relay.subscribeNode(`/finesse/api/User/${creds.id}`);
  void relay.subscribeNode(`/finesse/api/User/${creds.id}/Dialogs`);
  relay.start();
  renderLayout(cfg, user);
}

function publishConnection(): void {
  if (!session) return;
  session.hub.publish(CONNECTION_TOPIC, { status: session.status, resourceID: session.relay.resource });
}

function showConnection(status: ConnectionStatus): void {
  const c = byId('connection');
  c.textContent = status === 'connected' ? 'Connected' : status[0]?.toUpperCase() + status.slice(1);
  c.dataset['status'] = status;
}

async function refreshUser(): Promise<void> {
  if (!session) return;
  const user = await getUser(session.creds);
  if (user.ok && session) applyUser(user.value);
}

function onUserUpdate(data: unknown): void {
  const doc = notificationDocumentOf(data);
  if (!doc.ok) {
    console.warn(`a User notification was ignored: ${doc.error}`);
    return;
  }
  const update = parseUpdate(doc.value.xml);
  if (!update.ok) {
    console.warn(`a User notification could not be read: ${update.error.message}`);
    return;
  }
  if (update.value.data.kind === 'user') applyUser(update.value.data.user);
}

function applyUser(user: User): void {
  if (!session) return;
  const changed = user.state !== session.user.state || user.reasonCodeId !== session.user.reasonCodeId;
  session.user = user;
  if (changed || user.stateChangeTime) session.stateSince = parseTime(user.stateChangeTime);
  renderHeader();
  if (user.state === 'LOGOUT') void endSession('You have been signed out.');
}

function parseTime(iso: string | null): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? Date.now() : t;
}

function renderHeader(): void {
  if (!session) return;
  const { user } = session;
  byId('agent-name').textContent = `${user.firstName} ${user.lastName}`.trim() || user.loginId;
  byId('agent-extension').textContent = user.extension ?? session.extension;
  const reason = user.reasonCode?.label ?? session.notReady.find((r) => r.id === user.reasonCodeId)?.label;
  const label = STATE_LABELS[user.state] ?? user.state;
  const pending = user.pendingState ? ` (pending ${STATE_LABELS[user.pendingState] ?? user.pendingState})` : '';
  byId('state-label').textContent =
    reason && user.state === 'NOT_READY' ? `${label} - ${reason}${pending}` : `${label}${pending}`;
  byId('state-button').dataset['state'] = user.state;
  renderTimer();
}

function renderTimer(): void {
  if (!session) return;
  const seconds = Math.max(0, Math.floor((Date.now() - session.stateSince) / 1000));
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  byId('state-timer').textContent = `${hh}:${mm}:${ss}`;
}

async function loadReasonCodes(): Promise<void> {
  if (!session) return;
  const [notReady, logout] = await Promise.all([
    getReasonCodes(session.creds, 'NOT_READY'),
    getReasonCodes(session.creds, 'LOGOUT'),
  ]);
  if (!session) return;
  session.notReady = notReady.ok ? notReady.value.filter((r) => !r.systemCode) : [];
  session.logout = logout.ok ? logout.value.filter((r) => !r.systemCode) : [];
  if (!notReady.ok) showError(`Not Ready reasons could not be read: ${notReady.error}`);
  renderMenu();
  renderHeader();
}

function renderMenu(): void {
  if (!session) return;
  const menu = byId('state-menu');
  menu.replaceChildren();
  const item = (label: string, state: 'READY' | 'NOT_READY' | 'LOGOUT', reasonCodeId?: string) => {
    const button = el(
      'button',
      {
        type: 'button',
        role: 'menuitem',
        'data-state': state,
        ...(reasonCodeId ? { 'data-reason': reasonCodeId } : {}),
      },
      label,
    );
    button.addEventListener('click', () => {
      closeMenu();
      void changeState(state, reasonCodeId);
    });
    menu.append(el('li', { role: 'none' }, button));
  };
  item('Ready', 'READY');
  if (session.notReady.length === 0) item('Not Ready', 'NOT_READY');
  for (const r of session.notReady) item(`Not Ready - ${r.label}`, 'NOT_READY', r.id);
  if (session.logout.length === 0) item('Sign Out', 'LOGOUT');
  for (const r of session.logout) item(`Sign Out - ${r.label}`, 'LOGOUT', r.id);
  const digital = session.digital?.desk;
  if (!digital) return;
  // A channel with logoutDisabled keeps the agent from signing out, with its logoutDisabledText as the reason.
  const logoutBlock = digital.logoutBlockedBy();
  for (const b of Array.from(menu.querySelectorAll<HTMLButtonElement>('button[data-state="LOGOUT"]'))) {
    b.disabled = logoutBlock !== null;
    if (logoutBlock !== null) b.title = logoutBlock;
  }
  // Every channel at once: each channel's onMenuClick gets ALL_READY or ALL_NOT_READY. How Finesse's menu words and
  // places these choices is unconfirmed; here they change only the digital channels, not voice.
  if (digital.channels().length === 0) return;
  for (const [label, id] of [
    ['All digital channels: Ready', ALL_READY],
    ['All digital channels: Not Ready', ALL_NOT_READY],
  ] as const) {
    const button = el('button', { type: 'button', role: 'menuitem', 'data-all-channels': id }, label);
    button.disabled = digital.blocked();
    button.addEventListener('click', () => {
      closeMenu();
      const problem = digital.chooseAll(id);
      if (problem) showError(`The digital channels were not changed: ${problem}`);
    });
    menu.append(el('li', { role: 'none', class: 'all-channels' }, button));
  }
}

function toggleMenu(): void {
  const menu = byId('state-menu');
  if (menu.hidden) {
    menu.hidden = false;
    byId('state-button').setAttribute('aria-expanded', 'true');
    menu.querySelector('button')?.focus();
  } else {
    closeMenu();
  }
}

function closeMenu(): void {
  byId('state-menu').hidden = true;
  byId('state-button').setAttribute('aria-expanded', 'false');
}

async function changeState(state: 'READY' | 'NOT_READY' | 'LOGOUT', reasonCodeId?: string): Promise<void> {
  if (!session) return;
  hideError();
  const result = await putUser(session.creds, { state, ...(reasonCodeId ? { reasonCodeId } : {}) });
  if (!result.ok) showError(`The state change was refused: ${result.error}`);
}

function showError(text: string): void {
  const e = byId('desktop-error');
  e.textContent = text;
  e.hidden = false;
}

function hideError(): void {
  byId('desktop-error').hidden = true;
}

/** Signing out: gadgets see the LOGOUT notification first, then the desktop closes its connection. */
async function endSession(message: string): Promise<void> {
  const s = session;
  if (!s || s.ended) return;
  s.ended = true;
  nodeWatch?.stop();
  nodeWatch = null;
  calls?.stop();
  calls = null;
  s.digital?.stop();
  await new Promise((r) => setTimeout(r, 1000));
  s.relay.stop(true);
  for (const t of s.timers) clearInterval(t);
  s.services?.stop();
  clearCredential(window.sessionStorage);
  s.hub.dispose();
  session = null;
  byId('panels').replaceChildren();
  byId('tabs').replaceChildren();
  byId('state-menu').replaceChildren();
  byId('desktop').hidden = true;
  byId('signin').hidden = false;
  byId('signin-error').textContent = message;
}

// ---- layout and gadgets ------------------------------------------------------------------------------------

let nextModuleId = 0;

function renderLayout(cfg: HarnessConfig, user: User): void {
  const layout = pickLayout(cfg.layouts, user.roles);
  const tabs = byId('tabs');
  const panels = byId('panels');
  tabs.replaceChildren();
  panels.replaceChildren();
  if (!layout) {
    panels.append(el('p', { class: 'empty' }, 'The layout has no tabs for this user.'));
    return;
  }
  layout.tabs.forEach((tab, i) => {
    const tabButton = el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-selected': String(i === 0),
        'aria-controls': panelIdFor(tab.id),
      },
      tab.label,
    );
    const panel = el('div', {
      role: 'tabpanel',
      id: panelIdFor(tab.id),
      class: `panel tab-panel${i === 0 ? ' active' : ''}`,
      'aria-labelledby': `tab-${tab.id}`,
    });
    panel.hidden = i !== 0;
    tabButton.addEventListener('click', () => selectTab(tab.id));
    tabs.append(tabButton);
    panels.append(panel);
    renderTab(panel, tab);
  });
}

function pickLayout(layouts: readonly RoleLayout[], roles: readonly string[]): RoleLayout | null {
  const wanted = roles.includes('Supervisor') ? 'Supervisor' : 'Agent';
  return layouts.find((l) => l.role === wanted) ?? layouts.find((l) => l.role === 'Agent') ?? null;
}

function selectTab(id: string): boolean {
  if (!document.getElementById(panelIdFor(id))) return false;
  for (const t of Array.from(byId('tabs').children)) t.setAttribute('aria-selected', String(t.id === `tab-${id}`));
  for (const p of Array.from(byId('panels').children) as HTMLElement[]) {
    p.hidden = p.id !== panelIdFor(id);
    p.classList.toggle('active', !p.hidden);
  }
  session?.services?.tabActivated(id);
  return true;
}

/** The tabs and frames as container services see them. */
const desktopTabs = {
  activeTabId: () => document.querySelector('#panels > .tab-panel.active')?.id.replace(/^panel_/, '') ?? null,
  showTab: selectTab,
  reloadGadget: (gadgetId: string) => {
    const frame = session?.frames.get(gadgetId);
    if (!frame) return false;
    session?.digital?.dropModule(gadgetId);
    // The frame's URL carries the prefs in its fragment, so assigning the same src again would only be a fragment
    // navigation: reload the document itself (same origin).
    frame.contentWindow?.location.reload();
    return true;
  },
  modifyGadgetUrl: (gadgetId: string, url: string) => {
    const frame = session?.frames.get(gadgetId);
    if (!frame) return false;
    session?.digital?.dropModule(gadgetId);
    const src = new URL(frame.src);
    src.searchParams.set('url', url);
    frame.src = src.href;
    return true;
  },
};

function renderTab(panel: HTMLElement, tab: LayoutTab): void {
  if (tab.gadgets.length === 0) {
    panel.append(
      el(
        'p',
        { class: 'empty' },
        tab.id === 'team'
          ? "No team gadget in this layout: the product's is /3rdpartygadget/files/finesse-blend/team-gadget.xml."
          : 'No gadgets on this tab.',
      ),
    );
    return;
  }
  for (const url of tab.gadgets) panel.append(gadgetBox(url));
}

function gadgetBox(layoutUrl: string): HTMLElement {
  const s = session;
  if (!s) throw new Error('no session');
  const moduleId = String(++nextModuleId);
  const q = layoutUrl.indexOf('?');
  const specUrl = q < 0 ? layoutUrl : layoutUrl.slice(0, q);
  // Shindig picks the spec's message bundle by the language and country the container renders with.
  const [lang = 'en', country = 'US'] = s.locale.split('_');
  const src = new URLSearchParams({ url: specUrl, mid: moduleId, lang, country, parent: location.origin });
  for (const [k, v] of new URLSearchParams(q < 0 ? '' : layoutUrl.slice(q + 1))) src.set(`up_${k}`, v);
  const finesse = finessePrefs(s);
  const frame = el('iframe', {
    class: 'gadget-frame',
    id: `gadget-${moduleId}`,
    name: `gadget-${moduleId}`,
    title: specUrl,
    src: `/gadgets/ifr?${src.toString()}#${finesse}`,
  });
  const title = el('div', { class: 'gadget-title' }, '');
  void fetch(`/gadgets/metadata?${new URLSearchParams({ url: specUrl, lang, country }).toString()}`)
    .then((r) => r.json() as Promise<{ title?: string }>)
    .then((m) => {
      if (m.title && !title.textContent) title.textContent = m.title;
    })
    .catch(() => undefined);
  const box = el('div', { class: 'gadget', 'data-spec': specUrl }, title, frame);
  s.frames.set(moduleId, frame);
  queueMicrotask(() => {
    if (frame.contentWindow) s.hub.addClient(moduleId, frame.contentWindow, location.origin);
  });
  return box;
}

/** The values a Finesse container gives every gadget as prefs (finesse.gadget.Config reads them), as a URL fragment. */
function finessePrefs(s: Session): string {
  const u = s.user;
  return prefsFragment(
    prefsFor({
      authorization: s.creds.basic,
      location,
      xmppDomain: config?.xmpp.domain ?? '',
      pubsubDomain: config?.xmpp.pubsubDomain ?? '',
      extension: u.extension ?? s.extension,
      locale: s.locale,
    }),
  );
}

void main().catch((e: unknown) => {
  console.error('the desktop failed to start', e);
  const error = document.getElementById('signin-error');
  if (error) error.textContent = 'The desktop failed to start; see the browser console.';
});
