// Tag registration lives apart from the classes so tests can define their own tags.
import { AgentPanel } from './agent-panel.ts';

declare global {
  interface HTMLElementTagNameMap {
    'finesse-blend-agent': AgentPanel;
  }
}

/** Registers the gadget's custom elements once. */
export function defineElements(): void {
  if (!customElements.get('finesse-blend-agent')) customElements.define('finesse-blend-agent', AgentPanel);
}
