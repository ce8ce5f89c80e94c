// The data a gadget hands Finesse 12.x's digital channel state control (FNC, finesse.digital.ChannelService) and its
// popover service (finesse.containerservices.PopoverService), checked against the documented schemas. Sources:
// DevNet "Digital Channel", "Channel Service", "Popover Service"; developer guide 12.5(1) pp. 438-443; Cisco's
// DigitalChannelSampleGadget (facts A4). Where a rule or a value is not documented it says "unconfirmed" here and in
// docs/finesse-contract.md. Pure: shared by the stand-in library (in the gadget frame) and the desktop page.
import { err, ok, type Result } from '../../../src/core/result.ts';

/** ChannelService.ICON_TYPE: the schema's icon types are "collab-icon" and "url" (documented); the name URL is unconfirmed. */
export const ICON_TYPE = Object.freeze({ COLLAB_ICON: 'collab-icon', URL: 'url' } as const);

/**
 * ChannelService.STATE_STATUS, the iconColor values. "available" is in the documented sample; AVAILABLE, UNAVAILABLE
 * and BUSY are the names Cisco's samples use; the strings of the last two are unconfirmed.
 */
export const STATE_STATUS = Object.freeze({
  AVAILABLE: 'available',
  UNAVAILABLE: 'unavailable',
  BUSY: 'busy',
} as const);

/** ChannelService.ICON_BADGE_TYPE: NONE and ERROR are what Cisco's sample sets; the strings are unconfirmed. */
export const ICON_BADGE_TYPE = Object.freeze({ NONE: 'none', ERROR: 'error' } as const);

/** ChannelService.STATUS: "success" is the documented success payload's status; "failure" is unconfirmed. */
export const STATUS = Object.freeze({ SUCCESS: 'success', FAILURE: 'failure' } as const);

/** PopoverService.COUNTER_TYPE: the names are in Cisco's sample; the strings are unconfirmed. */
export const COUNTER_TYPE = Object.freeze({ COUNT_UP: 'COUNT_UP', COUNT_DOWN: 'COUNT_DOWN' } as const);

/** The menu ids the FNC sends a channel when the agent changes every channel at once (Cisco's samples handle them). */
export const ALL_READY = 'ALL_READY';
export const ALL_NOT_READY = 'ALL_NOT_READY';

/** The documented upper limit of channelConfig.actionTimeoutInSec. */
export const MAX_ACTION_TIMEOUT_SEC = 30;
/** The documented limit of popover buttons. */
export const MAX_POPOVER_BUTTONS = 2;

/** Badge strings accepted beyond the constants: "info" and "warning" are the stand-in's guess (unconfirmed). */
const BADGES: readonly string[] = ['none', 'error', 'info', 'warning'];
const ICON_COLORS: readonly string[] = Object.values(STATE_STATUS);
const ICON_TYPES: readonly string[] = Object.values(ICON_TYPE);
const COUNTER_TYPES: readonly string[] = Object.values(COUNTER_TYPE);

export interface ChannelIcon {
  readonly type: 'collab-icon' | 'url';
  readonly value: string;
}
export interface ChannelConfig {
  readonly actionTimeoutInSec: number;
  readonly icons: readonly ChannelIcon[];
}
export interface ChannelState {
  readonly label: string;
  readonly currentState: string;
  readonly iconColor: string;
  readonly enable: boolean;
  readonly logoutDisabled?: boolean;
  readonly logoutDisabledText?: string;
  readonly iconBadge?: string;
  readonly hoverText?: string;
}
export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly iconColor: string;
}
export interface MenuConfig {
  readonly label: string;
  readonly menuItems: readonly MenuItem[];
}
export interface ChannelData {
  readonly menuConfig: MenuConfig;
  readonly channelConfig: ChannelConfig;
  readonly channelState: ChannelState;
}

export interface BannerData {
  readonly icon: ChannelIcon;
  readonly content: readonly { readonly name: string; readonly value: string }[];
}
export interface TimerData {
  readonly displayTimeoutInSecs: number;
  readonly display: boolean;
  readonly counterType: string;
}
export interface PopoverButton {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  readonly hoverText?: string;
  readonly confirmButtons?: readonly { readonly id: string; readonly label: string; readonly hoverText?: string }[];
}
export interface ActionData {
  readonly dismissible: boolean;
  readonly keepMaximised: boolean;
  readonly clientIdentifier: string;
  readonly requiredActionText?: string;
  readonly buttons?: readonly PopoverButton[];
}
export interface PopoverData {
  readonly bannerData: BannerData;
  readonly timerData: TimerData;
  readonly actionData: ActionData;
}

type Check<T> = Result<T, string>;
type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Names the keys the schema does not have (the stand-in refuses them; whether Finesse does is unconfirmed). */
function unknownKeys(o: Obj, allowed: readonly string[], where: string): string | null {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  return extra.length === 0
    ? null
    : `${where} has ${extra.map((k) => `"${k}"`).join(', ')}, which the schema does not know`;
}

function str(o: Obj, key: string, where: string, { required = true, nonEmpty = false } = {}): string | null {
  const v = o[key];
  if (v === undefined && !required) return null;
  if (typeof v !== 'string') return `${where}.${key} must be a string`;
  if (nonEmpty && v.trim() === '') return `${where}.${key} must not be empty`;
  return null;
}

function bool(o: Obj, key: string, where: string, required = true): string | null {
  const v = o[key];
  if (v === undefined && !required) return null;
  return typeof v === 'boolean' ? null : `${where}.${key} must be true or false`;
}

function oneOf(o: Obj, key: string, values: readonly string[], where: string, required = true): string | null {
  const v = o[key];
  if (v === undefined && !required) return null;
  return typeof v === 'string' && values.includes(v)
    ? null
    : `${where}.${key} must be one of ${values.map((x) => `"${x}"`).join(', ')}`;
}

function first(...problems: (string | null)[]): string | null {
  return problems.find((p) => p !== null) ?? null;
}

function icon(v: unknown, where: string): string | null {
  if (!isObj(v)) return `${where} must be an object {type, value}`;
  return first(
    unknownKeys(v, ['type', 'value'], where),
    oneOf(v, 'type', ICON_TYPES, where),
    str(v, 'value', where, { nonEmpty: true }),
  );
}

/** Checks a channelState (the whole of it: addChannel and updateChannel both send the complete state). */
export function checkChannelState(v: unknown): Check<ChannelState> {
  const where = 'channelState';
  if (!isObj(v)) return err(`${where} must be an object`);
  const problem = first(
    unknownKeys(
      v,
      [
        'label',
        'currentState',
        'iconColor',
        'enable',
        'logoutDisabled',
        'logoutDisabledText',
        'iconBadge',
        'hoverText',
      ],
      where,
    ),
    str(v, 'label', where, { nonEmpty: true }),
    str(v, 'currentState', where),
    oneOf(v, 'iconColor', ICON_COLORS, where),
    bool(v, 'enable', where),
    bool(v, 'logoutDisabled', where, false),
    str(v, 'logoutDisabledText', where, { required: false }),
    oneOf(v, 'iconBadge', BADGES, where, false),
    str(v, 'hoverText', where, { required: false }),
  );
  return problem ? err(problem) : ok(v as unknown as ChannelState);
}

/** Checks a channelConfig: actionTimeoutInSec a whole number from 1 to 30, at least one icon. */
export function checkChannelConfig(v: unknown): Check<ChannelConfig> {
  const where = 'channelConfig';
  if (!isObj(v)) return err(`${where} must be an object`);
  const extra = unknownKeys(v, ['actionTimeoutInSec', 'icons'], where);
  if (extra) return err(extra);
  const t = v['actionTimeoutInSec'];
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > MAX_ACTION_TIMEOUT_SEC)
    return err(`${where}.actionTimeoutInSec must be a whole number of seconds from 1 to ${MAX_ACTION_TIMEOUT_SEC}`);
  const icons = v['icons'];
  if (!Array.isArray(icons) || icons.length === 0) return err(`${where}.icons must be a list of at least one icon`);
  for (const [i, item] of icons.entries()) {
    const problem = icon(item, `${where}.icons[${i}]`);
    if (problem) return err(problem);
  }
  return ok(v as unknown as ChannelConfig);
}

/** Checks a menuConfig: a label and at least one item, each with an id of its own, a label and an iconColor. */
export function checkMenuConfig(v: unknown): Check<MenuConfig> {
  const where = 'menuConfig';
  if (!isObj(v)) return err(`${where} must be an object`);
  const problem = first(unknownKeys(v, ['label', 'menuItems'], where), str(v, 'label', where));
  if (problem) return err(problem);
  const items = v['menuItems'];
  if (!Array.isArray(items) || items.length === 0) return err(`${where}.menuItems must be a list of at least one item`);
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const at = `${where}.menuItems[${i}]`;
    if (!isObj(item)) return err(`${at} must be an object {id, label, iconColor}`);
    const p = first(
      unknownKeys(item, ['id', 'label', 'iconColor'], at),
      str(item, 'id', at, { nonEmpty: true }),
      str(item, 'label', at, { nonEmpty: true }),
      oneOf(item, 'iconColor', ICON_COLORS, at),
    );
    if (p) return err(p);
    const id = item['id'] as string;
    if (seen.has(id)) return err(`${at}.id "${id}" is used by another menu item`);
    if (id === ALL_READY || id === ALL_NOT_READY)
      return err(`${at}.id "${id}" is reserved for the all-channels choice`);
    seen.add(id);
  }
  return ok(v as unknown as MenuConfig);
}

/** Checks addChannel's channelData {menuConfig, channelConfig, channelState}. */
export function checkChannelData(v: unknown): Check<ChannelData> {
  if (!isObj(v)) return err('channelData must be an object {menuConfig, channelConfig, channelState}');
  const extra = unknownKeys(v, ['menuConfig', 'channelConfig', 'channelState'], 'channelData');
  if (extra) return err(extra);
  const menu = checkMenuConfig(v['menuConfig']);
  if (!menu.ok) return menu;
  const config = checkChannelConfig(v['channelConfig']);
  if (!config.ok) return config;
  const state = checkChannelState(v['channelState']);
  if (!state.ok) return state;
  return ok({ menuConfig: menu.value, channelConfig: config.value, channelState: state.value });
}

/**
 * Checks updateChannel's data: the complete channelState, as documented; a new menuConfig or channelConfig beside it
 * is accepted too (whether Finesse takes them on update is unconfirmed).
 */
export function checkChannelUpdate(v: unknown): Check<Partial<ChannelData> & Pick<ChannelData, 'channelState'>> {
  if (!isObj(v)) return err('the update must be an object {channelState}');
  const extra = unknownKeys(v, ['menuConfig', 'channelConfig', 'channelState'], 'the update');
  if (extra) return err(extra);
  const state = checkChannelState(v['channelState']);
  if (!state.ok) return state;
  let menuConfig: MenuConfig | undefined;
  let channelConfig: ChannelConfig | undefined;
  if (v['menuConfig'] !== undefined) {
    const menu = checkMenuConfig(v['menuConfig']);
    if (!menu.ok) return menu;
    menuConfig = menu.value;
  }
  if (v['channelConfig'] !== undefined) {
    const config = checkChannelConfig(v['channelConfig']);
    if (!config.ok) return config;
    channelConfig = config.value;
  }
  return ok({
    channelState: state.value,
    ...(menuConfig ? { menuConfig } : {}),
    ...(channelConfig ? { channelConfig } : {}),
  });
}

/** Checks a channel id: a non-empty string. */
export function checkChannelId(v: unknown): Check<string> {
  return typeof v === 'string' && v.trim() !== '' ? ok(v) : err('channelId must be a non-empty string');
}

function checkBanner(v: unknown): string | null {
  const where = 'bannerData';
  if (!isObj(v)) return `${where} must be an object {icon, content}`;
  const problem = first(unknownKeys(v, ['icon', 'content'], where), icon(v['icon'], `${where}.icon`));
  if (problem) return problem;
  const content = v['content'];
  if (!Array.isArray(content)) return `${where}.content must be a list of {name, value}`;
  for (const [i, item] of content.entries()) {
    const at = `${where}.content[${i}]`;
    if (!isObj(item)) return `${at} must be an object {name, value}`;
    const p = first(unknownKeys(item, ['name', 'value'], at), str(item, 'name', at), str(item, 'value', at));
    if (p) return p;
  }
  return null;
}

function checkTimer(v: unknown): string | null {
  const where = 'timerData';
  if (!isObj(v)) return `${where} must be an object {displayTimeoutInSecs, display, counterType}`;
  const extra = unknownKeys(v, ['displayTimeoutInSecs', 'display', 'counterType'], where);
  if (extra) return extra;
  const t = v['displayTimeoutInSecs'];
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0)
    return `${where}.displayTimeoutInSecs must be a whole number of seconds, 0 or more`;
  return first(bool(v, 'display', where), oneOf(v, 'counterType', COUNTER_TYPES, where));
}

function checkButton(v: unknown, at: string): string | null {
  if (!isObj(v)) return `${at} must be an object {id, label, type}`;
  const problem = first(
    unknownKeys(v, ['id', 'label', 'type', 'hoverText', 'confirmButtons'], at),
    str(v, 'id', at, { nonEmpty: true }),
    str(v, 'label', at, { nonEmpty: true }),
    str(v, 'type', at, { nonEmpty: true }),
    str(v, 'hoverText', at, { required: false }),
  );
  if (problem) return problem;
  const confirm = v['confirmButtons'];
  if (confirm === undefined) return null;
  if (!Array.isArray(confirm) || confirm.length === 0 || confirm.length > MAX_POPOVER_BUTTONS)
    return `${at}.confirmButtons must be a list of 1 or ${MAX_POPOVER_BUTTONS} buttons`;
  for (const [i, c] of confirm.entries()) {
    const cAt = `${at}.confirmButtons[${i}]`;
    if (!isObj(c)) return `${cAt} must be an object {id, label}`;
    const p = first(
      unknownKeys(c, ['id', 'label', 'hoverText'], cAt),
      str(c, 'id', cAt, { nonEmpty: true }),
      str(c, 'label', cAt, { nonEmpty: true }),
      str(c, 'hoverText', cAt, { required: false }),
    );
    if (p) return p;
  }
  return null;
}

function checkAction(v: unknown): string | null {
  const where = 'actionData';
  if (!isObj(v)) return `${where} must be an object {dismissible, keepMaximised, clientIdentifier, ...}`;
  const problem = first(
    unknownKeys(v, ['dismissible', 'keepMaximised', 'clientIdentifier', 'requiredActionText', 'buttons'], where),
    bool(v, 'dismissible', where),
    bool(v, 'keepMaximised', where),
    str(v, 'clientIdentifier', where, { nonEmpty: true }),
    str(v, 'requiredActionText', where, { required: false }),
  );
  if (problem) return problem;
  const buttons = v['buttons'];
  if (buttons === undefined) return null;
  if (!Array.isArray(buttons)) return `${where}.buttons must be a list`;
  if (buttons.length > MAX_POPOVER_BUTTONS)
    return `${where}.buttons has ${buttons.length} buttons; a popover has at most ${MAX_POPOVER_BUTTONS}`;
  const ids = new Set<string>();
  for (const [i, b] of buttons.entries()) {
    const p = checkButton(b, `${where}.buttons[${i}]`);
    if (p) return p;
    const id = (b as Obj)['id'] as string;
    if (ids.has(id)) return `${where}.buttons[${i}].id "${id}" is used by another button`;
    ids.add(id);
  }
  return null;
}

/** Checks showPopover's three objects. */
export function checkPopover(bannerData: unknown, timerData: unknown, actionData: unknown): Check<PopoverData> {
  const problem = first(checkBanner(bannerData), checkTimer(timerData), checkAction(actionData));
  if (problem) return err(problem);
  return ok({
    bannerData: bannerData as BannerData,
    timerData: timerData as TimerData,
    actionData: actionData as ActionData,
  });
}
