// The widget's look, adopted into its shadow root as a constructed stylesheet (no <style> element, no style
// attribute: the embedding site's CSP needs no 'unsafe-inline'). Sites theme it with the --fbc-* properties.
import { css } from 'lit';

export const widgetStyles = css`
  :host {
    --fbc-accent: #0b5cad;
    --fbc-accent-text: #fff;
    --fbc-surface: #fff;
    --fbc-text: #1d2630;
    --fbc-muted: #4d5b68;
    --fbc-error: #a4161a;
    --fbc-radius: 10px;
    --fbc-font: 15px/1.4 system-ui, sans-serif;
    position: fixed;
    right: 1rem;
    bottom: 1rem;
    z-index: 2147483000;
    font: var(--fbc-font);
    color: var(--fbc-text);
  }
  .root {
    display: flex;
    flex-direction: column-reverse;
    align-items: flex-end;
    gap: 0.5rem;
  }
  :host([inline]) {
    position: static;
  }
  :host([inline]) .root {
    align-items: stretch;
  }
  :host([inline]) .launcher {
    display: none;
  }
  :host([inline]) .panel {
    width: auto;
    max-height: none;
  }
  button {
    font: inherit;
    border-radius: 6px;
    border: 1px solid var(--fbc-accent);
    background: var(--fbc-surface);
    color: var(--fbc-accent);
    padding: 0.35rem 0.9rem;
    cursor: pointer;
  }
  button.primary,
  .launcher {
    background: var(--fbc-accent);
    color: var(--fbc-accent-text);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--fbc-accent) 45%, transparent);
    outline-offset: 1px;
  }
  .launcher {
    border-radius: 999px;
    padding: 0.6rem 1.2rem;
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
  }
  .panel {
    width: min(24rem, calc(100vw - 2rem));
    max-height: min(36rem, calc(100vh - 5rem));
    display: flex;
    flex-direction: column;
    background: var(--fbc-surface);
    border-radius: var(--fbc-radius);
    box-shadow: 0 4px 18px rgb(0 0 0 / 22%);
    padding: 1rem 1.1rem;
    box-sizing: border-box;
    overflow: auto;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.6rem;
  }
  label {
    display: block;
    margin: 0.5rem 0 0.2rem;
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
    color: var(--fbc-muted);
  }
  input,
  textarea,
  select {
    width: 100%;
    box-sizing: border-box;
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid #8a96a3;
    border-radius: 5px;
  }
  [aria-invalid='true'] {
    border-color: var(--fbc-error);
  }
  .error {
    color: var(--fbc-error);
    margin: 0.2rem 0 0;
    font-size: 0.9em;
  }
  .status {
    color: var(--fbc-muted);
    margin: 0 0 0.5rem;
    min-height: 1.4em;
  }
  .lines {
    margin: 0 0 0.5rem;
    overflow-y: auto;
    flex: 1 1 auto;
    min-height: 6rem;
  }
  .lines ol {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .line {
    margin: 0.35rem 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .who {
    font-weight: 600;
    margin-right: 0.4rem;
  }
  .from-system {
    color: var(--fbc-muted);
    font-style: italic;
  }
  .pending {
    opacity: 0.6;
  }
  .typing {
    color: var(--fbc-muted);
    font-size: 0.9em;
    min-height: 1.3em;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.6rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
