// Styles for the list of what pseudonymisation replaces, kind by kind (`<dl class="counts">`), shared by
// the single import's preview and the archive import's per-family suggestions.
import { css } from 'lit';

export const countsStyles = css`
  h4 {
    font-size: 1rem;
    margin: 0.9rem 0 0.4rem;
  }
  dl.counts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
    gap: 0.4rem 1rem;
    margin: 0 0 0.6rem;
  }
  dl.counts div {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    border-bottom: 1px solid var(--bs-border);
    padding: 0.15rem 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
`;
