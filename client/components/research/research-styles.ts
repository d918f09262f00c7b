// Styles shared by the researcher's pages (codebook, code, matrix): the colour swatch beside a code's
// name (the name is always there too: colour is never the only sign of a code) and the breadcrumbs.
import { css } from 'lit';

export const researchStyles = css`
  .swatch {
    display: inline-block;
    flex: none;
    width: 0.95em;
    height: 0.95em;
    border-radius: 0.2em;
    border: 1px solid rgb(0 0 0 / 0.5);
    background: var(--swatch, transparent);
    vertical-align: -0.1em;
  }
  .crumbs {
    font-size: 0.92rem;
    margin-bottom: 0.4rem;
  }
  .count {
    color: var(--bs-muted);
    font-size: 0.9rem;
    white-space: nowrap;
  }
  .hint {
    color: var(--bs-muted);
    font-size: 0.9rem;
    margin: 0 0 0.4rem;
  }
  button.small {
    font-size: 0.85rem;
    padding: 0.25rem 0.55rem;
  }
`;
