// The chat channel of the window that owns blending: attached when this window becomes the owner, detached (without
// handing chats back) when another window takes over, and the chats the previous owner had held for voice until the
// router lists them (rule 2, rule 8). Blending holds one ChatPort throughout; it reaches the live channel, if any.

import { err, ok, type Result } from '../core/result.ts';
import type { ChatChannel, ChatConnectionStatus, ChatCredentials, ChatEvent } from '../core/chat/chat-channel.ts';
import type { Unsubscribe } from '../core/shared/unsubscribe.ts';
import type { BlendingReconciler } from '../core/blending/reconciler.ts';
import type { ChatPort } from '../core/blending/ports.ts';
import type { OfferCause } from '../core/blending/causes.ts';
import type { TickTimers } from '../core/blending/adapters/tick-timers.ts';
import { chatPort, feedChatEvents } from '../core/blending/adapters/chat-port.ts';
import type { ChatWorkspace } from './chat-workspace.ts';
import type { ProblemBoard } from './problems.ts';
import type { PeerView } from './peer-view.ts';

/**
 * How long a window that becomes the owner waits for its chat channel to hear from the router which chats are the
 * agent's before blending acts here anyway (the chat server may be down): the router's answer may take its request
 * timeout (10 s) after signing in.
 */
export const OWNER_CHAT_WAIT_MS = 12_000;

/** What customers may see of the agent: its first name from Finesse's User (null when Finesse gave none). */
export interface ChatAgentName {
  readonly firstName: string | null;
}

export interface ChatAttachmentDeps {
  readonly createChatChannel: ((agent: ChatAgentName) => ChatChannel) | null;
  /** The agent's first name, once the User has been read. */
  readonly agentName: () => ChatAgentName;
  readonly chatCredentials: Result<ChatCredentials, string>;
  readonly timers: TickTimers;
  readonly maxChats: number;
  readonly workspace: ChatWorkspace;
  readonly problems: ProblemBoard;
  /** The words the router gets with a decline. */
  readonly declineReason: (cause: OfferCause) => string;
  readonly reconciler: () => BlendingReconciler | null;
  readonly peer: () => PeerView | null;
  /** Blending may act in this window now (it owns blending, or no coordinator decides). */
  readonly mayAct: () => boolean;
  readonly render: () => void;
  readonly stopped: () => boolean;
}

/** This window's chat channel while it owns blending. */
export class ChatAttachment {
  readonly #d: ChatAttachmentDeps;
  #channel: ChatChannel | null = null;
  #port: ChatPort | null = null;
  #feed: Unsubscribe | null = null;
  #status: ChatConnectionStatus = 'offline';
  /** Chats the previous owner window had, held for voice until this window's channel has the router's list. */
  #heldFromPeer = new Set<string>();
  /** Set while this window owns blending but waits for its chat channel's first list of chats before acting. */
  #awaiting: { readonly timer: unknown } | null = null;

  constructor(deps: ChatAttachmentDeps) {
    this.#d = deps;
  }

  /** The port blending holds: the live channel while this window owns blending. */
  readonly port: ChatPort = (() => {
    const offline = { kind: 'offline' as const, message: 'Chat is not connected in this window.' };
    return {
      publishAvailability: (presence) => this.#port?.publishAvailability(presence),
      publishDecision: (entry) => this.#port?.publishDecision?.(entry),
      acceptOffer: (id) => this.#port?.acceptOffer(id) ?? Promise.resolve(err(offline)),
      declineOffer: (id, cause) => this.#port?.declineOffer(id, cause) ?? Promise.resolve(err(offline)),
      handBackChats: (cause) => this.#port?.handBackChats(cause) ?? Promise.resolve(ok(undefined)),
    } satisfies ChatPort;
  })();

  get channel(): ChatChannel | null {
    return this.#channel;
  }

  get status(): ChatConnectionStatus {
    return this.#status;
  }

  /** Still waiting for the router's list of chats before blending acts here. */
  get awaitingChats(): boolean {
    return this.#awaiting !== null;
  }

  /**
   * This window owns blending now (at start, when the owner window closed, or after a take-over). The agent may have
   * chats this window does not know yet (a reload, another window's): blending acts only once the chat channel has
   * signed in and the router has listed them, so voice is never restored to Ready for want of knowing (rule 2).
   * Until then the router is told this window takes no new chats. Returns whether blending may act at once.
   */
  becomeOwner(): boolean {
    this.attach();
    this.#holdPeerChats();
    const port = this.#port;
    if (port === null) return true;
    this.#d.timers.clearTimeout(this.#awaiting?.timer);
    this.#awaiting = { timer: this.#d.timers.setTimeout(() => this.#actAsOwner(), OWNER_CHAT_WAIT_MS) };
    // Signs in; the channel may list the chats at once.
    port.publishAvailability({
      availability: 'NOT_READY',
      activeChats: this.#heldFromPeer.size,
      maxChats: this.#d.maxChats,
      cause: { kind: 'taking-over' },
    });
    return this.#awaiting === null;
  }

  /** This window owns blending: connect chat (signing in follows the availability blending publishes). */
  attach(): void {
    const d = this.#d;
    if (this.#channel !== null || d.createChatChannel === null || d.stopped()) return;
    const creds = d.chatCredentials;
    if (!creds.ok) {
      d.problems.set({
        id: 'chat-sign-in',
        severity: 'error',
        cause: { kind: 'chat-no-identity' },
      });
      return;
    }
    const made = d.createChatChannel(d.agentName());
    this.#channel = made;
    this.#status = made.status();
    const reconciler = d.reconciler();
    const unsubscribeUi = made.subscribe((e) => this.#onChatEvent(e));
    const unsubscribeBlending = reconciler ? feedChatEvents(made, reconciler) : () => undefined;
    this.#feed = () => {
      unsubscribeUi();
      unsubscribeBlending();
    };
    this.#port = chatPort(made, {
      credentials: creds.value,
      declineReason: d.declineReason,
      onSignInFailed: (e) =>
        d.problems.set({
          id: 'chat-sign-in',
          severity: 'error',
          cause: { kind: 'chat-sign-in-failed', code: e.code },
        }),
    });
    d.workspace.adopt(made);
    // A channel made after another window had it must publish availability again to sign in (see detach).
    reconciler?.setConnectivity({ chatServerUp: true });
  }

  /**
   * Another window took over (or this one is going away): this window's chat stops for good without handing the
   * chats back; they continue in the agent's next window (docs/xmpp-chat-profile.md, hand-over). Call it after
   * blending stopped acting here, so the chats leaving the controller do not restore voice.
   */
  detach(): Promise<void> {
    const d = this.#d;
    const leaving = this.#channel;
    this.#feed?.();
    this.#feed = null;
    this.#port = null;
    this.#channel = null;
    this.#heldFromPeer = new Set();
    d.timers.clearTimeout(this.#awaiting?.timer);
    this.#awaiting = null;
    if (leaving === null) return Promise.resolve();
    const r = d.reconciler();
    if (r !== null) {
      for (const chat of leaving.activeChats()) r.chatEnded(chat.chatId);
      r.setConnectivity({ chatServerUp: false });
    }
    this.#status = 'offline';
    d.workspace.clear();
    return leaving.detach().then((result) => {
      if (!result.ok)
        d.problems.set({
          id: 'chat-handover',
          severity: 'warning',
          cause: { kind: 'chat-handover-failed' },
        });
    });
  }

  #onChatEvent(event: ChatEvent): void {
    const d = this.#d;
    if (event.type === 'assignments') {
      this.#releaseHeldChats(event.chatIds);
      return;
    }
    if (event.type === 'status') {
      this.#status = event.status;
      if (event.status === 'reconnecting') {
        d.problems.set({ id: 'chat-link', severity: 'warning', cause: { kind: 'chat-reconnecting' } });
      } else if (event.status === 'online') {
        d.problems.clear('chat-link');
        d.problems.clear('chat-sign-in');
      }
      d.render();
      return;
    }
    d.workspace.apply(event);
  }

  /**
   * This window takes blending over from another one: the chats that window showed are the agent's until this
   * window's channel has signed in and heard the router's list, so voice is not restored to Ready in between (rule 2).
   */
  #holdPeerChats(): void {
    const r = this.#d.reconciler();
    const peer = this.#d.peer();
    if (r === null || peer === null) return;
    for (const c of peer.conversations) {
      if (c.closed) continue;
      this.#heldFromPeer.add(c.chatId);
      r.chatStarted(c.chatId);
    }
  }

  /** The router listed this agent's chats: a held chat it no longer lists ended while the windows changed over. */
  #releaseHeldChats(listed: readonly string[]): void {
    const held = this.#heldFromPeer;
    this.#heldFromPeer = new Set();
    for (const chatId of held) if (!listed.includes(chatId)) this.#d.reconciler()?.chatEnded(chatId);
    this.#actAsOwner();
  }

  /** Blending acts in this window from now on (the chat channel listed the chats, or the wait is over). */
  #actAsOwner(): void {
    if (this.#awaiting === null) return;
    this.#d.timers.clearTimeout(this.#awaiting.timer);
    this.#awaiting = null;
    if (this.#d.mayAct()) this.#d.reconciler()?.setOwner(true);
  }
}
