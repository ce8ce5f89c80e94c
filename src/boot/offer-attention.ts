// Getting the agent's attention for an offer they cannot see: a short chime (pref offerSound) and a desktop
// notification (pref desktopNotifications, once the agent allowed them from the gadget), only while the gadget is
// out of sight. Clicking the notification brings the desktop and the gadget's tab forward. The browser tab's title
// belongs to the desktop's top page, not to the gadget's frame, so the gadget leaves it alone.
import type { OfferAlert } from '../app/offer-alerts.ts';

export interface OfferAttentionOptions {
  readonly offerSound: boolean;
  readonly desktopNotifications: boolean;
  /** The chime's address (public/offer-chime.wav, next to the bundle). */
  readonly chimeUrl: string;
  readonly hidden: () => boolean;
  readonly notification: (alert: OfferAlert) => { readonly title: string; readonly body: string };
  /** The agent clicked a notification: bring the gadget forward. */
  readonly onNotificationClick: () => void;
  /** Browser parts, injected so tests can stand in for them. */
  readonly platform?: AttentionPlatform;
}

export interface AttentionPlatform {
  playChime(url: string): void;
  /** A shown notification, or null when the agent has not allowed them (or the browser has none). */
  notify(title: string, body: string, tag: string, onClick: () => void): { close(): void } | null;
}

export interface OfferAttention {
  alert(alert: OfferAlert): void;
  dismiss(chatId: string): void;
  dispose(): void;
}

/** The page's audio and Notification API. */
export const browserAttention: AttentionPlatform = {
  playChime(url) {
    if (typeof Audio === 'undefined') return;
    const audio = new Audio(url);
    audio.volume = 0.6;
    // A browser that refuses to play before the agent touched the page says so through the promise: no chime then.
    void audio.play().catch(() => undefined);
  },
  notify(title, body, tag, onClick) {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return null;
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      onClick();
      n.close();
    };
    return n;
  },
};

/** Chimes and notifies for offers raised while the gadget is out of sight. */
export function offerAttention(options: OfferAttentionOptions): OfferAttention {
  const platform = options.platform ?? browserAttention;
  const notes = new Map<string, { close(): void }>();
  return {
    alert(alert) {
      if (!options.hidden()) return;
      if (options.offerSound) platform.playChime(options.chimeUrl);
      if (!options.desktopNotifications) return;
      const { title, body } = options.notification(alert);
      const note = platform.notify(title, body, `finesse-blend-offer-${alert.chatId}`, () => {
        globalThis.focus?.();
        options.onNotificationClick();
      });
      if (note !== null) notes.set(alert.chatId, note);
    },
    dismiss(chatId) {
      notes.get(chatId)?.close();
      notes.delete(chatId);
    },
    dispose() {
      for (const n of notes.values()) n.close();
      notes.clear();
    },
  };
}
