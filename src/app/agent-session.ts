// One agent's blended desk in this window: the blending controller fed by Finesse notifications, the failover
// monitor and the chat channel; the ownership coordinator deciding whether this window acts (rule 8); and the
// view the UI renders, rebuilt after every change. Everything comes in as ports, so the wiring is the same in
// the gadget and in tests; `stop` releases all of it. Problems and reasons stay causes here: the UI says them.
import { err, ok, type Result } from '../core/result.ts';
import type { GadgetConfig } from '../core/container/gadget-config.ts';
import type { HubPort } from '../core/container/hub.ts';
import type { Unsubscribe } from '../core/shared/unsubscribe.ts';
import type { FinesseClient } from '../core/finesse/rest/index.ts';
import type { SystemInfo } from '../core/finesse/types.ts';
import type { ChatChannel, ChatChannelError, ChatCredentials } from '../core/chat/chat-channel.ts';
import { BlendingReconciler, type BlendingSnapshot } from '../core/blending/reconciler.ts';
import type { HandlingChatReason } from '../core/blending/facts.ts';
import type { OfferCause } from '../core/blending/causes.ts';
import { parseHandlingChatConfig, resolveHandlingChatReason } from '../core/blending/handling-chat-reason.ts';
import type { VoiceError } from '../core/blending/ports.ts';
import type { RandomSource } from '../core/shared/timers.ts';
import { finesseFactsPort, voiceStatePort } from '../core/blending/adapters/finesse-ports.ts';
import { watchAgentNotifications, watchNotificationConnection } from '../core/blending/adapters/agent-notifications.ts';
import type { TickTimers } from '../core/blending/adapters/tick-timers.ts';
import { OwnershipCoordinator, type OwnershipStatus } from '../core/session/ownership-coordinator.ts';
import type { OwnershipChannelPort, OwnershipLockPort } from '../core/session/ownership-port.ts';
import type { AgentIntents, AgentView, ConversationView, OfferView, OwnershipView, ProblemView } from './agent-view.ts';
import { ChatWorkspace } from './chat-workspace.ts';
import { readPeerView, type PeerView } from './peer-view.ts';
import { ProblemBoard, type ProblemCause } from './problems.ts';
import { ChatAttachment, type ChatAgentName } from './chat-attachment.ts';
import { startFailover } from './failover-wiring.ts';
import { dispatchIntent, type IntentHandlers } from './agent-intents.ts';

export { OWNER_CHAT_WAIT_MS } from './chat-attachment.ts';
export { SYSTEM_INFO_TOPIC } from './failover-wiring.ts';

/** The hub topic of the Finesse container's 1 s timer tick (finesse.containerservices TIMER_TICK_EVENT). */
export const TIMER_TICK_TOPIC = 'finesse.containerservices.timerTickEvent';

export interface AgentSessionDeps {
  readonly config: GadgetConfig;
  readonly hub: HubPort;
  readonly client: FinesseClient;
  /** GET SystemInfo from one Finesse node ("host:port" as SystemInfo names them). */
  readonly systemInfoFor: (node: string) => Promise<Result<SystemInfo, VoiceError>>;
  /** Makes the chat channel, with the agent's first name for customers; null when chat is not configured. */
  readonly createChatChannel: ((agent: ChatAgentName) => ChatChannel) | null;
  /** The agent's chat identity, or why there is none. */
  readonly chatCredentials: Result<ChatCredentials, string>;
  /** Web Locks and BroadcastChannel for one owner per agent; null where the browser has neither. */
  readonly ownership: { readonly lock: OwnershipLockPort; readonly channel: OwnershipChannelPort } | null;
  readonly timers: TickTimers;
  readonly random: RandomSource;
  readonly instanceId: string;
  /** The words the chat router gets with a declined offer (docs/xmpp-chat-profile.md `<reason>`). */
  readonly declineReason: (cause: OfferCause) => string;
  /** Called with every new view. */
  readonly onView: (view: AgentView) => void;
  /** Called on every container tick (countdowns). */
  readonly onTick?: () => void;
}

export interface AgentSession {
  /** Handles an intent the UI sent up. */
  handle<K extends keyof AgentIntents>(name: K, detail: AgentIntents[K]): void;
  view(): AgentView;
  /** Shows a problem found outside the session (the desktop's own services) under its id, replacing what was there. */
  reportProblem(id: string, severity: ProblemView['severity'], cause: ProblemCause): void;
  /** Releases every subscription, timer and lock. */
  stop(): void;
}

/** Starts the agent's session; the returned handle takes UI intents and stops everything. */
export function startAgentSession(deps: AgentSessionDeps): AgentSession {
  const { config, hub, client } = deps;
  const releases: Unsubscribe[] = [];
  const workspace = new ChatWorkspace(() => deps.timers.now());
  const problems = new ProblemBoard(() => render());
  let stopped = false;
  /** Blending could not start here (configuration, or start failed): the headline says it is off. */
  let blendingOff = false;
  let reconciler: BlendingReconciler | null = null;
  let coordinator: OwnershipCoordinator | null = null;
  let failover: { stop(): void } | null = null;
  let ownership: OwnershipView = { role: 'starting', message: null, confirm: null, pending: false };
  let peer: PeerView | null = null;
  let current: AgentView | null = null;
  let chatChoice: AgentView['chatChoice'] = 'available';
  /** Offers auto-accept already took up (pref autoAccept): each is answered once, like one press of Accept. */
  const autoAccepted = new Set<string>();
  const chatConfigured = deps.createChatChannel !== null;
  /** From Finesse's User: the name customers see in a chat, instead of the login id. */
  let agentFirstName: string | null = null;
  const chat = new ChatAttachment({
    createChatChannel: deps.createChatChannel,
    agentName: () => ({ firstName: agentFirstName }),
    chatCredentials: deps.chatCredentials,
    timers: deps.timers,
    maxChats: config.maxChats,
    workspace,
    problems,
    declineReason: deps.declineReason,
    reconciler: () => reconciler,
    peer: () => peer,
    mayAct: () => ownership.role === 'owner' || coordinator === null,
    render: () => render(),
    stopped: () => stopped,
  });

  // ---- the view ------------------------------------------------------------------------------------------
  function offerViews(snapshot: BlendingSnapshot | null): OfferView[] {
    const chats = workspace.view();
    return chats.offers.map((offer) => {
      const answer = chats.answered.get(offer.chatId);
      if (answer === undefined) return { offer, progress: 'new' };
      if (answer === 'decline') return { offer, progress: 'declining' };
      const fact = snapshot?.offers.find((o) => o.id === offer.chatId);
      if (fact === undefined || fact.status === 'accepting') return { offer, progress: 'accepting' };
      if (fact.status === 'new' && snapshot?.voiceRequest?.purpose === 'reserve')
        return { offer, progress: 'reserving' };
      return { offer, progress: 'waiting' };
    });
  }

  function build(): AgentView {
    const own = reconciler?.snapshot() ?? null;
    const owner = ownership.role === 'owner';
    const shared = !owner && peer !== null;
    const blending = shared && peer ? peer.blending : own;
    const conversations: readonly ConversationView[] =
      shared && peer ? peer.conversations : workspace.view().conversations;
    const offers: readonly OfferView[] = shared && peer ? peer.offers : offerViews(own);
    return {
      blending,
      ownership,
      chatStatus: shared && peer ? peer.chatStatus : chat.status,
      chatConfigured,
      offers,
      conversations,
      problems: problems.list(blending?.degraded ?? null),
      maxChats: config.maxChats,
      blendingOff: blendingOff && blending === null,
      chatChoice: owner ? chatChoice : observedChoice(shared ? peer : null, blending),
    };
  }

  /**
   * The owner window's chat choice as it shares it; from an older owner that does not, inferred from the chat cause it
   * gave (which an ACD call hides). This window's own choice is what the agent set here.
   */
  function observedChoice(shared: PeerView | null, blending: BlendingSnapshot | null): AgentView['chatChoice'] {
    if (shared !== null && shared.chatChoice !== null) return shared.chatChoice;
    return blending?.chat.cause.kind === 'agent-chose-not-ready' ? 'unavailable' : chatChoice;
  }

  function render(): void {
    if (stopped) return;
    current = build();
    deps.onView(current);
    if (config.autoAccept) autoAccept(current);
    if (ownership.role === 'owner' && coordinator !== null) {
      const shared: PeerView = {
        blending: current.blending,
        offers: current.offers,
        conversations: current.conversations,
        chatStatus: current.chatStatus,
        chatChoice: current.chatChoice,
      };
      coordinator.publishSnapshot(shared);
    }
  }
  releases.push(workspace.subscribe(render));

  // ---- ownership -----------------------------------------------------------------------------------------
  function ownershipFrom(status: OwnershipStatus): OwnershipView {
    const keep = { confirm: ownership.confirm, pending: ownership.pending };
    switch (status.role) {
      case 'owner':
        return { role: 'owner', message: null, confirm: null, pending: false };
      case 'observer':
        return { role: 'observer', message: null, ...keep };
      case 'taken-over':
        return { role: 'taken-over', message: 'taken-over', ...keep };
      case 'starting':
      case 'stopped':
        return { role: status.role, message: null, confirm: null, pending: false };
    }
  }

  // ---- start ---------------------------------------------------------------------------------------------
  releases.push(
    hub.subscribe(TIMER_TICK_TOPIC, () => {
      deps.timers.tick();
      workspace.expire(deps.timers.now());
      deps.onTick?.();
    }),
  );

  async function resolveReason(): Promise<Result<HandlingChatReason, ProblemCause>> {
    const parsed = parseHandlingChatConfig(config.handlingChatReason);
    if (!parsed.ok) return err({ kind: 'reason-config', error: parsed.error });
    let teamId = config.teamId;
    // The User gives the team (when the config names none) and the first name customers see in a chat.
    const user = await client.getUser(config.agentId);
    if (user.ok) {
      teamId ??= user.value.teamId;
      agentFirstName = user.value.firstName.trim() || null;
    }
    const codes = await client.getAgentReasonCodes(config.agentId, teamId, 'NOT_READY');
    if (!codes.ok) return err({ kind: 'reason-codes-unread', detail: codes.error.description.message });
    const found = resolveHandlingChatReason(parsed.value, codes.value);
    return found.ok ? ok(found.value) : err({ kind: 'reason-config', error: found.error });
  }

  async function start(): Promise<void> {
    const reason = await resolveReason();
    if (stopped) return;
    if (!reason.ok) {
      blendingOff = true;
      ownership = { role: 'stopped', message: null, confirm: null, pending: false };
      problems.set({ id: 'config', severity: 'error', cause: reason.error });
      render();
      return;
    }
    const r = new BlendingReconciler({
      voice: voiceStatePort(client, config.agentId),
      facts: finesseFactsPort(client, config.agentId),
      chat: chat.port,
      timers: deps.timers,
      random: deps.random,
      handlingChat: reason.value,
      maxChats: config.maxChats,
      onRequestAccepted: (id) => coordinator?.announceRequestId(id),
    });
    reconciler = r;
    r.setChatIntent(chatChoice);
    releases.push(r.subscribe(() => render()));
    if (!chatConfigured) {
      r.setConnectivity({ chatServerUp: false });
      problems.set({ id: 'chat-config', severity: 'info', cause: { kind: 'chat-not-configured' } });
    }
    // Subscribe before the first read, so no change between the read and the subscription is missed.
    releases.push(
      watchAgentNotifications(hub, config.agentId, {
        onUpdate: (update) => r.handleUpdate(update),
        onProblem: (problem) =>
          problems.set({ id: 'notification', severity: 'warning', cause: { kind: 'notification', ...problem } }),
      }),
    );
    releases.push(
      watchNotificationConnection(hub, (up) => r.setConnectivity({ notificationsUp: up }), `fb-${deps.instanceId}`),
    );
    failover = startFailover({ ...deps, problems, releases, stopped: () => stopped }, r);

    let owner = true;
    if (deps.ownership !== null) {
      const c = new OwnershipCoordinator({
        instanceId: deps.instanceId,
        lock: deps.ownership.lock,
        channel: deps.ownership.channel,
        timers: deps.timers,
        onBecomeOwner: () => {
          if (chat.becomeOwner()) r.setOwner(true);
        },
        onLoseOwnership: async () => {
          r.setOwner(false);
          await Promise.all([chat.detach(), r.whenIdle()]);
        },
      });
      coordinator = c;
      releases.push(
        c.subscribe((status) => {
          ownership = ownershipFrom(status);
          render();
        }),
      );
      releases.push(
        c.onSnapshot((s) => {
          peer = readPeerView(s);
          render();
        }),
      );
      releases.push(c.onPeerRequestId((id) => r.adoptPeerRequestId(id)));
      const status = await c.start();
      if (stopped) return;
      ownership = ownershipFrom(status);
      owner = status.role === 'owner';
    } else {
      ownership = { role: 'owner', message: null, confirm: null, pending: false };
      problems.set({ id: 'ownership', severity: 'warning', cause: { kind: 'windows-indistinct' } });
    }
    if (owner && coordinator === null) chat.attach();
    // An owner still waiting for its chats starts as an observer; the chat attachment hands it the controls.
    await r.start(owner && !chat.awaitingChats);
    render();
  }

  void start().catch((e: unknown) => {
    blendingOff = true;
    problems.set({
      id: 'start',
      severity: 'error',
      cause: { kind: 'start-failed', detail: e instanceof Error ? e.message : String(e) },
    });
  });

  /**
   * Auto-accept (pref autoAccept): a new offer is accepted through the Accept button's own path, so voice is reserved
   * first and a refused reservation declines the offer (rule 1). Deferred, as accepting renders again.
   */
  function autoAccept(view: AgentView): void {
    if (view.ownership.role !== 'owner' || reconciler === null) return;
    for (const { offer, progress } of view.offers) {
      if (progress !== 'new' || autoAccepted.has(offer.chatId)) continue;
      autoAccepted.add(offer.chatId);
      queueMicrotask(() => {
        if (!stopped) intents['offer-accept']({ chatId: offer.chatId });
      });
    }
  }

  // ---- intents -------------------------------------------------------------------------------------------
  async function takeOver(confirmed: boolean): Promise<void> {
    const c = coordinator;
    if (c === null) return;
    if (confirmed) {
      ownership = { ...ownership, pending: true };
      render();
    }
    const answer = await c.takeOver({ confirmed });
    if (answer.result === 'confirm')
      ownership = { ...ownership, confirm: { ownerSince: answer.ownerSince }, pending: false };
    else if (answer.result === 'failure')
      ownership = { ...ownership, confirm: null, pending: false, message: `failed-${answer.reason}` };
    else ownership = ownershipFrom(c.status());
    render();
  }

  /** Runs a chat action the agent started, showing it busy until the channel answers. */
  function chatAction(
    chatId: string,
    busy: 'ending' | 'transferring',
    act: (ch: ChatChannel) => Promise<Result<unknown, ChatChannelError>>,
  ): void {
    const ch = chat.channel;
    if (!ch) return;
    workspace.busy(chatId, busy);
    void act(ch).then((r) => workspace.busy(chatId, null, r.ok ? null : r.error.code));
  }

  const intents: IntentHandlers = {
    'offer-accept': ({ chatId }) => {
      if (!reconciler || ownership.role !== 'owner') return;
      workspace.answered(chatId, 'accept');
      reconciler.offerArrived(chatId);
    },
    'offer-decline': ({ chatId }) => {
      const ch = chat.channel;
      if (!ch) return;
      workspace.answered(chatId, 'decline');
      void ch.decline(chatId, deps.declineReason({ kind: 'declined-by-agent' })).then((r) => {
        if (!r.ok) workspace.answerFailed(chatId);
      });
    },
    'chat-send': ({ chatId, text }) => {
      const ch = chat.channel;
      if (!ch) return;
      const sent = ch.send(chatId, text);
      if (sent.ok) workspace.sent(sent.value);
      else workspace.error(chatId, sent.error.code);
    },
    'chat-typing': ({ chatId, state }) => chat.channel?.setTyping(chatId, state),
    'chat-end': ({ chatId }) => chatAction(chatId, 'ending', (ch) => ch.end(chatId)),
    'chat-transfer': ({ chatId, queueId }) =>
      chatAction(chatId, 'transferring', (ch) =>
        ch.transfer(chatId, queueId ? { kind: 'queue', queueId } : { kind: 'queue' }),
      ),
    'chat-read': ({ chatId }) => workspace.read(chatId),
    'chat-dismiss': ({ chatId }) => workspace.dismiss(chatId),
    'take-over': ({ confirmed }) => void takeOver(confirmed),
    'take-over-cancel': () => {
      ownership = { ...ownership, confirm: null, pending: false };
      render();
    },
    'chat-availability': ({ available }) => {
      // Only the window that runs blending acts (rule 8); the others show the owner's choice.
      if (ownership.role !== 'owner') return;
      chatChoice = available ? 'available' : 'unavailable';
      reconciler?.setChatIntent(chatChoice);
      render();
    },
  };

  return {
    handle(name, detail) {
      if (!stopped) dispatchIntent(intents, name, detail);
    },
    view: () => current ?? build(),
    reportProblem(id, severity, cause) {
      if (!stopped) problems.set({ id, severity, cause });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      for (const release of releases.splice(0)) release();
      failover?.stop();
      reconciler?.stop();
      // The owner's coordinator detaches chat as it gives ownership up; without one, detach here.
      if (coordinator !== null) void coordinator.stop();
      else void chat.detach();
      deps.timers.dispose();
    },
  };
}
