// The stand-in's finesse.js for digital channels and popovers: the documented schemas are enforced (a gadget hears
// onError, never silence), and the library speaks to the desktop only through the gadget hub.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COUNTER_TYPE,
  STATE_STATUS,
  checkChannelData,
  checkChannelUpdate,
  checkPopover,
} from '../../../sim/desktop/client/fnc-schema.ts';
import { installFinesseLibrary } from '../../../sim/desktop/client/finesse-lib.ts';
import { FNC_REQUEST_TOPIC, fncInstanceTopic, readFncRequest } from '../../../sim/desktop/client/fnc-wire.ts';

/** The documented samples (DevNet "Digital Channel"), as a gadget would pass them. */
function channelData() {
  return {
    menuConfig: {
      label: 'Chat',
      menuItems: [
        { id: 'ready', label: 'Ready', iconColor: 'available' },
        { id: 'notready', label: 'Not Ready', iconColor: 'unavailable' },
      ],
    },
    channelConfig: {
      actionTimeoutInSec: 5,
      icons: [
        { type: 'collab-icon', value: 'Chat' },
        { type: 'url', value: '../../thirdparty/gadget3/channel-icon.png' },
      ],
    },
    channelState: {
      label: 'Chat & Email',
      currentState: 'ready',
      iconColor: 'available',
      enable: true,
      logoutDisabled: true,
      logoutDisabledText: 'Please go unavailable on chat before logout',
      iconBadge: 'none',
      hoverText: 'Chat is ready',
    },
  };
}

function popover() {
  return {
    banner: { icon: { type: 'collab-icon', value: 'Chat' }, content: [{ name: 'Customer', value: 'Ada' }] },
    timer: { displayTimeoutInSecs: 30, display: true, counterType: 'COUNT_DOWN' },
    action: {
      dismissible: false,
      keepMaximised: false,
      clientIdentifier: 'popup1',
      requiredActionText: 'Please answer the chat',
      buttons: [
        { id: 'accept', label: 'Accept', type: 'Affirm' },
        {
          id: 'decline',
          label: 'Decline',
          type: 'Decline',
          confirmButtons: [
            { id: 'yes', label: 'Decline it', hoverText: '' },
            { id: 'no', label: 'Keep it' },
          ],
        },
      ],
    },
  };
}

test('the documented channelData sample passes the schema', () => {
  const result = checkChannelData(channelData());
  assert.ok(result.ok, result.ok ? '' : result.error);
});

test('channelData the schema refuses is named precisely', () => {
  const cases: Array<[(d: ReturnType<typeof channelData>) => unknown, RegExp]> = [
    [(d) => ({ ...d, channelConfig: { ...d.channelConfig, actionTimeoutInSec: 31 } }), /actionTimeoutInSec.*1 to 30/],
    [(d) => ({ ...d, channelConfig: { ...d.channelConfig, actionTimeoutInSec: 2.5 } }), /actionTimeoutInSec/],
    [(d) => ({ ...d, channelConfig: { ...d.channelConfig, icons: [] } }), /icons must be a list of at least one/],
    [
      (d) => ({ ...d, channelConfig: { ...d.channelConfig, icons: [{ type: 'svg', value: 'x' }] } }),
      /icons\[0\]\.type/,
    ],
    [
      (d) => ({ ...d, channelState: { ...d.channelState, iconColor: 'green' } }),
      /channelState\.iconColor must be one of/,
    ],
    [
      (d) => ({ ...d, channelState: { ...d.channelState, enable: 'yes' } }),
      /channelState\.enable must be true or false/,
    ],
    [(d) => ({ ...d, channelState: { ...d.channelState, colour: 'x' } }), /"colour", which the schema does not know/],
    [(d) => ({ ...d, channelState: { ...d.channelState, iconBadge: 'sparkly' } }), /iconBadge/],
    [(d) => ({ ...d, menuConfig: { ...d.menuConfig, menuItems: [] } }), /menuItems must be a list of at least one/],
    [
      (d) => ({ ...d, menuConfig: { label: 'x', menuItems: [d.menuConfig.menuItems[0], d.menuConfig.menuItems[0]] } }),
      /"ready" is used by another menu item/,
    ],
    [
      (d) => ({ ...d, menuConfig: { label: 'x', menuItems: [{ id: 'ALL_READY', label: 'x', iconColor: 'busy' }] } }),
      /reserved/,
    ],
    [(d) => ({ menuConfig: d.menuConfig, channelState: d.channelState }), /channelConfig must be an object/],
  ];
  for (const [make, expected] of cases) {
    const result = checkChannelData(make(channelData()));
    assert.equal(result.ok, false, String(expected));
    if (!result.ok) assert.match(result.error, expected);
  }
});

test('updateChannel takes the whole channelState (and may carry a new menu)', () => {
  assert.ok(checkChannelUpdate({ channelState: channelData().channelState }).ok);
  assert.ok(checkChannelUpdate({ channelState: channelData().channelState, menuConfig: channelData().menuConfig }).ok);
  const partial = checkChannelUpdate({ channelState: { label: 'Chat' } });
  assert.equal(partial.ok, false);
  if (!partial.ok) assert.match(partial.error, /currentState must be a string/);
});

test('a popover has at most two buttons, each with an id of its own; the timer counts up or down', () => {
  const p = popover();
  assert.ok(checkPopover(p.banner, p.timer, p.action).ok);
  const three = { ...p.action, buttons: [...p.action.buttons, { id: 'later', label: 'Later', type: 'Affirm' }] };
  const refused = checkPopover(p.banner, p.timer, three);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.match(refused.error, /3 buttons; a popover has at most 2/);
  const twice = checkPopover(p.banner, p.timer, { ...p.action, buttons: [p.action.buttons[0], p.action.buttons[0]] });
  assert.equal(twice.ok, false);
  const timer = checkPopover(p.banner, { ...p.timer, counterType: 'SIDEWAYS' }, p.action);
  assert.equal(timer.ok, false);
  if (!timer.ok) assert.match(timer.error, /counterType/);
  const html = checkPopover({ ...p.banner, content: [{ name: 'x', value: 3 }] }, p.timer, p.action);
  assert.equal(html.ok, false, 'content values are strings');
});

/** A gadget page: the feature script's gadgets.Hub (connecting a little later) and Prefs. */
function fakeGadgetPage({ connectAfterMs = 5 } = {}) {
  const published: Array<{ topic: string; data: unknown }> = [];
  const subscribers = new Map<string, (topic: string, data: unknown) => void>();
  let connected = false;
  setTimeout(() => (connected = true), connectAfterMs);
  const listeners = new Map<string, () => void>();
  const win = {
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    gadgets: {
      Hub: {
        isConnected: () => connected,
        subscribe(topic: string, onData: (topic: string, data: unknown) => void) {
          subscribers.set(topic, onData);
          return 'sub-1';
        },
        publish(topic: string, data: unknown) {
          published.push({ topic, data: JSON.parse(JSON.stringify(data)) as unknown });
        },
      },
      Prefs: class {
        getModuleId() {
          return '7';
        }
      },
    },
  } as unknown as Window & { finesse: Record<string, Record<string, Record<string, never>>> };
  const deliver = (topic: string, data: unknown) => subscribers.get(topic)?.(topic, data);
  return { win, published, deliver, pagehide: () => listeners.get('pagehide')?.() };
}

const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));

/* eslint-disable @typescript-eslint/no-explicit-any -- the library is used here as a gadget's plain script uses it */
function servicesOf(win: unknown): { channels: any; popovers: any; containerServices: any } {
  const finesse = (win as { finesse: any }).finesse;
  const containerServices = finesse.containerservices.ContainerServices.init();
  return {
    containerServices,
    channels: finesse.digital?.ChannelService.init(containerServices),
    popovers: finesse.containerservices.PopoverService?.init(containerServices),
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

test('addChannel with data the schema refuses calls onError with the reason and sends nothing', async () => {
  const page = fakeGadgetPage();
  installFinesseLibrary(page.win, { digital: true });
  const { channels } = servicesOf(page.win);
  const errors: unknown[] = [];
  const bad = channelData();
  bad.channelConfig.actionTimeoutInSec = 45;
  channels.addChannel(
    'chat',
    bad,
    () => undefined,
    () => assert.fail('no success'),
    (e: unknown) => errors.push(e),
  );
  await tick();
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0], {
    channelId: 'chat',
    status: 'failure',
    error: {
      errorCode: 'INVALID_DATA',
      errorDesc: 'channelConfig.actionTimeoutInSec must be a whole number of seconds from 1 to 30',
    },
  });
  assert.equal(page.published.length, 0);
});

test('addChannel waits for the hub, asks the desktop, and the reply reaches onSuccess; a menu click reaches onMenuClick', async () => {
  const page = fakeGadgetPage({ connectAfterMs: 30 });
  installFinesseLibrary(page.win, { digital: true });
  const { channels, containerServices } = servicesOf(page.win);
  assert.equal(containerServices.getMyGadgetId(), '7');
  assert.equal(channels.STATE_STATUS, STATE_STATUS);
  const successes: unknown[] = [];
  const clicks: string[] = [];
  channels.addChannel(
    'chat',
    channelData(),
    (channelId: string, menuId: string, onSuccess: (p: unknown) => void) => {
      clicks.push(`${channelId}:${menuId}`);
      onSuccess({ channelId, status: 'success' });
    },
    (p: unknown) => successes.push(p),
    () => assert.fail('no error'),
  );
  assert.equal(page.published.length, 0, 'nothing goes out before the hub connects');
  await tick(80);
  assert.equal(page.published.length, 1);
  const request = readFncRequest(page.published[0]?.data);
  assert.equal(page.published[0]?.topic, FNC_REQUEST_TOPIC);
  assert.ok(request && request.op === 'addChannel' && request.channelId === 'chat' && request.moduleId === '7');
  const topic = fncInstanceTopic(request.instanceId);
  page.deliver(topic, {
    kind: 'reply',
    requestId: request.requestId,
    ok: true,
    payload: { channelId: 'chat', status: 'success' },
  });
  assert.deepEqual(successes, [{ channelId: 'chat', status: 'success' }]);

  page.deliver(topic, { kind: 'menuClick', clickId: 'c1', channelId: 'chat', selectedMenuId: 'ALL_NOT_READY' });
  await tick();
  assert.deepEqual(clicks, ['chat:ALL_NOT_READY']);
  const answer = readFncRequest(page.published.at(-1)?.data);
  assert.ok(answer && answer.op === 'menuResult');
  assert.equal(answer.clickId, 'c1');
  assert.equal(answer.ok, true);

  page.pagehide();
  await tick();
  assert.equal(readFncRequest(page.published.at(-1)?.data)?.op, 'goodbye', 'an unloading gadget says goodbye');
});

test('showPopover returns an id, refuses three buttons with null, and a button click reaches the callback', async () => {
  const page = fakeGadgetPage({ connectAfterMs: 0 });
  installFinesseLibrary(page.win, { digital: true });
  const { popovers } = servicesOf(page.win);
  assert.equal(popovers.COUNTER_TYPE, COUNTER_TYPE);
  const p = popover();
  const events: unknown[] = [];
  const id = popovers.showPopover(p.banner, p.timer, p.action, (e: unknown) => events.push(e));
  assert.equal(typeof id, 'string');
  const original = console.error;
  console.error = () => undefined;
  try {
    const three = { ...p.action, buttons: [...p.action.buttons, { id: 'x', label: 'X', type: 'Affirm' }] };
    assert.equal(
      popovers.showPopover(p.banner, p.timer, three, () => undefined),
      null,
    );
  } finally {
    console.error = original;
  }
  await tick();
  const shown = readFncRequest(page.published[0]?.data);
  assert.ok(shown && shown.op === 'showPopover' && shown.popoverId === id);
  assert.equal(page.published.length, 1, 'the refused popover was never sent');
  page.deliver(fncInstanceTopic(shown.instanceId), {
    kind: 'popoverAction',
    popoverId: id,
    clientIdentifier: 'popup1',
    buttonId: 'accept',
    confirmOf: null,
  });
  assert.deepEqual(events, [{ popoverId: id, clientIdentifier: 'popup1', buttonId: 'accept', confirmOf: null }]);
  popovers.dismissPopover(id);
  await tick();
  const dismissed = readFncRequest(page.published.at(-1)?.data);
  assert.ok(dismissed && dismissed.op === 'dismissPopover' && dismissed.popoverId === id);
});

test('the library of a desktop before 12.0 has ContainerServices but no finesse.digital and no PopoverService', () => {
  const page = fakeGadgetPage();
  installFinesseLibrary(page.win, { digital: false });
  const { channels, popovers, containerServices } = servicesOf(page.win);
  assert.equal(typeof containerServices.getMyGadgetId, 'function');
  assert.equal(channels, undefined);
  assert.equal(popovers, undefined);
});
