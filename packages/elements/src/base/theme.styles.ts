import { css } from 'lit';

/**
 * The design tokens every element reads, with accessible defaults (text and controls ≥ 4.5:1 on the
 * background). A host themes the kit by setting these on any ancestor; see docs/theming.md.
 *
 * --rights-color-primary      #0b5cad   links, primary buttons, focus
 * --rights-color-on-primary   #ffffff   text on primary buttons
 * --rights-color-text         #1a1a1a   body text
 * --rights-color-muted        #4d4d4d   secondary text (7.4:1 on white)
 * --rights-color-background   #ffffff   the element's background
 * --rights-color-surface      #f4f6f8   cards
 * --rights-color-border       #6b7280   control borders (4.8:1, WCAG 1.4.11)
 * --rights-color-danger       #b3261e   errors, emergency
 * --rights-color-success      #1e6b34   "open now", success messages
 * --rights-color-warning      #8a5300   "closed", warnings
 * --rights-color-focus        #ffbf47   focus ring (GOV.UK yellow) drawn with a dark inner edge
 * --rights-font-family        system-ui   system UI fonts with CJK fallbacks
 * --rights-font-size          1rem      base font size
 * --rights-radius             6px       corner radius
 * --rights-space              1rem      base spacing unit
 */
export const hostStyles = css`
  :host {
    --_primary: var(--rights-color-primary, #0b5cad);
    --_on-primary: var(--rights-color-on-primary, #ffffff);
    --_text: var(--rights-color-text, #1a1a1a);
    --_muted: var(--rights-color-muted, #4d4d4d);
    --_bg: var(--rights-color-background, #ffffff);
    --_surface: var(--rights-color-surface, #f4f6f8);
    --_border: var(--rights-color-border, #6b7280);
    --_danger: var(--rights-color-danger, #b3261e);
    --_success: var(--rights-color-success, #1e6b34);
    --_warning: var(--rights-color-warning, #8a5300);
    --_focus: var(--rights-color-focus, #ffbf47);
    --_radius: var(--rights-radius, 6px);
    --_space: var(--rights-space, 1rem);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(
      --rights-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    font-size: var(--rights-font-size, 1rem);
    line-height: 1.6;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_text);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5em 1.1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button.secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  a {
    color: var(--_primary);
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
