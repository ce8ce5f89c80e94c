// The chat channel in the Finesse header over a stand-in ChannelService: added once with its two menu items,
// updated only when what the header shows changes, menu choices (and ALL_READY / ALL_NOT_READY) become the
// chat-availability intent and are answered as documented, removed at the end.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addHeaderChannel, CHAT_CHANNEL_ID } from '../../../src/boot/header-channel-adapter.ts';
import { headerChannelText } from '../../../src/ui/header-channel-text.ts';
import type { AgentView } from '../../../src/app/agent-view.ts';
import { agentView, blending } from '../alerts/views.ts';
import { FakeChannelService } from './finesse-library-fakes.ts';

function setUp(first: AgentView = agentView()) {
  const service = new FakeChannelService();
  let view = first;
  const intents: boolean[] = [];
  const problems: string[] = [];
  const channel = addHeaderChannel({
    service,
    say: headerChannelText(),
    refusal: (r) => `refused: ${r}`,
    view: () => view,
    onIntent: ({ available }) => intents.push(available),
    onProblem: (p) => problems.push(p),
  });
  const show = (v: AgentView): void => {
    view = v;
    channel.update(v);
  };
  return { service, channel, intents, problems, show };
}

describe('header channel adapter', () => {
  it('adds the chat channel with its menu, the collab chat icon and the current state', () => {
    const { service } = setUp();
    assert.deepEqual(service.calls, [`add ${CHAT_CHANNEL_ID}`]);
    const data = service.added?.data;
    assert.deepEqual(data?.menuConfig, {
      label: 'Chat',
      menuItems: [
        { id: 'chat-available', label: 'Available for chat', iconColor: 'available' },
        { id: 'chat-not-ready', label: 'Not ready for chat', iconColor: 'unavailable' },
      ],
    });
    assert.deepEqual(data?.channelConfig.icons, [{ type: 'collab-icon', value: 'Chat' }]);
    assert.ok((data?.channelConfig.actionTimeoutInSec ?? 0) <= 30, 'within the documented limit');
    assert.deepEqual(data?.channelState, {
      label: 'Chat',
      currentState: 'Ready',
      iconColor: 'available',
      enable: true,
      logoutDisabled: false,
      iconBadge: 'none',
      hoverText: 'Chats: 0 of 5. Ready for chats and calls',
    });
  });

  it('updates only when the header would show something else: no update storm on ticks and unrelated views', () => {
    const { service, show } = setUp();
    service.confirmAdd();
    for (let i = 0; i < 20; i++) show(agentView({ problems: [] }));
    assert.equal(service.updates.length, 0, 'the same state is not sent again');
    show(agentView({ blending: blending('ACTIVE', { kind: 'chats-active', count: 1, max: 5 }, 1) }));
    show(agentView({ blending: blending('ACTIVE', { kind: 'chats-active', count: 1, max: 5 }, 1) }));
    show(agentView({ blending: blending('ACTIVE', { kind: 'chats-active', count: 2, max: 5 }, 2) }));
    assert.deepEqual(
      service.updates.map((u) => [u.currentState, u.iconColor]),
      [
        ['1 of 5 chats', 'busy'],
        ['2 of 5 chats', 'busy'],
      ],
    );
  });

  it('changes before the header confirmed the channel wait, and only the latest is sent', () => {
    const { service, show } = setUp();
    show(agentView({ blending: blending('ACTIVE', { kind: 'chats-active', count: 1, max: 5 }, 1) }));
    show(agentView({ blending: blending('NOT_READY', { kind: 'agent-chose-not-ready', continuing: 0 }) }));
    assert.equal(service.updates.length, 0);
    service.confirmAdd();
    assert.deepEqual(
      service.updates.map((u) => u.currentState),
      ['Not Ready'],
    );
  });

  it("menu choices and the header's ALL_READY / ALL_NOT_READY become the intent, each answered with success", () => {
    const { service, intents } = setUp();
    service.confirmAdd();
    const answers = ['chat-not-ready', 'chat-available', 'ALL_NOT_READY', 'ALL_READY'].map((id) => service.click(id));
    assert.deepEqual(intents, [false, true, false, true]);
    for (const a of answers)
      assert.deepEqual(a, { ok: true, result: { channelId: CHAT_CHANNEL_ID, status: 'success' } });
  });

  it('a choice this window cannot carry out is answered with an error and changes nothing', () => {
    const observer = agentView({ ownership: { role: 'observer', message: null, confirm: null, pending: false } });
    const { service, intents } = setUp(observer);
    service.confirmAdd();
    assert.deepEqual(service.click('chat-not-ready'), {
      ok: false,
      result: {
        channelId: CHAT_CHANNEL_ID,
        status: 'failure',
        error: { errorCode: 'elsewhere', errorDesc: 'refused: elsewhere' },
      },
    });
    assert.equal(service.click('something')?.ok, false);
    assert.deepEqual(intents, []);
  });

  it('remove takes the channel out of the header once, and no update follows', () => {
    const { service, channel, show } = setUp();
    service.confirmAdd();
    channel.remove();
    channel.remove();
    show(agentView({ blending: blending('OFFLINE', { kind: 'chat-server-down' }) }));
    assert.deepEqual(service.calls, [`add ${CHAT_CHANNEL_ID}`, `remove ${CHAT_CHANNEL_ID}`]);
  });
});
