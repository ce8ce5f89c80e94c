// The wire between the stand-in's finesse.js (in a gadget frame) and the desktop page, for the digital channel
// control and the popover service. Cisco does not document how its library reaches the desktop: these hub topics
// and messages are the stand-in's own, and a gadget relies only on the library's API (docs/finesse-contract.md).
// Everything read off the hub is checked here before use.
import { isPublishTopic } from './topic-match.ts';

/** The library's requests to the desktop. */
export const FNC_REQUEST_TOPIC = 'finesse.standin.fnc.requests';

/** The desktop's messages to one library instance (one gadget page). */
export function fncInstanceTopic(instanceId: string): string {
  const topic = `finesse.standin.fnc.to.${instanceId}`;
  if (!isPublishTopic(topic) || !/^[A-Za-z0-9_-]+$/.test(instanceId)) throw new Error(`bad instance id ${instanceId}`);
  return topic;
}

interface RequestBase {
  readonly v: 1;
  /** A random id per gadget page: a reloaded gadget is a new instance, and the old one's channels go. */
  readonly instanceId: string;
  /** The gadget's module id (its frame), so a reload or removal of the frame takes its channels along. */
  readonly moduleId: string;
  readonly requestId: string;
}

export type FncRequest = RequestBase &
  (
    | { readonly op: 'addChannel'; readonly channelId: string; readonly channelData: unknown }
    | { readonly op: 'updateChannel'; readonly channelId: string; readonly channelData: unknown }
    | { readonly op: 'removeChannel'; readonly channelId: string }
    | { readonly op: 'menuResult'; readonly clickId: string; readonly ok: boolean; readonly payload: unknown }
    | {
        readonly op: 'showPopover';
        readonly popoverId: string;
        readonly bannerData: unknown;
        readonly timerData: unknown;
        readonly actionData: unknown;
      }
    | { readonly op: 'dismissPopover'; readonly popoverId: string }
    | { readonly op: 'goodbye' }
  );

/** What the desktop sends one library instance. */
export type FncMessage =
  | { readonly kind: 'reply'; readonly requestId: string; readonly ok: boolean; readonly payload: unknown }
  | {
      readonly kind: 'menuClick';
      readonly clickId: string;
      readonly channelId: string;
      readonly selectedMenuId: string;
    }
  | {
      readonly kind: 'popoverAction';
      readonly popoverId: string;
      readonly clientIdentifier: string;
      readonly buttonId: string;
      readonly confirmOf: string | null;
    };

const OPS = ['addChannel', 'updateChannel', 'removeChannel', 'menuResult', 'showPopover', 'dismissPopover', 'goodbye'];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Reads a request off the hub; null for anything that is not a well-formed request. */
export function readFncRequest(data: unknown): FncRequest | null {
  if (!isObj(data) || data['v'] !== 1 || !OPS.includes(String(data['op']))) return null;
  if (!isStr(data['instanceId']) || !/^[A-Za-z0-9_-]+$/.test(data['instanceId'])) return null;
  if (!isStr(data['moduleId']) || !isStr(data['requestId'])) return null;
  switch (data['op']) {
    case 'addChannel':
    case 'updateChannel':
    case 'removeChannel':
      return typeof data['channelId'] === 'string' ? (data as unknown as FncRequest) : null;
    case 'menuResult':
      return isStr(data['clickId']) && typeof data['ok'] === 'boolean' ? (data as unknown as FncRequest) : null;
    case 'showPopover':
    case 'dismissPopover':
      return isStr(data['popoverId']) ? (data as unknown as FncRequest) : null;
    default:
      return data as unknown as FncRequest;
  }
}

/** Reads a desktop message in the library; null for anything else. */
export function readFncMessage(data: unknown): FncMessage | null {
  if (!isObj(data)) return null;
  switch (data['kind']) {
    case 'reply':
      return isStr(data['requestId']) && typeof data['ok'] === 'boolean' ? (data as unknown as FncMessage) : null;
    case 'menuClick':
      return isStr(data['clickId']) && typeof data['channelId'] === 'string' && isStr(data['selectedMenuId'])
        ? (data as unknown as FncMessage)
        : null;
    case 'popoverAction':
      return isStr(data['popoverId']) && isStr(data['buttonId']) ? (data as unknown as FncMessage) : null;
    default:
      return null;
  }
}
