// The desktop's side of the digital channel control (FNC) and the popover service: what channels and popovers the
// gadgets have, answering the stand-in library's requests (fnc-wire.ts), routing the agent's menu choices and popover
// buttons back to the gadget that owns them, and the timeouts. No DOM here: fnc-header.ts and popover-stack.ts draw
// it; the clock and timers are injected so the rules can be tested in Node.
//
// Sources for the behaviour: DevNet "Digital Channel", "Channel Service", "Popover Service"; developer guide 12.5(1)
// pp. 438-443; facts A4. Marked "unconfirmed" where the documentation does not say.
import {
  STATUS,
  checkChannelData,
  checkChannelId,
  checkChannelUpdate,
  checkPopover,
  type ActionData,
  type BannerData,
  type ChannelConfig,
  type ChannelState,
  type MenuConfig,
  type TimerData,
} from './fnc-schema.ts';
import type { ALL_NOT_READY, ALL_READY } from './fnc-schema.ts';
import type { FncMessage, FncRequest } from './fnc-wire.ts';

export interface Owner {
  readonly instanceId: string;
  readonly moduleId: string;
}

export interface DeskChannel {
  readonly channelId: string;
  readonly owner: Owner;
  menuConfig: MenuConfig;
  channelConfig: ChannelConfig;
  channelState: ChannelState;
  /** The menu choice the FNC is waiting on, if any. */
  pending: { readonly clickId: string; readonly selectedMenuId: string } | null;
  /** Why the last menu choice failed (the gadget's errorDesc, or the timeout), until the next one. */
  lastError: string | null;
}

export interface DeskPopover {
  readonly popoverId: string;
  readonly owner: Owner;
  readonly bannerData: BannerData;
  readonly timerData: TimerData;
  readonly actionData: ActionData;
  /** When it was shown, on the desktop's clock. */
  readonly shownAt: number;
  /** The button whose confirm step is showing, if any. */
  confirming: string | null;
  minimised: boolean;
}

export interface DeskClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface DeskOptions {
  /** Sends a message to one library instance. */
  send(instanceId: string, message: FncMessage): void;
  /** Called after anything the header or the popovers show has changed. */
  onChange(): void;
  clock: DeskClock;
}

function failure(channelId: string, errorCode: string, errorDesc: string): unknown {
  return { channelId, status: STATUS.FAILURE, error: { errorCode, errorDesc } };
}

/** The errorDesc of an error payload in the shape Cisco's samples answer with, else a plain sentence. */
function errorText(payload: unknown): string {
  if (typeof payload === 'object' && payload !== null) {
    const error = (payload as { error?: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const desc = (error as { errorDesc?: unknown }).errorDesc;
      if (typeof desc === 'string' && desc !== '') return desc;
    }
  }
  return 'the channel could not make that change';
}

/** The seconds shown on a popover's counter at `now`: left for COUNT_DOWN, gone by for COUNT_UP. */
export function popoverSeconds(p: Pick<DeskPopover, 'timerData' | 'shownAt'>, now: number): number {
  const elapsed = Math.max(0, Math.floor((now - p.shownAt) / 1000));
  const total = p.timerData.displayTimeoutInSecs;
  if (p.timerData.counterType === 'COUNT_UP') return total > 0 ? Math.min(elapsed, total) : elapsed;
  return Math.max(0, total - elapsed);
}

export class DigitalDesk {
  readonly #channels = new Map<string, DeskChannel>();
  readonly #popovers = new Map<string, DeskPopover>();
  readonly #clicks = new Map<string, { channelId: string; timer: unknown }>();
  readonly #popoverTimers = new Map<string, unknown>();
  readonly #opts: DeskOptions;
  #nextClick = 0;

  constructor(opts: DeskOptions) {
    this.#opts = opts;
  }

  /** The channels in the order they were added. */
  channels(): readonly DeskChannel[] {
    return [...this.#channels.values()];
  }

  /** The popovers, oldest first. */
  popovers(): readonly DeskPopover[] {
    return [...this.#popovers.values()];
  }

  /**
   * True while the FNC waits for a gadget's answer to a menu choice: the documentation says no other operation can
   * be performed on the FNC during actionTimeoutInSec.
   */
  blocked(): boolean {
    return this.channels().some((c) => c.pending !== null);
  }

  /** The text of the first channel that forbids signing out (channelState.logoutDisabled), or null. */
  logoutBlockedBy(): string | null {
    const c = this.channels().find((ch) => ch.channelState.logoutDisabled === true);
    return c ? (c.channelState.logoutDisabledText ?? `${c.channelState.label} does not allow signing out now`) : null;
  }

  /** Handles one request from a library instance. */
  handle(req: FncRequest): void {
    const owner: Owner = { instanceId: req.instanceId, moduleId: req.moduleId };
    this.#dropStaleInstances(owner);
    const reply = (ok: boolean, payload: unknown) =>
      this.#opts.send(req.instanceId, { kind: 'reply', requestId: req.requestId, ok, payload });
    switch (req.op) {
      case 'addChannel': {
        const id = checkChannelId(req.channelId);
        if (!id.ok) return reply(false, failure(String(req.channelId), 'INVALID_DATA', id.error));
        const data = checkChannelData(req.channelData);
        if (!data.ok) return reply(false, failure(id.value, 'INVALID_DATA', data.error));
        if (this.#channels.has(id.value))
          return reply(
            false,
            failure(id.value, 'DUPLICATE_CHANNEL', `a channel "${id.value}" is already in the header`),
          );
        this.#channels.set(id.value, { channelId: id.value, owner, ...data.value, pending: null, lastError: null });
        reply(true, { channelId: id.value, status: STATUS.SUCCESS });
        return this.#opts.onChange();
      }
      case 'updateChannel': {
        const channel = this.#own(req.channelId, owner);
        if (!channel) return reply(false, failure(req.channelId, 'UNKNOWN_CHANNEL', this.#unknown(req.channelId)));
        const data = checkChannelUpdate(req.channelData);
        if (!data.ok) return reply(false, failure(req.channelId, 'INVALID_DATA', data.error));
        channel.channelState = data.value.channelState;
        if (data.value.menuConfig) channel.menuConfig = data.value.menuConfig;
        if (data.value.channelConfig) channel.channelConfig = data.value.channelConfig;
        reply(true, { channelId: req.channelId, status: STATUS.SUCCESS });
        return this.#opts.onChange();
      }
      case 'removeChannel': {
        const channel = this.#own(req.channelId, owner);
        if (!channel) return reply(false, failure(req.channelId, 'UNKNOWN_CHANNEL', this.#unknown(req.channelId)));
        this.#removeChannel(channel.channelId);
        reply(true, { channelId: req.channelId, status: STATUS.SUCCESS });
        return this.#opts.onChange();
      }
      case 'menuResult':
        return this.#menuResult(req.clickId, req.ok, req.payload);
      case 'showPopover': {
        const data = checkPopover(req.bannerData, req.timerData, req.actionData);
        if (!data.ok || this.#popovers.has(req.popoverId)) return;
        const popover: DeskPopover = {
          popoverId: req.popoverId,
          owner,
          ...data.value,
          shownAt: this.#opts.clock.now(),
          confirming: null,
          minimised: false,
        };
        this.#popovers.set(req.popoverId, popover);
        this.#armPopoverTimeout(popover);
        return this.#opts.onChange();
      }
      case 'dismissPopover': {
        const popover = this.#popovers.get(req.popoverId);
        if (popover && popover.owner.instanceId === owner.instanceId) this.#removePopover(req.popoverId);
        return;
      }
      case 'goodbye':
        return this.dropInstance(owner.instanceId);
      default:
        return;
    }
  }

  /** The agent picks a menu item of a channel: the gadget's onMenuClick gets it; the FNC waits, at most the timeout. */
  chooseMenu(channelId: string, menuId: string): string | null {
    if (this.blocked()) return 'the digital channels are waiting for an answer';
    const channel = this.#channels.get(channelId);
    if (!channel) return this.#unknown(channelId);
    if (!channel.channelState.enable) return `${channel.channelState.label} is disabled`;
    if (!channel.menuConfig.menuItems.some((i) => i.id === menuId)) return `no menu item "${menuId}"`;
    this.#sendClick(channel, menuId);
    this.#opts.onChange();
    return null;
  }

  /**
   * The agent changes every channel at once: each enabled channel's onMenuClick gets ALL_READY or ALL_NOT_READY (the
   * ids Cisco's samples handle). How Finesse's header offers this, and whether disabled channels get it, is unconfirmed.
   */
  chooseAll(menuId: typeof ALL_READY | typeof ALL_NOT_READY): string | null {
    if (this.blocked()) return 'the digital channels are waiting for an answer';
    const targets = this.channels().filter((c) => c.channelState.enable);
    if (targets.length === 0) return 'no digital channel is enabled';
    for (const c of targets) this.#sendClick(c, menuId);
    this.#opts.onChange();
    return null;
  }

  /**
   * The agent clicks a popover button: a button with confirmButtons first shows its confirm step; any other button
   * goes to the gadget's callback. The popover stays until the gadget dismisses it or its timer ends (unconfirmed).
   */
  clickPopoverButton(popoverId: string, buttonId: string): string | null {
    const popover = this.#popovers.get(popoverId);
    if (!popover) return `no popover ${popoverId}`;
    const buttons = popover.actionData.buttons ?? [];
    if (popover.confirming !== null) {
      const parent = buttons.find((b) => b.id === popover.confirming);
      const confirm = parent?.confirmButtons?.find((c) => c.id === buttonId);
      if (!parent || !confirm) return `no confirm button ${buttonId}`;
      popover.confirming = null;
      this.#sendPopoverAction(popover, confirm.id, parent.id);
      this.#opts.onChange();
      return null;
    }
    const button = buttons.find((b) => b.id === buttonId);
    if (!button) return `no button ${buttonId}`;
    if (button.confirmButtons && button.confirmButtons.length > 0) popover.confirming = button.id;
    else this.#sendPopoverAction(popover, button.id, null);
    this.#opts.onChange();
    return null;
  }

  /** Back from a confirm step to the popover's own buttons. */
  cancelConfirm(popoverId: string): void {
    const popover = this.#popovers.get(popoverId);
    if (popover && popover.confirming !== null) {
      popover.confirming = null;
      this.#opts.onChange();
    }
  }

  /** The agent closes a dismissible popover from its close control (the control itself is unconfirmed). */
  closePopover(popoverId: string): void {
    const popover = this.#popovers.get(popoverId);
    if (popover?.actionData.dismissible) this.#removePopover(popoverId);
  }

  /** Minimises or restores a popover whose actionData.keepMaximised is false. */
  toggleMinimised(popoverId: string): void {
    const popover = this.#popovers.get(popoverId);
    if (!popover || popover.actionData.keepMaximised) return;
    popover.minimised = !popover.minimised;
    this.#opts.onChange();
  }

  /** A gadget frame reloads or goes away: its channels and popovers go (unconfirmed: not documented). */
  dropModule(moduleId: string): void {
    this.#dropWhere((o) => o.moduleId === moduleId);
  }

  /** One library instance (a gadget page) went away. */
  dropInstance(instanceId: string): void {
    this.#dropWhere((o) => o.instanceId === instanceId);
  }

  /** Ends every timer (the desktop signs out). */
  dispose(): void {
    for (const { timer } of this.#clicks.values()) this.#opts.clock.clearTimeout(timer);
    for (const timer of this.#popoverTimers.values()) this.#opts.clock.clearTimeout(timer);
    this.#clicks.clear();
    this.#popoverTimers.clear();
    this.#channels.clear();
    this.#popovers.clear();
  }

  #unknown(channelId: string): string {
    return `this gadget has no channel "${channelId}" in the header`;
  }

  /** A channel, if the asking gadget added it (whether Finesse lets another gadget change it is unconfirmed). */
  #own(channelId: string, owner: Owner): DeskChannel | null {
    const channel = this.#channels.get(channelId);
    return channel && channel.owner.instanceId === owner.instanceId ? channel : null;
  }

  /** A gadget page that was reloaded speaks with a new instance id: what its old page added is gone. */
  #dropStaleInstances(owner: Owner): void {
    this.#dropWhere((o) => o.moduleId === owner.moduleId && o.instanceId !== owner.instanceId);
  }

  #dropWhere(match: (o: Owner) => boolean): void {
    let changed = false;
    for (const c of this.channels())
      if (match(c.owner)) {
        this.#removeChannel(c.channelId);
        changed = true;
      }
    for (const p of this.popovers())
      if (match(p.owner)) {
        this.#removePopover(p.popoverId, false);
        changed = true;
      }
    if (changed) this.#opts.onChange();
  }

  #removeChannel(channelId: string): void {
    for (const [clickId, click] of this.#clicks)
      if (click.channelId === channelId) {
        this.#opts.clock.clearTimeout(click.timer);
        this.#clicks.delete(clickId);
      }
    this.#channels.delete(channelId);
  }

  #removePopover(popoverId: string, notify = true): void {
    const timer = this.#popoverTimers.get(popoverId);
    if (timer !== undefined) this.#opts.clock.clearTimeout(timer);
    this.#popoverTimers.delete(popoverId);
    if (this.#popovers.delete(popoverId) && notify) this.#opts.onChange();
  }

  #sendClick(channel: DeskChannel, selectedMenuId: string): void {
    const clickId = `click-${++this.#nextClick}`;
    const seconds = channel.channelConfig.actionTimeoutInSec;
    channel.pending = { clickId, selectedMenuId };
    channel.lastError = null;
    const timer = this.#opts.clock.setTimeout(() => {
      if (!this.#clicks.delete(clickId) || channel.pending?.clickId !== clickId) return;
      channel.pending = null;
      channel.lastError = `no answer from ${channel.channelState.label} within ${seconds} s`;
      this.#opts.onChange();
    }, seconds * 1000);
    this.#clicks.set(clickId, { channelId: channel.channelId, timer });
    this.#opts.send(channel.owner.instanceId, {
      kind: 'menuClick',
      clickId,
      channelId: channel.channelId,
      selectedMenuId,
    });
  }

  #menuResult(clickId: string, ok: boolean, payload: unknown): void {
    const click = this.#clicks.get(clickId);
    if (!click) return; // too late: the timeout already unblocked the FNC
    this.#opts.clock.clearTimeout(click.timer);
    this.#clicks.delete(clickId);
    const channel = this.#channels.get(click.channelId);
    if (!channel || channel.pending?.clickId !== clickId) return;
    channel.pending = null;
    channel.lastError = ok ? null : errorText(payload);
    this.#opts.onChange();
  }

  #sendPopoverAction(popover: DeskPopover, buttonId: string, confirmOf: string | null): void {
    this.#opts.send(popover.owner.instanceId, {
      kind: 'popoverAction',
      popoverId: popover.popoverId,
      clientIdentifier: popover.actionData.clientIdentifier,
      buttonId,
      confirmOf,
    });
  }

  /**
   * At displayTimeoutInSecs a dismissible popover goes away by itself; one that is not dismissible stays until the
   * gadget dismisses it (DevNet "Popover Service": dismissible says whether it must be dismissed by hand). Whether the
   * gadget hears of the timeout is not documented: the stand-in tells it nothing.
   */
  #armPopoverTimeout(popover: DeskPopover): void {
    const seconds = popover.timerData.displayTimeoutInSecs;
    if (seconds <= 0 || !popover.actionData.dismissible) return;
    const timer = this.#opts.clock.setTimeout(() => {
      this.#popoverTimers.delete(popover.popoverId);
      this.#removePopover(popover.popoverId);
    }, seconds * 1000);
    this.#popoverTimers.set(popover.popoverId, timer);
  }
}
