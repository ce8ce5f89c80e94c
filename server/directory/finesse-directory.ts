// Keeps the directory (directory.ts) fresh: reads Finesse's user list with the administrator API User—Get List
// (GET /finesse/api/Users, Basic auth with an administrator's credentials) at start and every refresh period. When
// Finesse cannot be read, the last good directory stays in use and one line says why; the password is never logged.
import { parseUsers } from '../../src/core/finesse/xml/index.ts';
import { systemTimers, type Timers, type TimerHandle } from '../../src/core/shared/timers.ts';
import { agentsVisibleTo, buildDirectory, teamOf, type Directory } from './directory.ts';

export interface FinesseDirectoryOptions {
  /** Finesse's base URL, e.g. https://finesse.example.com:8445 */
  readonly url: string;
  readonly adminUser: string;
  readonly password: string;
  /** How often the list is read again (default 5 minutes). */
  readonly refreshMs?: number;
  /** How long one read may take (default 15 s). */
  readonly timeoutMs?: number;
  readonly clock?: Timers;
  readonly log?: (level: 'info' | 'warn', line: string, fields?: Readonly<Record<string, string | number>>) => void;
  /** Told after each successful read (the router re-checks who serves which queue). */
  readonly onChange?: (directory: Directory) => void;
  readonly fetch?: typeof fetch;
}

/** The largest user list read (a big contact center's list is a few MB). */
const MAX_LIST_BYTES = 32 * 1024 * 1024;

export class FinesseDirectory {
  readonly #opts: FinesseDirectoryOptions;
  readonly #clock: Timers;
  #directory: Directory | null = null;
  #timer: TimerHandle = null;
  #running = false;
  #reading: Promise<boolean> | null = null;

  constructor(options: FinesseDirectoryOptions) {
    this.#opts = options;
    this.#clock = options.clock ?? systemTimers;
  }

  /** Reads the list once (waiting for that first read), then again every refresh period until stopped. */
  async start(): Promise<void> {
    this.#running = true;
    await this.refresh();
  }

  stop(): void {
    this.#running = false;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** The last directory read, or null before the first good read. */
  current(): Directory | null {
    return this.#directory;
  }

  /** How old the directory is in ms, or null before the first good read. */
  ageMs(): number | null {
    return this.#directory === null ? null : Math.max(0, this.#clock.now() - this.#directory.readAt);
  }

  /** The agent's Finesse team id, or null when unknown. */
  teamOf(agentId: string): string | null {
    return this.#directory === null ? null : teamOf(this.#directory, agentId);
  }

  /** The agents (login ids) this supervisor may see: the members of the teams it supervises. */
  agentsVisibleTo(supervisorId: string): string[] {
    return this.#directory === null ? [] : agentsVisibleTo(this.#directory, supervisorId);
  }

  /** Reads the list now; true when it was read (a read already under way is shared). */
  refresh(): Promise<boolean> {
    this.#reading ??= this.#read().finally(() => {
      this.#reading = null;
      this.#schedule();
    });
    return this.#reading;
  }

  #schedule(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#running) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      void this.refresh();
    }, this.#opts.refreshMs ?? 300_000);
  }

  async #read(): Promise<boolean> {
    const problem = await this.#fetchList();
    if (typeof problem !== 'string') {
      this.#directory = problem;
      this.#opts.log?.('info', 'read the users and teams from Finesse', {
        users: problem.users.size,
        teams: problem.teams.size,
      });
      this.#opts.onChange?.(problem);
      return true;
    }
    const kept =
      this.#directory === null
        ? 'no directory yet: queues served by teams have only their listed agents until a read succeeds'
        : `keeping the directory read ${Math.round((this.ageMs() ?? 0) / 1000)} s ago`;
    this.#opts.log?.('warn', `cannot read the users from Finesse: ${problem}; ${kept}`, { url: this.#listUrl() });
    return false;
  }

  #listUrl(): string {
    return `${this.#opts.url.replace(/\/+$/, '')}/finesse/api/Users`;
  }

  /** The directory, or a sentence saying why it could not be read. */
  async #fetchList(): Promise<Directory | string> {
    const auth = Buffer.from(`${this.#opts.adminUser}:${this.#opts.password}`, 'utf8').toString('base64');
    let res: Response;
    try {
      res = await (this.#opts.fetch ?? fetch)(this.#listUrl(), {
        headers: { authorization: `Basic ${auth}`, accept: 'application/xml' },
        signal: AbortSignal.timeout(this.#opts.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      return name === 'TimeoutError'
        ? 'Finesse did not answer in time'
        : 'Finesse is not reachable (check finesse.url, the network and its TLS certificate)';
    }
    const body = await res.text().catch(() => null);
    if (res.status === 401 || res.status === 403)
      return `Finesse refused the credentials (HTTP ${res.status}): finesse.adminUser must be an administrator and CHAT_SERVICE_FINESSE_PASSWORD its password`;
    if (res.status === 503) return 'Finesse is out of service (HTTP 503)';
    if (res.status !== 200 || body === null) return `Finesse answered HTTP ${res.status}`;
    const parsed = parseUsers(body, { maxBytes: MAX_LIST_BYTES });
    if (!parsed.ok) return `Finesse's user list could not be read (${parsed.error.message})`;
    return buildDirectory(parsed.value, this.#clock.now());
  }
}
