// The header strip tells the truth when something failed: green "Ready for calls and chats" only with voice READY
// and chat available; a failed voice change or Finesse out of service says where voice really is, and why.
import { expect, fixture, html } from '@open-wc/testing';
import { BlendStatus } from '../../../src/ui/blend-status.ts';
import { defineElements } from '../../../src/ui/define.ts';
import type { BlendingSnapshot } from '../../../src/core/blending/reconciler.ts';
import type { VoiceFacts } from '../../../src/core/blending/facts.ts';
import { snapshot } from './fixtures.ts';

defineElements();
customElements.define('test-blend-status', class extends BlendStatus {});

const handlingChatNotReady: VoiceFacts = {
  state: 'NOT_READY',
  pendingState: null,
  reasonCodeId: '5',
  reasonCode: { id: '5', code: 40, label: 'Handling Chat', systemCode: false },
  setBy: 'gadget',
  beforeCall: null,
};

/** The gadget's Ready after the last chat, in the given phase of its request. */
function restoringReady(
  phase: NonNullable<BlendingSnapshot['voiceRequest']>['phase'],
): BlendingSnapshot['voiceRequest'] {
  return {
    request: { state: 'READY', reasonCodeId: null },
    purpose: 'restore',
    cause: { kind: 'restore-ready' },
    attempt: 1,
    phase,
  };
}

async function strip(s: BlendingSnapshot) {
  const el = await fixture<BlendStatus>(html`<test-blend-status .snapshot=${s}></test-blend-status>`);
  const text = (selector: string) => el.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
  return { headline: text('.headline'), reason: text('.reason'), tone: el.getAttribute('tone') };
}

describe('the headline under faults', () => {
  it('is green "Ready for calls and chats" when voice is READY and chat is available', async () => {
    const h = await strip(snapshot());
    expect(h.headline).to.equal('Ready for calls and chats');
    expect(h.tone).to.equal('ready');
  });

  it('the Ready after the last chat failed: not green, says voice is still Not Ready and why', async () => {
    const h = await strip(
      snapshot({
        voice: handlingChatNotReady,
        log: [
          {
            seq: 7,
            at: 0,
            kind: 'voice-failed',
            cause: { kind: 'voice-failed', request: { state: 'READY', label: null }, detail: 'Service Unavailable' },
          },
        ],
      }),
    );
    expect(h.headline).to.equal(
      'Ready for chats; voice is still Not Ready (Handling Chat): the change to Ready failed',
    );
    expect(h.headline).not.to.contain('Ready for calls');
    expect(h.reason).to.equal('Could not set voice Ready: Service Unavailable');
    expect(h.tone).to.equal('degraded');
  });

  it('the Ready is waiting to be tried again after a 503: not green, says so', async () => {
    const h = await strip(
      snapshot({
        voice: handlingChatNotReady,
        voiceRequest: restoringReady('retry-wait'),
        log: [
          {
            seq: 3,
            at: 0,
            kind: 'voice-retry',
            cause: {
              kind: 'voice-retry',
              request: { state: 'READY', label: null },
              problem: 'unavailable',
              delayMs: 1200,
            },
          },
        ],
      }),
    );
    expect(h.headline).to.equal(
      'Ready for chats; voice is still Not Ready (Handling Chat): the change to Ready failed',
    );
    expect(h.reason).to.contain('Finesse is unavailable');
    expect(h.tone).not.to.equal('ready');
  });

  it('the Ready is on its way: not green until Finesse confirms it', async () => {
    const h = await strip(
      snapshot({
        voice: handlingChatNotReady,
        voiceRequest: restoringReady('awaiting-confirmation'),
      }),
    );
    expect(h.headline).to.equal('Ready for chats; voice is Not Ready (Handling Chat), going back to Ready…');
    expect(h.tone).to.equal('paused');
  });

  it('Finesse out of service on both nodes: holding still, and why', async () => {
    const h = await strip(snapshot({ voice: handlingChatNotReady, degraded: { kind: 'finesse-down' } }));
    expect(h.headline).to.equal('Holding still: Finesse is out of service on both nodes');
    expect(h.tone).to.equal('degraded');
  });

  it("this desktop's Finesse server is out of service while the other is in service: says the desktop is moving", async () => {
    const h = await strip(
      snapshot({
        voice: handlingChatNotReady,
        chat: {
          availability: 'INTERRUPTED',
          activeChats: 1,
          maxChats: 5,
          cause: { kind: 'holding', hold: { kind: 'node-move', from: 'A', to: 'B' }, continuing: 1 },
        },
        degraded: { kind: 'node-move', from: 'A', to: 'B' },
      }),
    );
    expect(h.headline).to.equal(
      'Holding still: Finesse server A is out of service; the desktop is moving you to server B',
    );
    expect(h.tone).to.equal('degraded');
  });

  it('chats active while voice is still READY (the Not Ready failed): says calls can come', async () => {
    const h = await strip(
      snapshot({
        chat: {
          availability: 'ACTIVE',
          activeChats: 1,
          maxChats: 5,
          cause: { kind: 'chats-active', count: 1, max: 5 },
        },
        log: [
          {
            seq: 9,
            at: 0,
            kind: 'voice-failed',
            cause: {
              kind: 'voice-failed',
              request: { state: 'NOT_READY', label: 'Handling Chat' },
              detail: 'Service Unavailable',
            },
          },
        ],
      }),
    );
    expect(h.headline).to.equal('Handling 1 of 5 chats; voice is still Ready: calls can come');
    expect(h.tone).to.equal('degraded');
  });
});
