// Draws the gadgets' popovers as a stack at the top right of the desktop, like Finesse 12.x's popover: the banner
// icon, the content as name/value pairs (text, never markup), the counter from timerData on the desktop's clock,
// requiredActionText, up to two buttons (a confirm step where a button has confirmButtons), a close control on a
// dismissible popover and a minimise control where keepMaximised is false. Test hooks: [data-testid="popover"] with
// data-popover-id, data-client-identifier, data-seconds; buttons [data-testid="popover-button"][data-button-id].
// Finesse's toaster (a browser notification while the tab is hidden) is documented for the desktop's own events,
// not for gadget popovers, so it is not modelled.
import { el } from './dom.ts';
import { popoverSeconds, type DeskPopover, type DigitalDesk } from './fnc-desk.ts';
import { iconElement } from './fnc-header.ts';

function clock(seconds: number): string {
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

/** Draws every popover into `stack`. */
export function renderPopovers(stack: HTMLElement, desk: DigitalDesk, now: number): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.['buttonId'];
  const focusedIn = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-popover-id]')?.dataset[
    'popoverId'
  ];
  stack.replaceChildren(...desk.popovers().map((p) => popoverElement(p, desk, now)));
  stack.hidden = desk.popovers().length === 0;
  if (focused && focusedIn)
    stack
      .querySelector<HTMLElement>(
        `[data-popover-id="${CSS.escape(focusedIn)}"] [data-button-id="${CSS.escape(focused)}"]`,
      )
      ?.focus();
}

/** Updates only the counters (each second), so focus and hover stay where they are. */
export function updatePopoverCounters(stack: HTMLElement, desk: DigitalDesk, now: number): void {
  for (const p of desk.popovers()) {
    const node = stack.querySelector<HTMLElement>(`[data-popover-id="${CSS.escape(p.popoverId)}"]`);
    const timer = node?.querySelector<HTMLElement>('.popover-timer');
    if (!node || !timer) continue;
    const seconds = popoverSeconds(p, now);
    node.dataset['seconds'] = String(seconds);
    timer.textContent = clock(seconds);
  }
}

function popoverElement(p: DeskPopover, desk: DigitalDesk, now: number): HTMLElement {
  const titleId = `popover-title-${p.popoverId}`;
  const seconds = popoverSeconds(p, now);
  const heading = p.bannerData.content[0];
  const head = el(
    'div',
    { class: 'popover-head' },
    iconElement(p.bannerData.icon, 'popover-icon'),
    el('span', { class: 'popover-title', id: titleId }, heading ? `${heading.name}: ${heading.value}` : 'Notification'),
  );
  const timer = el('span', { class: 'popover-timer', 'aria-label': 'Time' }, clock(seconds));
  timer.hidden = !p.timerData.display;
  head.append(timer);
  if (!p.actionData.keepMaximised) {
    const minimise = el(
      'button',
      {
        type: 'button',
        class: 'popover-minimise',
        'data-testid': 'popover-minimise',
        'aria-expanded': String(!p.minimised),
        'aria-label': p.minimised ? 'Show the notification' : 'Minimise the notification',
      },
      p.minimised ? '\u25BE' : '\u25B4',
    );
    minimise.addEventListener('click', () => desk.toggleMinimised(p.popoverId));
    head.append(minimise);
  }
  if (p.actionData.dismissible) {
    const close = el(
      'button',
      {
        type: 'button',
        class: 'popover-close',
        'data-testid': 'popover-close',
        'aria-label': 'Close the notification',
      },
      '\u00D7',
    );
    close.addEventListener('click', () => desk.closePopover(p.popoverId));
    head.append(close);
  }
  const body = el('div', { class: 'popover-body' });
  body.hidden = p.minimised;
  const list = el('dl', { class: 'popover-content' });
  for (const item of p.bannerData.content) list.append(el('dt', {}, item.name), el('dd', {}, item.value));
  body.append(list);
  if (p.actionData.requiredActionText)
    body.append(el('p', { class: 'popover-action-text' }, p.actionData.requiredActionText));
  body.append(buttonsOf(p, desk));
  return el(
    'article',
    {
      class: 'popover',
      role: 'alertdialog',
      'aria-labelledby': titleId,
      'data-testid': 'popover',
      'data-popover-id': p.popoverId,
      'data-client-identifier': p.actionData.clientIdentifier,
      'data-seconds': String(seconds),
      'data-counter': p.timerData.counterType,
      'data-minimised': String(p.minimised),
    },
    head,
    body,
  );
}

function buttonsOf(p: DeskPopover, desk: DigitalDesk): HTMLElement {
  const row = el('div', { class: 'popover-buttons' });
  const buttons = p.actionData.buttons ?? [];
  const confirming = p.confirming === null ? null : buttons.find((b) => b.id === p.confirming);
  const shown = confirming?.confirmButtons ?? buttons;
  if (confirming) row.dataset['confirmFor'] = confirming.id;
  for (const b of shown) {
    // The documented type is "the color of the button"; its values beyond the sample's "Affirm" are unconfirmed.
    const type = 'type' in b && typeof b.type === 'string' ? b.type : 'confirm';
    const button = el(
      'button',
      {
        type: 'button',
        class: `popover-button type-${type.toLowerCase().replace(/[^a-z0-9-]/g, '')}`,
        'data-testid': 'popover-button',
        'data-button-id': b.id,
        ...(b.hoverText ? { title: b.hoverText } : {}),
      },
      b.label,
    );
    button.addEventListener('click', () => {
      const problem = desk.clickPopoverButton(p.popoverId, b.id);
      if (problem) console.warn(`popover: ${problem}`);
    });
    row.append(button);
  }
  if (confirming) {
    const back = el(
      'button',
      { type: 'button', class: 'popover-button type-back', 'data-testid': 'popover-back' },
      'Back',
    );
    back.addEventListener('click', () => desk.cancelConfirm(p.popoverId));
    row.append(back);
  }
  return row;
}
