// One agent's boot set-up for the session tests: the gadget config, a Finesse client stub shared by the agent's
// windows, and a window (session, desktop hub, chat channel, the views it rendered) started against them.
import { err, ok } from '../../../src/core/result.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import type { GadgetConfig } from '../../../src/core/container/gadget-config.ts';
import type { FinesseClient, UserStateChange } from '../../../src/core/finesse/rest/index.ts';
import type { ReasonCode, SystemInfo, User } from '../../../src/core/finesse/types.ts';
import { updateToXml } from '../../../src/core/finesse/xml/index.ts';
import { createTickTimers } from '../../../src/core/blending/adapters/tick-timers.ts';
import { startAgentSession, type AgentSession, type AgentSessionDeps } from '../../../src/app/agent-session.ts';
import type { AgentView } from '../../../src/app/agent-view.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';
import { reason, user } from '../blending/support/builders.ts';
import { FakeChatChannel, FakeHub } from './fakes.ts';
import { notificationPayload } from '../../../sim/desktop/client/hub-payload.ts';

export const AGENT = '1001001';
export const HANDLING = reason('5', 40, 'Handling Chat');
export const CODES: readonly ReasonCode[] = [reason('1', 1, 'Break'), HANDLING];
export const SYSTEM_INFO: SystemInfo = {
  status: 'IN_SERVICE',
  statusReason: null,
  deploymentType: 'UCCE',
  primaryNode: null,
  secondaryNode: null,
  xmppDomain: 'localhost',
  xmppPubSubDomain: 'pubsub.localhost',
  currentTimestamp: null,
  timezoneOffset: null,
};

/** The agent's gadget config, with `over` replacing fields. */
export const agentConfig = (over: Partial<GadgetConfig> = {}): GadgetConfig => ({
  agentId: AGENT,
  authorization: new Secret(`Basic ${Buffer.from(`${AGENT}:agent1pw`).toString('base64')}`),
  scheme: 'http',
  host: '127.0.0.1',
  hostPort: '8080',
  restHost: '127.0.0.1',
  xmppDomain: 'localhost',
  maxChats: 5,
  handlingChatReason: 'Handling Chat',
  chatService: 'ws://127.0.0.1:5280/xmpp-websocket',
  chatRouter: 'chat-router@localhost/router',
  teamId: '10',
  offerSound: true,
  desktopNotifications: true,
  autoAccept: false,
  warnings: [],
  ...over,
});

/** One Finesse for all the agent's windows: every PUT recorded; notifications (the test's to send) reach every window's hub. */
export class FinesseStub {
  state: User = user('READY');
  readonly puts: UserStateChange[] = [];
  readonly hubs: FakeHub[] = [];
  codes: readonly ReasonCode[] = CODES;
  /** Finesse answers the next state change with 400 Invalid State (the agent's state moved, e.g. a call reserved them). */
  refuseNext = false;

  // Only the calls the session makes are implemented; the cast says so.
  client(): FinesseClient {
    return {
      getUser: async () => ok(this.state),
      getDialogs: async () => ok([]),
      getAgentReasonCodes: async () => ok(this.codes),
      getSystemInfo: async () => ok(SYSTEM_INFO),
      setUserState: async (_id: string, change: UserStateChange) => {
        this.puts.push(change);
        if (this.refuseNext) {
          this.refuseNext = false;
          return err({
            kind: 'api',
            status: 400,
            retryable: false,
            apiErrors: [{ errorType: 'Invalid State', errorMessage: 'Invalid State' }],
          });
        }
        return ok({ accepted: true as const, requestId: `req-${this.puts.length}` });
      },
    } as unknown as FinesseClient;
  }

  /** Finesse notifies the user's new state (with the requestId of the request that caused it). */
  notify(next: User, requestId: string | null): void {
    this.state = next;
    const node = `/finesse/api/User/${AGENT}`;
    const xml = updateToXml({ event: 'PUT', requestId, source: node, data: { kind: 'user', user: next } });
    // As the desktop publishes it: the node path before the XML, and the converted object beside it.
    for (const hub of this.hubs) hub.deliver(`finesse.api.User.${AGENT}`, notificationPayload(node, xml));
  }
}

/** One window of the agent's desktop. */
export interface AgentWindow {
  readonly session: AgentSession;
  readonly hub: FakeHub;
  readonly channel: FakeChatChannel;
  /** The first name the session gave each chat channel it made (what customers see of the agent). */
  readonly chatAgentNames: (string | null)[];
  /** The view the window rendered last (its current view before the first render). */
  last(): AgentView;
}

export interface WindowOptions {
  readonly config: GadgetConfig;
  readonly ownership: AgentSessionDeps['ownership'];
  readonly instanceId: string;
}

/** Opens a window on `finesse` (its hub joins the ones Finesse notifies) and starts its session. */
export function openWindow(finesse: FinesseStub, options: WindowOptions): AgentWindow {
  const hub = new FakeHub();
  finesse.hubs.push(hub);
  const channel = new FakeChatChannel();
  const chatAgentNames: (string | null)[] = [];
  const views: AgentView[] = [];
  const session = startAgentSession({
    config: options.config,
    hub,
    client: finesse.client(),
    systemInfoFor: async () => ok(SYSTEM_INFO),
    createChatChannel: (agent) => {
      chatAgentNames.push(agent.firstName);
      return channel;
    },
    chatCredentials: ok({ kind: 'password', username: AGENT, password: new Secret('agent1pw') }),
    ownership: options.ownership,
    timers: createTickTimers({ now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined }),
    random: () => 0.5,
    instanceId: options.instanceId,
    declineReason: say.offer,
    onView: (v) => views.push(v),
  });
  return { session, hub, channel, chatAgentNames, last: () => views.at(-1) ?? session.view() };
}
