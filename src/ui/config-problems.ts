// The panel that lists every bad preference a gadget was loaded with: the preference's name, the value found (never
// a credential's), what is wrong and how an administrator fixes it. With a stopping problem it stands in for the
// gadget (an alert, with the page's heading); with warnings only it sits above the running gadget and can be
// dismissed. Used by the agent gadget and the team gadget alike.
import { LitElement, css, html, nothing } from 'lit';
import type { ConfigProblem } from '../core/container/gadget-config.ts';
import { AGENT_CAUSES as say, type ConfigProblemWords } from './cause-text.ts';
import { t } from './messages.ts';
import { baseStyles, themeTokens, pageHostStyles } from './theme.ts';

/** The longest value quoted; past it the value is cut with an ellipsis (the administrator sees which one it is). */
const MAX_SHOWN = 160;

/** The value found: quoted as typed (cut when long), or in words when there is none to show. */
function shown(found: ConfigProblemWords['found']) {
  if (found.kind !== 'value') return t(found.kind === 'unset' ? 'config.found.unset' : 'config.found.hidden');
  const text = [...found.text];
  return html`<code>"${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN).join('')}…` : found.text}"</code>`;
}

export class ConfigProblemsPanel extends LitElement {
  static override styles = [
    themeTokens,
    baseStyles,
    pageHostStyles,
    css`
      section {
        border-radius: var(--fb-radius);
        border-left: 6px solid var(--fb-config-accent, var(--fb-color-error));
        background: var(--fb-config-bg, var(--fb-color-error-surface));
        padding: var(--fb-space-s) var(--fb-space-m);
      }
      section.warning {
        --fb-config-accent: var(--fb-color-warning);
        --fb-config-bg: var(--fb-color-warning-surface);
      }
      .top {
        display: flex;
        gap: var(--fb-space-s);
        align-items: flex-start;
        justify-content: space-between;
      }
      h1,
      h2 {
        font-size: var(--fb-font-size);
        margin: 0;
      }
      p {
        margin: 2px 0 0;
      }
      ul {
        margin: var(--fb-space-s) 0 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: var(--fb-space-s);
      }
      li {
        padding: var(--fb-space-s);
        background: var(--fb-color-surface);
        border-radius: var(--fb-radius);
        overflow-wrap: anywhere;
      }
      .pref {
        font-weight: 600;
        margin: 0;
      }
      code {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      }
      .severity {
        font-weight: 400;
        font-size: var(--fb-font-size-small);
        margin-left: var(--fb-space-s);
        color: var(--fb-color-text);
      }
      li.error .severity {
        color: var(--fb-color-error);
      }
      li.warning .severity {
        color: var(--fb-color-warning);
      }
    `,
  ];

  static override properties = {
    problems: { attribute: false },
    gadget: { type: String },
    dismissed: { state: true },
  };

  /** The problems readGadgetConfig found, in the order it read the prefs. */
  problems: readonly ConfigProblem[] = [];
  /** The gadget's spec file, for the example URLs in the fixes (gadget.xml, team-gadget.xml). */
  gadget = 'gadget.xml';
  dismissed = false;

  /** True when a problem stops the gadget: the panel is then the gadget's whole content, never dismissible. */
  get blocking(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  #dismiss = (): void => {
    this.dismissed = true;
    this.dispatchEvent(new CustomEvent('config-problems-dismiss', { bubbles: true, composed: true }));
  };

  override render() {
    if (this.problems.length === 0 || (this.dismissed && !this.blocking)) return nothing;
    const blocking = this.blocking;
    const level = blocking ? 'error' : 'warning';
    // Stopping problems first, each group in the order the prefs were read.
    const rows = [...this.problems]
      .sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'))
      .map((p) => say.configDetail(p, this.gadget));
    const heading = t(`config.heading.${level}`);
    // The page's heading when the panel is all there is; under the gadget's own heading otherwise.
    const title = blocking ? html`<h1 id="config-title">${heading}</h1>` : html`<h2 id="config-title">${heading}</h2>`;
    const content = html`<section class=${level} role=${blocking ? 'alert' : 'region'} aria-labelledby="config-title">
      <div class="top">
        <div>${title}</div>
        ${
          blocking
            ? nothing
            : html`<button class="dismiss" type="button" @click=${this.#dismiss}>${t('config.dismiss')}</button>`
        }
      </div>
      <p>${t(`config.intro.${level}`)}</p>
      <ul>
        ${rows.map(
          (r) =>
            html`<li class=${r.severity} data-pref=${r.pref}>
              <p class="pref">
                <code>${r.pref}</code><span class="severity">${t(`config.severity.${r.severity}`)}</span>
              </p>
              <p class="found">${t('config.found')} ${shown(r.found)}</p>
              <p class="problem">${r.problem}</p>
              <p class="fix">${t('config.fix')} ${r.fix}</p>
            </li>`,
        )}
      </ul>
    </section>`;
    // All there is in the gadget's frame when it stops: the page's main landmark too.
    return blocking ? html`<main>${content}</main>` : content;
  }
}
