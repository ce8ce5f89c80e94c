// The panel in German and Spanish: the headline, plurals, problem banners, the decision log built from causes,
// a conversation's error and its unread count are all in the agent's language, times in the agent's locale, and
// no English is left where a catalogue has the words.
import { expect, fixture, html } from '@open-wc/testing';
import { AgentPanel } from '../../../src/ui/agent-panel.ts';
import { defineElements } from '../../../src/ui/define.ts';
import type { AgentView } from '../../../src/ui/agent-view.ts';
import { setLanguage } from '../../../src/ui/messages.ts';
import { AgentPanelHarness } from './harness/agent-panel-harness.ts';
import { agentView, conversation, snapshot } from './fixtures.ts';

defineElements();
customElements.define('test-language-panel', class extends AgentPanel {});

const at = new Date(2026, 0, 5, 14, 7, 9).getTime();

/** Not Ready (Lunch) with one chat going on, a problem, a failed send and two unread messages on a second chat. */
const busyDay: AgentView = agentView({
  blending: snapshot({
    chat: {
      availability: 'NOT_READY',
      activeChats: 1,
      maxChats: 5,
      cause: { kind: 'voice-not-ready', reason: { kind: 'label', label: 'Lunch' }, continuing: 1 },
    },
    voice: {
      state: 'NOT_READY',
      pendingState: null,
      reasonCodeId: '7',
      reasonCode: { id: '7', code: 7, label: 'Lunch', systemCode: false },
      setBy: 'agent',
      beforeCall: null,
    },
    log: [
      {
        seq: 1,
        at,
        kind: 'chat-availability',
        cause: {
          kind: 'chat-availability',
          chat: { kind: 'voice-not-ready', reason: { kind: 'label', label: 'Lunch' }, continuing: 1 },
          signedIn: false,
        },
      },
    ],
  }),
  conversations: [conversation({ error: 'too-long' }), conversation({ chatId: 'c2', customerName: 'Ana', unread: 2 })],
  problems: [{ id: 'chat', severity: 'warning', cause: { kind: 'chat-reconnecting' } }],
});

async function render(lang: 'de' | 'es', locale: string): Promise<AgentPanelHarness> {
  setLanguage({ lang, locale });
  const el = await fixture<AgentPanel>(html`<test-language-panel .view=${busyDay}></test-language-panel>`);
  return new AgentPanelHarness(el);
}

/** The text of a part of the panel, through its shadow root. */
function partText(h: AgentPanelHarness, selector: string): string {
  const part = h.find(selector);
  const deep = (n: Node): string =>
    n instanceof Element && n.shadowRoot
      ? [...n.shadowRoot.childNodes].map(deep).join(' ')
      : n.nodeType === Node.TEXT_NODE
        ? (n.textContent ?? '')
        : [...n.childNodes].map(deep).join(' ');
  return deep(part).replace(/\s+/g, ' ').trim();
}

describe("the panel in the agent's language", () => {
  after(() => setLanguage({ lang: 'en', locale: 'en' }));

  it('German: headline with one chat going on, problem, decision log, conversation error and unread count', async () => {
    const h = await render('de', 'de-DE');
    expect(h.headline()).to.equal('Nicht bereit (Lunch): 1 Chat läuft weiter, keine neuen Chats');
    expect(h.reason()).to.equal(
      'Chat-Verfügbarkeit Nicht bereit: Telefon ist Nicht bereit (Lunch), keine neuen Chats; 1 Chat läuft weiter',
    );
    expect(h.problems()).to.deep.equal(['Die Verbindung zum Chat-Server ist abgebrochen: Sie wird wiederhergestellt.']);
    const log = partText(h, 'fb-decision-log');
    expect(log).to.contain('Warum das Gadget so gehandelt hat');
    expect(log).to.contain('14:07:09 Chat-Verfügbarkeit');
    const chats = partText(h, 'fb-conversation-tabs');
    expect(chats).to.contain('2 ungelesene Nachrichten');
    expect(chats).to.contain('Die Nachricht ist zu lang; teilen Sie sie in kürzere Nachrichten auf.');
    expect(chats).to.contain('Chat beenden');
    expect(h.text()).to.contain('Telefon NOT_READY · Chat NOT_READY 1/5');
  });

  it('Spanish: the same day, with Spanish plurals and a 12-hour clock where the locale has one', async () => {
    const h = await render('es', 'es-MX');
    expect(h.headline()).to.equal('No disponible (Lunch): 1 chat continúa, sin chats nuevos');
    expect(h.problems()).to.deep.equal(['Se perdió la conexión con el servidor de chat: reconectando.']);
    const log = partText(h, 'fb-decision-log');
    expect(log).to.contain('Por qué el gadget hizo lo que hizo');
    const time = new Intl.DateTimeFormat('es-MX', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
    expect(log).to.contain(`${time} Disponibilidad de chat`);
    const chats = partText(h, 'fb-conversation-tabs');
    expect(chats).to.contain('2 mensajes sin leer');
    expect(chats).to.contain('El mensaje es demasiado largo; divídalo en mensajes más cortos.');
    expect(chats).to.contain('Devolver a la cola');
  });

  it('one unread message takes the singular where the language has one', async () => {
    setLanguage({ lang: 'es', locale: 'es' });
    const el = await fixture<AgentPanel>(
      html`<test-language-panel
        .view=${{ ...busyDay, conversations: [conversation(), conversation({ chatId: 'c2', unread: 1 })] }}
      ></test-language-panel>`,
    );
    expect(partText(new AgentPanelHarness(el), 'fb-conversation-tabs')).to.contain('1 mensaje sin leer');
  });
});
