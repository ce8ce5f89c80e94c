import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AgentState } from '../../../src/core/finesse/types.ts';
import type { TeamSessionView } from '../../../src/app/team-session.ts';
import type { TeamChatRow, TeamMemberRow } from '../../../src/app/team-model.ts';
import { SPOKEN_EVERY_MS, TeamView, elapsed } from '../../../src/ui/team-view.ts';
import { setLanguage } from '../../../src/ui/messages.ts';
import { Harness, ManualTicker, recordEvents } from './harness/harness.ts';

customElements.define('test-team-view', TeamView);

const T0 = Date.parse('2024-01-01T10:00:00Z');

function row(id: string, name: string, state: AgentState, extra: Partial<TeamMemberRow> = {}): TeamMemberRow {
  return {
    id,
    name,
    state,
    pendingState: null,
    reasonCodeId: null,
    reasonLabel: null,
    reasonSystem: false,
    since: T0,
    ...extra,
  };
}

const ROWS = [
  row('1', 'Ava Agent', 'READY', { since: T0 - 65_000 }),
  row('2', 'Ben Baker', 'TALKING', { pendingState: 'NOT_READY' }),
  row('3', 'Cleo Carter', 'NOT_READY', { reasonLabel: 'Break', reasonCodeId: '1' }),
  row('4', 'Dev Dunn', 'LOGOUT'),
];

function view(extra: Partial<TeamSessionView> = {}): TeamSessionView {
  return {
    phase: 'ready',
    teams: [{ id: '10', name: 'Blended Team A', uri: null }],
    teamId: '10',
    rows: new Map(ROWS.map((r) => [r.id, r])),
    chat: null,
    chatFeed: null,
    decisions: null,
    problem: null,
    action: null,
    ...extra,
  };
}

class TeamHarness extends Harness<TeamView> {
  names(): string[] {
    return [...this.root.querySelectorAll('.body .name')].map((th) => (th.textContent ?? '').trim());
  }
  cell(agentId: string, selector: string): string {
    return (this.find(`.tr[data-agent="${agentId}"] ${selector}`).textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  header(column: string): HTMLButtonElement {
    return this.find<HTMLButtonElement>(`.th button[data-sort="${column}"]`);
  }
  sortOf(column: string): string | null {
    return this.header(column).closest('[role="columnheader"]')?.getAttribute('aria-sort') ?? null;
  }
  count(name: string): string {
    return (this.find(`.summary > li[data-count="${name}"] .count`).textContent ?? '').trim();
  }
  spoken(): string {
    return (this.find('[role="status"][aria-live="polite"]').textContent ?? '').replace(/\s+/g, ' ').trim();
  }
}

async function mount(v: TeamSessionView, ticker = new ManualTicker(T0)) {
  const el = await fixture<TeamView>(html`<test-team-view .view=${v} .ticker=${ticker}></test-team-view>`);
  return { el, h: new TeamHarness(el), ticker };
}

describe('team view', () => {
  it('shows each member with state, reason, next state and time in state ticking on the ticker', async () => {
    const { h, ticker } = await mount(view());
    expect(h.names()).to.deep.equal(['Ava Agent', 'Ben Baker', 'Cleo Carter', 'Dev Dunn']);
    expect(h.cell('3', '.voice')).to.equal('Not Ready (Break)');
    expect(h.cell('2', '.pending')).to.equal('Not Ready');
    expect(h.cell('1', '.time')).to.equal('1:05');
    ticker.advance(3_600_000);
    await h.settled();
    expect(h.cell('1', '.time')).to.equal('1:01:05');
  });

  it('without a chat feed, the chat cells show a dash with words for screen readers, never made-up values', async () => {
    const { h } = await mount(view());
    for (const cell of ['.chat', '.chats', '.decision']) {
      const dash = h.find(`.tr[data-agent="1"] ${cell} [role="img"]`);
      expect(dash.textContent).to.equal('—');
      expect(dash.getAttribute('aria-label')).to.contain('No chat data');
    }
    expect(h.has('.summary > li[data-count="chats"]')).to.equal(false);
  });

  it('with a chat feed, the chat cells and the handling-chats count show its data', async () => {
    const chat = new Map<string, TeamChatRow>([
      [
        '1',
        {
          agentId: '1',
          chat: 'available',
          active: 2,
          max: 3,
          latest: {
            seq: 1,
            at: 0,
            kind: 'voice-confirmed',
            cause: { kind: 'voice-confirmed', request: { state: 'NOT_READY', label: 'Handling Chat' } },
          },
        },
      ],
    ]);
    const { h } = await mount(view({ chat }));
    expect(h.cell('1', '.chat')).to.equal('Available');
    expect(h.cell('1', '.chats')).to.equal('2 of 3');
    expect(h.cell('1', '.decision')).to.equal('Finesse confirmed Not Ready (Handling Chat)');
    expect(h.count('chats')).to.equal('1');
  });

  it('counts the summary and says it to screen readers in a polite live region', async () => {
    const { h } = await mount(view());
    expect(h.count('ready')).to.equal('1');
    expect(h.count('on-call')).to.equal('1');
    expect(h.count('not-ready')).to.equal('1');
    expect(h.count('signed-out')).to.equal('1');
    expect(h.find('.summary li[data-reason="Break"]').textContent?.trim()).to.equal('Break: 1');
    expect(h.spoken()).to.equal('Blended Team A: 1 ready, 1 on a call, 1 not ready, 1 signed out.');
  });

  it('says a changed summary at most every few seconds, then the latest', async () => {
    const { el, h, ticker } = await mount(view());
    const before = h.spoken();
    const rows = new Map(ROWS.map((r) => [r.id, r]));
    rows.set('4', row('4', 'Dev Dunn', 'READY'));
    el.view = view({ rows });
    await h.settled();
    expect(h.count('ready')).to.equal('2', 'the visible counts follow at once');
    ticker.advance(SPOKEN_EVERY_MS / 2);
    await h.settled();
    expect(h.spoken()).to.equal(before);
    ticker.advance(SPOKEN_EVERY_MS / 2);
    await h.settled();
    expect(h.spoken()).to.equal('Blended Team A: 2 ready, 1 on a call, 1 not ready, 0 signed out.');
  });

  it('sorts by a column header button, with aria-sort following, both ways', async () => {
    const { h } = await mount(view());
    expect(h.sortOf('name')).to.equal('ascending');
    expect(h.sortOf('state')).to.equal('none');
    h.header('state').click();
    await h.settled();
    expect(h.sortOf('state')).to.equal('ascending');
    expect(h.sortOf('name')).to.equal('none');
    expect(h.names()).to.deep.equal(['Ava Agent', 'Ben Baker', 'Cleo Carter', 'Dev Dunn']);
    h.header('state').click();
    await h.settled();
    expect(h.sortOf('state')).to.equal('descending');
    expect(h.names()).to.deep.equal(['Dev Dunn', 'Cleo Carter', 'Ben Baker', 'Ava Agent']);
  });

  it('filters by state and searches by name', async () => {
    const { h } = await mount(view());
    const filter = h.find<HTMLSelectElement>('select.filter');
    filter.value = 'not-ready';
    filter.dispatchEvent(new Event('change'));
    await h.settled();
    expect(h.names()).to.deep.equal(['Cleo Carter']);
    filter.value = 'all';
    filter.dispatchEvent(new Event('change'));
    const search = h.find<HTMLInputElement>('input.search');
    search.value = 'BEN';
    search.dispatchEvent(new Event('input'));
    await h.settled();
    expect(h.names()).to.deep.equal(['Ben Baker']);
    search.value = 'nobody';
    search.dispatchEvent(new Event('input'));
    await h.settled();
    expect(h.text()).to.contain('No agent matches.');
  });

  it('an action asks for confirmation inside the gadget, by keyboard; Escape cancels and focus goes back', async () => {
    const { el, h } = await mount(view());
    const events = recordEvents(el, ['team-action']);
    const button = h.find<HTMLButtonElement>('.tr[data-agent="1"] button[data-action="make-not-ready"]');
    expect(button.getAttribute('aria-label')).to.equal('Make Not Ready: Ava Agent');
    expect(h.has('.tr[data-agent="4"] .actions button')).to.equal(false, 'a signed-out member has no actions');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await h.settled();
    await h.settled();
    expect(h.cell('1', '.name')).to.equal('Ava Agent');
    expect(h.find('.confirm').textContent).to.contain('Make Ava Agent Not Ready?');
    expect(h.root.activeElement).to.equal(h.find('.confirm button.primary'));
    await sendKeys({ press: 'Escape' });
    await h.settled();
    await el.updateComplete;
    expect(h.has('.confirm')).to.equal(false);
    expect(events).to.deep.equal([]);
    expect(h.root.activeElement).to.equal(button);
    button.click();
    await h.settled();
    h.find<HTMLButtonElement>('.confirm button.primary').click();
    await h.settled();
    expect(events).to.deep.equal([{ name: 'team-action', detail: { agentId: '1', action: 'make-not-ready' } }]);
  });

  it("explains Finesse's refusal in words, as an alert", async () => {
    const { h } = await mount(
      view({
        action: { agentId: '2', name: 'Ben Baker', action: 'make-not-ready', phase: 'refused', error: 'on-call' },
      }),
    );
    const alert = h.find('.outcome [role="alert"]');
    expect(alert.textContent).to.contain('Ben Baker is on a call');
  });

  it('a click on a row or Enter on its name asks for the decisions; an action button does not', async () => {
    const { el, h } = await mount(view());
    const events = recordEvents(el, ['team-decisions']);
    h.find<HTMLElement>('.tr[data-agent="3"] .voice').click();
    const name = h.find<HTMLButtonElement>('.tr[data-agent="1"] .name button');
    expect(name.getAttribute('aria-label')).to.equal('Recent decisions of Ava Agent');
    name.focus();
    await sendKeys({ press: 'Enter' });
    h.find<HTMLButtonElement>('.tr[data-agent="2"] button[data-action="sign-out"]').click();
    await h.settled();
    expect(events).to.deep.equal([
      { name: 'team-decisions', detail: { agentId: '3' } },
      { name: 'team-decisions', detail: { agentId: '1' } },
    ]);
  });

  it('the decision panel says the decisions in words, newest first; Escape closes it and focus goes back', async () => {
    const { el, h } = await mount(view());
    const events = recordEvents(el, ['team-decisions-close']);
    const name = h.find<HTMLButtonElement>('.tr[data-agent="1"] .name button');
    name.click();
    el.view = view({
      decisions: {
        agentId: '1',
        name: 'Ava Agent',
        phase: 'ready',
        problem: null,
        entries: [
          {
            seq: 1,
            at: T0,
            kind: 'offer-accepted',
            cause: { kind: 'chat-accepted', label: 'Handling Chat', count: 1 },
          },
          {
            seq: 2,
            at: T0 + 1000,
            kind: 'chat-availability',
            cause: { kind: 'chat-availability', chat: { kind: 'chats-active', count: 1, max: 3 }, signedIn: false },
          },
        ],
      },
    });
    await h.settled();
    await el.updateComplete;
    const panel = h.find('.decisions');
    expect(panel.getAttribute('role')).to.equal('region');
    expect(h.find('#decisions-title').textContent).to.contain('Ava Agent');
    const items = [...panel.querySelectorAll('li')].map((li) => li.dataset['kind']);
    expect(items).to.deep.equal(['chat-availability', 'offer-accepted']);
    expect(panel.querySelectorAll('li')[1]?.textContent).to.contain('Handling Chat');
    expect(h.root.activeElement).to.equal(h.find('.decisions button.close'));
    await sendKeys({ press: 'Escape' });
    await h.settled();
    expect(events).to.deep.equal([{ name: 'team-decisions-close', detail: null }]);
    el.view = view();
    await h.settled();
    await el.updateComplete;
    expect(h.root.activeElement).to.equal(h.find('.tr[data-agent="1"] .name button'));
  });

  it('says so when the chat service refuses the feed or is down, and when the log cannot be read', async () => {
    const { el, h } = await mount(view({ chatFeed: 'refused' }));
    expect(h.find('.feed[role="alert"]').textContent).to.contain('does not list you as the team');
    el.view = view({ chatFeed: 'down' });
    await h.settled();
    expect(h.find('.feed[role="alert"]').textContent).to.contain('cannot be reached');
    el.view = view({
      chatFeed: 'live',
      decisions: { agentId: '2', name: 'Ben Baker', phase: 'failed', entries: [], problem: 'refused' },
    });
    await h.settled();
    expect(h.has('.feed')).to.equal(false);
    expect(h.find('.decisions [role="alert"]').textContent).to.contain("agent's decisions");
  });

  it('offers a team selector for several teams; choosing one asks for it', async () => {
    const teams = [
      { id: '10', name: 'Blended Team A', uri: null },
      { id: '20', name: 'Blended Team B', uri: null },
    ];
    const { el, h } = await mount(view({ teams }));
    const events = recordEvents(el, ['team-select']);
    const select = h.find<HTMLSelectElement>('.bar select:not(.filter)');
    select.value = '20';
    select.dispatchEvent(new Event('change'));
    expect(events).to.deep.equal([{ name: 'team-select', detail: { teamId: '20' } }]);
  });

  it('show() draws the newest of several views once, at the next animation frame', async () => {
    const { el, h } = await mount(view());
    let renders = 0;
    const original = el.render.bind(el);
    el.render = () => {
      renders++;
      return original();
    };
    for (let i = 0; i < 20; i++) {
      const rows = new Map(ROWS.map((r) => [r.id, r]));
      rows.set('1', row('1', 'Ava Agent', i % 2 === 0 ? 'NOT_READY' : 'READY'));
      el.show(view({ rows }));
    }
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    await h.settled();
    expect(renders).to.equal(1);
    expect(h.find('.tr[data-agent="1"]').dataset['state']).to.equal('READY');
  });

  it('speaks Spanish and German', async () => {
    try {
      setLanguage({ lang: 'de', locale: 'de' });
      const { h } = await mount(view());
      expect(h.header('state').textContent).to.contain('Sprachstatus');
      expect(h.cell('3', '.voice')).to.equal('Nicht bereit (Break)');
      setLanguage({ lang: 'es', locale: 'es' });
      const es = await mount(view());
      expect(es.h.header('state').textContent).to.contain('Estado de voz');
    } finally {
      setLanguage({ lang: 'en', locale: 'en' });
    }
  });

  it('elapsed() formats minutes and hours, never negative', () => {
    expect(elapsed(0, 59_000)).to.equal('0:59');
    expect(elapsed(0, 3_725_000)).to.equal('1:02:05');
    expect(elapsed(10_000, 0)).to.equal('0:00');
  });
});
