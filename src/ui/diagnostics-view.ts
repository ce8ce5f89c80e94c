import { LitElement, css, html, type PropertyValues } from 'lit';
import type { CheckResult, DiagnosticsRun } from '../app/diagnostics.ts';
import { diagnosticsText, type DiagnosticsText } from './diagnostics-text.ts';
import { language, t } from './messages.ts';
import { baseStyles, themeTokens, pageHostStyles } from './theme.ts';

declare global {
  interface HTMLElementEventMap {
    /** The agent panel's "Diagnostics" button: switch the gadget to the diagnostics page. */
    'diagnostics-open': CustomEvent<void>;
    /** The administrator asked to run the checks again. */
    'diagnostics-run': CustomEvent<void>;
    /** The administrator leaves the diagnostics page (back to the agent panel). */
    'diagnostics-close': CustomEvent<void>;
  }
}

/**
 * The diagnostics page: every check with its outcome, what it found and what to do; a progress line in a polite live
 * region; "Run again", "Copy report" and, when opened from the agent panel, "Back to chats". Renders the run it is
 * given; boot runs the checks. The copied report carries no credentials and no chat text.
 *
 * @fires diagnostics-run
 * @fires diagnostics-close
 */
export class DiagnosticsView extends LitElement {
  static override styles = [
    themeTokens,
    baseStyles,
    pageHostStyles,
    css`
      h1 {
        font-size: calc(var(--fb-font-size) + 2px);
        margin: 0 0 var(--fb-space-xs);
      }
      h2 {
        font-size: 1em;
        margin: 0;
      }
      p {
        margin: var(--fb-space-xs) 0 0;
      }
      ol {
        list-style: none;
        margin: var(--fb-space-m) 0;
        padding: 0;
        display: grid;
        gap: var(--fb-space-s);
      }
      li.check {
        padding: var(--fb-space-s) var(--fb-space-m);
        border-radius: var(--fb-radius, 4px);
        border-left: 6px solid var(--fb-diag-accent, var(--fb-color-outline-variant));
        background: var(--fb-diag-bg, var(--fb-color-surface-variant));
      }
      li.check.pass {
        --fb-diag-accent: var(--fb-color-ready);
      }
      li.check.warn {
        --fb-diag-accent: var(--fb-color-warning);
        --fb-diag-bg: var(--fb-color-warning-surface);
      }
      li.check.fail {
        --fb-diag-accent: var(--fb-color-error);
        --fb-diag-bg: var(--fb-color-error-surface);
      }
      li.check.running {
        --fb-diag-accent: var(--fb-color-accent);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-s);
        align-items: baseline;
        justify-content: space-between;
      }
      .outcome {
        font-weight: 600;
      }
      li.check.pass .outcome {
        color: var(--fb-color-ready);
      }
      li.check.fail .outcome {
        color: var(--fb-color-error);
      }
      li.check.warn .outcome {
        color: var(--fb-color-warning);
      }
      ul.lines {
        margin: var(--fb-space-xs) 0 0;
        padding-left: 1.2em;
      }
      .advice {
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-s);
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 12em;
        margin-top: var(--fb-space-s);
        font-family: monospace;
        font-size: var(--fb-font-size-small);
      }
    `,
  ];

  static override properties = {
    run: { attribute: false },
    version: { attribute: false },
    closable: { type: Boolean },
    copyState: { state: true },
  };

  /** The checks as they stand; null before the first run starts. */
  run: DiagnosticsRun | null = null;
  /** The gadget's version, when known (for the report). */
  version: string | null = null;
  /** Opened from the agent panel: offer the way back. */
  closable = false;
  /** After "Copy report": copied, or shown for Ctrl+C because the frame may not use the clipboard. */
  copyState: 'none' | 'copied' | 'manual' = 'none';

  #text: DiagnosticsText | null = null;
  #textFor: unknown = null;

  get #words(): DiagnosticsText {
    // The words follow the active language (chosen at boot; tests may change it).
    if (this.#text === null || this.#textFor !== language()) {
      this.#textFor = language();
      this.#text = diagnosticsText(language());
    }
    return this.#text;
  }

  /** The report as "Copy report" copies it. */
  report(): string {
    return this.run ? this.#words.report(this.run, this.version) : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new run makes an earlier copy stale.
    if (changed.has('run') && this.run?.finishedAt === null) this.copyState = 'none';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('copyState') && this.copyState === 'manual') {
      const box = this.renderRoot.querySelector('textarea');
      box?.focus();
      box?.select();
    }
  }

  async #copy(): Promise<void> {
    const text = this.report();
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.copyState = 'copied';
    } catch {
      // The gadget's frame may lack clipboard-write permission: the report is shown selected for Ctrl+C.
      this.copyState = 'manual';
    }
  }

  #item(result: CheckResult) {
    const text = this.#words.check(result);
    const headingId = `check-${result.id}`;
    return html`<li class="check ${result.outcome}" data-check=${result.id} data-outcome=${result.outcome}>
      <div class="head">
        <h2 id=${headingId}>${text.title}</h2>
        <span class="outcome">${text.outcome}</span>
      </div>
      ${text.sentence ? html`<p class="sentence">${text.sentence}</p>` : null}
      ${
        text.lines.length > 0
          ? html`<ul class="lines">
              ${text.lines.map((l) => html`<li>${l}</li>`)}
            </ul>`
          : null
      }
      ${text.advice ? html`<p class="advice">${t('diag.advice', { advice: text.advice })}</p>` : null}
    </li>`;
  }

  override render() {
    const run = this.run;
    const running = run !== null && run.finishedAt === null;
    return html`<main aria-labelledby="diag-title">
      <h1 id="diag-title" tabindex="-1">${t('diag.heading')}</h1>
      <p class="muted">${t('diag.intro')}</p>
      <p class="progress" role="status" aria-live="polite">${run ? this.#words.progress(run) : ''}</p>
      <ol aria-labelledby="diag-title">
        ${run ? run.checks.map((c) => this.#item(c)) : null}
      </ol>
      <div class="actions">
        <button
          type="button"
          class="primary run"
          ?disabled=${running}
          @click=${() => this.dispatchEvent(new CustomEvent('diagnostics-run', { bubbles: true, composed: true }))}
        >
          ${t('diag.runAgain')}
        </button>
        <button type="button" class="copy" ?disabled=${run === null || running} @click=${() => void this.#copy()}>
          ${t('diag.copy')}
        </button>
        ${
          this.closable
            ? html`<button
                type="button"
                class="back"
                @click=${() => this.dispatchEvent(new CustomEvent('diagnostics-close', { bubbles: true, composed: true }))}
              >
                ${t('diag.back')}
              </button>`
            : null
        }
      </div>
      <p class="copy-state" role="status">
        ${this.copyState === 'copied' ? t('diag.copied') : this.copyState === 'manual' ? t('diag.copyManual') : ''}
      </p>
      ${
        this.copyState === 'manual'
          ? html`<textarea readonly aria-label=${t('diag.reportLabel')} .value=${this.report()}></textarea>`
          : null
      }
    </main>`;
  }
}
