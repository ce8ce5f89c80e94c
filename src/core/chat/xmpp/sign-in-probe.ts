// The agent's chat sign-in, tried once for the diagnostics page: the same link the chat channel uses (chat-link.ts,
// the same SASL mechanisms and credentials), on one endpoint, with a resource of its own so that the running
// gadget's session is not replaced. It sends no presence: the router never sees this session as the agent's
// availability. While signed in it can ask the router a question that changes nothing (its assignments list).
import { err, ok, type Result } from '../../result.ts';
import type { Timers } from '../../shared/timers.ts';
import type { ChatChannelError, ChatCredentials } from '../chat-channel.ts';
import { ChatLink } from './chat-link.ts';
import type { IqFailure } from './iq-tracker.ts';
import { assignmentsQuery, readAssignments } from './profile/agent-side.ts';
import type { ConnectionFactory } from './xmpp-connection.ts';

export interface SignInProbeOptions {
  /** One endpoint: a WebSocket (ws:, wss:) or BOSH (http:, https:) address. */
  readonly service: string;
  readonly domain: string;
  readonly credentials: ChatCredentials;
  /** The probe's own resource, e.g. "diagnostics-3f9a". */
  readonly resource: string;
  readonly createConnection: ConnectionFactory;
  readonly clock: Timers;
  /** How long the sign-in and each request may take. */
  readonly timeoutMs: number;
}

/** What the router said to the assignments query: how many queues it lists. */
export interface RouterAnswer {
  readonly queues: number;
}

/** A signed-in probe session. */
export interface SignedInProbe {
  /** Asks the router for this agent's assignments (changes nothing on the router). */
  askRouter(routerJid: string): Promise<Result<RouterAnswer, IqFailure | { readonly kind: 'unreadable' }>>;
  /** Signs out (closes the stream; no presence was ever sent). */
  close(): Promise<void>;
}

/** Signs in once; resolves signed in, or with why not (`timeout` when the server never finished the sign-in). */
export async function probeSignIn(
  options: SignInProbeOptions,
): Promise<Result<SignedInProbe, ChatChannelError | { readonly code: 'timeout' }>> {
  const websocket = /^wss?:/i.test(options.service);
  const link = new ChatLink(
    {
      websocketUrl: websocket ? options.service : null,
      boshUrl: websocket ? null : options.service,
      domain: options.domain,
      createConnection: options.createConnection,
      clock: options.clock,
      random: Math.random,
      backoff: { firstMs: 60_000, maxMs: 60_000, jitter: 0 },
      requestTimeoutMs: options.timeoutMs,
      streamManagement: false,
      resource: options.resource,
    },
    { installHandlers: () => undefined, up: () => undefined, down: () => undefined, status: () => undefined },
  );
  const close = async (): Promise<void> => {
    link.giveUp(null);
    await link.close('diagnostics done', 2000);
    link.settle(null);
  };
  let timer: unknown = null;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = options.clock.setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const outcome = await Promise.race([link.open(options.credentials), timedOut]);
  options.clock.clearTimeout(timer);
  if (outcome === 'timeout' || !outcome.ok) {
    await close();
    return err(outcome === 'timeout' ? { code: 'timeout' } : outcome.error);
  }
  return ok({
    async askRouter(routerJid) {
      const answer = await link.request(assignmentsQuery(routerJid));
      if (!answer.ok) return answer;
      const list = readAssignments(answer.value);
      return list === null ? err({ kind: 'unreadable' }) : ok({ queues: list.queues?.length ?? 0 });
    },
    close,
  });
}
