// Puts the digital channel control and the popovers on the desktop page: answers the stand-in library on the hub,
// draws the header's channels and the popover stack, and runs the popover counters on the page's clock.
import { DigitalDesk } from './fnc-desk.ts';
import { renderChannels } from './fnc-header.ts';
import { FNC_REQUEST_TOPIC, fncInstanceTopic, readFncRequest } from './fnc-wire.ts';
import { renderPopovers, updatePopoverCounters } from './popover-stack.ts';

interface DesktopHub {
  publish(topic: string, data: unknown): void;
  subscribe(topic: string, onData: (topic: string, data: unknown) => void): () => void;
}

export interface DigitalDesktop {
  readonly desk: DigitalDesk;
  /** A gadget frame reloads or goes: what it added goes with it. */
  dropModule(moduleId: string): void;
  stop(): void;
}

/** Starts the FNC and popovers on the hub; `onChange` lets the page redraw what depends on them (the state menu). */
export function startDigitalDesktop(
  hub: DesktopHub,
  parts: { readonly channels: HTMLElement; readonly popovers: HTMLElement },
  onChange: () => void,
): DigitalDesktop {
  const openMenu = { channelId: null as string | null };
  const draw = () => {
    renderChannels(parts.channels, desk, openMenu);
    renderPopovers(parts.popovers, desk, Date.now());
    onChange();
  };
  const desk: DigitalDesk = new DigitalDesk({
    send: (instanceId, message) => hub.publish(fncInstanceTopic(instanceId), message),
    onChange: () => queueMicrotask(draw),
    clock: {
      now: () => Date.now(),
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
    },
  });
  const unsubscribe = hub.subscribe(FNC_REQUEST_TOPIC, (_topic, data) => {
    const req = readFncRequest(data);
    if (req) desk.handle(req);
    else console.warn('digital channels: ignored a malformed request on the hub');
  });
  const counters = window.setInterval(() => updatePopoverCounters(parts.popovers, desk, Date.now()), 250);
  const closeOnOutsideClick = (event: MouseEvent) => {
    if (openMenu.channelId === null || parts.channels.contains(event.target as Node)) return;
    openMenu.channelId = null;
    renderChannels(parts.channels, desk, openMenu);
  };
  document.addEventListener('click', closeOnOutsideClick);
  draw();
  return {
    desk,
    dropModule: (moduleId) => desk.dropModule(moduleId),
    stop() {
      window.clearInterval(counters);
      document.removeEventListener('click', closeOnOutsideClick);
      unsubscribe();
      desk.dispose();
      parts.channels.replaceChildren();
      parts.channels.hidden = true;
      parts.popovers.replaceChildren();
      parts.popovers.hidden = true;
    },
  };
}
