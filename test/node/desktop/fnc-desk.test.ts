// The desktop's digital channel control and popovers, on a virtual clock: what a gadget's requests change, where
// the agent's choices go, how the wait on a gadget ends, and what a reloaded gadget leaves behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DigitalDesk, popoverSeconds, type DeskClock } from '../../../sim/desktop/client/fnc-desk.ts';
import type { FncMessage, FncRequest } from '../../../sim/desktop/client/fnc-wire.ts';

function virtualClock() {
  let now = 1_000_000;
  let next = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: DeskClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++next;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) if (t.at <= now && timers.delete(id)) t.fn();
  };
  return { clock, advance };
}

function setup() {
  const { clock, advance } = virtualClock();
  const sent: Array<{ to: string; message: FncMessage }> = [];
  let changes = 0;
  const desk = new DigitalDesk({ send: (to, message) => sent.push({ to, message }), onChange: () => changes++, clock });
  let n = 0;
  const from =
    (instanceId: string, moduleId = '1') =>
    (body: Record<string, unknown>): FncRequest =>
      ({ v: 1, instanceId, moduleId, requestId: `r${++n}`, ...body }) as unknown as FncRequest;
  return { desk, sent, advance, from, changes: () => changes };
}

const channelData = (timeout = 5) => ({
  menuConfig: {
    label: 'Chat',
    menuItems: [
      { id: 'ready', label: 'Ready', iconColor: 'available' },
      { id: 'notready', label: 'Not Ready', iconColor: 'unavailable' },
    ],
  },
  channelConfig: { actionTimeoutInSec: timeout, icons: [{ type: 'collab-icon', value: 'Chat' }] },
  channelState: { label: 'Chat', currentState: 'Not Ready', iconColor: 'unavailable', enable: true },
});

const replyOf = (sent: Array<{ message: FncMessage }>) => {
  const last = sent.at(-1)?.message;
  assert.ok(last && last.kind === 'reply', 'the last message is a reply');
  return last;
};

test('addChannel answers {channelId, status:"success"}; a second channel with the same id is refused', () => {
  const { desk, sent, from } = setup();
  const a = from('ia');
  desk.handle(a({ op: 'addChannel', channelId: 'chat', channelData: channelData() }));
  assert.deepEqual(replyOf(sent).payload, { channelId: 'chat', status: 'success' });
  assert.equal(desk.channels()[0]?.channelState.currentState, 'Not Ready');
  desk.handle(from('ib', '2')({ op: 'addChannel', channelId: 'chat', channelData: channelData() }));
  const refused = replyOf(sent);
  assert.equal(refused.ok, false);
  assert.match(JSON.stringify(refused.payload), /DUPLICATE_CHANNEL/);
  assert.equal(desk.channels().length, 1);
});

test('the desktop checks the data too: a request that slips past the library is refused by the schema', () => {
  const { desk, sent, from } = setup();
  desk.handle(from('ia')({ op: 'addChannel', channelId: 'chat', channelData: channelData(60) }));
  const reply = replyOf(sent);
  assert.equal(reply.ok, false);
  assert.deepEqual(reply.payload, {
    channelId: 'chat',
    status: 'failure',
    error: {
      errorCode: 'INVALID_DATA',
      errorDesc: 'channelConfig.actionTimeoutInSec must be a whole number of seconds from 1 to 30',
    },
  });
  assert.equal(desk.channels().length, 0);
});

test('updateChannel redraws the state; only the gadget that added a channel may change or remove it', () => {
  const { desk, sent, from } = setup();
  const a = from('ia');
  desk.handle(a({ op: 'addChannel', channelId: 'chat', channelData: channelData() }));
  const state = { label: 'Chat', currentState: 'Ready', iconColor: 'available', enable: true, iconBadge: 'error' };
  desk.handle(a({ op: 'updateChannel', channelId: 'chat', channelData: { channelState: state } }));
  assert.equal(replyOf(sent).ok, true);
  assert.equal(desk.channels()[0]?.channelState.iconBadge, 'error');
  desk.handle(from('ib', '2')({ op: 'removeChannel', channelId: 'chat' }));
  assert.equal(replyOf(sent).ok, false);
  desk.handle(a({ op: 'removeChannel', channelId: 'chat' }));
  assert.equal(replyOf(sent).ok, true);
  assert.equal(desk.channels().length, 0);
});

test('a menu choice goes to the owner and blocks the FNC until its answer; a refusal shows its errorDesc', () => {
  const { desk, sent, from } = setup();
  const a = from('ia');
  desk.handle(a({ op: 'addChannel', channelId: 'chat', channelData: channelData() }));
  assert.equal(desk.chooseMenu('chat', 'ready'), null);
  const click = sent.at(-1);
  assert.equal(click?.to, 'ia');
  assert.ok(click?.message.kind === 'menuClick');
  assert.equal(click.message.selectedMenuId, 'ready');
  assert.equal(desk.blocked(), true);
  assert.match(desk.chooseMenu('chat', 'notready') ?? '', /waiting for an answer/, 'nothing else while waiting');
  desk.handle(
    a({
      op: 'menuResult',
      clickId: click.message.clickId,
      ok: false,
      payload: { channelId: 'chat', status: 'failure', error: { errorCode: 'X', errorDesc: 'Chat server is down' } },
    }),
  );
  assert.equal(desk.blocked(), false);
  assert.equal(desk.channels()[0]?.lastError, 'Chat server is down');
});

test('no answer within actionTimeoutInSec: the FNC is free again and says the channel did not answer', () => {
  const { desk, sent, from, advance } = setup();
  const a = from('ia');
  desk.handle(a({ op: 'addChannel', channelId: 'chat', channelData: channelData(3) }));
  desk.chooseMenu('chat', 'ready');
  const click = sent.at(-1)?.message;
  advance(2900);
  assert.equal(desk.blocked(), true);
  advance(200);
  assert.equal(desk.blocked(), false);
  assert.equal(desk.channels()[0]?.lastError, 'no answer from Chat within 3 s');
  assert.ok(click?.kind === 'menuClick');
  desk.handle(a({ op: 'menuResult', clickId: click.clickId, ok: true, payload: {} }));
  assert.equal(desk.channels()[0]?.lastError, 'no answer from Chat within 3 s', 'a late answer changes nothing');
});

test('all channels at once: every enabled channel gets ALL_NOT_READY', () => {
  const { desk, sent, from } = setup();
  desk.handle(from('ia')({ op: 'addChannel', channelId: 'chat', channelData: channelData() }));
  desk.handle(from('ib', '2')({ op: 'addChannel', channelId: 'email', channelData: channelData() }));
  const off = { ...channelData().channelState, enable: false };
  desk.handle(
    from('ic', '3')({ op: 'addChannel', channelId: 'sms', channelData: { ...channelData(), channelState: off } }),
  );
  assert.equal(desk.chooseAll('ALL_NOT_READY'), null);
  const clicks = sent.filter((s) => s.message.kind === 'menuClick');
  assert.deepEqual(
    clicks.map((c) => [c.to, c.message.kind === 'menuClick' ? c.message.selectedMenuId : '']),
    [
      ['ia', 'ALL_NOT_READY'],
      ['ib', 'ALL_NOT_READY'],
    ],
  );
});

test('a reloaded gadget (a new page of the same module) and a goodbye take the old channels and popovers away', () => {
  const { desk, from } = setup();
  desk.handle(from('old', '4')({ op: 'addChannel', channelId: 'chat', channelData: channelData() }));
  desk.handle(
    from(
      'old',
      '4',
    )({
      op: 'showPopover',
      popoverId: 'p1',
      bannerData: { icon: { type: 'collab-icon', value: 'Chat' }, content: [] },
      timerData: { displayTimeoutInSecs: 0, display: false, counterType: 'COUNT_UP' },
      actionData: { dismissible: true, keepMaximised: true, clientIdentifier: 'c' },
    }),
  );
  desk.handle(from('new', '4')({ op: 'removeChannel', channelId: 'other' }));
  assert.equal(desk.channels().length, 0);
  assert.equal(desk.popovers().length, 0);
  desk.handle(from('new', '4')({ op: 'addChannel', channelId: 'chat', channelData: channelData() }));
  assert.equal(desk.channels().length, 1, 'the new page may add the channel again');
  desk.handle(from('new', '4')({ op: 'goodbye' }));
  assert.equal(desk.channels().length, 0);
});

function showPopover(desk: DigitalDesk, req: (b: Record<string, unknown>) => FncRequest, dismissible: boolean) {
  desk.handle(
    req({
      op: 'showPopover',
      popoverId: 'p1',
      bannerData: { icon: { type: 'collab-icon', value: 'Chat' }, content: [{ name: 'Customer', value: 'Ada' }] },
      timerData: { displayTimeoutInSecs: 10, display: true, counterType: 'COUNT_DOWN' },
      actionData: {
        dismissible,
        keepMaximised: false,
        clientIdentifier: 'offer-7',
        buttons: [
          { id: 'accept', label: 'Accept', type: 'Affirm' },
          { id: 'decline', label: 'Decline', type: 'Decline', confirmButtons: [{ id: 'sure', label: 'Yes, decline' }] },
        ],
      },
    }),
  );
}

test('popover buttons reach the owner with the clientIdentifier; a confirm step comes first where one is given', () => {
  const { desk, sent, from } = setup();
  showPopover(desk, from('ia'), false);
  assert.equal(desk.clickPopoverButton('p1', 'accept'), null);
  assert.deepEqual(sent.at(-1), {
    to: 'ia',
    message: {
      kind: 'popoverAction',
      popoverId: 'p1',
      clientIdentifier: 'offer-7',
      buttonId: 'accept',
      confirmOf: null,
    },
  });
  const before = sent.length;
  desk.clickPopoverButton('p1', 'decline');
  assert.equal(sent.length, before, 'the confirm step shows first; nothing is sent yet');
  assert.equal(desk.popovers()[0]?.confirming, 'decline');
  desk.clickPopoverButton('p1', 'sure');
  assert.deepEqual(sent.at(-1)?.message, {
    kind: 'popoverAction',
    popoverId: 'p1',
    clientIdentifier: 'offer-7',
    buttonId: 'sure',
    confirmOf: 'decline',
  });
});

test('the counter counts down on the desktop clock; at the timeout a dismissible popover goes, another stays', () => {
  const a = setup();
  showPopover(a.desk, a.from('ia'), true);
  const p = a.desk.popovers()[0];
  assert.ok(p);
  assert.equal(popoverSeconds(p, p.shownAt + 3_400), 7);
  assert.equal(popoverSeconds({ ...p, timerData: { ...p.timerData, counterType: 'COUNT_UP' } }, p.shownAt + 3_400), 3);
  a.advance(10_000);
  assert.equal(a.desk.popovers().length, 0);

  const b = setup();
  showPopover(b.desk, b.from('ia'), false);
  b.advance(15_000);
  assert.equal(b.desk.popovers().length, 1, 'not dismissible: it stays until the gadget dismisses it');
  b.desk.closePopover('p1');
  assert.equal(b.desk.popovers().length, 1, 'and the agent cannot close it');
  b.desk.handle(b.from('other', '9')({ op: 'dismissPopover', popoverId: 'p1' }));
  assert.equal(b.desk.popovers().length, 1, 'another gadget cannot dismiss it');
  b.desk.handle(b.from('ia')({ op: 'dismissPopover', popoverId: 'p1' }));
  assert.equal(b.desk.popovers().length, 0);
});

test('a channel with logoutDisabled keeps the agent from signing out, saying why', () => {
  const { desk, from } = setup();
  assert.equal(desk.logoutBlockedBy(), null);
  const state = {
    ...channelData().channelState,
    logoutDisabled: true,
    logoutDisabledText: 'Go Not Ready on chat first',
  };
  desk.handle(
    from('ia')({ op: 'addChannel', channelId: 'chat', channelData: { ...channelData(), channelState: state } }),
  );
  assert.equal(desk.logoutBlockedBy(), 'Go Not Ready on chat first');
});
