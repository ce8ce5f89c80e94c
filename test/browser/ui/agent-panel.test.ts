import { expect, fixture, html } from '@open-wc/testing';
import { AgentPanel } from '../../src/ui/agent-panel.ts';
import type { User } from '../../src/core/finesse/types.ts';

customElements.define('test-agent-panel', AgentPanel);

const user: User = {
  loginId: '1001', loginName: 'agent1', firstName: 'Ada', lastName: 'Agent', state: 'NOT_READY', pendingState: null,
  reasonCodeId: '12', reasonCode: { id: '12', code: 12, label: '<b>Handling Chat</b>', category: 'NOT_READY', systemCode: false, forAll: true, uri: null },
  stateChangeTime: null, extension: '1001001', roles: ['Agent'], teamId: '1', teamName: 'Team 1', teams: [], uri: null,
};

describe('agent panel', () => {
  it('says it is connecting until a user arrives', async () => {
    const el = await fixture<AgentPanel>(html`<test-agent-panel></test-agent-panel>`);
    expect(el.shadowRoot!.textContent).to.contain('Connecting to Finesse');
  });

  it('shows the voice state with its reason, rendering labels as text', async () => {
    const el = await fixture<AgentPanel>(html`<test-agent-panel .user=${user}></test-agent-panel>`);
    const text = el.shadowRoot!.querySelector('.state')!;
    expect(text.textContent).to.equal('NOT_READY (<b>Handling Chat</b>)');
    expect(text.querySelector('b')).to.equal(null);
  });
});
