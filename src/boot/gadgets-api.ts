// The slice of the Shindig/OpenSocial gadget API the gadget uses, typed, and adapters from it to core ports.
import type { HubPort } from '../core/container/hub.ts';

export interface GadgetsHub {
  subscribe(topic: string, onData: (topic: string, data: unknown) => void): string;
  unsubscribe(subscriptionId: string): void;
  publish(topic: string, data: unknown): void;
}

export interface GadgetsPrefs {
  getString(name: string): string;
}

export interface GadgetsGlobal {
  Hub?: GadgetsHub;
  HubSettings?: { onConnect?: () => void };
  Prefs?: new () => GadgetsPrefs;
  window?: { adjustHeight?: (height?: number) => void };
}

/** The container's `gadgets` object, when the gadget runs inside one. */
export function containerGadgets(): GadgetsGlobal | null {
  const g = (globalThis as { gadgets?: GadgetsGlobal }).gadgets;
  return g ?? null;
}

/** Adapts gadgets.Hub to the core's HubPort; each subscription is released through its own unsubscribe. */
export function hubPort(hub: GadgetsHub): HubPort {
  return {
    subscribe(topic, onMessage) {
      const id = hub.subscribe(topic, (_topic, data) => onMessage(data));
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        hub.unsubscribe(id);
      };
    },
    publish(topic, payload) {
      hub.publish(topic, payload);
    },
  };
}
