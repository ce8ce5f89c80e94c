// Whether the gadget is out of sight: the browser tab hidden, or another desktop tab shown (the desktop's activeTab
// topic, the gadget's own tab found from the panel around its frame); and bringing the gadget's tab forward.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { desktopVisibility, ACTIVE_TAB_TOPIC, REQUESTS_TOPIC } from '../../../src/boot/desktop-visibility.ts';
import { FakeHub } from '../agent-boot/fakes.ts';

/** A frame element inside the desktop's tab panel `panel_<id>`, shown or not. */
function frameIn(id: string, active: boolean): Element {
  const panel = { id: `panel_${id}`, classList: { contains: (c: string) => c === 'active' && active } };
  return { closest: (selector: string) => (selector === '.tab-panel' ? panel : null) } as unknown as Element;
}

const doc = (state: DocumentVisibilityState) => ({ visibilityState: state }) as Document;

describe('desktop visibility', () => {
  it("in sight on the gadget's shown tab; out of sight once the desktop shows another tab, and back", () => {
    const hub = new FakeHub();
    const v = desktopVisibility(hub, doc('visible'), frameIn('home', true));
    assert.equal(v.hidden(), false);
    hub.deliver(ACTIVE_TAB_TOPIC, 'stats');
    assert.equal(v.hidden(), true);
    hub.deliver(ACTIVE_TAB_TOPIC, 'home');
    assert.equal(v.hidden(), false);
    v.dispose();
    assert.equal(hub.live, 0);
  });

  it('a gadget loaded on a tab not shown is out of sight before the desktop names any tab', () => {
    const v = desktopVisibility(new FakeHub(), doc('visible'), frameIn('home', false));
    assert.equal(v.hidden(), true);
  });

  it('a hidden browser tab is out of sight whatever the desktop shows; without its frame only that counts', () => {
    assert.equal(desktopVisibility(new FakeHub(), doc('hidden'), frameIn('home', true)).hidden(), true);
    const noFrame = new FakeHub();
    const v = desktopVisibility(noFrame, doc('visible'), null);
    noFrame.deliver(ACTIVE_TAB_TOPIC, 'stats');
    assert.equal(v.hidden(), false);
  });

  it('bringing the gadget forward asks the desktop for its tab with SetActiveTabReq', () => {
    const hub = new FakeHub();
    desktopVisibility(hub, doc('visible'), frameIn('home', false)).showGadgetTab();
    assert.equal(hub.published[0]?.topic, REQUESTS_TOPIC);
    const req = hub.published[0]?.payload as { type: string; data: { id: string }; invokeID: string };
    assert.equal(req.type, 'SetActiveTabReq');
    assert.deepEqual(req.data, { id: 'home' });
    assert.ok(req.invokeID.length > 0);
  });
});
