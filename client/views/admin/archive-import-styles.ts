// Styles of bs-archive-import-view: the list of unfinished jobs and the families' name suggestions.
import { css } from 'lit';

export const archiveImportStyles = css`
  :host {
    display: block;
    max-width: 72rem;
  }
  h1 {
    font-size: 1.6rem;
  }
  h2 {
    font-size: 1.25rem;
    margin: 1.4rem 0 0.5rem;
  }
  h2:focus {
    outline: none;
  }
  .intro {
    max-width: 50rem;
  }
  ul.jobs {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.4rem;
  }
  ul.jobs li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 1rem;
    align-items: center;
  }
  .families {
    display: grid;
    gap: 1rem;
  }
  .families bs-name-suggestions {
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    border-radius: 0.5rem;
    padding: 0.9rem 1.1rem;
  }
`;
