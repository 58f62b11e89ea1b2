import { css } from 'lit';

/**
 * Form controls shared by the elements that take input from a person (the intake form, the staff
 * desk's registration and actions): labels, text inputs, choices and the error state, all with 44 px
 * targets. An element adds its own density on top (the desk is denser than the citizen's form).
 */
export const formControlStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field {
    display: grid;
    gap: 0.35rem;
  }
  .label {
    font-weight: 600;
    padding: 0;
  }
  .input {
    width: 100%;
    min-height: 44px;
    padding: 0.45em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .input.short {
    max-width: 10em;
  }
  .input.medium {
    max-width: 20em;
  }
  .textarea {
    resize: vertical;
    min-height: 8em;
  }
  .has-error {
    border-left: 4px solid var(--_danger);
    padding-left: 0.75rem;
  }
  .has-error .input {
    border-color: var(--_danger);
  }
  .field-error {
    margin: 0;
    font-weight: 600;
    color: var(--_danger);
  }
  /* An error she has put right keeps its space until the next check: nothing moves under her finger. */
  .fixed {
    border-left: 4px solid transparent;
    padding-left: 0.75rem;
  }
  .field-error.fixed {
    visibility: hidden;
    border: 0;
    padding: 0;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .inline .choices {
    grid-template-columns: repeat(auto-fill, minmax(7rem, max-content));
    gap: 0.5rem 1.5rem;
  }
  .choice {
    display: grid;
    grid-template-columns: 44px 1fr;
    align-items: center;
    column-gap: 0.5rem;
    min-height: 44px;
  }
  .choice input {
    width: 28px;
    height: 28px;
    margin: 8px;
    accent-color: var(--_primary);
    cursor: pointer;
  }
  .choice label {
    cursor: pointer;
    padding: 0.4rem 0;
  }
`;
