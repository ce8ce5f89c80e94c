// The slice of Cisco's Finesse JavaScript library (`/desktop/assets/js/finesse.js`, loaded by gadget.xml before the
// gadget's script) that the gadget uses, typed: ContainerServices, the digital channel ChannelService (Finesse 12.0
// and later) and the PopoverService. Shapes from Cisco's developer pages (channel-service, digital-channel,
// popover-service) and sample gadgets; what they do not say is marked in docs/finesse-contract.md. The library may be
// missing (an older Finesse answers 404) or throw: every read here is guarded, and null means "not there".

/** ContainerServices after `init()`: what ChannelService and PopoverService are initialised with. */
export type FinesseContainerServices = object;

/** The success or failure payload a channel call answers with. */
export interface ChannelCallResult {
  readonly channelId?: string;
  readonly status?: string;
  readonly error?: { readonly errorCode?: string; readonly errorDesc?: string };
}

export interface ChannelMenuItem {
  readonly id: string;
  readonly label: string;
  readonly iconColor: string;
}

/** `channelState` (digital-channel page): the header's picture of the channel. */
export interface ChannelStatePayload {
  readonly label: string;
  readonly currentState: string;
  readonly iconColor: string;
  readonly enable: boolean;
  readonly logoutDisabled: boolean;
  readonly logoutDisabledText?: string;
  readonly iconBadge: string;
  readonly hoverText: string;
}

export interface ChannelData {
  readonly menuConfig: { readonly label: string; readonly menuItems: readonly ChannelMenuItem[] };
  readonly channelConfig: {
    readonly actionTimeoutInSec: number;
    readonly icons: readonly { readonly type: string; readonly value: string }[];
  };
  readonly channelState: ChannelStatePayload;
}

export type ChannelCallback = (result: ChannelCallResult) => void;

/** The header's menu choice: answer with onSuccess or onError once it is carried out (or not). */
export type ChannelMenuHandler = (
  channelId: string,
  selectedMenuId: string,
  onSuccess: ChannelCallback,
  onError: ChannelCallback,
) => void;

/** `finesse.digital.ChannelService` after `init(containerServices)`. */
export interface ChannelService {
  readonly STATE_STATUS: { readonly AVAILABLE: string; readonly UNAVAILABLE: string; readonly BUSY: string };
  readonly ICON_TYPE: { readonly COLLAB_ICON: string };
  readonly ICON_BADGE_TYPE: { readonly NONE: string; readonly ERROR?: string };
  readonly STATUS: { readonly SUCCESS: string; readonly FAILURE: string };
  addChannel(
    channelId: string,
    data: ChannelData,
    onMenuClick: ChannelMenuHandler,
    onSuccess?: ChannelCallback,
    onError?: ChannelCallback,
  ): void;
  updateChannel(
    channelId: string,
    data: { readonly channelState: ChannelStatePayload },
    onSuccess?: ChannelCallback,
    onError?: ChannelCallback,
  ): void;
  removeChannel(channelId: string, onSuccess?: ChannelCallback, onError?: ChannelCallback): void;
}

export interface PopoverBannerData {
  readonly icon: { readonly type: string; readonly value: string };
  readonly content: readonly { readonly name: string; readonly value: string }[];
}

export interface PopoverTimerData {
  readonly displayTimeoutInSecs: number;
  readonly display: boolean;
  readonly counterType: string;
}

export interface PopoverButton {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  readonly hoverText?: string;
}

export interface PopoverActionData {
  readonly dismissible: boolean;
  readonly keepMaximised?: boolean;
  readonly clientIdentifier: string;
  readonly requiredActionText?: string;
  readonly buttons: readonly PopoverButton[];
}

/**
 * Called when the agent acts on a popover. Its arguments are not documented beyond the button's id being among
 * them; the adapter looks for one of its own ids among them (docs/finesse-contract.md).
 */
export type PopoverActionHandler = (...args: readonly unknown[]) => void;

/** `finesse.containerservices.PopoverService` after `init(containerServices)`. */
export interface PopoverService {
  readonly COUNTER_TYPE?: { readonly COUNT_DOWN?: string; readonly COUNT_UP?: string };
  showPopover(
    bannerData: PopoverBannerData,
    timerData: PopoverTimerData,
    actionData: PopoverActionData,
    onAction: PopoverActionHandler,
  ): string | null;
  dismissPopover(popoverId: string): void;
}

/** What the library offers this gadget; each part null when it is not there or would not start. */
export interface FinesseLibrary {
  readonly containerServices: FinesseContainerServices | null;
  readonly channelService: ChannelService | null;
  readonly popoverService: PopoverService | null;
}

interface LibraryGlobal {
  readonly containerservices?: {
    readonly ContainerServices?: { init(): FinesseContainerServices };
    readonly PopoverService?: { init(containerServices: FinesseContainerServices): PopoverService };
  };
  readonly digital?: {
    readonly ChannelService?: { init(containerServices: FinesseContainerServices): ChannelService };
  };
}

/** Runs `f`, answering null when it throws (the library is Cisco's, and may be of another release). */
function guarded<T>(f: () => T | null | undefined): T | null {
  try {
    return f() ?? null;
  } catch {
    return null;
  }
}

const isFunction = (v: unknown): boolean => typeof v === 'function';

/** Reads Cisco's library from the page and initialises the services the gadget uses, as documented. */
export function finesseLibrary(global: object = globalThis): FinesseLibrary {
  const lib = guarded(() => (global as { finesse?: LibraryGlobal }).finesse);
  const none: FinesseLibrary = { containerServices: null, channelService: null, popoverService: null };
  if (lib === null) return none;
  const init = guarded(() => lib.containerservices?.ContainerServices?.init);
  if (init === null || !isFunction(init)) return none;
  const containerServices = guarded(() => lib.containerservices?.ContainerServices?.init());
  if (containerServices === null) return none;
  const channel = guarded(() => lib.digital?.ChannelService?.init(containerServices));
  const popover = guarded(() => lib.containerservices?.PopoverService?.init(containerServices));
  const channelOk =
    channel !== null &&
    isFunction(channel.addChannel) &&
    isFunction(channel.updateChannel) &&
    isFunction(channel.removeChannel) &&
    guarded(() => channel.STATE_STATUS.AVAILABLE) !== null;
  const popoverOk = popover !== null && isFunction(popover.showPopover) && isFunction(popover.dismissPopover);
  return {
    containerServices,
    channelService: channelOk ? channel : null,
    popoverService: popoverOk ? popover : null,
  };
}
