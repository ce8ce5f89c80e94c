// One agent's blended desk in this window: the blending controller fed by Finesse notifications, the failover
// monitor and the chat channel; the ownership coordinator deciding whether this window acts (rule 8); and the
// view the UI renders, rebuilt after every change. Everything comes in as ports, so the wiring is the same in
// the gadget and in tests; `stop` releases all of it.
import { err, ok, type Result } from '../core/result.ts';
import type { GadgetConfig } from '../core/container/gadget-config.ts';
import type { HubPort } from '../core/container/hub.ts';
import type { Unsubscribe } from '../core/shared/unsubscribe.ts';
import type { FinesseClient } from '../core/finesse/rest/index.ts';
import type { SystemInfo } from '../core/finesse/types.ts';
import type { ChatChannel, ChatConnectionStatus, ChatCredentials, ChatEvent } from '../core/chat/chat-channel.ts';
import { BlendingReconciler, type BlendingSnapshot } from '../core/blending/reconciler.ts';
import type { HandlingChatReason } from '../core/blending/facts.ts';
import { parseHandlingChatConfig, resolveHandlingChatReason } from '../core/blending/handling-chat-reason.ts';
import { FailoverMonitor } from '../core/blending/failover-monitor.ts';
import type { ChatPort, VoiceError } from '../core/blending/ports.ts';
import type { RandomSource } from '../core/shared/timers.ts';
import { finesseFactsPort, voiceStatePort } from '../core/blending/adapters/finesse-ports.ts';
import { watchAgentNotifications, watchNotificationConnection } from '../core/blending/adapters/agent-notifications.ts';
import { chatPort, feedChatEvents } from '../core/blending/adapters/chat-port.ts';
import type { TickTimers } from '../core/blending/adapters/tick-timers.ts';
import { OwnershipCoordinator, type OwnershipStatus } from '../core/session/ownership-coordinator.ts';
import type { OwnershipChannelPort, OwnershipLockPort } from '../core/session/ownership-port.ts';
import type { AgentIntents, AgentView, ConversationView, OfferView, OwnershipView, ProblemView } from '../ui/agent-view.ts';
import { ChatWorkspace } from './chat-workspace.ts';
import { readPeerView, type PeerView } from './peer-view.ts';

/** The hub topic of the Finesse container's 1 s timer tick (finesse.containerservices TIMER_TICK_EVENT). */
export const TIMER_TICK_TOPIC = 'finesse.containerservices.timerTickEvent';
/** The hub topic of SystemInfo notifications (node /finesse/api/SystemInfo): a node's status changed. */
export const SYSTEM_INFO_TOPIC = 'finesse.api.SystemInfo';

/**
 * How long a window that becomes the owner waits for its chat channel to hear from the router which chats are the
 * agent's before blending acts here anyway (the chat server may be down): the router's answer may take its request
 * timeout (10 s) after signing in.
 */
export const OWNER_CHAT_WAIT_MS = 12_000;

export interface AgentSessionDeps {
  readonly config: GadgetConfig;
  readonly hub: HubPort;
  readonly client: FinesseClient;
  /** GET SystemInfo from one Finesse node ("host:port" as SystemInfo names them). */
  readonly systemInfoFor: (node: string) => Promise<Result<SystemInfo, VoiceError>>;
  /** Makes the chat channel; null when chat is not configured. */
  readonly createChatChannel: (() => ChatChannel) | null;
  /** The agent's chat identity, or why there is none. */
  readonly chatCredentials: Result<ChatCredentials, string>;
  /** Web Locks and BroadcastChannel for one owner per agent; null where the browser has neither. */
  readonly ownership: { readonly lock: OwnershipLockPort; readonly channel: OwnershipChannelPort } | null;
  readonly timers: TickTimers;
  readonly random: RandomSource;
  readonly instanceId: string;
  /** Called with every new view. */
  readonly onView: (view: AgentView) => void;
  /** Called on every container tick (countdowns). */
  readonly onTick?: () => void;
}

export interface AgentSession {
  /** Handles an intent the UI sent up. */
  handle<K extends keyof AgentIntents>(name: K, detail: AgentIntents[K]): void;
  view(): AgentView;
  /** Releases every subscription, timer and lock. */
  stop(): void;
}

const DEGRADED_TEXT: Readonly<Record<string, { title: string; action: string }>> = {
  'Finesse is out of service on both nodes': {
    title: 'Finesse is out of service on both nodes: no new chats until it is back; your chats continue.',
    action: 'Nothing to do here: the gadget re-reads your state and carries on as soon as a Finesse node is back.',
  },
  'Finesse notifications are down': {
    title: 'Finesse notifications are down: no new chats and no state changes by the gadget until they are back; your chats continue.',
    action: 'The desktop is reconnecting; if this stays, reload the desktop.',
  },
};

/** Starts the agent's session; the returned handle takes UI intents and stops everything. */
export function startAgentSession(deps: AgentSessionDeps): AgentSession {
  const { config, hub, client } = deps;
  const releases: Unsubscribe[] = [];
  const workspace = new ChatWorkspace();
  const problems = new Map<string, ProblemView>();
  let stopped = false;
  let reconciler: BlendingReconciler | null = null;
  let coordinator: OwnershipCoordinator | null = null;
  let failover: FailoverMonitor | null = null;
  /** This desktop's node is out of service and the other is in service: the desktop is moving the agent. */
  let nodeMove: { readonly from: string; readonly to: string } | null = null;
  let ownership: OwnershipView = { role: 'starting', message: null, confirm: null, pending: false };
  let peer: PeerView | null = null;
  let chatStatus: ChatConnectionStatus = 'offline';
  let channel: ChatChannel | null = null;
  let channelPort: ChatPort | null = null;
  let channelFeed: Unsubscribe | null = null;
  let current: AgentView | null = null;
  /** Chats the previous owner window had, held for voice until this window's channel has the router's list. */
  let heldFromPeer = new Set<string>();
  /** Set while this window owns blending but waits for its chat channel's first list of chats before acting. */
  let awaitingChats: { readonly timer: unknown } | null = null;

  const setProblem = (p: ProblemView | null, id?: string): void => {
    if (p === null) {
      if (id !== undefined && problems.delete(id)) render();
      return;
    }
    const before = problems.get(p.id);
    if (before && before.title === p.title && before.action === p.action) return;
    problems.set(p.id, p);
    render();
  };

  // ---- the chat port the controller holds: the live channel while this window owns blending ----------------
  const chatConfigured = deps.createChatChannel !== null;
  const offlineChat = { kind: 'offline' as const, message: 'Chat is not connected in this window.' };
  const delegatingChat: ChatPort = {
    publishAvailability: (presence) => channelPort?.publishAvailability(presence),
    acceptOffer: (id) => channelPort?.acceptOffer(id) ?? Promise.resolve(err(offlineChat)),
    declineOffer: (id, reason) => channelPort?.declineOffer(id, reason) ?? Promise.resolve(err(offlineChat)),
    handBackChats: (reason) => channelPort?.handBackChats(reason) ?? Promise.resolve(ok(undefined)),
  };

  function onChatEvent(event: ChatEvent): void {
    if (event.type === 'assignments') {
      releaseHeldChats(event.chatIds);
      return;
    }
    if (event.type === 'status') {
      chatStatus = event.status;
      if (event.status === 'reconnecting') {
        setProblem({
          id: 'chat-link',
          severity: 'warning',
          title: 'The chat server connection dropped: reconnecting.',
          action: 'Your chats continue; messages you write are sent when it is back.',
        });
      } else if (event.status === 'online') {
        setProblem(null, 'chat-link');
        setProblem(null, 'chat-sign-in');
      }
      render();
      return;
    }
    workspace.apply(event);
  }

  /**
   * This window takes blending over from another one: the chats that window showed are the agent's until this
   * window's channel has signed in and heard the router's list, so voice is not restored to Ready in between (rule 2).
   */
  function holdPeerChats(): void {
    const r = reconciler;
    if (r === null || peer === null) return;
    for (const c of peer.conversations) {
      if (c.closed) continue;
      heldFromPeer.add(c.chatId);
      r.chatStarted(c.chatId);
    }
  }

  /** The router listed this agent's chats: a held chat it no longer lists ended while the windows changed over. */
  function releaseHeldChats(listed: readonly string[]): void {
    const held = heldFromPeer;
    heldFromPeer = new Set();
    for (const chatId of held) if (!listed.includes(chatId)) reconciler?.chatEnded(chatId);
    actAsOwner();
  }

  /**
   * This window owns blending now (at start, when the owner window closed, or after a take-over). The agent may have
   * chats this window does not know yet (a reload, another window's): blending acts only once the chat channel has
   * signed in and the router has listed them, so voice is never restored to Ready for want of knowing (rule 2).
   * Until then the router is told this window takes no new chats.
   * Returns whether blending may act at once.
   */
  function becomeOwner(): boolean {
    attachChat();
    holdPeerChats();
    const port = channelPort;
    if (port === null) return true;
    deps.timers.clearTimeout(awaitingChats?.timer);
    awaitingChats = { timer: deps.timers.setTimeout(actAsOwner, OWNER_CHAT_WAIT_MS) };
    // Signs in; the channel may list the chats at once.
    port.publishAvailability({
      availability: 'NOT_READY',
      activeChats: heldFromPeer.size,
      maxChats: config.maxChats,
      reason: 'Not Ready: this window is taking your chats over',
    });
    return awaitingChats === null;
  }

  /** Blending acts in this window from now on (the chat channel listed the chats, or the wait is over). */
  function actAsOwner(): void {
    if (awaitingChats === null) return;
    deps.timers.clearTimeout(awaitingChats.timer);
    awaitingChats = null;
    if (ownership.role === 'owner' || coordinator === null) reconciler?.setOwner(true);
  }

  /** This window owns blending: connect chat (signing in follows the availability blending publishes). */
  function attachChat(): void {
    if (channel !== null || deps.createChatChannel === null || stopped) return;
    const creds = deps.chatCredentials;
    if (!creds.ok) {
      setProblem({ id: 'chat-sign-in', severity: 'error', title: `Chat cannot sign in: ${creds.error}`, action: 'Ask your administrator to check the desktop sign-in method.' });
      return;
    }
    const made = deps.createChatChannel();
    channel = made;
    chatStatus = made.status();
    const unsubscribeUi = made.subscribe(onChatEvent);
    const unsubscribeBlending = reconciler ? feedChatEvents(made, reconciler) : () => undefined;
    channelFeed = () => {
      unsubscribeUi();
      unsubscribeBlending();
    };
    channelPort = chatPort(made, {
      credentials: creds.value,
      onSignInFailed: (e) =>
        setProblem({ id: 'chat-sign-in', severity: 'error', title: `Chat sign-in failed: ${e.message}`, action: 'No chats are offered to you. Ask your administrator to check your chat account; calls work as usual.' }),
    });
    workspace.adopt(made);
    // A channel made after another window had it must publish availability again to sign in (see detachChat).
    reconciler?.setConnectivity({ chatServerUp: true });
  }

  /**
   * Another window took over (or this one is going away): this window's chat stops for good without handing the
   * chats back; they continue in the agent's next window (docs/xmpp-chat-profile.md, hand-over). Call it after
   * blending stopped acting here, so the chats leaving the controller do not restore voice.
   */
  function detachChat(): Promise<void> {
    const leaving = channel;
    channelFeed?.();
    channelFeed = null;
    channelPort = null;
    channel = null;
    heldFromPeer = new Set();
    deps.timers.clearTimeout(awaitingChats?.timer);
    awaitingChats = null;
    if (leaving === null) return Promise.resolve();
    const r = reconciler;
    if (r !== null) {
      for (const chat of leaving.activeChats()) r.chatEnded(chat.chatId);
      r.setConnectivity({ chatServerUp: false });
    }
    chatStatus = 'offline';
    workspace.clear();
    return leaving.detach().then((result) => {
      if (!result.ok) {
        setProblem({ id: 'chat-handover', severity: 'warning', title: result.error.message, action: 'The conversation continues in the window that took over.' });
      }
    });
  }

  // ---- the view ------------------------------------------------------------------------------------------
  function offerViews(snapshot: BlendingSnapshot | null): OfferView[] {
    const chats = workspace.view();
    return chats.offers.map((offer) => {
      const answer = chats.answered.get(offer.chatId);
      if (answer === undefined) return { offer, progress: 'new' };
      if (answer === 'decline') return { offer, progress: 'declining' };
      const fact = snapshot?.offers.find((o) => o.id === offer.chatId);
      if (fact === undefined || fact.status === 'accepting') return { offer, progress: 'accepting' };
      if (fact.status === 'new' && snapshot?.voiceRequest?.purpose === 'reserve') return { offer, progress: 'reserving' };
      return { offer, progress: 'waiting' };
    });
  }

  function build(): AgentView {
    const own = reconciler?.snapshot() ?? null;
    const owner = ownership.role === 'owner';
    const shared = !owner && peer !== null;
    const blending = shared && peer ? peer.blending : own;
    const degraded = blending?.degraded ?? null;
    const list: ProblemView[] = [...problems.values()];
    if (degraded !== null) {
      const move = nodeMove;
      const text = DEGRADED_TEXT[degraded] ?? (move !== null && degraded.startsWith('Finesse server')
        ? {
          title: `Finesse server ${move.from} is out of service; the desktop is moving you to server ${move.to}. Your chats continue.`,
          action: `No new chats and no state changes by the gadget until the desktop is on server ${move.to}; it picks up from there.`,
        }
        : { title: `${degraded}: no new chats until it is back; your chats continue.`, action: '' });
      list.unshift({ id: 'degraded', severity: 'error', ...text });
    }
    const conversations: readonly ConversationView[] = shared && peer ? peer.conversations : workspace.view().conversations;
    const offers: readonly OfferView[] = shared && peer ? peer.offers : offerViews(own);
    return {
      blending,
      ownership,
      chatStatus: shared && peer ? peer.chatStatus : chatStatus,
      chatConfigured,
      offers,
      conversations,
      problems: list,
      maxChats: config.maxChats,
    };
  }

  function render(): void {
    if (stopped) return;
    current = build();
    deps.onView(current);
    if (ownership.role === 'owner' && coordinator !== null) {
      const shared: PeerView = { blending: current.blending, offers: current.offers, conversations: current.conversations, chatStatus: current.chatStatus };
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
        return { role: 'taken-over', message: status.message, ...keep };
      case 'starting':
      case 'stopped':
        return { role: status.role, message: null, confirm: null, pending: false };
    }
  }

  // ---- start ---------------------------------------------------------------------------------------------
  const tickListeners = releases;
  tickListeners.push(
    hub.subscribe(TIMER_TICK_TOPIC, () => {
      deps.timers.tick();
      deps.onTick?.();
    }),
  );

  async function resolveReason(): Promise<Result<HandlingChatReason, string>> {
    const parsed = parseHandlingChatConfig(config.handlingChatReason);
    if (!parsed.ok) return err(parsed.error.message);
    let teamId = config.teamId;
    if (teamId === null) {
      const user = await client.getUser(config.agentId);
      if (user.ok) teamId = user.value.teamId;
    }
    const codes = await client.getAgentReasonCodes(config.agentId, teamId, 'NOT_READY');
    if (!codes.ok) return err(`The Not Ready reason codes could not be read from Finesse: ${codes.error.description.message}`);
    const found = resolveHandlingChatReason(parsed.value, codes.value);
    return found.ok ? ok(found.value) : err(found.error.message);
  }

  async function start(): Promise<void> {
    const reason = await resolveReason();
    if (stopped) return;
    if (!reason.ok) {
      ownership = { role: 'stopped', message: null, confirm: null, pending: false };
      setProblem({
        id: 'config',
        severity: 'error',
        title: reason.error,
        action: 'Blending is off until this is fixed: no chats are offered to you; calls and the Finesse header work as usual.',
      });
      render();
      return;
    }
    const r = new BlendingReconciler({
      voice: voiceStatePort(client, config.agentId),
      facts: finesseFactsPort(client, config.agentId),
      chat: delegatingChat,
      timers: deps.timers,
      random: deps.random,
      handlingChat: reason.value,
      maxChats: config.maxChats,
      onRequestAccepted: (id) => coordinator?.announceRequestId(id),
    });
    reconciler = r;
    releases.push(r.subscribe(() => render()));
    if (!chatConfigured) {
      r.setConnectivity({ chatServerUp: false });
      setProblem({
        id: 'chat-config',
        severity: 'info',
        title: 'Chat is not set up for this gadget: calls only.',
        action: 'An administrator sets the chatService and chatRouter preferences in the desktop layout to offer chats.',
      });
    }
    // Subscribe before the first read, so no change between the read and the subscription is missed.
    releases.push(
      watchAgentNotifications(hub, config.agentId, {
        onUpdate: (update) => r.handleUpdate(update),
        onProblem: (message) => setProblem({ id: 'notification', severity: 'warning', title: message, action: 'The gadget re-reads your state from Finesse now and then, so nothing is lost.' }),
      }),
    );
    releases.push(watchNotificationConnection(hub, (up) => r.setConnectivity({ notificationsUp: up }), `fb-${deps.instanceId}`));
    startFailover(r);

    let owner = true;
    if (deps.ownership !== null) {
      const c = new OwnershipCoordinator({
        instanceId: deps.instanceId,
        lock: deps.ownership.lock,
        channel: deps.ownership.channel,
        timers: deps.timers,
        onBecomeOwner: () => {
          if (becomeOwner()) r.setOwner(true);
        },
        onLoseOwnership: async () => {
          r.setOwner(false);
          await Promise.all([detachChat(), r.whenIdle()]);
        },
      });
      coordinator = c;
      releases.push(c.subscribe((status) => {
        ownership = ownershipFrom(status);
        render();
      }));
      releases.push(c.onSnapshot((s) => {
        peer = readPeerView(s);
        render();
      }));
      releases.push(c.onPeerRequestId((id) => r.adoptPeerRequestId(id)));
      const status = await c.start();
      if (stopped) return;
      ownership = ownershipFrom(status);
      owner = status.role === 'owner';
    } else {
      ownership = { role: 'owner', message: null, confirm: null, pending: false };
      setProblem({
        id: 'ownership',
        severity: 'warning',
        title: 'This browser cannot tell the gadget\'s windows apart: open the desktop in one window only.',
        action: 'Two desktop windows would both change your state.',
      });
    }
    if (owner && coordinator === null) attachChat();
    // An owner still waiting for its chats starts as an observer; actAsOwner hands it the controls.
    await r.start(owner && awaitingChats === null);
    render();
  }

  function startFailover(r: BlendingReconciler): void {
    // The node this gadget was loaded from: its REST client talks only to it (same origin), so when it is out of
    // service the gadget holds still and the desktop moves the agent to the other node, where the gadget starts again.
    const here = `${config.host}${config.hostPort ? `:${config.hostPort}` : ''}`;
    void client.getSystemInfo().then((info) => {
      if (stopped) return;
      const primary = info.ok && info.value.primaryNode ? info.value.primaryNode : 'self';
      const secondary = info.ok ? info.value.secondaryNode : null;
      const letter = (node: string): string => (node === secondary ? 'B' : 'A');
      const monitor = new FailoverMonitor({
        primary,
        secondary,
        fetchSystemInfo: (node) => (node === 'self' ? client.getSystemInfo() : deps.systemInfoFor(node)),
        timers: deps.timers,
        random: deps.random,
        onEvent: (event) => {
          if (event.type === 'degraded') r.setConnectivity({ finesseInService: false });
          else if (event.type === 'recovered') r.setConnectivity({ finesseInService: true });
          // Re-read only through a node that answers: this gadget's requests go to its own node.
          else if (event.from !== null && (event.node === here || primary === 'self')) r.resync();
        },
        onStatus: (status) => {
          const own = status.nodes.find((n) => n.node === here);
          const other = status.nodes.find((n) => n.node !== here && n.inService === true);
          const move = own !== undefined && own.inService === false && other !== undefined ? { from: letter(here), to: letter(other.node) } : null;
          if (JSON.stringify(move) !== JSON.stringify(nodeMove)) {
            nodeMove = move;
            r.setConnectivity({ nodeMove: move });
          }
          // On the secondary while the primary is out of service: say why the desktop runs here.
          const primaryDown = here === secondary && status.nodes.some((n) => n.node === primary && n.inService === false);
          if (own?.inService === true && primaryDown) {
            setProblem({
              id: 'node',
              severity: 'info',
              title: 'Finesse server A is out of service: your desktop now runs on server B. Your chats and calls continue here.',
              action: 'Nothing to do: the gadget picked up your chats and voice state on server B.',
            });
          } else {
            setProblem(null, 'node');
          }
        },
      });
      failover = monitor;
      // Finesse publishes SystemInfo when a node's status changes: look at once instead of waiting for the next poll.
      releases.push(hub.subscribe(SYSTEM_INFO_TOPIC, () => void monitor.pollNow()));
      monitor.start();
    });
  }

  void start().catch((e: unknown) => {
    setProblem({ id: 'start', severity: 'error', title: `The gadget could not start: ${e instanceof Error ? e.message : String(e)}`, action: 'Reload the desktop; if this stays, tell your administrator.' });
  });

  // ---- intents -------------------------------------------------------------------------------------------
  async function takeOver(confirmed: boolean): Promise<void> {
    const c = coordinator;
    if (c === null) return;
    if (confirmed) {
      ownership = { ...ownership, pending: true };
      render();
    }
    const answer = await c.takeOver({ confirmed });
    if (answer.result === 'confirm') ownership = { ...ownership, confirm: answer.message, pending: false };
    else if (answer.result === 'failure') ownership = { ...ownership, confirm: null, pending: false, message: answer.message };
    else ownership = ownershipFrom(c.status());
    render();
  }

  const session: AgentSession = {
    handle(name, detail) {
      if (stopped) return;
      const d = detail as AgentIntents[keyof AgentIntents];
      const chatId = 'chatId' in d ? d.chatId : '';
      switch (name) {
        case 'offer-accept':
          if (!reconciler || ownership.role !== 'owner') return;
          workspace.answered(chatId, 'accept');
          reconciler.offerArrived(chatId);
          return;
        case 'offer-decline':
          if (!channel) return;
          workspace.answered(chatId, 'decline');
          void channel.decline(chatId, 'Declined by the agent').then((r) => {
            if (!r.ok) workspace.answerFailed(chatId);
          });
          return;
        case 'chat-send': {
          if (!channel) return;
          const sent = channel.send(chatId, (d as AgentIntents['chat-send']).text);
          if (sent.ok) workspace.sent(sent.value);
          else workspace.error(chatId, sent.error.message);
          return;
        }
        case 'chat-typing':
          channel?.setTyping(chatId, (d as AgentIntents['chat-typing']).state);
          return;
        case 'chat-end': {
          const ch = channel;
          if (!ch) return;
          workspace.busy(chatId, 'ending');
          void ch.end(chatId).then((r) => workspace.busy(chatId, null, r.ok ? null : r.error.message));
          return;
        }
        case 'chat-transfer': {
          const ch = channel;
          if (!ch) return;
          workspace.busy(chatId, 'transferring');
          void ch.transfer(chatId, { kind: 'queue' }).then((r) => workspace.busy(chatId, null, r.ok ? null : r.error.message));
          return;
        }
        case 'chat-read':
          workspace.read(chatId);
          return;
        case 'chat-dismiss':
          workspace.dismiss(chatId);
          return;
        case 'take-over':
          void takeOver((d as AgentIntents['take-over']).confirmed);
          return;
        case 'take-over-cancel':
          ownership = { ...ownership, confirm: null, pending: false };
          render();
          return;
      }
    },
    view: () => current ?? build(),
    stop() {
      if (stopped) return;
      stopped = true;
      for (const release of releases.splice(0)) release();
      failover?.stop();
      reconciler?.stop();
      // The owner's coordinator detaches chat as it gives ownership up; without one, detach here.
      if (coordinator !== null) void coordinator.stop();
      else void detachChat();
      deps.timers.dispose();
    },
  };
  return session;
}
