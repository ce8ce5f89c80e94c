// The stand-in's finesse.js: served at /desktop/assets/js/finesse.js (and finesse.min.js) when no developer copy of
// Cisco's library is in place. It is a PARTIAL library: only the documented parts a digital-channel gadget needs —
// finesse.containerservices.ContainerServices.init(), finesse.digital.ChannelService and
// finesse.containerservices.PopoverService (DevNet "Channel Service", "Digital Channel", "Popover Service"; developer
// guide 12.5(1) pp. 438-443; facts A4) — written from the documentation, not from Cisco's code. Built without the
// digital parts it stands for a desktop older than 12.0, where a gadget falls back to its own state bar.
// It reaches the desktop over the gadget hub on the stand-in's own topics (fnc-wire.ts).
import {
  COUNTER_TYPE,
  ICON_BADGE_TYPE,
  ICON_TYPE,
  STATE_STATUS,
  STATUS,
  checkChannelData,
  checkChannelId,
  checkChannelUpdate,
  checkPopover,
} from './fnc-schema.ts';
import { FNC_REQUEST_TOPIC, fncInstanceTopic, readFncMessage, type FncMessage, type FncRequest } from './fnc-wire.ts';

type Callback = (payload: unknown) => void;
type MenuClick = (channelId: string, selectedMenuId: string, onSuccess: Callback, onError: Callback) => void;
type PopoverCallback = (event: PopoverEvent) => void;

/**
 * What a popover's callback receives when the agent clicks one of its buttons. The documentation says only that
 * clientIdentifier and the button ids are "used in the callback for popover events": this shape is the stand-in's
 * (unconfirmed).
 */
interface PopoverEvent {
  readonly popoverId: string;
  readonly clientIdentifier: string;
  readonly buttonId: string;
  /** For a button of a confirm step, the id of the button that opened it. */
  readonly confirmOf: string | null;
}

interface GadgetHub {
  isConnected(): boolean;
  subscribe(topic: string, onData: (topic: string, data: unknown) => void): string;
  publish(topic: string, data: unknown): void;
}

interface GadgetsGlobal {
  Hub?: GadgetHub;
  Prefs?: new () => { getModuleId(): string };
}

/** The error payload the stand-in gives onError: Cisco's samples answer menu clicks in this shape (unconfirmed). */
function failure(channelId: string | null, errorCode: string, errorDesc: string): unknown {
  return { ...(channelId !== null ? { channelId } : {}), status: STATUS.FAILURE, error: { errorCode, errorDesc } };
}

function call(fn: unknown, payload: unknown): void {
  if (typeof fn !== 'function') return;
  try {
    (fn as Callback)(payload);
  } catch (e) {
    console.error('finesse.js (stand-in): a gadget callback failed', e);
  }
}

/** The connection to the desktop for one gadget page. */
class DesktopLink {
  readonly instanceId = `i${Math.random().toString(36).slice(2, 12)}`;
  readonly #win: Window & { gadgets?: GadgetsGlobal };
  #subscribed = false;
  #next = 0;
  readonly #queue: FncRequest[] = [];
  readonly #replies = new Map<string, (ok: boolean, payload: unknown) => void>();
  readonly #menuClicks = new Map<string, MenuClick>();
  readonly #popovers = new Map<string, PopoverCallback>();
  #waiting = false;

  constructor(win: Window & { gadgets?: GadgetsGlobal }) {
    this.#win = win;
    win.addEventListener('pagehide', () => this.#send({ op: 'goodbye' }));
  }

  get hasHub(): boolean {
    return typeof this.#win.gadgets?.Hub?.publish === 'function';
  }

  nextId(prefix: string): string {
    return `${prefix}-${this.instanceId}-${++this.#next}`;
  }

  request(req: FncRequestBody, onReply: (ok: boolean, payload: unknown) => void): void {
    const requestId = this.nextId('r');
    this.#replies.set(requestId, onReply);
    this.#send(req, requestId);
  }

  notify(req: FncRequestBody): void {
    this.#send(req);
  }

  onMenuClick(channelId: string, fn: MenuClick): void {
    this.#menuClicks.set(channelId, fn);
  }
  forgetChannel(channelId: string): void {
    this.#menuClicks.delete(channelId);
  }
  onPopover(popoverId: string, fn: PopoverCallback): void {
    this.#popovers.set(popoverId, fn);
  }
  forgetPopover(popoverId: string): void {
    this.#popovers.delete(popoverId);
  }

  #moduleId(): string {
    try {
      const Prefs = this.#win.gadgets?.Prefs;
      return Prefs ? String(new Prefs().getModuleId()) : '0';
    } catch {
      return '0';
    }
  }

  #send(body: FncRequestBody, requestId = this.nextId('n')): void {
    const req = { v: 1, instanceId: this.instanceId, moduleId: this.#moduleId(), requestId, ...body } as FncRequest;
    this.#queue.push(req);
    this.#flush();
  }

  /** Sends what is queued once the gadget's hub is connected (the gadget may call before the hub connects). */
  #flush(): void {
    const hub = this.#win.gadgets?.Hub;
    if (!hub) return;
    if (!hub.isConnected()) {
      if (!this.#waiting) {
        this.#waiting = true;
        setTimeout(() => {
          this.#waiting = false;
          this.#flush();
        }, 25);
      }
      return;
    }
    if (!this.#subscribed) {
      this.#subscribed = true;
      hub.subscribe(fncInstanceTopic(this.instanceId), (_topic, data) => this.#receive(readFncMessage(data)));
    }
    for (const req of this.#queue.splice(0)) hub.publish(FNC_REQUEST_TOPIC, req);
  }

  #receive(msg: FncMessage | null): void {
    if (!msg) return;
    if (msg.kind === 'reply') {
      const onReply = this.#replies.get(msg.requestId);
      this.#replies.delete(msg.requestId);
      onReply?.(msg.ok, msg.payload);
      return;
    }
    if (msg.kind === 'menuClick') {
      const fn = this.#menuClicks.get(msg.channelId);
      let answered = false;
      const answer = (ok: boolean) => (payload: unknown) => {
        if (answered) return;
        answered = true;
        this.notify({ op: 'menuResult', clickId: msg.clickId, ok, payload: jsonSafe(payload) });
      };
      if (!fn) {
        answer(false)(failure(msg.channelId, 'UNKNOWN_CHANNEL', 'this gadget has no such channel'));
        return;
      }
      try {
        fn(msg.channelId, msg.selectedMenuId, answer(true), answer(false));
      } catch (e) {
        console.error('finesse.js (stand-in): onMenuClick failed', e);
        answer(false)(failure(msg.channelId, 'CALLBACK_FAILED', String(e)));
      }
      return;
    }
    const fn = this.#popovers.get(msg.popoverId);
    if (fn)
      call(fn, {
        popoverId: msg.popoverId,
        clientIdentifier: msg.clientIdentifier,
        buttonId: msg.buttonId,
        confirmOf: msg.confirmOf,
      } satisfies PopoverEvent);
  }
}

/** A request as the service methods write it: the link adds the version, the instance, the module and the id. */
type FncRequestBody = FncRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'v' | 'instanceId' | 'moduleId' | 'requestId'>
    : never
  : never;

function jsonSafe(v: unknown): unknown {
  try {
    return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown);
  } catch {
    return null;
  }
}

/** Calls back on the next turn, as an asynchronous API does, whatever the outcome. */
function later(fn: () => void): void {
  setTimeout(fn, 0);
}

function makeChannelService(link: DesktopLink) {
  const refuse = (onError: unknown, channelId: string | null, code: string, desc: string) =>
    later(() => call(onError, failure(channelId, code, desc)));
  const noHub = 'the gadget has no hub: its XML needs <Require feature="pubsub-2"/>';

  const service = {
    ICON_BADGE_TYPE,
    ICON_TYPE,
    STATE_STATUS,
    STATUS,
    /** Returns the service; the container services argument is taken as documented and not needed here. */
    init(_containerServices?: unknown) {
      return service;
    },
    addChannel(channelId: unknown, channelData: unknown, onMenuClick: unknown, onSuccess: unknown, onError: unknown) {
      const id = checkChannelId(channelId);
      if (!id.ok) return refuse(onError, null, 'INVALID_DATA', id.error);
      if (typeof onMenuClick !== 'function')
        return refuse(onError, id.value, 'INVALID_DATA', 'onMenuClick must be a function');
      const data = checkChannelData(channelData);
      if (!data.ok) return refuse(onError, id.value, 'INVALID_DATA', data.error);
      if (!link.hasHub) return refuse(onError, id.value, 'NO_HUB', noHub);
      link.request({ op: 'addChannel', channelId: id.value, channelData: data.value }, (ok, payload) => {
        if (ok) link.onMenuClick(id.value, onMenuClick as MenuClick);
        call(ok ? onSuccess : onError, payload);
      });
    },
    updateChannel(channelId: unknown, channelData: unknown, onSuccess: unknown, onError: unknown) {
      const id = checkChannelId(channelId);
      if (!id.ok) return refuse(onError, null, 'INVALID_DATA', id.error);
      const data = checkChannelUpdate(channelData);
      if (!data.ok) return refuse(onError, id.value, 'INVALID_DATA', data.error);
      if (!link.hasHub) return refuse(onError, id.value, 'NO_HUB', noHub);
      link.request({ op: 'updateChannel', channelId: id.value, channelData: data.value }, (ok, payload) =>
        call(ok ? onSuccess : onError, payload),
      );
    },
    removeChannel(channelId: unknown, onSuccess: unknown, onError: unknown) {
      const id = checkChannelId(channelId);
      if (!id.ok) return refuse(onError, null, 'INVALID_DATA', id.error);
      if (!link.hasHub) return refuse(onError, id.value, 'NO_HUB', noHub);
      link.request({ op: 'removeChannel', channelId: id.value }, (ok, payload) => {
        if (ok) link.forgetChannel(id.value);
        call(ok ? onSuccess : onError, payload);
      });
    },
  };
  return service;
}

function makePopoverService(link: DesktopLink) {
  const service = {
    COUNTER_TYPE,
    init(_containerServices?: unknown) {
      return service;
    },
    /**
     * Shows a popover and returns its id. Data the schema refuses shows nothing: the id is null and the reason goes to
     * the console (what Cisco's library does then is unconfirmed).
     */
    showPopover(bannerData: unknown, timerData: unknown, actionData: unknown, callback: unknown): string | null {
      const data = checkPopover(bannerData, timerData, actionData);
      if (!data.ok) {
        console.error(`finesse.js (stand-in): showPopover refused its data: ${data.error}`);
        return null;
      }
      if (!link.hasHub) {
        console.error('finesse.js (stand-in): showPopover needs the gadget hub (<Require feature="pubsub-2"/>)');
        return null;
      }
      const popoverId = link.nextId('popover');
      if (typeof callback === 'function') link.onPopover(popoverId, callback as PopoverCallback);
      link.notify({ op: 'showPopover', popoverId, ...data.value });
      return popoverId;
    },
    /** Takes a popover away; an id that is not showing changes nothing. */
    dismissPopover(popoverId: unknown): void {
      if (typeof popoverId !== 'string' || popoverId === '') return;
      link.forgetPopover(popoverId);
      link.notify({ op: 'dismissPopover', popoverId });
    },
  };
  return service;
}

function makeContainerServices(win: Window & { gadgets?: GadgetsGlobal }) {
  const services = {
    /** Returns the container services (the documented flow hands this object to the other services' init). */
    init() {
      return services;
    },
    /** The gadget's id: its module id in the layout. */
    getMyGadgetId(): string {
      const Prefs = win.gadgets?.Prefs;
      return Prefs ? String(new Prefs().getModuleId()) : '';
    },
    /** The id of the tab the gadget is on: the desktop's tab panel around its frame, minus "panel_". */
    getMyTabId(): string | null {
      try {
        const panel = win.frameElement?.closest('.tab-panel');
        return panel ? panel.id.replace(/^panel_/, '') : null;
      } catch {
        return null;
      }
    },
  };
  return services;
}

interface FinesseGlobal {
  containerservices?: Record<string, unknown>;
  digital?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Installs window.finesse's stand-in parts; `digital` false leaves out what arrived with Finesse 12.0. */
export function installFinesseLibrary(win: Window, { digital }: { digital: boolean }): void {
  const w = win as Window & { finesse?: FinesseGlobal; gadgets?: GadgetsGlobal };
  const finesse: FinesseGlobal = w.finesse ?? {};
  w.finesse = finesse;
  const containerservices = (finesse.containerservices ??= {});
  containerservices['ContainerServices'] = makeContainerServices(w);
  if (!digital) return;
  const link = new DesktopLink(w);
  containerservices['PopoverService'] = makePopoverService(link);
  const digitalNs = (finesse.digital ??= {});
  digitalNs['ChannelService'] = makeChannelService(link);
}
