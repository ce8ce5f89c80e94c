// Offers are never missed: which offers to raise an alert for (the desktop's popover, a chime, a desktop
// notification) and which alerts to take down, as a pure function of the view and the time. Boot runs it after
// every view and on every container tick (so expiry is seen on the desktop's tick, not on throttled timers) and
// hands the actions to the adapters that show them.
import { contextBesideName, type ChatContextField } from '../core/chat/chat-channel.ts';
import type { AgentView } from './agent-view.ts';

/** What an alert shows: text only, already cut to a size a popover holds. */
export interface OfferAlert {
  readonly chatId: string;
  readonly customerName: string;
  /** The pre-chat answers (queue, question…), the first few, as label and value. */
  readonly context: readonly { readonly label: string; readonly value: string }[];
  /** Whole seconds until the offer expires, when the alert is raised. */
  readonly secondsLeft: number;
}

/** Why an alert is taken down. */
export type DismissReason = 'answered' | 'expired' | 'gone' | 'elsewhere';

export type OfferAlertAction =
  | { readonly kind: 'show'; readonly alert: OfferAlert }
  | { readonly kind: 'dismiss'; readonly chatId: string; readonly reason: DismissReason };

/** The alerts up now, and the offers ever alerted (so none is alerted twice). */
export interface OfferAlertsState {
  readonly showing: readonly string[];
  readonly seen: readonly string[];
}

export const NO_OFFER_ALERTS: OfferAlertsState = { showing: [], seen: [] };

/** How many alerted offers are remembered; far more than can be offered at once. */
const SEEN_LIMIT = 200;
/** Context fields an alert shows, and the longest text it shows of any one. */
const CONTEXT_FIELDS = 3;
const TEXT_LIMIT = 120;

/**
 * Customer text for a surface the gadget does not render itself (the desktop's popover, a notification): one line,
 * cut to length, angle brackets replaced by look-alikes, since how the desktop renders popover text is not
 * documented and customer text must never become markup.
 */
export function alertText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/</g, '‹').replace(/>/g, '›');
  return line.length > TEXT_LIMIT ? `${line.slice(0, TEXT_LIMIT - 1)}…` : line;
}

/** Whole seconds from `now` until `expiresAt` (never negative). */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

function alertFor(offer: AgentView['offers'][number]['offer'], now: number): OfferAlert {
  const context = contextBesideName(offer.context)
    .filter((f: ChatContextField) => f.value.trim() !== '')
    .slice(0, CONTEXT_FIELDS)
    .map((f) => ({ label: alertText(f.label || f.name), value: alertText(f.value) }));
  return {
    chatId: offer.chatId,
    customerName: alertText(offer.customerName),
    context,
    secondsLeft: secondsLeft(offer.expiresAt, now),
  };
}

/**
 * The alerts to raise and take down. An offer is alerted once, when it is new (unanswered) and not expired, and only
 * in the window that runs blending (the others cannot answer); its alert goes when the agent answers it (here or
 * from the alert), when it expires, when it leaves (taken, declined, withdrawn) or when this window stops running
 * blending.
 */
export function planOfferAlerts(
  state: OfferAlertsState,
  view: AgentView,
  now: number,
): { readonly state: OfferAlertsState; readonly actions: readonly OfferAlertAction[] } {
  const actions: OfferAlertAction[] = [];
  const owner = view.ownership.role === 'owner';
  const offers = new Map(view.offers.map((o) => [o.offer.chatId, o]));
  const showing: string[] = [];
  for (const chatId of state.showing) {
    const o = offers.get(chatId);
    const reason: DismissReason | null = !owner
      ? 'elsewhere'
      : o === undefined
        ? 'gone'
        : o.progress !== 'new'
          ? 'answered'
          : o.offer.expiresAt <= now
            ? 'expired'
            : null;
    if (reason === null) showing.push(chatId);
    else actions.push({ kind: 'dismiss', chatId, reason });
  }
  const seen = [...state.seen];
  if (owner) {
    for (const { offer, progress } of view.offers) {
      if (progress !== 'new' || offer.expiresAt <= now || seen.includes(offer.chatId)) continue;
      seen.push(offer.chatId);
      showing.push(offer.chatId);
      actions.push({ kind: 'show', alert: alertFor(offer, now) });
    }
  }
  const unchanged = actions.length === 0;
  return {
    state: unchanged ? state : { showing, seen: seen.slice(-SEEN_LIMIT) },
    actions,
  };
}
