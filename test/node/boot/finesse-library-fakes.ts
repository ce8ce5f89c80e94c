// Stand-ins for Cisco's ChannelService and PopoverService at the gadget's seam (test code only): they record what
// the gadget asked and let a test play the header's menu clicks and the popover's buttons.
import type {
  ChannelCallResult,
  ChannelCallback,
  ChannelData,
  ChannelMenuHandler,
  ChannelService,
  ChannelStatePayload,
  PopoverActionData,
  PopoverActionHandler,
  PopoverBannerData,
  PopoverService,
  PopoverTimerData,
} from '../../../src/boot/finesse-library.ts';

export class FakeChannelService implements ChannelService {
  readonly STATE_STATUS = { AVAILABLE: 'available', UNAVAILABLE: 'unavailable', BUSY: 'busy' };
  readonly ICON_TYPE = { COLLAB_ICON: 'collab-icon' };
  readonly ICON_BADGE_TYPE = { NONE: 'none', ERROR: 'error' };
  readonly STATUS = { SUCCESS: 'success', FAILURE: 'failure' };
  readonly calls: string[] = [];
  added: { id: string; data: ChannelData; onMenuClick: ChannelMenuHandler } | null = null;
  readonly updates: ChannelStatePayload[] = [];
  #onAdded: ChannelCallback | null = null;

  addChannel(id: string, data: ChannelData, onMenuClick: ChannelMenuHandler, onSuccess?: ChannelCallback): void {
    this.calls.push(`add ${id}`);
    this.added = { id, data, onMenuClick };
    this.#onAdded = onSuccess ?? null;
  }

  /** The header confirms the channel was added. */
  confirmAdd(): void {
    this.#onAdded?.({ channelId: this.added?.id ?? '', status: this.STATUS.SUCCESS });
  }

  updateChannel(id: string, data: { readonly channelState: ChannelStatePayload }): void {
    this.calls.push(`update ${id}`);
    this.updates.push(data.channelState);
  }

  removeChannel(id: string): void {
    this.calls.push(`remove ${id}`);
  }

  /** The agent picks a menu item (or the header sends ALL_READY / ALL_NOT_READY); resolves with the answer. */
  click(menuId: string): { ok: boolean; result: ChannelCallResult } | null {
    let answer: { ok: boolean; result: ChannelCallResult } | null = null;
    this.added?.onMenuClick(
      this.added.id,
      menuId,
      (result) => (answer = { ok: true, result }),
      (result) => (answer = { ok: false, result }),
    );
    return answer;
  }
}

export interface ShownPopover {
  readonly id: string;
  readonly banner: PopoverBannerData;
  readonly timer: PopoverTimerData;
  readonly action: PopoverActionData;
  readonly onAction: PopoverActionHandler;
}

export class FakePopoverService implements PopoverService {
  readonly COUNTER_TYPE = { COUNT_DOWN: 'COUNT_DOWN', COUNT_UP: 'COUNT_UP' };
  readonly shown: ShownPopover[] = [];
  readonly dismissed: string[] = [];
  #next = 0;

  showPopover(
    banner: PopoverBannerData,
    timer: PopoverTimerData,
    action: PopoverActionData,
    onAction: PopoverActionHandler,
  ): string {
    const id = `pop-${++this.#next}`;
    this.shown.push({ id, banner, timer, action, onAction });
    return id;
  }

  dismissPopover(id: string): void {
    this.dismissed.push(id);
  }

  /** The agent presses a button on a popover, by its label. */
  press(popoverId: string, label: string): void {
    const p = this.shown.find((s) => s.id === popoverId);
    const button = p?.action.buttons.find((b) => b.label === label);
    if (!p || !button) throw new Error(`no button ${label} on ${popoverId}`);
    p.onAction(button.id);
  }
}
