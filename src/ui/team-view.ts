// The supervisor's team view: summary counts (also said to screen readers), a team selector, a state filter and a
// name search, and a table of members (ARIA table roles on a grid of contained rows, so one member's change lays
// out one row) with sortable column headers (buttons, aria-sort) and the actions Finesse
// allows, each confirmed inside the gadget. The chat columns come from the chat service's team feed ("no chat data"
// without one, and a notice when it is refused or down); a click on a row (or Enter on the member's name) opens the
// member's recent blending decisions in a panel (Escape closes it).
// Views arriving faster than the screen draws are shown once per animation frame (show()).
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TeamAction, TeamDecisionsView, TeamSessionView } from '../app/team-session.ts';
import {
  DEFAULT_TEAM_QUERY,
  TEAM_COLUMNS,
  queryRows,
  stateGroup,
  teamCounts,
  type StateGroup,
  type TeamChatRow,
  type TeamColumn,
  type TeamMemberRow,
  type TeamQuery,
} from '../app/team-model.ts';
import { language, t } from './messages.ts';
import { AGENT_CAUSES, causeText } from './cause-text.ts';
import { baseStyles, themeTokens } from './theme.ts';
import { ConfigProblemsPanel } from './config-problems.ts';
import { intervalTicker, type Ticker } from './ticker.ts';

/**
 * Each member's row skips layout and paint while off screen and keeps its layout to itself when it changes. A
 * constant string (the template checker does not know these properties yet), never data.
 */
const CONTAINED_ROWS = unsafeCSS('.body .tr { content-visibility: auto; contain-intrinsic-size: auto 30px; }');

const FILTERS: readonly (StateGroup | 'all')[] = ['all', 'ready', 'on-call', 'not-ready', 'signed-out', 'other'];

/** The live summary changes at most this often (a screen reader would otherwise hear every member's change). */
export const SPOKEN_EVERY_MS = 5000;

/** What a team-action event carries. */
export interface TeamActionDetail {
  readonly agentId: string;
  readonly action: TeamAction;
}

const EMPTY_VIEW: TeamSessionView = {
  phase: 'loading',
  teams: [],
  teamId: null,
  rows: new Map(),
  chat: null,
  chatFeed: null,
  decisions: null,
  problem: null,
  action: null,
};

/** h:mm:ss (or m:ss under an hour) since `since`; never negative. */
export function elapsed(since: number, now: number): string {
  const total = Math.max(0, Math.floor((now - since) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The words every row repeats, looked up once per draw. */
interface RowWords {
  readonly noChatData: string;
  readonly noPending: string;
  readonly actions: Readonly<Record<TeamAction, string>>;
}

function rowWords(): RowWords {
  return {
    noChatData: t('team.noChatData'),
    noPending: t('team.noPending'),
    actions: {
      'make-not-ready': t('team.action.make-not-ready'),
      'make-ready': t('team.action.make-ready'),
      'sign-out': t('team.action.sign-out'),
    },
  };
}

/**
 * `<finesse-blend-team>`: events `team-action` ({agentId, action}, after the supervisor confirmed), `team-select`
 * ({teamId}), `team-dismiss` (the outcome of the last action was read), `team-decisions` ({agentId}: open the
 * member's decision log) and `team-decisions-close`.
 */
export class TeamView extends LitElement {
  static override styles = [
    themeTokens,
    baseStyles,
    CONTAINED_ROWS,
    css`
      :host {
        display: block;
        padding: var(--fb-space-s);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-m);
        align-items: end;
        margin-bottom: var(--fb-space-s);
      }
      h1 {
        font-size: 16px;
        margin: 0 auto 0 0;
      }
      label {
        display: grid;
        gap: 2px;
        font-size: var(--fb-font-size-small);
      }
      select,
      input {
        font: inherit;
        min-height: 28px;
        border: 1px solid var(--fb-color-outline);
        border-radius: var(--fb-radius);
        padding: 2px var(--fb-space-s);
      }
      select:focus-visible,
      input:focus-visible {
        outline: 2px solid var(--fb-color-focus);
        outline-offset: 2px;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-s);
        list-style: none;
        padding: 0;
        margin: 0 0 var(--fb-space-s);
      }
      .summary > li {
        background: var(--fb-color-surface-variant);
        border-radius: var(--fb-radius);
        padding: var(--fb-space-xs) var(--fb-space-m);
      }
      .summary .count {
        font-weight: 600;
        margin-left: var(--fb-space-xs);
      }
      .summary ul {
        display: inline;
        list-style: none;
        padding: 0;
        margin: 0 0 0 var(--fb-space-xs);
      }
      .summary ul li {
        display: inline;
        margin-left: var(--fb-space-s);
      }
      .notice {
        padding: var(--fb-space-s) var(--fb-space-m);
        border-radius: var(--fb-radius);
        margin-bottom: var(--fb-space-s);
        border-left: 6px solid var(--fb-color-accent);
        background: var(--fb-color-accent-surface);
      }
      .notice.refused,
      .notice.problem {
        border-left-color: var(--fb-color-error);
        background: var(--fb-color-error-surface);
      }
      .notice p {
        margin: 0 0 var(--fb-space-s);
      }
      .notice .buttons {
        display: flex;
        gap: var(--fb-space-s);
      }
      /* The table is a grid of rows, each row contained (layout, style, paint): a change in one member's row lays
         out that row only, and rows off screen are skipped. The ARIA table roles keep its table semantics. */
      .table {
        width: 100%;
      }
      .caption {
        font-weight: 600;
        padding-bottom: var(--fb-space-xs);
      }
      .tr {
        display: grid;
        grid-template-columns:
          minmax(9em, 2fr) minmax(8em, 2fr) minmax(5em, 1fr) minmax(5em, 1fr) minmax(5em, 1fr)
          minmax(4em, 1fr) minmax(8em, 2fr) minmax(13em, 2fr);
        align-items: center;
        border-bottom: 1px solid var(--fb-color-outline-variant);
      }
      .th,
      .td {
        padding: 2px var(--fb-space-s);
        overflow-wrap: anywhere;
      }
      .th {
        font-weight: 600;
        align-self: end;
      }
      .th button {
        border: none;
        background: none;
        padding: 2px 0;
        font-weight: 600;
        min-height: 0;
        text-align: left;
      }
      .th button .arrow {
        display: inline-block;
        width: 1em;
      }
      .actions button {
        min-height: 24px;
        padding: 0 var(--fb-space-s);
        margin-right: var(--fb-space-xs);
        font-size: var(--fb-font-size-small);
      }
      .tr[data-group='ready'] .state {
        color: var(--fb-color-ready);
        font-weight: 600;
      }
      .reason {
        color: var(--fb-color-muted);
      }
      .body .tr {
        cursor: pointer;
      }
      .name button {
        border: none;
        background: none;
        padding: 0;
        min-height: 0;
        font: inherit;
        text-align: left;
        text-decoration: underline dotted;
      }
      .decisions {
        border: 1px solid var(--fb-color-border, #888);
        padding: var(--fb-space-s);
        margin-bottom: var(--fb-space-s);
      }
      .decisions h2 {
        font-size: 14px;
        margin: 0 0 var(--fb-space-xs);
      }
      .decisions ol {
        margin: 0 0 var(--fb-space-s);
        padding-left: 1.5em;
      }
      .decisions time {
        color: var(--fb-color-muted);
        margin-right: var(--fb-space-xs);
      }
    `,
  ];

  static override properties = {
    view: { attribute: false },
    ticker: { attribute: false },
    query: { state: true },
    confirming: { state: true },
  };

  view: TeamSessionView = EMPTY_VIEW;
  ticker: Ticker = intervalTicker;
  query: TeamQuery = DEFAULT_TEAM_QUERY;
  confirming: TeamActionDetail | null = null;

  #untick: (() => void) | null = null;
  #pending: TeamSessionView | null = null;
  #frame: number | null = null;
  /** The button that opened the confirm step: focus returns to it when the step closes. */
  #opener: HTMLElement | null = null;
  #focusConfirm = false;
  /** The row's name button a decision log was opened from (focus returns to it), and whether to focus the panel. */
  #decisionsOpener: { readonly agentId: string } | null = null;
  #focusDecisions = false;
  #spoken = '';
  #spokenAt: number | null = null;

  /**
   * Shows a new view at the next animation frame; views that arrive before it are dropped for the newest. While the
   * gadget cannot be seen (its tab hidden, the browser tab in the background) no frame comes and nothing is drawn;
   * the newest view is drawn when it shows again.
   */
  show(view: TeamSessionView): void {
    this.#pending = view;
    if (this.#frame !== null) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null;
      if (this.#pending !== null) this.view = this.#pending;
      this.#pending = null;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#untick?.();
    this.#untick = null;
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#frame = null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ticker') && this.isConnected) this.#follow();
    // A member who left the team (or another team shown) cannot be confirmed any more.
    if (this.confirming !== null && !this.view.rows.has(this.confirming.agentId)) this.confirming = null;
  }

  override updated(): void {
    if (this.#focusConfirm) {
      this.#focusConfirm = false;
      this.renderRoot.querySelector<HTMLButtonElement>('.confirm button.primary')?.focus();
    }
    if (this.#focusDecisions) {
      const close = this.renderRoot.querySelector<HTMLButtonElement>('.decisions button.close');
      if (close) {
        this.#focusDecisions = false;
        close.focus();
      }
    }
  }

  #follow(): void {
    this.#untick?.();
    this.#untick = this.ticker.subscribe(() => this.requestUpdate());
  }

  #teamName(): string {
    const v = this.view;
    return v.teams.find((team) => team.id === v.teamId)?.name || (v.teamId ?? '');
  }

  override render() {
    const v = this.view;
    if (v.phase === 'no-teams') return html`<main><p class="notice" role="status">${t('team.noTeams')}</p></main>`;
    const team = this.#teamName();
    return html`<main>
      <div class="bar">
        <h1>${team || t('gadget.team.title')}</h1>
        ${
          v.teams.length > 1
            ? html`<label
                >${t('team.select')}
                <select @change=${this.#onTeam}>
                  ${v.teams.map((tm) => html`<option value=${tm.id} ?selected=${tm.id === v.teamId}>${tm.name || tm.id}</option>`)}
                </select></label
              >`
            : nothing
        }
      </div>
      ${this.#renderProblem()} ${this.#renderFeed()}
      ${v.phase === 'loading' ? html`<p role="status">${t('team.loading')}</p>` : nothing}
      ${v.phase === 'ready' ? this.#renderTeam(team) : nothing}
    </main>`;
  }

  #renderProblem() {
    const p = this.view.problem;
    if (p === null) return nothing;
    const text =
      p.kind === 'load-failed'
        ? t('team.problem.load-failed', { why: t(`team.error.${p.error}`, { name: this.#teamName() }) })
        : t(`team.problem.${p.kind}`);
    return html`<div class="notice problem" role="alert"><p>${text}</p></div>`;
  }

  /** A notice when the chat columns cannot be current: the feed refused, the chat service down or not set. */
  #renderFeed() {
    const status = this.view.chatFeed;
    if (status === null || status === 'live' || status === 'connecting') return nothing;
    return html`<div class="notice problem feed" role="alert" data-feed=${status}>
      <p>${t(`team.feed.${status}`)}</p>
    </div>`;
  }

  /** The decision log the supervisor opened: newest first, each in words in the supervisor's language. */
  #renderDecisions(d: TeamDecisionsView) {
    const words = causeText(language());
    const lang = language().lang;
    const entries = [...d.entries].reverse();
    return html`<section
      class="decisions"
      role="region"
      aria-labelledby="decisions-title"
      data-agent=${d.agentId}
      data-phase=${d.phase}
      @keydown=${this.#onDecisionsKey}
    >
      <h2 id="decisions-title">${t('team.decisions.title', { name: d.name })}</h2>
      ${
        d.phase === 'loading'
          ? html`<p role="status">${t('team.decisions.loading')}</p>`
          : d.phase === 'failed'
            ? html`<p role="alert">${t(`team.decisions.failed.${d.problem ?? 'down'}`)}</p>`
            : entries.length === 0
              ? html`<p role="status">${t('team.decisions.empty')}</p>`
              : html`<ol>
                  ${entries.map(
                    (e) =>
                      html`<li data-kind=${e.kind}>
                        <time datetime=${new Date(e.at).toISOString()}>${new Date(e.at).toLocaleTimeString(lang)}</time
                        >${words.log(e.cause)}
                      </li>`,
                  )}
                </ol>`
      }
      <button type="button" class="close" @click=${this.#closeDecisions}>${t('team.decisions.close')}</button>
    </section>`;
  }

  #renderTeam(team: string) {
    const v = this.view;
    const counts = teamCounts(v.rows.values(), v.chat);
    const rows = queryRows(v.rows.values(), this.query, v.chat);
    const now = this.ticker.now();
    const words = rowWords();
    return html`
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.#speak(
          t('team.summary.spoken', {
            team,
            ready: counts.ready,
            onCall: counts.onCall,
            notReady: counts.notReady,
            signedOut: counts.signedOut,
          }),
          now,
        )}
      </p>
      <ul class="summary" aria-label=${t('team.summary.label')}>
        <li data-count="ready">${t('team.summary.ready')}<span class="count">${counts.ready}</span></li>
        <li data-count="on-call">${t('team.summary.onCall')}<span class="count">${counts.onCall}</span></li>
        <li data-count="not-ready">
          ${t('team.summary.notReady')}<span class="count">${counts.notReady}</span>
          ${
            counts.notReadyByReason.length > 0
              ? html`<ul>
                  ${counts.notReadyByReason.map(
                    (r) =>
                      html`<li data-reason=${r.label ?? ''}>${r.label ?? t('team.summary.noReason')}: ${r.count}</li>`,
                  )}
                </ul>`
              : nothing
          }
        </li>
        <li data-count="signed-out">${t('team.summary.signedOut')}<span class="count">${counts.signedOut}</span></li>
        ${
          counts.handlingChats !== null
            ? html`<li data-count="chats">
                ${t('team.summary.chats')}<span class="count">${counts.handlingChats}</span>
              </li>`
            : nothing
        }
      </ul>
      <div class="bar">
        <label
          >${t('team.filter.label')}
          <select class="filter" @change=${this.#onFilter}>
            ${FILTERS.map(
              (f) => html`<option value=${f} ?selected=${f === this.query.filter}>${t(`team.filter.${f}`)}</option>`,
            )}
          </select></label
        >
        <label
          >${t('team.search.label')}
          <input class="search" type="search" .value=${this.query.search} @input=${this.#onSearch} />
        </label>
      </div>
      ${this.#renderAction()} ${v.decisions !== null ? this.#renderDecisions(v.decisions) : nothing}
      <div class="table" role="table" aria-labelledby="team-caption" aria-rowcount=${rows.length + 1}>
        <div class="caption" id="team-caption">${t('team.caption', { team })}</div>
        <div class="head" role="rowgroup">
          <div class="tr" role="row">
            ${TEAM_COLUMNS.map((c) => this.#header(c))}
            <div class="th" role="columnheader">${t('team.col.actions')}</div>
          </div>
        </div>
        <div class="body" role="rowgroup">
          ${repeat(
            rows,
            (r) => r.id,
            (r) => this.#row(r, v.chat?.get(r.id), v.chat !== null, now, words),
          )}
        </div>
      </div>
      ${rows.length === 0 ? html`<p>${t('team.empty')}</p>` : nothing}
    `;
  }

  /**
   * The summary said in the live region: a change at once when the last was said at least SPOKEN_EVERY_MS ago,
   * otherwise on a later draw (each tick draws), so a busy team is summed up every few seconds, not on every change.
   */
  #speak(summary: string, now: number): string {
    if (summary !== this.#spoken && (this.#spokenAt === null || now - this.#spokenAt >= SPOKEN_EVERY_MS)) {
      this.#spoken = summary;
      this.#spokenAt = now;
    }
    return this.#spoken;
  }

  #header(column: TeamColumn) {
    const sorted = this.query.sort === column;
    const direction = sorted ? this.query.direction : 'none';
    return html`<div class="th" role="columnheader" aria-sort=${direction}>
      <button type="button" data-sort=${column} @click=${() => this.#sortBy(column)}>
        ${t(`team.col.${column}`)}<span class="arrow" aria-hidden="true"
          >${!sorted ? '' : direction === 'ascending' ? '▲' : '▼'}</span
        >
      </button>
    </div>`;
  }

  #row(r: TeamMemberRow, chat: TeamChatRow | undefined, feed: boolean, now: number, words: RowWords) {
    const group = stateGroup(r.state);
    // A dash with its meaning as the accessible name (one element, no hidden text to lay out in every row).
    const noData = html`<span role="img" aria-label=${words.noChatData}>—</span>`;
    const pending = r.pendingState !== null && r.pendingState !== r.state;
    return html`<div
      class="tr"
      role="row"
      data-agent=${r.id}
      data-state=${r.state}
      data-group=${group}
      @click=${(e: Event) => this.#onRowClick(e, r.id)}
    >
      <div class="td name" role="rowheader">
        <button type="button" aria-label=${t('team.decisions.open', { name: r.name })}>${r.name}</button>
      </div>
      <div class="td voice" role="cell">
        <span class="state">${AGENT_CAUSES.voiceState(r.state)}</span>${
          r.reasonLabel !== null ? html` <span class="reason">(${r.reasonLabel})</span>` : nothing
        }
      </div>
      <div class="td pending" role="cell">
        ${
          pending
            ? AGENT_CAUSES.voiceState(r.pendingState ?? 'UNKNOWN')
            : html`<span role="img" aria-label=${words.noPending}>—</span>`
        }
      </div>
      <div class="td time" role="cell">${r.since === null ? t('team.timeUnknown') : elapsed(r.since, now)}</div>
      <div class="td chat" role="cell">${feed && chat !== undefined ? t(`team.chat.${chat.chat}`) : noData}</div>
      <div class="td chats" role="cell">
        ${feed && chat !== undefined ? t('team.chats', { active: chat.active, max: chat.max }) : noData}
      </div>
      <div class="td decision" role="cell">
        ${feed && chat?.latest ? causeText(language()).log(chat.latest.cause) : noData}
      </div>
      <div class="td actions" role="cell">${this.#actions(r, words)}</div>
    </div>`;
  }

  #actions(r: TeamMemberRow, words: RowWords) {
    if (r.state === 'LOGOUT') return nothing;
    const actions: TeamAction[] = [r.state === 'NOT_READY' ? 'make-ready' : 'make-not-ready', 'sign-out'];
    return actions.map(
      (a) =>
        html`<button
          type="button"
          data-action=${a}
          aria-label=${t('team.action.for', { action: words.actions[a], name: r.name })}
          @click=${(e: Event) => this.#ask(e, r.id, a)}
        >
          ${words.actions[a]}
        </button>`,
    );
  }

  #renderAction() {
    const c = this.confirming;
    if (c !== null) {
      const name = this.view.rows.get(c.agentId)?.name ?? c.agentId;
      return html`<div class="notice confirm" role="group" aria-labelledby="confirm-question">
        <p id="confirm-question">${t(`team.confirm.${c.action}`, { name })}</p>
        <div class="buttons" @keydown=${this.#onConfirmKey}>
          <button type="button" class="primary" @click=${this.#confirm}>${t('team.confirm.yes')}</button>
          <button type="button" class="cancel" @click=${this.#cancel}>${t('team.confirm.no')}</button>
        </div>
      </div>`;
    }
    const a = this.view.action;
    if (a === null) return nothing;
    const text =
      a.phase === 'sending'
        ? t('team.outcome.sending', { name: a.name })
        : a.phase === 'accepted'
          ? t('team.outcome.accepted', { name: a.name })
          : t(`team.error.${a.error ?? 'other'}`, { name: a.name });
    return html`<div class="notice outcome ${a.phase}" data-phase=${a.phase} data-error=${a.error ?? ''}>
      <p role=${a.phase === 'refused' ? 'alert' : 'status'}>${text}</p>
      ${
        a.phase === 'sending'
          ? nothing
          : html`<div class="buttons">
              <button type="button" class="dismiss" @click=${this.#dismiss}>${t('team.outcome.dismiss')}</button>
            </div>`
      }
    </div>`;
  }

  /** A click anywhere on a row but its action buttons (or Enter on the member's name) opens its decisions. */
  #onRowClick(e: Event, agentId: string): void {
    const target = e.target as Element | null;
    if (target?.closest('.actions') || this.confirming !== null) return;
    this.#decisionsOpener = { agentId };
    this.#focusDecisions = true;
    this.dispatchEvent(new CustomEvent('team-decisions', { detail: { agentId }, bubbles: true, composed: true }));
  }

  #closeDecisions(): void {
    this.dispatchEvent(new CustomEvent('team-decisions-close', { bubbles: true, composed: true }));
    const opener = this.#decisionsOpener;
    this.#decisionsOpener = null;
    this.#focusDecisions = false;
    void this.updateComplete.then(() => {
      const button = opener
        ? this.renderRoot.querySelector<HTMLButtonElement>(
            `.tr[data-agent="${CSS.escape(opener.agentId)}"] .name button`,
          )
        : null;
      (button ?? this.renderRoot.querySelector<HTMLElement>('.head button'))?.focus();
    });
  }

  #onDecisionsKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.#closeDecisions();
    }
  }

  #sortBy(column: TeamColumn): void {
    const same = this.query.sort === column;
    this.query = {
      ...this.query,
      sort: column,
      direction: same && this.query.direction === 'ascending' ? 'descending' : 'ascending',
    };
  }

  #onFilter(e: Event): void {
    this.query = { ...this.query, filter: (e.target as HTMLSelectElement).value as TeamQuery['filter'] };
  }

  #onSearch(e: Event): void {
    this.query = { ...this.query, search: (e.target as HTMLInputElement).value };
  }

  #onTeam(e: Event): void {
    const teamId = (e.target as HTMLSelectElement).value;
    this.dispatchEvent(new CustomEvent('team-select', { detail: { teamId }, bubbles: true, composed: true }));
  }

  #ask(e: Event, agentId: string, action: TeamAction): void {
    this.#opener = e.currentTarget as HTMLElement;
    this.confirming = { agentId, action };
    this.#focusConfirm = true;
  }

  #confirm(): void {
    const c = this.confirming;
    if (c === null) return;
    this.confirming = null;
    this.dispatchEvent(new CustomEvent<TeamActionDetail>('team-action', { detail: c, bubbles: true, composed: true }));
    this.#restoreFocus();
  }

  #cancel(): void {
    this.confirming = null;
    this.#restoreFocus();
  }

  #onConfirmKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.#cancel();
    }
  }

  #dismiss(): void {
    this.dispatchEvent(new CustomEvent('team-dismiss', { bubbles: true, composed: true }));
  }

  #restoreFocus(): void {
    const opener = this.#opener;
    this.#opener = null;
    void this.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
      else this.renderRoot.querySelector<HTMLElement>('.head button')?.focus();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'finesse-blend-team': TeamView;
  }
}

/** Registers the team gadget's element once. */
export function defineTeamElements(): void {
  if (!customElements.get('finesse-blend-team')) customElements.define('finesse-blend-team', TeamView);
  if (!customElements.get('finesse-blend-config-problems')) {
    customElements.define('finesse-blend-config-problems', ConfigProblemsPanel);
  }
}
