// Styles of bs-app: the header bar (app name, main navigation, the user's buttons), the skip link and
// the main area; printing a page prints only the page.
import { css } from 'lit';

export const appStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  header {
    background: var(--bs-accent);
    color: var(--bs-on-accent);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.55rem 1.25rem;
    max-width: 110rem;
    margin: 0 auto;
  }
  .brand {
    color: inherit;
    font-weight: 700;
    font-size: 1.2rem;
    text-decoration: none;
    letter-spacing: 0.01em;
  }
  nav.main a {
    color: inherit;
    font-weight: 600;
  }
  nav.main a[aria-current='page'] {
    text-decoration-thickness: 0.2em;
  }
  .user {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.9rem;
  }
  header button {
    background: transparent;
    color: inherit;
    border-color: rgb(255 255 255 / 0.8);
  }
  header button:hover:not(:disabled) {
    background: rgb(255 255 255 / 0.15);
  }
  header :focus-visible {
    outline-color: #ffffff;
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -3rem;
    z-index: 20;
    background: var(--bs-surface);
    color: var(--bs-link);
    padding: 0.5rem 0.8rem;
    border-radius: 0.35rem;
  }
  .skip:focus {
    top: 0.5rem;
  }
  main {
    display: block;
    padding: 1rem 1.25rem 3rem;
    max-width: 110rem;
    margin: 0 auto;
  }
  main:focus {
    outline: none;
  }
  /* Printing a page (the presentation: one slide a page) prints the page, not the app around it. */
  @media print {
    header,
    .skip {
      display: none;
    }
    main {
      padding: 0;
      max-width: none;
    }
  }
`;
