// Dialog notifications as Finesse sends them on /finesse/api/User/{id}/Dialogs, applied by their meaning: a POST
// adds the one new dialog it carries, a PUT of one <Dialog> (source /finesse/api/Dialog/{id}) updates that dialog,
// a DELETE removes the dialog it carries. Only a re-read (GET Dialogs) replaces the whole set.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dialog, Update } from '../../../src/core/finesse/types.ts';
import { dialog, EXTENSION, HANDLING_CHAT, user } from './support/builders.ts';
import { harness } from './support/harness.ts';

const COLLECTION = '/finesse/api/User/1001001/Dialogs';

type Harness = Awaited<ReturnType<typeof harness>>;

const posted = (d: Dialog): Update => ({
  event: 'POST',
  requestId: null,
  source: COLLECTION,
  data: { kind: 'dialogs', dialogs: [d] },
});
const deleted = (d: Dialog): Update => ({
  event: 'DELETE',
  requestId: null,
  source: COLLECTION,
  data: { kind: 'dialogs', dialogs: [d] },
});
const put = (d: Dialog): Update => ({
  event: 'PUT',
  requestId: null,
  source: `/finesse/api/Dialog/${d.id}`,
  data: { kind: 'dialog', dialog: d },
});

/** The agent's calls as blending counts them: id and the state it reads. */
function calls(t: Harness): string[] {
  return t.reconciler.facts().calls.map((c) => `${c.id} ${c.kind} ${c.state}`);
}

/** A dialog whose own state and the agent's leg differ. */
function withAgentLeg(d: Dialog, state: Dialog['participants'][number]['state']): Dialog {
  return { ...d, participants: d.participants.map((p) => (p.mediaAddress === EXTENSION ? { ...p, state } : p)) };
}

describe('dialog notifications change only the dialogs they carry', () => {
  it("a consult call's POST (carrying only the consult dialog) keeps the original call", async () => {
    const t = await harness({ user: user('TALKING'), dialogs: [dialog('d1', 'ACD_IN', 'ACTIVE')], confirm: 'manual' });
    assert.deepEqual(calls(t), ['d1 acd ACTIVE']);
    t.reconciler.handleUpdate(put(dialog('d1', 'ACD_IN', 'HELD')));
    t.reconciler.handleUpdate(posted(dialog('d2', 'CONSULT', 'INITIATED')));
    await t.flush();
    assert.deepEqual(calls(t), ['d1 acd HELD', 'd2 internal INITIATED']);
  });

  it('a DELETE removes only the dialog it carries', async () => {
    const t = await harness({
      user: user('TALKING'),
      dialogs: [dialog('d1', 'ACD_IN', 'HELD'), dialog('d2', 'CONSULT', 'ACTIVE')],
      confirm: 'manual',
    });
    t.reconciler.handleUpdate(deleted(dialog('d2', 'CONSULT', 'DROPPED')));
    await t.flush();
    assert.deepEqual(calls(t), ['d1 acd HELD']);
  });

  it('a PUT of one <Dialog> updates that dialog and leaves the others', async () => {
    const t = await harness({
      user: user('TALKING'),
      dialogs: [dialog('d1', 'ACD_IN', 'ACTIVE'), dialog('d2', 'AGENT_INSIDE', 'ALERTING')],
      confirm: 'manual',
    });
    t.reconciler.handleUpdate(put(dialog('d2', 'AGENT_INSIDE', 'ACTIVE')));
    await t.flush();
    assert.deepEqual(calls(t), ['d1 acd ACTIVE', 'd2 internal ACTIVE']);
  });

  it('a PUT of a dialog not known yet adds it (a lost POST is made good by the next change)', async () => {
    const t = await harness({ confirm: 'manual' });
    t.reconciler.handleUpdate(put(dialog('d1', 'ACD_IN', 'ACTIVE')));
    await t.flush();
    assert.deepEqual(calls(t), ['d1 acd ACTIVE']);
  });

  it('a PUT carrying a <dialogs> list (not documented, accepted) updates each dialog it carries and removes none', async () => {
    const t = await harness({
      user: user('TALKING'),
      dialogs: [dialog('d1', 'ACD_IN', 'ACTIVE'), dialog('d3', 'OTHER_IN', 'ALERTING')],
      confirm: 'manual',
    });
    t.reconciler.handleUpdate({
      event: 'PUT',
      requestId: null,
      source: COLLECTION,
      data: { kind: 'dialogs', dialogs: [dialog('d1', 'ACD_IN', 'HELD'), dialog('d2', 'CONSULT', 'ACTIVE')] },
    });
    await t.flush();
    assert.deepEqual(calls(t), ['d1 acd HELD', 'd3 internal ALERTING', 'd2 internal ACTIVE']);
  });

  it('a DELETE of one <Dialog> removes it', async () => {
    const t = await harness({
      user: user('TALKING'),
      dialogs: [dialog('d1', 'ACD_IN', 'ACTIVE'), dialog('d2', 'CONSULT', 'ACTIVE')],
      confirm: 'manual',
    });
    t.reconciler.handleUpdate({
      event: 'DELETE',
      requestId: null,
      source: '/finesse/api/Dialog/d1',
      data: { kind: 'dialog', dialog: dialog('d1', 'ACD_IN', 'DROPPED') },
    });
    await t.flush();
    assert.deepEqual(calls(t), ['d2 internal ACTIVE']);
  });

  it('a re-read (GET Dialogs) still replaces the whole set', async () => {
    const t = await harness({
      user: user('TALKING'),
      dialogs: [dialog('d1', 'ACD_IN', 'ACTIVE'), dialog('d2', 'CONSULT', 'ACTIVE')],
      confirm: 'manual',
    });
    t.factsPort.dialogs = [dialog('d3', 'ACD_IN', 'HELD')];
    // Finesse out of service and back: the gadget re-reads the agent and the dialogs.
    t.reconciler.setConnectivity({ finesseInService: false });
    t.reconciler.setConnectivity({ finesseInService: true });
    await t.flush();
    assert.deepEqual(calls(t), ['d3 acd HELD']);
  });
});

describe('an ended call is no call', () => {
  it('a dialog shown DROPPED is not counted, even while the agent leg still reads ACTIVE', async () => {
    const t = await harness({ user: user('TALKING'), dialogs: [dialog('d1', 'ACD_IN', 'ACTIVE')], confirm: 'manual' });
    t.reconciler.handleUpdate(put(withAgentLeg(dialog('d1', 'ACD_IN', 'DROPPED'), 'ACTIVE')));
    await t.flush();
    assert.deepEqual(calls(t), []);
  });

  it('a dialog whose agent leg has dropped is not counted while the others stay on it', async () => {
    const t = await harness({
      user: user('TALKING'),
      dialogs: [dialog('d1', 'CONFERENCE', 'ACTIVE')],
      confirm: 'manual',
    });
    t.reconciler.handleUpdate(put(withAgentLeg(dialog('d1', 'CONFERENCE', 'ACTIVE'), 'DROPPED')));
    await t.flush();
    assert.deepEqual(calls(t), []);
  });

  it('a dropped call the agent is wrapping up still counts (wrap-up keeps chat paused)', async () => {
    const t = await harness({
      user: user('WORK_READY'),
      dialogs: [dialog('d1', 'ACD_IN', 'ACTIVE')],
      confirm: 'manual',
    });
    t.reconciler.handleUpdate(put(withAgentLeg(dialog('d1', 'ACD_IN', 'DROPPED'), 'WRAP_UP')));
    await t.flush();
    assert.deepEqual(calls(t), ['d1 acd WRAP_UP']);
  });
});

describe("a call operation's CTI error is not an answer to the gadget's state request", () => {
  it('an <apiErrors> from /finesse/api/Dialog/{id} with an empty requestId leaves the Not Ready request waiting', async () => {
    const t = await harness({ confirm: 'manual' });
    t.reconciler.offerArrived('c1');
    await t.flush();
    const requestId = t.voicePort.lastRequestId;
    assert.equal(t.reconciler.snapshot().voiceRequest?.request.state, 'NOT_READY');
    t.reconciler.handleUpdate({
      event: 'PUT',
      requestId: null,
      source: '/finesse/api/Dialog/16777217',
      data: {
        kind: 'apiErrors',
        errors: [
          {
            errorType: 'Call Operation Failure',
            errorMessage: 'CF_RESOURCE_OUT_OF_SERVICE',
            errorData: '34',
            peripheralErrorCode: null,
            peripheralErrorMsg: null,
            peripheralErrorText: null,
          },
        ],
      },
    });
    await t.flush();
    assert.deepEqual(t.chat.declined, []);
    assert.equal(t.reconciler.snapshot().voiceRequest?.request.state, 'NOT_READY');
    // Finesse's own answer still confirms it.
    t.notifyUser(user('NOT_READY', HANDLING_CHAT.id), requestId);
    await t.flush();
    assert.deepEqual(t.chat.accepted, ['c1']);
  });
});
