// Whether the agent can see the gadget now: the desktop's browser tab hidden (document.visibilityState, which a
// frame shares with its top page), or another tab of the Finesse desktop active (the container publishes the
// active tab's id on finesse.containerservices.activeTab; the gadget finds its own tab as Cisco's library does, by
// the tab panel around its frame). Also asks the container to bring the gadget's tab forward (SetActiveTabReq).
import type { HubPort } from '../core/container/hub.ts';
import { randomId } from '../core/shared/ids.ts';

export const ACTIVE_TAB_TOPIC = 'finesse.containerservices.activeTab';
export const REQUESTS_TOPIC = 'finesse.info.requests';

export interface DesktopVisibility {
  /** The agent cannot see the gadget: the browser tab is hidden or another desktop tab is shown. */
  hidden(): boolean;
  /** Asks the desktop to show the gadget's tab (when the gadget knows it). */
  showGadgetTab(): void;
  dispose(): void;
}

/** The id of the desktop tab the gadget's frame sits in (`div.tab-panel#panel_<id>`), and whether it is shown. */
function ownTab(frame: Element | null): { id: string; active: boolean } | null {
  try {
    const panel = frame?.closest('.tab-panel');
    if (!panel || !panel.id.startsWith('panel_')) return null;
    return { id: panel.id.slice('panel_'.length), active: panel.classList.contains('active') };
  } catch {
    return null; // a frame of another origin: only the browser tab's visibility counts
  }
}

/** Watches the desktop's active tab and the page's visibility. */
export function desktopVisibility(hub: HubPort, doc: Document, frame: Element | null): DesktopVisibility {
  const tab = ownTab(frame);
  // Until the desktop names a tab, the panel's own class says whether the gadget's tab is the one shown.
  let activeTab: string | null = tab === null ? null : tab.active ? tab.id : '';
  const release = hub.subscribe(ACTIVE_TAB_TOPIC, (data) => {
    if (typeof data === 'string' || typeof data === 'number') activeTab = String(data);
  });
  return {
    hidden: () => doc.visibilityState === 'hidden' || (tab !== null && activeTab !== null && activeTab !== tab.id),
    showGadgetTab() {
      if (tab === null) return;
      hub.publish(REQUESTS_TOPIC, { type: 'SetActiveTabReq', data: { id: tab.id }, invokeID: randomId() });
    },
    dispose: release,
  };
}
