// Offer alerts as Finesse popovers (Cisco's PopoverService): one per offer, with the customer, the pre-chat context,
// a countdown from the offer's expiry and Accept / Decline, whose clicks become the same intents as the offer card's
// buttons. The planner (src/app/offer-alerts.ts) says when to show and dismiss; this only speaks the library.
import type { AgentIntents } from '../app/agent-view.ts';
import type { OfferAlert } from '../app/offer-alerts.ts';
import type { PopoverService } from './finesse-library.ts';

export const ACCEPT_BUTTON = 'finesse-blend-accept';
export const DECLINE_BUTTON = 'finesse-blend-decline';

export interface PopoverWords {
  /** What the popover asks of the agent (requiredActionText). */
  readonly requiredAction: string;
  readonly customer: string;
  readonly accept: string;
  readonly decline: string;
  acceptHover(name: string): string;
  declineHover(name: string): string;
}

export interface OfferPopoversOptions {
  readonly service: PopoverService;
  readonly words: PopoverWords;
  readonly onIntent: (name: 'offer-accept' | 'offer-decline', detail: AgentIntents['offer-accept']) => void;
  /** The desktop refused a popover (its schema, an older release): the offer card still shows the offer. */
  readonly onProblem: (detail: string) => void;
}

export interface OfferPopovers {
  show(alert: OfferAlert): void;
  dismiss(chatId: string): void;
  /** Dismisses every popover still up (the gadget is going away). */
  dismissAll(): void;
}

/** Which of our buttons the desktop's callback names: its arguments are not documented beyond carrying the id. */
export function buttonIn(args: readonly unknown[]): 'accept' | 'decline' | null {
  for (const arg of args) {
    const candidates =
      typeof arg === 'string'
        ? [arg]
        : typeof arg === 'object' && arg !== null
          ? ['id', 'actionId', 'buttonId'].map((k) => (arg as Record<string, unknown>)[k])
          : [];
    if (candidates.includes(ACCEPT_BUTTON)) return 'accept';
    if (candidates.includes(DECLINE_BUTTON)) return 'decline';
  }
  return null;
}

/** Shows and dismisses offer popovers through the PopoverService. */
export function offerPopovers(options: OfferPopoversOptions): OfferPopovers {
  const { service, words } = options;
  const open = new Map<string, string>();

  function dismiss(chatId: string): void {
    const id = open.get(chatId);
    if (id === undefined) return;
    open.delete(chatId);
    try {
      service.dismissPopover(id);
    } catch (e) {
      options.onProblem(`The desktop did not take the popover down: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return {
    show(alert) {
      if (open.has(alert.chatId) || alert.secondsLeft <= 0) return;
      const name = alert.customerName || '—';
      try {
        const id = service.showPopover(
          {
            icon: { type: 'collab-icon', value: 'Chat' },
            content: [
              { name: words.customer, value: name },
              ...alert.context.map((f) => ({ name: f.label, value: f.value })),
            ],
          },
          {
            displayTimeoutInSecs: alert.secondsLeft,
            display: true,
            counterType: service.COUNTER_TYPE?.COUNT_DOWN ?? 'COUNT_DOWN',
          },
          {
            dismissible: false,
            keepMaximised: true,
            clientIdentifier: `finesse-blend-offer-${alert.chatId}`,
            requiredActionText: words.requiredAction,
            buttons: [
              { id: ACCEPT_BUTTON, label: words.accept, type: 'Affirm', hoverText: words.acceptHover(name) },
              { id: DECLINE_BUTTON, label: words.decline, type: 'Decline', hoverText: words.declineHover(name) },
            ],
          },
          (...args: readonly unknown[]) => {
            const button = buttonIn(args);
            if (button === null || !open.has(alert.chatId)) return;
            options.onIntent(button === 'accept' ? 'offer-accept' : 'offer-decline', { chatId: alert.chatId });
          },
        );
        // A popover the desktop refused (its schema) comes back without an id: the offer card still has the offer.
        if (typeof id === 'string' && id !== '') open.set(alert.chatId, id);
        else options.onProblem('The desktop did not show the offer popover: it gave no popover id');
      } catch (e) {
        options.onProblem(`The desktop did not show the offer popover: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    dismiss,
    dismissAll() {
      for (const chatId of [...open.keys()]) dismiss(chatId);
    },
  };
}
