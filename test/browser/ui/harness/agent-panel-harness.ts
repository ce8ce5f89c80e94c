import type { AgentPanel } from '../../../../src/ui/agent-panel.ts';
import { Harness } from './harness.ts';

/** The whole agent panel: its parts are reached through their own shadow roots. */
export class AgentPanelHarness extends Harness<AgentPanel> {
  /** The header strip's headline. */
  headline(): string {
    return this.find('fb-blend-status').shadowRoot?.querySelector('.headline')?.textContent?.trim() ?? '';
  }

  /** The header strip's reason line. */
  reason(): string {
    return this.find('fb-blend-status').shadowRoot?.querySelector('.reason')?.textContent?.trim() ?? '';
  }

  /** Problem titles, most serious first. */
  problems(): string[] {
    const banner = this.root.querySelector('fb-problem-banner');
    return [...(banner?.shadowRoot?.querySelectorAll('.title') ?? [])].map((e) => e.textContent?.trim() ?? '');
  }

  offerCount(): number {
    return this.root.querySelectorAll('fb-chat-offer').length;
  }
}
