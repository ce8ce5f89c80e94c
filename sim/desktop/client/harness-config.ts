// What the harness server tells its browser code: the container page's config and each gadget frame's config.
import type { RoleLayout } from '../layout.ts';

/** Served as /desktop/harness/config.json (no secrets: credentials exist only in the signed-in page). */
export interface HarnessConfig {
  readonly xmpp: {
    readonly domain: string;
    readonly pubsubDomain: string;
    readonly websocketUrl: string;
    readonly boshUrl: string;
  };
  readonly layouts: readonly RoleLayout[];
  readonly secondaryUrl: string | null;
  readonly deployment: string;
  /** The Finesse release the desktop stands for (e.g. "12.5"). */
  readonly finesseVersion: string;
  /** Whether the desktop has the digital channel control and popovers (Finesse 12.0 and later). */
  readonly digitalChannels: boolean;
  /** The primary listener's base URL, where the control and customer chat pages live (null: this origin). */
  readonly homeUrl?: string | null;
}

/** Embedded in each /gadgets/ifr document as a JSON data block read by the feature script. */
export interface GadgetFeatureConfig {
  readonly moduleId: string;
  readonly specUrl: string;
  readonly features: readonly string[];
  /** UserPref defaults overridden by the up_ values of the iframe URL's query. */
  readonly prefs: Readonly<Record<string, string>>;
  readonly messages: Readonly<Record<string, string>>;
  readonly lang: string;
  readonly country: string;
  /** The container's origin, the only one hub messages are sent to and accepted from. */
  readonly parentOrigin: string;
  readonly title: string;
}

/** The messages the container and a gadget frame exchange over postMessage. */
export type HubWireMessage =
  | { readonly hub: 'fb-hub/1'; readonly type: 'connect'; readonly moduleId: string }
  | { readonly hub: 'fb-hub/1'; readonly type: 'connected'; readonly clientId: string }
  | { readonly hub: 'fb-hub/1'; readonly type: 'subscribe'; readonly subId: string; readonly topic: string }
  | {
      readonly hub: 'fb-hub/1';
      readonly type: 'subscribed';
      readonly subId: string;
      readonly ok: boolean;
      readonly error?: string;
    }
  | { readonly hub: 'fb-hub/1'; readonly type: 'unsubscribe'; readonly subId: string }
  | { readonly hub: 'fb-hub/1'; readonly type: 'unsubscribed'; readonly subId: string; readonly ok: boolean }
  | { readonly hub: 'fb-hub/1'; readonly type: 'publish'; readonly topic: string; readonly data: unknown }
  | {
      readonly hub: 'fb-hub/1';
      readonly type: 'message';
      readonly subId: string;
      readonly topic: string;
      readonly data: unknown;
    }
  | { readonly hub: 'fb-hub/1'; readonly type: 'adjustHeight'; readonly height: number }
  | { readonly hub: 'fb-hub/1'; readonly type: 'setPref'; readonly name: string; readonly value: string }
  | { readonly hub: 'fb-hub/1'; readonly type: 'setTitle'; readonly title: string };

/** The wire protocol tag, so unrelated postMessage traffic is ignored. */
export const HUB_WIRE = 'fb-hub/1';

/** True for a message that looks like one of ours (fields are still checked per type by the receiver). */
export function isHubWireMessage(data: unknown): data is HubWireMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { hub?: unknown }).hub === HUB_WIRE &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}
