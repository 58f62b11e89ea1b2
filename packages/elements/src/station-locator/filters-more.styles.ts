import { css } from 'lit';

/** The styles of the filters beyond the search, adopted with their lazy chunk (chunks.ts). */
export const styles = css`
  .more-fields {
    /* Its parent is the details' content pseudo-element, which *'s \`inherit\` does not reach: set it again. */
    box-sizing: border-box;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: calc(var(--_space) * 0.75);
    align-items: end;
    padding-top: calc(var(--_space) * 0.5);
  }
  .field.checkbox {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
  }
  .field.checkbox input {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_primary);
  }
`;
