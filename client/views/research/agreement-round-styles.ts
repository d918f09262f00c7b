// Styles of bs-agreement-round-view: the units as cards (the segment's text quoted, the caseworker's
// comment), the code choices in a row, and the statistics as a list of terms.
import { css } from 'lit';

export const agreementRoundStyles = css`
  ol.units {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 1rem;
  }
  article.unit {
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    border-radius: 0.5rem;
    padding: 0.8rem 1rem;
  }
  article.unit h3 {
    font-size: 1.05rem;
    margin: 0 0 0.3rem;
  }
  .meta {
    font-size: 0.92rem;
    color: var(--bs-muted);
    margin: 0;
  }
  blockquote {
    margin: 0.4rem 0;
    padding: 0.2rem 0 0.2rem 0.8rem;
    border-left: 0.25rem solid var(--bs-border-strong);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .comment .label {
    font-weight: 600;
  }
  fieldset .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.2rem;
    margin-bottom: 0.6rem;
  }
  .state {
    margin: 0.4rem 0 0;
  }
  dl.stats {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.3rem 1rem;
  }
  dl.stats dt {
    font-weight: 600;
  }
  dl.stats dd {
    margin: 0;
  }
  .confirm {
    margin-top: 0.5rem;
  }
`;
