// Design tokens in two layers, as CSS custom properties. System tokens (--fb-font-*, --fb-color-*, --fb-space-*,
// --fb-radius) carry the look of a Finesse 12.x desktop: light, Cisco's sans-serif stack at 14 px, neutral greys and
// a blue accent, every text colour at WCAG AA contrast on the surfaces it is used on. Component tokens (--fb-offer-*,
// --fb-chat-*, --fb-tab-*...) default to them. The panel declares the system tokens on its host; an administrator
// overrides any of them with a rule on the gadget's element, e.g. `finesse-blend-agent { --fb-color-accent: #005073 }`.
import { css } from 'lit';

/** The system tokens with their Finesse 12.x defaults; declared once, on the agent panel's host. */
export const themeTokens = css`
  :host {
    --fb-font-family: CiscoSansTT, CiscoSans, 'Helvetica Neue', Helvetica, Arial, sans-serif;
    --fb-font-size: 14px;
    --fb-font-size-small: 12px;
    --fb-line-height: 1.43;
    --fb-color-text: #121212;
    --fb-color-muted: #545859;
    --fb-color-surface: #ffffff;
    --fb-color-surface-variant: #f2f4f5;
    --fb-color-outline: #767a7d;
    --fb-color-outline-variant: #d0d3d6;
    --fb-color-accent: #0762b7;
    --fb-color-accent-surface: #e6f0fa;
    --fb-color-on-accent: #ffffff;
    --fb-color-ready: #127a3a;
    --fb-color-warning: #9c5a00;
    --fb-color-warning-surface: #fff4e0;
    --fb-color-error: #b3261e;
    --fb-color-error-surface: #fdecea;
    --fb-color-focus: #0762b7;
    --fb-space-xs: 4px;
    --fb-space-s: 8px;
    --fb-space-m: 12px;
    --fb-space-l: 16px;
    --fb-radius: 4px;
  }
`;

/** The host of a whole gadget page (the agent panel, the preferences panel, diagnostics): a padded surface. */
export const pageHostStyles = css`
  :host {
    display: block;
    padding: var(--fb-space-m);
    background: var(--fb-color-surface);
  }
`;

/** Shared component styles: typography, buttons, a visible keyboard focus, muted and visually hidden text. */
export const baseStyles = css`
  :host {
    font-family: var(--fb-font-family);
    font-size: var(--fb-font-size);
    line-height: var(--fb-line-height);
    color: var(--fb-color-text);
  }
  button {
    font: inherit;
    min-height: 28px;
    padding: var(--fb-space-xs) var(--fb-space-m);
    border-radius: var(--fb-radius);
    border: 1px solid var(--fb-button-border, var(--fb-color-outline));
    background: var(--fb-button-bg, var(--fb-color-surface));
    color: var(--fb-button-text, var(--fb-color-text));
    cursor: pointer;
  }
  button.primary {
    background: var(--fb-button-primary-bg, var(--fb-color-accent));
    border-color: var(--fb-button-primary-bg, var(--fb-color-accent));
    color: var(--fb-button-primary-text, var(--fb-color-on-accent));
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  textarea:focus-visible,
  summary:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--fb-focus-ring, var(--fb-color-focus));
    outline-offset: 2px;
  }
  a {
    color: var(--fb-link, var(--fb-color-accent));
  }
  .muted {
    color: var(--fb-color-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
