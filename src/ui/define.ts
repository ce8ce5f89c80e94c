// Tag registration lives apart from the classes so tests can define their own tags.
import { AgentPanel } from './agent-panel.ts';
import { BlendStatus } from './blend-status.ts';
import { ChatChoiceBar } from './chat-choice-bar.ts';
import { ChatOfferCard } from './chat-offer-card.ts';
import { ConfigProblemsPanel } from './config-problems.ts';
import { ConversationPane } from './conversation-pane.ts';
import { ConversationTabs } from './conversation-tabs.ts';
import { DecisionLogView } from './decision-log-view.ts';
import { DiagnosticsView } from './diagnostics-view.ts';
import { OwnershipNotice } from './ownership-notice.ts';
import { ProblemBanner } from './problem-banner.ts';

declare global {
  interface HTMLElementTagNameMap {
    'finesse-blend-agent': AgentPanel;
    'fb-blend-status': BlendStatus;
    'fb-chat-choice': ChatChoiceBar;
    'fb-chat-offer': ChatOfferCard;
    'fb-conversation': ConversationPane;
    'fb-conversation-tabs': ConversationTabs;
    'fb-decision-log': DecisionLogView;
    'fb-diagnostics': DiagnosticsView;
    'fb-ownership-notice': OwnershipNotice;
    'fb-problem-banner': ProblemBanner;
    'finesse-blend-config-problems': ConfigProblemsPanel;
  }
}

/** The gadget's tags and their classes. */
export const ELEMENTS = {
  'finesse-blend-agent': AgentPanel,
  'fb-blend-status': BlendStatus,
  'fb-chat-choice': ChatChoiceBar,
  'fb-chat-offer': ChatOfferCard,
  'fb-conversation': ConversationPane,
  'fb-conversation-tabs': ConversationTabs,
  'fb-decision-log': DecisionLogView,
  'fb-diagnostics': DiagnosticsView,
  'fb-ownership-notice': OwnershipNotice,
  'fb-problem-banner': ProblemBanner,
  'finesse-blend-config-problems': ConfigProblemsPanel,
} as const;

/** Registers the gadget's custom elements once. */
export function defineElements(): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
