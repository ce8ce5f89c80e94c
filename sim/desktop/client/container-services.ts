// The container side of Finesse's ContainerServices, as Cisco's finesse.js 10.5.1 (ContainerServices, Topics) uses it
// from inside a gadget:
// - the timer tick on finesse.containerservices.timerTickEvent every 1000 ms (timer-tick.ts);
// - finesse.containerservices.activeTab, carrying the id of the tab just made active: a gadget compares it with its
//   own tab id, which the library reads from the page as the id of the closest div.tab-panel around its iframe
//   minus the "panel_" prefix (so panels are <div class="tab-panel" id="panel_<tabId>">);
// - requests on finesse.info.requests: ActiveTabReq {data:{}} (answered with the active tab's id on activeTab),
//   SetActiveTabReq {data:{id}} (switches to that tab; an unknown id does nothing), ReloadGadgetReq {data:{gadgetId}};
// - window.finesse.container.Container, which a non-master ContainerServices.init() takes from its parent page and
//   calls showDialog, hideDialog, reloadGadget and modifyGadgetUrl on.
// What the master publishes on activeTab beyond the id, and when besides a switch and ActiveTabReq, is not
// documented (unconfirmed).
import { startTimerTick } from './timer-tick.ts';

const ACTIVE_TAB_TOPIC = 'finesse.containerservices.activeTab';
const CONTAINER_REQUESTS_TOPIC = 'finesse.info.requests';

interface ContainerHub {
  publish(topic: string, data: unknown): void;
  subscribe(topic: string, onData: (topic: string, data: unknown) => void): () => void;
}

export interface ContainerTabs {
  /** The id of the tab shown now, null before the layout is rendered. */
  activeTabId(): string | null;
  /** Shows a tab by id; false when there is no such tab. */
  showTab(id: string): boolean;
  /** Reloads a gadget frame by its module id (the mid of its /gadgets/ifr URL); false when unknown. */
  reloadGadget(gadgetId: string): boolean;
  /** Points a gadget frame at another spec URL (used before a reload); false when unknown. */
  modifyGadgetUrl(gadgetId: string, url: string): boolean;
}

/** The slice of finesse.container.Container the stand-in reproduces. */
interface FinesseContainer {
  showDialog(options?: { title?: string | boolean; message?: string; close?: () => void }): HTMLElement | undefined;
  hideDialog(): void;
  reloadGadget(gadgetId: string): void;
  modifyGadgetUrl(gadgetId: string, url: string): void;
}

export interface ContainerServices {
  /** Called by the desktop when the agent switches tabs (after the panel is shown). */
  tabActivated(id: string): void;
  stop(): void;
}

/** The tab panel element id the library expects for a tab. */
export function panelIdFor(tabId: string): string {
  return `panel_${tabId}`;
}

/** Answers one container request; returns true when it was one of ours. */
export function handleContainerRequest(
  message: unknown,
  tabs: ContainerTabs,
  publishActiveTab: (id: string) => void,
): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { type, data } = message as { type?: unknown; data?: unknown };
  const fields = typeof data === 'object' && data !== null ? (data as { id?: unknown; gadgetId?: unknown }) : {};
  switch (type) {
    case 'ActiveTabReq': {
      const active = tabs.activeTabId();
      if (active !== null) publishActiveTab(active);
      return true;
    }
    case 'SetActiveTabReq':
      if (typeof fields.id === 'string' || typeof fields.id === 'number') tabs.showTab(String(fields.id));
      return true;
    case 'ReloadGadgetReq':
      if (typeof fields.gadgetId === 'string' || typeof fields.gadgetId === 'number')
        tabs.reloadGadget(String(fields.gadgetId));
      return true;
    default:
      return false;
  }
}

/** Starts the container services on the hub; `stop` ends the tick and the request subscription. */
export function startContainerServices(hub: ContainerHub, tabs: ContainerTabs, host: Window): ContainerServices {
  const publishActiveTab = (id: string) => hub.publish(ACTIVE_TAB_TOPIC, id);
  const unsubscribe = hub.subscribe(CONTAINER_REQUESTS_TOPIC, (_topic, message) => {
    handleContainerRequest(message, tabs, publishActiveTab);
  });
  const tick = startTimerTick(hub);
  installContainer(host, tabs);
  return {
    tabActivated: publishActiveTab,
    stop() {
      clearInterval(tick);
      unsubscribe();
    },
  };
}

/** Puts finesse.container.Container on the desktop page, where a gadget's ContainerServices looks for it. */
function installContainer(host: Window, tabs: ContainerTabs): void {
  const doc = host.document;
  const container: FinesseContainer = {
    showDialog(options = {}) {
      container.hideDialog();
      const dialog = doc.createElement('div');
      dialog.id = 'finesse-container-dialog';
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.className = 'container-dialog';
      if (options.title !== false) {
        const title = doc.createElement('h2');
        title.textContent = typeof options.title === 'string' ? options.title : 'Cisco Finesse';
        dialog.append(title);
      }
      const message = doc.createElement('p');
      message.textContent = options.message ?? 'A generic error has occurred.';
      const ok = doc.createElement('button');
      ok.type = 'button';
      ok.textContent = 'OK';
      ok.addEventListener('click', () => {
        container.hideDialog();
        options.close?.();
      });
      dialog.append(message, ok);
      doc.body.append(dialog);
      ok.focus();
      return dialog;
    },
    hideDialog() {
      doc.getElementById('finesse-container-dialog')?.remove();
    },
    reloadGadget(gadgetId) {
      tabs.reloadGadget(String(gadgetId));
    },
    modifyGadgetUrl(gadgetId, url) {
      tabs.modifyGadgetUrl(String(gadgetId), String(url));
    },
  };
  const w = host as unknown as { finesse?: { container?: { Container?: FinesseContainer } } };
  w.finesse = w.finesse ?? {};
  w.finesse.container = w.finesse.container ?? {};
  w.finesse.container.Container = container;
}
