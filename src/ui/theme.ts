// Design tokens in two layers: system tokens (--fb-color-*, --fb-space-*, --fb-font) that a desktop theme may
// set once on the gadget's body, and component tokens (--fb-offer-*, --fb-chat-*...) that default to them.
import { css } from 'lit';

/** Shared component styles: typography, buttons with a visible keyboard focus, and muted text. */
export const baseStyles = css`
  :host {
    font: var(--fb-font, 14px/1.4 system-ui, sans-serif);
    color: var(--fb-color-text, #1d1d1f);
  }
  button {
    font: inherit;
    padding: var(--fb-space-xs, 4px) var(--fb-space-m, 12px);
    border-radius: var(--fb-radius, 6px);
    border: 1px solid var(--fb-button-border, var(--fb-color-outline, #8a8a90));
    background: var(--fb-button-bg, var(--fb-color-surface, #ffffff));
    color: var(--fb-button-text, var(--fb-color-text, #1d1d1f));
    cursor: pointer;
  }
  button.primary {
    background: var(--fb-button-primary-bg, var(--fb-color-primary, #0b5cad));
    border-color: var(--fb-button-primary-bg, var(--fb-color-primary, #0b5cad));
    color: var(--fb-button-primary-text, var(--fb-color-on-primary, #ffffff));
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  textarea:focus-visible,
  summary:focus-visible,
  [role='tab']:focus-visible {
    outline: 3px solid var(--fb-focus-ring, var(--fb-color-focus, #f5a623));
    outline-offset: 2px;
  }
  .muted {
    color: var(--fb-color-muted, #5b5b60);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
