// Draws the digital channels beside the voice state control in the desktop header: icon, label, current state, the
// iconColor as the state colour, the badge, hover text, enabled or not, and each channel's menu. Built with DOM
// calls only: a gadget's text is always text. Stable hooks for tests: each channel is
// [data-testid="fnc-channel"][data-channel-id=…] with data-label, data-state, data-color, data-badge, data-enabled,
// data-pending; its menu items are [role="menuitem"][data-menu-id=…].
import { el } from './dom.ts';
import type { DeskChannel, DigitalDesk } from './fnc-desk.ts';
import type { ChannelIcon } from './fnc-schema.ts';

/**
 * The built-in glyphs for collab-icon names. Cisco's "Common Desktop Stock Icon Names" are not reproduced: a few
 * likely names get a glyph, any other a neutral one (the glyph set is the stand-in's own).
 */
const GLYPHS: Readonly<Record<string, string>> = {
  // Characters every desktop font has (no emoji font is assumed).
  chat: '\u275D',
  email: '\u2709',
  mail: '\u2709',
  phone: '\u260E',
  call: '\u260E',
  voice: '\u260E',
  task: '\u2611',
  social: '\u263A',
  sms: '\u2709',
  video: '\u25B6',
  web: '\u25CE',
};

/** The glyph for a collab-icon name (case does not matter). */
export function glyphFor(name: string): string {
  return GLYPHS[name.trim().toLowerCase()] ?? '\u25C6';
}

/** An icon element: a glyph for collab-icon, an <img> for url (resolved against the desktop page, unconfirmed). */
export function iconElement(icon: ChannelIcon | undefined, className: string): HTMLElement {
  if (icon?.type === 'url') {
    const img = el('img', { class: className, alt: '', 'data-icon': icon.value });
    try {
      img.src = new URL(icon.value, location.href).href;
    } catch {
      // an address that cannot be resolved shows nothing
    }
    return img;
  }
  const name = icon?.value ?? '';
  return el('span', { class: className, 'aria-hidden': 'true', 'data-icon': name }, glyphFor(name));
}

/** Draws every channel into `area`, keeping the open menu open. */
export function renderChannels(area: HTMLElement, desk: DigitalDesk, openMenu: { channelId: string | null }): void {
  const focusedMenuId = (document.activeElement as HTMLElement | null)?.dataset?.['menuId'];
  area.replaceChildren();
  area.hidden = desk.channels().length === 0;
  const blocked = desk.blocked();
  area.dataset['blocked'] = String(blocked);
  area.setAttribute('aria-busy', String(blocked));
  for (const channel of desk.channels()) area.append(channelElement(channel, desk, blocked, openMenu, area));
  if (openMenu.channelId !== null && focusedMenuId) {
    const again = area.querySelector<HTMLElement>(
      `[data-channel-id="${CSS.escape(openMenu.channelId)}"] [data-menu-id="${CSS.escape(focusedMenuId)}"]`,
    );
    again?.focus();
  }
}

function channelElement(
  channel: DeskChannel,
  desk: DigitalDesk,
  blocked: boolean,
  openMenu: { channelId: string | null },
  area: HTMLElement,
): HTMLElement {
  const state = channel.channelState;
  const badge = state.iconBadge ?? 'none';
  const menuId = `fnc-menu-${Array.from(channel.channelId, (c) => c.codePointAt(0)?.toString(16)).join('')}`;
  const isOpen = openMenu.channelId === channel.channelId && !blocked && state.enable;
  const button = el(
    'button',
    {
      type: 'button',
      class: 'channel-button',
      'aria-haspopup': 'menu',
      'aria-expanded': String(isOpen),
      'aria-controls': menuId,
      'aria-label': `${state.label}: ${state.currentState}${badge !== 'none' ? ` (${badge})` : ''}`,
      ...(state.hoverText ? { title: state.hoverText } : {}),
    },
    iconElement(channel.channelConfig.icons[0], 'channel-icon'),
    el('span', { class: `channel-badge badge-${badge}`, 'data-badge': badge, 'aria-hidden': 'true' }),
    el('span', { class: 'channel-label' }, state.label),
    el('span', { class: 'channel-state' }, state.currentState),
  );
  button.disabled = !state.enable || blocked;
  const menu = el('ul', {
    class: 'channel-menu state-menu',
    role: 'menu',
    id: menuId,
    'aria-label': channel.menuConfig.label || state.label,
  });
  menu.hidden = !isOpen;
  for (const item of channel.menuConfig.menuItems) {
    const choice = el(
      'button',
      { type: 'button', role: 'menuitem', 'data-menu-id': item.id, 'data-color': item.iconColor },
      el('span', { class: `menu-dot color-${item.iconColor}`, 'aria-hidden': 'true' }),
      item.label,
    );
    choice.addEventListener('click', () => {
      openMenu.channelId = null;
      const problem = desk.chooseMenu(channel.channelId, item.id);
      if (problem) console.warn(`digital channel: ${problem}`);
    });
    menu.append(el('li', { role: 'none' }, choice));
  }
  menu.addEventListener('keydown', (event) => menuKeys(event, menu, () => close(), button));
  const close = () => {
    openMenu.channelId = null;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  button.addEventListener('click', () => {
    if (openMenu.channelId === channel.channelId) {
      close();
      return;
    }
    openMenu.channelId = channel.channelId;
    for (const other of Array.from(area.querySelectorAll<HTMLElement>('.channel-menu'))) other.hidden = true;
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    menu.querySelector<HTMLElement>('button')?.focus();
  });
  const children: HTMLElement[] = [button, menu];
  if (channel.pending) children.push(el('span', { class: 'channel-wait', role: 'status' }, 'Waiting…'));
  if (channel.lastError)
    children.push(el('span', { class: 'channel-error', role: 'alert', 'data-testid': 'fnc-error' }, channel.lastError));
  return el(
    'div',
    {
      class: `channel color-${state.iconColor}`,
      'data-testid': 'fnc-channel',
      'data-channel-id': channel.channelId,
      'data-label': state.label,
      'data-state': state.currentState,
      'data-color': state.iconColor,
      'data-badge': badge,
      'data-enabled': String(state.enable),
      'data-pending': channel.pending?.selectedMenuId ?? '',
      ...(channel.lastError ? { 'data-error': channel.lastError } : {}),
    },
    ...children,
  );
}

/** Arrow keys move through a menu, Escape closes it and gives focus back to its button. */
export function menuKeys(event: KeyboardEvent, menu: HTMLElement, close: () => void, button: HTMLElement): void {
  const items = Array.from(menu.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  if (event.key === 'Escape') {
    event.preventDefault();
    close();
    button.focus();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    items[(next + items.length) % items.length]?.focus();
  }
}
