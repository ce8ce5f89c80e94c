// The diagnostics page's checks: what an administrator needs to know when an agent says "chat doesn't work". Each
// check talks to one part of the world through a port (the Finesse REST client, the desktop's hub, the chat server
// probes, the chat sign-in) and comes back as data: passed, failed, not run (and which earlier check it waits on),
// or off (chat not set up). The UI says each in words with what to do (src/ui/diagnostics-text.ts). Credentials stay
// inside the ports; nothing here keeps or returns them.
import type { Result } from '../core/result.ts';
import type { ConfigProblem, GadgetConfig } from '../core/container/gadget-config.ts';
import type { HubPort } from '../core/container/hub.ts';
import type { FinesseClient, FinesseError } from '../core/finesse/rest/index.ts';
import type { AgentState, DeploymentType, SystemInfo, SystemStatus } from '../core/finesse/types.ts';
import type { ChatChannelError, ChatCredentials } from '../core/chat/chat-channel.ts';
import type { EndpointAnswer } from '../core/chat/xmpp/endpoint-probe.ts';
import type { SignedInProbe } from '../core/chat/xmpp/sign-in-probe.ts';
import {
  parseHandlingChatConfig,
  resolveHandlingChatReason,
  type HandlingChatConfigError,
} from '../core/blending/handling-chat-reason.ts';
import {
  CONNECTION_TOPIC,
  REQUESTS_TOPIC,
  RESPONSES_TOPIC_PREFIX,
  readConnectionStatus,
} from '../core/blending/adapters/agent-notifications.ts';
import type { Timers } from '../core/shared/timers.ts';

/** The checks, in the order they run and show. */
export const CHECK_IDS = [
  'prefs',
  'finesse-rest',
  'notifications',
  'system-info',
  'reason-code',
  'chat-server',
  'chat-sign-in',
  'chat-router',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** One Finesse node's SystemInfo as the check saw it. */
export interface NodeFinding {
  readonly role: 'primary' | 'secondary';
  /** "host:port" as SystemInfo names it. */
  readonly node: string;
  /** The node's status, or null when it did not answer. */
  readonly status: SystemStatus | null;
  /** Why it did not answer. */
  readonly error: FinesseError['kind'] | null;
}

/** A WebSocket or BOSH address and what it did. */
export interface EndpointFinding {
  readonly url: string;
  readonly answer: EndpointAnswer;
}

/** A pref and the value in force (never a credential). */
export interface PrefValue {
  readonly name: string;
  readonly value: string;
}

/** What a check found, as data for the words. */
export type Finding =
  | { readonly kind: 'prefs-ok' }
  | { readonly kind: 'prefs-problems'; readonly problems: readonly ConfigProblem[] }
  /** The configuration works, with defaults in place of these values (warnings). */
  | { readonly kind: 'prefs-warnings'; readonly problems: readonly ConfigProblem[] }
  | {
      readonly kind: 'user';
      readonly name: string;
      readonly state: AgentState;
      readonly reason: string | null;
    }
  | { readonly kind: 'rest-auth' }
  | { readonly kind: 'rest-failed'; readonly error: FinesseError['kind']; readonly status: number | null }
  | { readonly kind: 'notifications-ok'; readonly ms: number }
  | { readonly kind: 'notifications-down'; readonly status: string }
  | { readonly kind: 'notifications-no-answer'; readonly step: 'connection' | 'subscribe' }
  | { readonly kind: 'notifications-refused'; readonly errorType: string }
  | { readonly kind: 'nodes'; readonly deployment: DeploymentType | null; readonly nodes: readonly NodeFinding[] }
  | { readonly kind: 'system-info-failed'; readonly error: FinesseError['kind']; readonly status: number | null }
  | { readonly kind: 'reason-ok'; readonly label: string; readonly code: number }
  | {
      readonly kind: 'reason-config';
      readonly error: HandlingChatConfigError;
      /** The pref as configured. */
      readonly configured: string;
      /** The Not Ready reasons Finesse gives this agent (their labels), to choose from. */
      readonly available: readonly string[];
    }
  | { readonly kind: 'reason-codes-unread'; readonly error: FinesseError['kind']; readonly status: number | null }
  | { readonly kind: 'chat-off' }
  | {
      readonly kind: 'endpoints';
      readonly websocket: EndpointFinding | null;
      readonly bosh: EndpointFinding | null;
    }
  | { readonly kind: 'signed-in'; readonly transport: 'websocket' | 'bosh'; readonly ms: number }
  | { readonly kind: 'sign-in-refused' }
  | { readonly kind: 'sign-in-failed'; readonly code: ChatChannelError['code'] | 'timeout' }
  | { readonly kind: 'no-identity' }
  | { readonly kind: 'router-ok'; readonly ms: number; readonly queues: number }
  | { readonly kind: 'router-no-answer'; readonly ms: number }
  | { readonly kind: 'router-error'; readonly condition: string };

/** A check's state: waiting its turn, running, or its outcome. */
export type CheckResult =
  | { readonly id: CheckId; readonly outcome: 'waiting' | 'running' }
  | { readonly id: CheckId; readonly outcome: 'pass' | 'warn' | 'fail' | 'off'; readonly finding: Finding }
  /** Not run: `because` is the earlier check it needs. */
  | { readonly id: CheckId; readonly outcome: 'skipped'; readonly because: CheckId };

/** One run of all the checks. */
export interface DiagnosticsRun {
  readonly startedAt: number;
  /** Null while checks are still running. */
  readonly finishedAt: number | null;
  readonly agentId: string | null;
  /** The Finesse node the desktop was loaded from ("host:port"). */
  readonly desktopNode: string | null;
  readonly checks: readonly CheckResult[];
  /** The prefs in force, for the report (credentials are never among them). */
  readonly prefs: readonly PrefValue[];
}

/** The chat server as the checks reach it (from the gadget's chat prefs). */
export interface DiagnosticsChatPorts {
  readonly domain: string;
  readonly routerJid: string;
  readonly websocketUrl: string | null;
  readonly boshUrl: string | null;
  readonly credentials: Result<ChatCredentials, string>;
  probeWebSocket(url: string): Promise<EndpointAnswer>;
  probeBosh(url: string): Promise<EndpointAnswer>;
  /** Signs in once on `service`, with a resource of the probe's own. */
  signIn(service: string): Promise<Result<SignedInProbe, ChatChannelError | { readonly code: 'timeout' }>>;
}

/** What the checks talk to, made from a valid configuration. */
export interface DiagnosticsPorts {
  readonly client: FinesseClient;
  /** GET SystemInfo from one node ("host:port"), through the container's proxy for the other node. */
  systemInfoFor(node: string): Promise<Result<SystemInfo, FinesseError>>;
  readonly hub: HubPort;
  /** The chat server; null when chat is not set up (no chatService, chatRouter or xmppDomain). */
  readonly chat: DiagnosticsChatPorts | null;
  readonly newInvokeId: () => string;
}

export interface DiagnosticsDeps {
  /** readGadgetConfig's answer. */
  readonly config: Result<GadgetConfig, readonly ConfigProblem[]>;
  /** The prefs in force, for the report (no credentials). */
  readonly prefs: readonly PrefValue[];
  /** Makes the ports from a valid configuration. */
  readonly ports: (config: GadgetConfig) => DiagnosticsPorts;
  readonly clock: Timers;
  /** How long the desktop and the router may take to answer. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The prefs the report shows, each with its value in force from a valid configuration (defaults where it chose one).
 * Credentials (authorization, authToken) are not among them.
 */
const SHOWN_PREFS: readonly (readonly [string, (config: GadgetConfig) => string | null])[] = [
  ['id', (c) => c.agentId],
  ['host', (c) => c.host],
  ['hostPort', (c) => c.hostPort],
  ['restHost', (c) => c.restHost],
  ['scheme', (c) => c.scheme],
  ['xmppDomain', (c) => c.xmppDomain],
  ['teamId', (c) => c.teamId],
  ['maxChats', (c) => String(c.maxChats)],
  ['handlingChatReason', (c) => c.handlingChatReason],
  ['chatService', (c) => c.chatService],
  ['chatRouter', (c) => c.chatRouter],
  ['offerSound', (c) => String(c.offerSound)],
  ['desktopNotifications', (c) => String(c.desktopNotifications)],
  ['autoAccept', (c) => String(c.autoAccept)],
];

/**
 * The non-secret prefs the gadget reads: the values in force from a valid configuration, else as the container
 * gave them. chatService is shown without any user:password@ in it.
 */
export function prefsInForce(get: (name: string) => string, config: GadgetConfig | null): PrefValue[] {
  return SHOWN_PREFS.map(([name, inForce]) => {
    const value = (config !== null ? inForce(config) : get(name).trim()) ?? '';
    return { name, value: name === 'chatService' ? withoutUserInfo(value) : value };
  });
}

/** An address without any user:password@ in it. */
export function withoutUserInfo(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1');
}

/** Runs every check in order, reporting each step through `onChange`; resolves with the finished run. */
export async function runDiagnostics(
  deps: DiagnosticsDeps,
  onChange: (run: DiagnosticsRun) => void,
): Promise<DiagnosticsRun> {
  const clock = deps.clock;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const config = deps.config.ok ? deps.config.value : null;
  let run: DiagnosticsRun = {
    startedAt: clock.now(),
    finishedAt: null,
    agentId: config?.agentId ?? null,
    desktopNode: config ? nodeName(config) : null,
    checks: CHECK_IDS.map((id) => ({ id, outcome: 'waiting' })),
    prefs: deps.prefs,
  };
  const set = (result: CheckResult): void => {
    run = { ...run, checks: run.checks.map((c) => (c.id === result.id ? result : c)) };
    onChange(run);
  };
  const outcomeOf = (id: CheckId): CheckResult['outcome'] => run.checks.find((c) => c.id === id)?.outcome ?? 'waiting';
  const skip = (id: CheckId, because: CheckId): void => set({ id, outcome: 'skipped', because });
  const step = async (id: CheckId, check: () => Promise<CheckResult>): Promise<void> => {
    set({ id, outcome: 'running' });
    set(await check());
  };

  onChange(run);
  // 8 (shown first): the prefs; everything else needs a valid configuration.
  if (!deps.config.ok) {
    set({ id: 'prefs', outcome: 'fail', finding: { kind: 'prefs-problems', problems: deps.config.error } });
    for (const id of CHECK_IDS) if (id !== 'prefs') skip(id, 'prefs');
    return finish();
  }
  const cfg = deps.config.value;
  set(
    cfg.warnings.length > 0
      ? { id: 'prefs', outcome: 'warn', finding: { kind: 'prefs-warnings', problems: cfg.warnings } }
      : { id: 'prefs', outcome: 'pass', finding: { kind: 'prefs-ok' } },
  );
  const ports = deps.ports(cfg);

  let teamId = cfg.teamId;
  await step('finesse-rest', async () => {
    const user = await ports.client.getUser(cfg.agentId);
    if (!user.ok) return restFailure('finesse-rest', user.error);
    teamId ??= user.value.teamId;
    const name = `${user.value.firstName} ${user.value.lastName}`.trim() || user.value.loginId;
    const reason = user.value.reasonCode?.label ?? null;
    return { id: 'finesse-rest', outcome: 'pass', finding: { kind: 'user', name, state: user.value.state, reason } };
  });

  await step('notifications', () => checkNotifications(ports, cfg, clock, timeoutMs));
  await step('system-info', () => checkSystemInfo(ports, cfg));

  if (outcomeOf('finesse-rest') !== 'pass') skip('reason-code', 'finesse-rest');
  else await step('reason-code', () => checkReasonCode(ports, cfg, teamId));

  const chat = ports.chat;
  if (chat === null) {
    for (const id of ['chat-server', 'chat-sign-in', 'chat-router'] as const)
      set({ id, outcome: 'off', finding: { kind: 'chat-off' } });
    return finish();
  }
  // What the chat checks hand on to the next (assigned inside the steps).
  const found: { service: string | null; session: SignedInProbe | null } = { service: null, session: null };
  await step('chat-server', async () => {
    const websocket = chat.websocketUrl
      ? { url: withoutUserInfo(chat.websocketUrl), answer: await chat.probeWebSocket(chat.websocketUrl) }
      : null;
    const bosh = chat.boshUrl
      ? { url: withoutUserInfo(chat.boshUrl), answer: await chat.probeBosh(chat.boshUrl) }
      : null;
    // Sign in where the gadget would: WebSocket first, BOSH when WebSocket does not answer.
    const service = websocket?.answer.answered ? chat.websocketUrl : bosh?.answer.answered ? chat.boshUrl : null;
    found.service = service;
    const all = [websocket, bosh].filter((e) => e !== null);
    const outcome = service === null ? 'fail' : all.every((e) => e.answer.answered) ? 'pass' : 'warn';
    return { id: 'chat-server', outcome, finding: { kind: 'endpoints', websocket, bosh } };
  });

  const signInService = found.service;
  if (signInService === null) skip('chat-sign-in', 'chat-server');
  else
    await step('chat-sign-in', async () => {
      if (!chat.credentials.ok) return { id: 'chat-sign-in', outcome: 'fail', finding: { kind: 'no-identity' } };
      const started = clock.now();
      const signed = await chat.signIn(signInService);
      if (!signed.ok) {
        const code = signed.error.code;
        return {
          id: 'chat-sign-in',
          outcome: 'fail',
          finding: code === 'auth-failed' ? { kind: 'sign-in-refused' } : { kind: 'sign-in-failed', code },
        };
      }
      found.session = signed.value;
      const transport = /^wss?:/i.test(signInService) ? 'websocket' : 'bosh';
      return {
        id: 'chat-sign-in',
        outcome: 'pass',
        finding: { kind: 'signed-in', transport, ms: clock.now() - started },
      };
    });

  const probe = found.session;
  if (probe === null) skip('chat-router', 'chat-sign-in');
  else {
    await step('chat-router', async () => {
      const started = clock.now();
      const answer = await probe.askRouter(chat.routerJid);
      const ms = clock.now() - started;
      await probe.close();
      if (answer.ok)
        return { id: 'chat-router', outcome: 'pass', finding: { kind: 'router-ok', ms, queues: answer.value.queues } };
      const e = answer.error;
      const finding: Finding =
        e.kind === 'timeout'
          ? { kind: 'router-no-answer', ms }
          : { kind: 'router-error', condition: e.kind === 'error' ? e.condition : e.kind };
      return { id: 'chat-router', outcome: 'fail', finding };
    });
  }
  return finish();

  function finish(): DiagnosticsRun {
    run = { ...run, finishedAt: clock.now() };
    onChange(run);
    return run;
  }
}

/** "host:port" of the node the desktop was loaded from. */
function nodeName(config: GadgetConfig): string {
  return `${config.host}${config.hostPort ? `:${config.hostPort}` : ''}`;
}

function restFailure(id: CheckId, error: FinesseError): CheckResult {
  const finding: Finding =
    error.kind === 'auth'
      ? { kind: 'rest-auth' }
      : { kind: 'rest-failed', error: error.kind, status: error.status ?? null };
  return { id, outcome: 'fail', finding };
}

/**
 * Notifications: the desktop's notification connection status (ConnectionInfoReq, answered on finesse.info.connection),
 * then a round trip through the notification service: a SubscribeNodeReq for the agent's own User node (a node every
 * agent is already subscribed to, so the subscription changes nothing), answered on finesse.info.responses.<invokeID>.
 */
async function checkNotifications(
  ports: DiagnosticsPorts,
  config: GadgetConfig,
  clock: Timers,
  timeoutMs: number,
): Promise<CheckResult> {
  const id = 'notifications';
  const started = clock.now();
  const connectionId = ports.newInvokeId();
  // A desktop still connecting (the page opened as the desktop loads) or reconnecting is given the timeout to get
  // there; the check fails with the last status it reported if it does not.
  let last: string | null = null;
  const connected = await answerOn<string>(
    ports.hub,
    CONNECTION_TOPIC,
    (payload, settle) => {
      const s = readConnectionStatus(payload);
      if (s === null || s === 'unloading') return;
      last = s;
      if (s === 'connected') settle(s);
    },
    () => ports.hub.publish(REQUESTS_TOPIC, { type: 'ConnectionInfoReq', data: {}, invokeID: connectionId }),
    clock,
    timeoutMs,
  );
  const status = connected ?? last;
  if (status === null) return { id, outcome: 'fail', finding: { kind: 'notifications-no-answer', step: 'connection' } };
  if (status !== 'connected') return { id, outcome: 'fail', finding: { kind: 'notifications-down', status } };
  const invokeId = ports.newInvokeId();
  const reply = await answerOn<{ readonly value: unknown }>(
    ports.hub,
    RESPONSES_TOPIC_PREFIX + invokeId,
    (payload, settle) => settle({ value: payload }),
    () =>
      ports.hub.publish(REQUESTS_TOPIC, {
        type: 'SubscribeNodeReq',
        data: { node: `/finesse/api/User/${config.agentId}` },
        invokeID: invokeId,
      }),
    clock,
    timeoutMs,
  );
  if (reply === null) return { id, outcome: 'fail', finding: { kind: 'notifications-no-answer', step: 'subscribe' } };
  if (reply.value === undefined || reply.value === null)
    return { id, outcome: 'pass', finding: { kind: 'notifications-ok', ms: clock.now() - started } };
  return { id, outcome: 'fail', finding: { kind: 'notifications-refused', errorType: errorTypeOf(reply.value) } };
}

/** The errorType of a refused request ({error:{errorType}}), "XMPP error" for {subscribe:{...}}. */
function errorTypeOf(reply: unknown): string {
  if (typeof reply !== 'object' || reply === null) return String(reply);
  const error = (reply as { error?: { errorType?: unknown } }).error;
  if (typeof error?.errorType === 'string') return error.errorType.slice(0, 80);
  if ('subscribe' in reply) return 'XMPP error';
  return 'unknown';
}

/** Subscribes to `topic`, then sends; resolves with what `read` settles, or null after `timeoutMs`. */
function answerOn<T>(
  hub: HubPort,
  topic: string,
  read: (payload: unknown, settle: (value: T) => void) => void,
  send: () => void,
  clock: Timers,
  timeoutMs: number,
): Promise<T | null> {
  return new Promise((resolve) => {
    let done = false;
    const settle = (value: T | null): void => {
      if (done) return;
      done = true;
      clock.clearTimeout(timer);
      release();
      resolve(value);
    };
    const timer = clock.setTimeout(() => settle(null), timeoutMs);
    const release = hub.subscribe(topic, (payload) => read(payload, settle));
    if (!done) send();
  });
}

/** SystemInfo of this node names both nodes; each is asked for its own status. */
async function checkSystemInfo(ports: DiagnosticsPorts, config: GadgetConfig): Promise<CheckResult> {
  const id = 'system-info';
  const here = await ports.client.getSystemInfo();
  if (!here.ok)
    return {
      id,
      outcome: 'fail',
      finding: { kind: 'system-info-failed', error: here.error.kind, status: here.error.status ?? null },
    };
  const info = here.value;
  const named: { role: NodeFinding['role']; node: string }[] = [
    { role: 'primary', node: info.primaryNode ?? nodeName(config) },
  ];
  if (info.secondaryNode) named.push({ role: 'secondary', node: info.secondaryNode });
  const nodes = await Promise.all(
    named.map(async ({ role, node }): Promise<NodeFinding> => {
      const answer = node === nodeName(config) || node === config.host ? here : await ports.systemInfoFor(node);
      return answer.ok
        ? { role, node, status: answer.value.status, error: null }
        : { role, node, status: null, error: answer.error.kind };
    }),
  );
  const allUp = nodes.every((n) => n.status === 'IN_SERVICE');
  return {
    id,
    outcome: allUp ? 'pass' : 'fail',
    finding: { kind: 'nodes', deployment: info.deploymentType === 'UNKNOWN' ? null : info.deploymentType, nodes },
  };
}

/** The configured Handling Chat reason resolves to one Not Ready reason code Finesse gives this agent. */
async function checkReasonCode(
  ports: DiagnosticsPorts,
  config: GadgetConfig,
  teamId: string | null,
): Promise<CheckResult> {
  const id = 'reason-code';
  const configured = config.handlingChatReason;
  const parsed = parseHandlingChatConfig(configured);
  if (!parsed.ok)
    return { id, outcome: 'fail', finding: { kind: 'reason-config', error: parsed.error, configured, available: [] } };
  const codes = await ports.client.getAgentReasonCodes(config.agentId, teamId, 'NOT_READY');
  if (!codes.ok)
    return {
      id,
      outcome: 'fail',
      finding: { kind: 'reason-codes-unread', error: codes.error.kind, status: codes.error.status ?? null },
    };
  const found = resolveHandlingChatReason(parsed.value, codes.value);
  if (found.ok)
    return { id, outcome: 'pass', finding: { kind: 'reason-ok', label: found.value.label, code: found.value.code } };
  const available = codes.value.filter((r) => r.category === 'NOT_READY' && !r.systemCode).map((r) => r.label);
  return { id, outcome: 'fail', finding: { kind: 'reason-config', error: found.error, configured, available } };
}
