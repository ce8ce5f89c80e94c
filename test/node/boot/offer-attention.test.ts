// A chime and a desktop notification for an offer, only while the gadget is out of sight, each as the prefs say;
// clicking the notification brings the gadget forward; the notification goes when the offer's alert goes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { offerAttention, type AttentionPlatform } from '../../../src/boot/offer-attention.ts';
import type { OfferAlert } from '../../../src/app/offer-alerts.ts';

const alert: OfferAlert = { chatId: 'c1', customerName: 'Jane', context: [], secondsLeft: 20 };

function setUp(prefs: { offerSound?: boolean; desktopNotifications?: boolean; allowed?: boolean; hidden?: boolean }) {
  const log: string[] = [];
  const clicks: (() => void)[] = [];
  const platform: AttentionPlatform = {
    playChime: (url) => log.push(`chime ${url}`),
    notify(title, body, tag, onClick) {
      if (prefs.allowed === false) return null;
      log.push(`notify ${tag}: ${title} / ${body}`);
      clicks.push(onClick);
      return { close: () => log.push(`close ${tag}`) };
    },
  };
  let hidden = prefs.hidden ?? true;
  let shownTab = 0;
  const attention = offerAttention({
    offerSound: prefs.offerSound ?? true,
    desktopNotifications: prefs.desktopNotifications ?? true,
    chimeUrl: '/3rdpartygadget/files/finesse-blend/offer-chime.wav',
    hidden: () => hidden,
    notification: (a) => ({ title: `Chat offer from ${a.customerName}`, body: `Expires in ${a.secondsLeft} s` }),
    onNotificationClick: () => shownTab++,
    platform,
  });
  return { attention, log, clicks, setHidden: (h: boolean) => (hidden = h), shownTab: () => shownTab };
}

describe('offer attention', () => {
  it('out of sight: a chime and a notification; clicking it brings the gadget tab forward', () => {
    const s = setUp({});
    s.attention.alert(alert);
    assert.deepEqual(s.log, [
      'chime /3rdpartygadget/files/finesse-blend/offer-chime.wav',
      'notify finesse-blend-offer-c1: Chat offer from Jane / Expires in 20 s',
    ]);
    s.clicks[0]?.();
    assert.equal(s.shownTab(), 1);
  });

  it('in sight: neither chime nor notification (the offer card and the popover are there)', () => {
    const s = setUp({ hidden: false });
    s.attention.alert(alert);
    assert.deepEqual(s.log, []);
  });

  it('offerSound false: no chime; desktopNotifications false: no notification', () => {
    const quiet = setUp({ offerSound: false });
    quiet.attention.alert(alert);
    assert.ok(quiet.log.every((l) => !l.startsWith('chime')));
    const noNotes = setUp({ desktopNotifications: false });
    noNotes.attention.alert(alert);
    assert.deepEqual(noNotes.log, ['chime /3rdpartygadget/files/finesse-blend/offer-chime.wav']);
  });

  it('the notification closes when the offer is answered or gone, and on dispose', () => {
    const s = setUp({});
    s.attention.alert(alert);
    s.attention.dismiss('c1');
    s.attention.dismiss('c1');
    assert.equal(s.log.filter((l) => l === 'close finesse-blend-offer-c1').length, 1);
    s.attention.alert({ ...alert, chatId: 'c2' });
    s.attention.dispose();
    assert.equal(s.log.at(-1), 'close finesse-blend-offer-c2');
  });
});
