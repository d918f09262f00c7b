// Styles of bs-family-view: timeline beside the text on wide screens, above it (in a scroll box) on narrow
// ones and at high zoom; tab links; the orphan list; the annotation dialog (with the stored version after
// a conflict); the read-only note.
import { css } from 'lit';

export const familyStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.6rem;
    margin-bottom: 0.1rem;
  }
  .crumbs {
    font-size: 0.92rem;
    margin-bottom: 0.4rem;
  }
  .sub {
    margin: 0 0 0.6rem;
    color: var(--bs-muted);
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    border-bottom: 2px solid var(--bs-border);
    margin-bottom: 1rem;
  }
  .tabs a {
    padding: 0.5rem 1rem;
    text-decoration: none;
    color: var(--bs-text);
    border: 1px solid transparent;
    border-bottom: none;
    border-radius: 0.4rem 0.4rem 0 0;
    margin-bottom: -2px;
  }
  .tabs a:hover {
    background: var(--bs-hover);
  }
  .tabs a[aria-current='page'] {
    background: var(--bs-surface);
    border-color: var(--bs-border);
    border-bottom: 2px solid var(--bs-surface);
    font-weight: 700;
  }
  bs-import-panel {
    margin-bottom: 1rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 19rem) minmax(0, 1fr);
    gap: 1.5rem;
    align-items: start;
  }
  .side {
    position: sticky;
    top: 0.5rem;
    max-height: calc(100vh - 1rem);
    overflow: auto;
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    border-radius: 0.5rem;
    padding: 0.6rem 0.5rem 0.6rem 0.7rem;
  }
  .main {
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    border-radius: 0.5rem;
    padding: 0.8rem 1.2rem;
    min-width: 0;
  }
  .main > h2 {
    font-size: 1.1rem;
  }
  @media (max-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .side {
      position: static;
      max-height: 45vh;
    }
  }
  .orphans {
    margin-top: 1.5rem;
    padding-top: 0.5rem;
    border-top: 2px solid var(--bs-border);
  }
  .orphans .cards {
    display: grid;
    gap: 0.6rem;
    grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
  }
  dialog.annotation {
    width: min(44rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    border: 1px solid var(--bs-border-strong);
    border-radius: 0.6rem;
    padding: 1rem 1.25rem 1.25rem;
    color: var(--bs-text);
    background: var(--bs-surface);
  }
  dialog.annotation .stored {
    border: 1px solid var(--bs-border);
    border-left: 0.3rem solid var(--bs-border-strong);
    border-radius: 0.35rem;
    padding: 0.5rem 0.8rem;
    margin: 0 0 1rem;
    max-height: 14rem;
    overflow: auto;
  }
  dialog.annotation .stored h3 {
    font-size: 1rem;
    margin: 0 0 0.3rem;
  }
  .readonly-note {
    color: var(--bs-muted);
    margin: 0 0 0.6rem;
  }
  dialog.annotation::backdrop {
    background: rgb(20 25 35 / 0.45);
  }
  dialog.coding {
    max-width: calc(100vw - 2rem);
    max-height: calc(100vh - 2rem);
    overflow: auto;
    border: 1px solid var(--bs-border-strong);
    border-radius: 0.6rem;
    padding: 1rem 1.25rem 1.25rem;
  }
  dialog.coding::backdrop {
    background: rgb(20 25 35 / 0.3);
  }
`;
