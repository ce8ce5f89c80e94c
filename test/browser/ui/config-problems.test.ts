// The preferences panel: every bad value with its pref, the value found, what is wrong and the fix; a stopping
// problem makes it an alert with the page's heading and no way to dismiss it; warnings alone can be dismissed; a
// credential's value never appears, however malformed; axe finds nothing to fix; the words follow the language.
import { expect, fixture, html } from '@open-wc/testing';
import { ConfigProblemsPanel } from '../../../src/ui/config-problems.ts';
import { configProblems, readGadgetConfig, type ConfigProblem } from '../../../src/core/container/gadget-config.ts';
import { setLanguage } from '../../../src/ui/messages.ts';
import { Harness, recordEvents } from './harness/harness.ts';

customElements.define('test-config-problems', class extends ConfigProblemsPanel {});

const SECRET = 'hunter2-do-not-show';
/** Base64 of "id:password" for a good credential; the malformed ones below carry SECRET in ways Finesse never would. */
const good = {
  authorization: btoa('1001:pw'),
  host: 'finesse-a.example.com',
  scheme: 'https',
  xmppDomain: 'example.com',
};

function problemsOf(values: Record<string, string>): readonly ConfigProblem[] {
  return configProblems(readGadgetConfig((name) => values[name] ?? ''));
}

class PanelHarness extends Harness<ConfigProblemsPanel> {
  rows(): HTMLLIElement[] {
    return [...this.root.querySelectorAll('li')];
  }
  row(pref: string): HTMLLIElement {
    return this.find<HTMLLIElement>(`li[data-pref="${pref}"]`);
  }
}

async function panel(problems: readonly ConfigProblem[], gadget = 'gadget.xml') {
  const el = await fixture<ConfigProblemsPanel>(
    html`<test-config-problems .problems=${problems} gadget=${gadget}></test-config-problems>`,
  );
  return new PanelHarness(el);
}

describe('preferences panel', () => {
  afterEach(() => setLanguage({ lang: 'en', locale: 'en' }));

  it('lists each bad pref with the value found, what is wrong and how to fix it', async () => {
    const problems = problemsOf({ ...good, maxChats: '0', autoAccept: 'maybe', chatService: 'ws://x.example.com/ws' });
    const h = await panel(problems);
    expect(h.rows().map((r) => r.dataset['pref'])).to.deep.equal([
      'maxChats',
      'chatService',
      'chatRouter',
      'autoAccept',
    ]);
    const max = h.row('maxChats').textContent?.replace(/\s+/g, ' ') ?? '';
    expect(max).to.contain('maxChats');
    expect(max).to.contain('Stops the gadget');
    expect(max).to.contain('Value found: "0"');
    expect(max).to.contain('not a whole number from 1 to 20');
    expect(max).to.contain('To fix: Set a whole number from 1 to 20');
    expect(max).to.contain('…/gadget.xml?maxChats=3');
    expect(h.row('chatRouter').textContent).to.contain('not set');
    const flag = h.row('autoAccept').textContent?.replace(/\s+/g, ' ') ?? '';
    expect(flag).to.contain('Warning');
    expect(flag).to.contain('Value found: "maybe"');
    expect(flag).to.contain('…/gadget.xml?autoAccept=false');
  });

  it('renders every kind of problem', async () => {
    const problems = [
      ...problemsOf({ scheme: 'ftp', maxChats: 'lots', offerSound: 'loud' }),
      ...problemsOf({ ...good, authorization: 'Bearer tok', handlingChatReason: '70000', chatRouter: 'router' }),
      ...problemsOf({ ...good, authorization: SECRET, chatService: 'wss://a/ws wss://b/ws', chatRouter: 'r@x/y' }),
      ...problemsOf({ ...good, chatService: 'https://a/x https://b/x', chatRouter: 'r@x/y' }),
      ...problemsOf({
        ...good,
        chatService: 'chat.example.com',
        chatRouter: 'r@x/y',
        handlingChatReason: 'x'.repeat(41),
      }),
      ...problemsOf({
        ...good,
        xmppDomain: '',
        chatService: 'ws://a.example.com/ws https://a.example.com/b',
        chatRouter: 'r@x/y',
      }),
    ];
    const kinds = [...new Set(problems.map((p) => p.kind))].sort();
    expect(kinds).to.deep.equal([
      'authorization',
      'authorization.malformed',
      'chat.serviceMissing',
      'chatRouter',
      'chatService.insecure',
      'chatService.notAddress',
      'chatService.twoBosh',
      'chatService.twoWebSocket',
      'flag',
      'handlingChatReason.code',
      'handlingChatReason.label',
      'host',
      'id',
      'maxChats',
      'scheme',
      'xmppDomain',
    ]);
    const h = await panel(problems);
    expect(h.rows()).to.have.length(problems.length);
    for (const row of h.rows()) {
      const text = row.textContent ?? '';
      expect(text, row.dataset['pref']).to.contain(row.dataset['pref']);
      expect(row.querySelector('.problem')?.textContent?.trim(), row.dataset['pref']).to.not.equal('');
      expect(row.querySelector('.fix')?.textContent?.trim(), row.dataset['pref']).to.match(/^To fix: \S/);
    }
  });

  it('never shows a credential, even a malformed one, in the text or the markup', async () => {
    for (const authorization of [SECRET, `Basic ${SECRET}`, `Basic ${btoa(`no-colon-${SECRET}`)}`]) {
      const problems = problemsOf({ ...good, authorization, maxChats: '0' });
      expect(problems.map((p) => p.kind)).to.include('authorization.malformed');
      const h = await panel(problems);
      const row = h.row('authorization');
      expect(row.textContent).to.contain('not shown (a credential)');
      expect(h.root.innerHTML).to.not.contain(SECRET);
      expect(h.root.innerHTML).to.not.contain(btoa(`no-colon-${SECRET}`));
      expect(h.element.outerHTML).to.not.contain(SECRET);
    }
  });

  it('a stopping problem is an alert with the page heading, and cannot be dismissed', async () => {
    const h = await panel(problemsOf({ ...good, maxChats: '0', offerSound: 'loud' }));
    expect(h.element.blocking).to.equal(true);
    const section = h.find('section');
    expect(section.getAttribute('role')).to.equal('alert');
    expect(h.find('main').contains(section)).to.equal(true, "the frame's main landmark");
    expect(h.find('h1').textContent).to.equal('This gadget cannot start: its preferences need fixing');
    expect(section.getAttribute('aria-labelledby')).to.equal(h.find('h1').id);
    expect(h.has('button.dismiss')).to.equal(false);
    await expect(h.element).to.be.accessible();
  });

  it('warnings alone sit above the gadget and can be dismissed from the keyboard', async () => {
    const h = await panel(problemsOf({ ...good, autoAccept: 'maybe', desktopNotifications: 'no' }));
    expect(h.element.blocking).to.equal(false);
    expect(h.find('section').getAttribute('role')).to.equal('region');
    expect(h.has('main')).to.equal(false, 'the gadget below has the main landmark');
    expect(h.find('h2').textContent).to.equal('Some preferences of this gadget have bad values');
    await expect(h.element).to.be.accessible();
    const events = recordEvents(h.element, ['config-problems-dismiss']);
    const button = h.find<HTMLButtonElement>('button.dismiss');
    expect(button.textContent?.trim()).to.equal('Dismiss');
    button.focus();
    button.click();
    await h.settled();
    expect(events).to.have.length(1);
    expect(h.has('section')).to.equal(false);
    expect(h.text()).to.equal('');
  });

  it("the team gadget's fixes name its own spec in the example URL", async () => {
    const h = await panel(problemsOf({ ...good, chatRouter: 'chat-router@example.com/router' }), 'team-gadget.xml');
    expect(h.row('chatService').textContent).to.contain('…/team-gadget.xml?chatService=wss%3A%2F%2F');
  });

  it("speaks the agent's language", async () => {
    setLanguage({ lang: 'de', locale: 'de' });
    const h = await panel(problemsOf({ ...good, maxChats: '0' }));
    expect(h.text()).to.contain('Dieses Gadget kann nicht starten');
    expect(h.text()).to.contain('Gefundener Wert: "0"');
    expect(h.text()).to.contain('Korrektur:');
    setLanguage({ lang: 'es', locale: 'es' });
    const es = await panel(problemsOf({ ...good, offerSound: 'loud' }));
    expect(es.text()).to.contain('Descartar');
    expect(es.text()).to.contain('Valor encontrado: "loud"');
  });
});
