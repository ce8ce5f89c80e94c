// What both gadgets (the agent's and the supervisor's team gadget) need from the frame they live in: the container's
// 1 s tick as a Ticker (with a fallback interval while no tick arrives), and the gadget's height kept in step with
// what it renders.
import type { ConfigProblem } from '../core/container/gadget-config.ts';
import type { Ticker } from '../ui/ticker.ts';
import type { GadgetsGlobal } from './gadgets-api.ts';

/** A ticker for countdowns and times in state: the container's tick where it comes, a 1 s interval otherwise. */
export function containerTicker(): Ticker & { tick(): void; dispose(): void } {
  const listeners = new Set<() => void>();
  let lastContainerTick = 0;
  const fallback = setInterval(() => {
    if (Date.now() - lastContainerTick < 1500) return;
    for (const l of listeners) l();
  }, 1000);
  return {
    now: () => Date.now(),
    subscribe(onTick) {
      listeners.add(onTick);
      return () => listeners.delete(onTick);
    },
    tick() {
      lastContainerTick = Date.now();
      for (const l of listeners) l();
    },
    dispose() {
      clearInterval(fallback);
      listeners.clear();
    },
  };
}

/** Tells the container the gadget's height whenever the rendered height changes. */
export function followHeight(gadgets: GadgetsGlobal): () => void {
  const adjust = gadgets.window?.adjustHeight;
  if (!adjust) return () => undefined;
  let last = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    adjust();
  });
  observer.observe(document.body);
  return () => observer.disconnect();
}

/**
 * Runs `start` once the container lets the gadget use the hub: from pubsub-2's onConnect (the hub client connects
 * after load, and may be used only from then on), at once where there is no hub client (a bare page).
 */
export function startWhenHubConnects(gadgets: GadgetsGlobal | null, start: (g: GadgetsGlobal) => void): void {
  if (gadgets?.HubSettings) gadgets.HubSettings.onConnect = () => start(gadgets);
  else start(gadgets ?? {});
}

/**
 * Shows the prefs' problems in the panel that lists them: in place of the gadget's view when one stops the gadget
 * (never a blank gadget), above it when all are warnings (the gadget runs; the agent may dismiss the panel).
 */
export function showConfigProblems(view: Element, problems: readonly ConfigProblem[], gadget: string): void {
  if (problems.length === 0) return;
  const panel = document.createElement('finesse-blend-config-problems');
  panel.problems = problems;
  panel.gadget = gadget;
  if (panel.blocking) view.replaceWith(panel);
  else view.before(panel);
}
