// Entry of the team gadget bundle (gadget/team-gadget.xml): a classic IIFE script in the supervisor's team tab. It
// reads the container's configuration, makes the REST client and the hub port, starts the team session, mounts the
// team view, and releases everything when the gadget unloads.
import { readGadgetConfig, readLocalePrefs } from '../core/container/gadget-config.ts';
import { createFinesseClient, fetchTransport } from '../core/finesse/rest/index.ts';
import { randomId } from '../core/shared/ids.ts';
import { startTeamSession, type TeamAction } from '../app/team-session.ts';
import { teamChatFeedOf } from '../app/team-chat-feed.ts';
import { chatCredentialsFrom } from '../core/blending/adapters/chat-credentials.ts';
import { XmppTeamFeed } from '../core/chat/xmpp/team-feed.ts';
import { chatSettingsOf } from './chat-settings.ts';
import { chooseLanguage, language, setLanguage, t } from '../ui/messages.ts';
import { defineTeamElements, type TeamView } from '../ui/team-view.ts';
import { containerGadgets, hubPort, type GadgetsGlobal } from './gadgets-api.ts';
import { containerTicker, followHeight, showConfigProblems, startWhenHubConnects } from './gadget-frame.ts';

const gadgets = containerGadgets();
if (gadgets?.Prefs) {
  const prefs = new gadgets.Prefs();
  setLanguage(chooseLanguage(readLocalePrefs((name) => prefs.getString(name) ?? '')));
}
document.documentElement.lang = language().lang;
defineTeamElements();

/** The container's 1 s timer tick (finesse.containerservices TIMER_TICK_EVENT), as the agent gadget follows it. */
const TIMER_TICK_TOPIC = 'finesse.containerservices.timerTickEvent';

function teamView(): TeamView {
  return (
    document.querySelector('finesse-blend-team') ??
    document.body.appendChild(document.createElement('finesse-blend-team'))
  );
}

/** Status text shown instead of the team when the gadget cannot start. */
function showStatus(view: TeamView, text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'status');
  p.textContent = text;
  view.replaceWith(p);
}

function start(g: GadgetsGlobal): void {
  if (document.title.trim() === '') document.title = t('gadget.team.title');
  const view = teamView();
  if (!g.Prefs || !g.Hub) {
    showStatus(view, t('status.noContainer'));
    return;
  }
  const prefs = new g.Prefs();
  const config = readGadgetConfig((name) => prefs.getString(name) ?? '');
  if (!config.ok) {
    // Nothing starts: the panel stands in for the team, saying what to fix.
    showConfigProblems(view, config.error, 'team-gadget.xml');
    return;
  }
  const cfg = config.value;
  showConfigProblems(view, cfg.warnings, 'team-gadget.xml');
  const hub = hubPort(g.Hub);
  const client = createFinesseClient({
    baseUrl: '',
    auth: { kind: 'header', value: cfg.authorization },
    transport: fetchTransport(),
  });
  const ticker = containerTicker();
  view.ticker = ticker;
  const stopHeight = followHeight(g);
  const stopTick = hub.subscribe(TIMER_TICK_TOPIC, () => ticker.tick());
  // The chat columns: the chat service's team feed, signed in as the agent gadget signs in to chat.
  const chat = chatSettingsOf(cfg);
  const credentials = chatCredentialsFrom(cfg.agentId, cfg.authorization);
  const feed = chat !== null && credentials.ok ? new XmppTeamFeed(chat) : null;
  if (feed !== null && credentials.ok) feed.start(credentials.value);
  const session = startTeamSession({
    hub,
    client,
    supervisorId: cfg.agentId,
    chatFeed: feed === null ? null : teamChatFeedOf(feed),
    newInvokeId: () => randomId().replace(/[^A-Za-z0-9_-]/g, ''),
    onView: (v) => view.show(v),
    onProblem: (detail) => console.warn(`finesse-blend team: ${detail}`),
  });
  view.show(session.view());
  const onAction = (e: Event): void => {
    const { agentId, action } = (e as CustomEvent<{ agentId: string; action: TeamAction }>).detail;
    void session.act(agentId, action);
  };
  const onSelect = (e: Event): void => session.selectTeam((e as CustomEvent<{ teamId: string }>).detail.teamId);
  const onDismiss = (): void => session.dismissAction();
  const onDecisions = (e: Event): void =>
    void session.openDecisions((e as CustomEvent<{ agentId: string }>).detail.agentId);
  const onDecisionsClose = (): void => session.closeDecisions();
  view.addEventListener('team-decisions', onDecisions);
  view.addEventListener('team-decisions-close', onDecisionsClose);
  view.addEventListener('team-action', onAction);
  view.addEventListener('team-select', onSelect);
  view.addEventListener('team-dismiss', onDismiss);
  addEventListener(
    'pagehide',
    () => {
      view.removeEventListener('team-action', onAction);
      view.removeEventListener('team-select', onSelect);
      view.removeEventListener('team-dismiss', onDismiss);
      view.removeEventListener('team-decisions', onDecisions);
      view.removeEventListener('team-decisions-close', onDecisionsClose);
      session.stop();
      feed?.stop();
      stopTick();
      ticker.dispose();
      stopHeight();
    },
    { once: true },
  );
}

startWhenHubConnects(gadgets, start);
