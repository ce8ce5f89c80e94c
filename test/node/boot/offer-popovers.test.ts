// Offer popovers over a stand-in PopoverService: customer and context as text, a countdown from the offer's
// expiry, Accept and Decline that become the card's intents; each offer shown once and dismissed once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buttonIn, offerPopovers, ACCEPT_BUTTON, DECLINE_BUTTON } from '../../../src/boot/offer-popovers.ts';
import type { OfferAlert } from '../../../src/app/offer-alerts.ts';
import { FakePopoverService } from './finesse-library-fakes.ts';

const alert = (chatId: string, secondsLeft = 25): OfferAlert => ({
  chatId,
  customerName: 'Jane Doe',
  context: [{ label: 'Queue', value: 'Billing' }],
  secondsLeft,
});

function setUp() {
  const service = new FakePopoverService();
  const intents: string[] = [];
  const problems: string[] = [];
  const popovers = offerPopovers({
    service,
    words: {
      requiredAction: 'Accept or decline this chat.',
      customer: 'Customer',
      accept: 'Accept',
      decline: 'Decline',
      acceptHover: (n) => `Accept the chat from ${n}`,
      declineHover: (n) => `Decline the chat from ${n}`,
    },
    onIntent: (name, { chatId }) => intents.push(`${name} ${chatId}`),
    onProblem: (p) => problems.push(p),
  });
  return { service, popovers, intents, problems };
}

describe('offer popovers', () => {
  it('shows the customer and context as text, counts down from the seconds left, with Accept and Decline', () => {
    const { service, popovers } = setUp();
    popovers.show(alert('c1', 25));
    const p = service.shown[0];
    assert.deepEqual(p?.banner.content, [
      { name: 'Customer', value: 'Jane Doe' },
      { name: 'Queue', value: 'Billing' },
    ]);
    assert.deepEqual(p?.timer, { displayTimeoutInSecs: 25, display: true, counterType: 'COUNT_DOWN' });
    assert.deepEqual(
      p?.action.buttons.map((b) => b.label),
      ['Accept', 'Decline'],
    );
    assert.equal(p?.action.dismissible, false);
  });

  it('Accept and Decline on the popover become offer-accept and offer-decline for that offer', () => {
    const { service, popovers, intents } = setUp();
    popovers.show(alert('c1'));
    popovers.show(alert('c2'));
    service.press('pop-1', 'Accept');
    service.press('pop-2', 'Decline');
    assert.deepEqual(intents, ['offer-accept c1', 'offer-decline c2']);
  });

  it('never shows the same offer twice while it is up; dismisses it once; a press after dismissal does nothing', () => {
    const { service, popovers, intents } = setUp();
    popovers.show(alert('c1'));
    popovers.show(alert('c1'));
    assert.equal(service.shown.length, 1);
    popovers.dismiss('c1');
    popovers.dismiss('c1');
    assert.deepEqual(service.dismissed, ['pop-1']);
    service.press('pop-1', 'Accept');
    assert.deepEqual(intents, []);
  });

  it('an offer with no time left is not shown; dismissAll takes every popover down', () => {
    const { service, popovers } = setUp();
    popovers.show(alert('late', 0));
    popovers.show(alert('a'));
    popovers.show(alert('b'));
    popovers.dismissAll();
    assert.equal(service.shown.length, 2);
    assert.deepEqual(service.dismissed.sort(), ['pop-1', 'pop-2']);
  });

  it('a desktop that throws on showPopover is reported, and the gadget carries on', () => {
    const { service, popovers, problems } = setUp();
    service.showPopover = () => {
      throw new Error('schema rejected');
    };
    popovers.show(alert('c1'));
    assert.match(problems[0] ?? '', /did not show the offer popover: schema rejected/);
  });

  it('finds our button id among the callback arguments, as a string or inside an object', () => {
    assert.equal(buttonIn(['row-1', ACCEPT_BUTTON]), 'accept');
    assert.equal(buttonIn([{ id: DECLINE_BUTTON }]), 'decline');
    assert.equal(buttonIn([{ actionId: ACCEPT_BUTTON }]), 'accept');
    assert.equal(buttonIn(['timeout', null, 3]), null);
  });
});
