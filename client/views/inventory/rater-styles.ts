// Styles of bs-inventory-rater: the list beside the rating panel (stacked on narrow screens), the selected
// child marked by a bar as well as a colour, and the level and criterion choices with their help.
import { css } from 'lit';

export const raterStyles = css`
  :host {
    display: block;
    margin-top: 1rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(16rem, 24rem) minmax(0, 1fr);
    gap: 1.5rem;
    align-items: start;
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .keys {
    color: var(--bs-muted);
    font-size: 0.9rem;
  }
  ul[role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 70vh;
    overflow-y: auto;
    border: 1px solid var(--bs-border);
    border-radius: 0.4rem;
    background: var(--bs-surface);
  }
  ul[role='listbox']:focus-visible {
    outline: 3px solid var(--bs-focus, #1a5fb4);
    outline-offset: 2px;
  }
  li[role='option'] {
    padding: 0.35rem 0.7rem;
    border-bottom: 1px solid var(--bs-border);
    cursor: pointer;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 0.5rem;
  }
  li[role='option'] .meta {
    grid-column: 1;
  }
  li[role='option'] .status {
    text-align: right;
  }
  li[role='option'][aria-selected='true'] {
    background: var(--bs-hover);
    box-shadow: inset 4px 0 0 var(--bs-accent);
  }
  .meta,
  .status {
    font-size: 0.9rem;
    color: var(--bs-muted);
  }
  .status.rated {
    color: inherit;
  }
  .status.failed {
    color: var(--bs-danger, #a51d2d);
    font-weight: 600;
  }
  .badge {
    font-size: 0.8rem;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 0.3rem;
    padding: 0 0.3rem;
    justify-self: start;
  }
  fieldset {
    border: 1px solid var(--bs-border);
    border-radius: 0.4rem;
    margin: 0 0 1rem;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    margin: 0.35rem 0;
  }
  .choice .help {
    grid-column: 2;
    color: var(--bs-muted);
    font-size: 0.9rem;
  }
  kbd {
    font-size: 0.8rem;
    border: 1px solid var(--bs-border);
    border-radius: 0.2rem;
    padding: 0 0.25rem;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
  .conflict {
    border-left: 4px solid var(--bs-danger, #a51d2d);
    padding-left: 0.7rem;
  }
`;
