// Entry of the agent gadget bundle: a classic IIFE script inside the Shindig iframe. It reads the container's
// configuration, wires the headless core to the UI, and releases everything when the gadget unloads.
import { readGadgetConfig } from '../core/container/gadget-config.ts';
import { createFinesseClient, fetchTransport } from '../core/finesse/rest/index.ts';
import { watchUser } from '../core/finesse/user-feed.ts';
import type { AgentPanel } from '../ui/agent-panel.ts';
import { defineElements } from '../ui/define.ts';
import { containerGadgets, hubPort, type GadgetsGlobal } from './gadgets-api.ts';

defineElements();

function panel(): AgentPanel {
  const existing = document.querySelector('finesse-blend-agent');
  if (existing) return existing;
  return document.body.appendChild(document.createElement('finesse-blend-agent'));
}

function adjustHeight(gadgets: GadgetsGlobal): void {
  // Let Lit render first, then tell the container how tall the gadget is.
  requestAnimationFrame(() => gadgets.window?.adjustHeight?.());
}

function start(gadgets: GadgetsGlobal): void {
  const view = panel();
  if (!gadgets.Prefs || !gadgets.Hub) {
    view.status = 'This gadget runs inside the Finesse desktop: the container gave it no hub or preferences.';
    return;
  }
  const prefs = new gadgets.Prefs();
  const config = readGadgetConfig((name) => prefs.getString(name) ?? '');
  if (!config.ok) {
    view.status = `The gadget is not configured correctly: ${config.error.map((p) => p.message).join(' ')}`;
    adjustHeight(gadgets);
    return;
  }
  const client = createFinesseClient({
    baseUrl: '', // same origin: the gadget is served by the Finesse node the desktop runs on
    auth: { kind: 'header', value: config.value.authorization },
    transport: fetchTransport(),
  });
  const stop = watchUser(
    { client, hub: hubPort(gadgets.Hub), agentId: config.value.agentId },
    {
      onUser(user) {
        view.user = user;
        adjustHeight(gadgets);
      },
      onProblem(message) {
        view.problem = message;
        adjustHeight(gadgets);
      },
    },
  );
  addEventListener('pagehide', stop, { once: true });
}

const gadgets = containerGadgets();
if (gadgets?.HubSettings) {
  // pubsub-2: the hub client connects after load; the gadget may use it only from onConnect on.
  gadgets.HubSettings.onConnect = () => start(gadgets);
} else {
  start(gadgets ?? {});
}
