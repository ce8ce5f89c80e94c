// Offers never missed, wired: the offer alerts planner (src/app/offer-alerts.ts) run after every view and on every
// container tick, its actions handed to the desktop's popovers (Cisco's PopoverService, where the desktop has it) and
// to the chime and the desktop notification while the gadget is out of sight.
import type { GadgetConfig } from '../core/container/gadget-config.ts';
import type { HubPort } from '../core/container/hub.ts';
import type { AgentView } from '../app/agent-view.ts';
import { NO_OFFER_ALERTS, planOfferAlerts, type OfferAlert } from '../app/offer-alerts.ts';
import { t } from '../ui/messages.ts';
import type { FinesseLibrary } from './finesse-library.ts';
import { offerPopovers, type OfferPopovers } from './offer-popovers.ts';
import { offerAttention } from './offer-attention.ts';
import { desktopVisibility } from './desktop-visibility.ts';

export interface OfferAlertsOptions {
  readonly config: Pick<GadgetConfig, 'offerSound' | 'desktopNotifications'>;
  readonly hub: HubPort;
  readonly library: FinesseLibrary;
  /** The chime's address, next to the bundle. */
  readonly chimeUrl: string;
  /** Accept or Decline pressed on a popover: the same intents as the offer card's buttons. */
  readonly onIntent: (name: 'offer-accept' | 'offer-decline', chatId: string) => void;
  readonly onProblem: (detail: string) => void;
}

export interface OfferAlerts {
  /** Plans the alerts for this view at `now` (the container tick's clock) and carries the actions out. */
  plan(view: AgentView, now: number): void;
  dispose(): void;
}

/** The notification for an offer: who, the first context answers, and the seconds left. */
export function notificationText(alert: OfferAlert): { title: string; body: string } {
  const context = alert.context.map((f) => `${f.label}: ${f.value}. `).join('');
  return {
    title: t('alerts.notificationTitle', { name: alert.customerName || '—' }),
    body: t('alerts.notificationBody', { context, seconds: alert.secondsLeft }),
  };
}

/**
 * Offers never missed: the planner's actions to the desktop's popovers (when Cisco's PopoverService is there) and to
 * the chime and notification (while the gadget is out of sight). Run after every view and on every container tick.
 */
export function offerAlerts(options: OfferAlertsOptions): OfferAlerts {
  const { config: cfg, hub, library, onIntent, onProblem } = options;
  const visibility = desktopVisibility(hub, document, globalThis.frameElement ?? null);
  const popovers: OfferPopovers | null =
    library.popoverService === null
      ? null
      : offerPopovers({
          service: library.popoverService,
          words: {
            requiredAction: t('alerts.popoverAction'),
            customer: t('alerts.customer'),
            accept: t('offer.accept'),
            decline: t('offer.decline'),
            acceptHover: (name) => t('offer.acceptLabel', { name }),
            declineHover: (name) => t('offer.declineLabel', { name }),
          },
          onIntent: (name, { chatId }) => onIntent(name, chatId),
          onProblem,
        });
  const attention = offerAttention({
    offerSound: cfg.offerSound,
    desktopNotifications: cfg.desktopNotifications,
    chimeUrl: options.chimeUrl,
    hidden: () => visibility.hidden(),
    notification: notificationText,
    onNotificationClick: () => visibility.showGadgetTab(),
  });
  let state = NO_OFFER_ALERTS;
  return {
    plan(view, now) {
      const next = planOfferAlerts(state, view, now);
      state = next.state;
      for (const action of next.actions) {
        if (action.kind === 'show') {
          popovers?.show(action.alert);
          attention.alert(action.alert);
        } else {
          popovers?.dismiss(action.chatId);
          attention.dismiss(action.chatId);
        }
      }
    },
    dispose() {
      popovers?.dismissAll();
      attention.dispose();
      visibility.dispose();
    },
  };
}
