// Styles of bs-reader: blocks placed by the virtualizer (absolutely, the width of the list), pre-wrapped text, highlights that differ by underline style and a number badge (not colour alone),
// a margin column for cards when there is room, and the selection bar.
import { css } from 'lit';

export const readerStyles = css`
  :host {
    display: block;
  }
  .blocks {
    container-type: inline-size;
  }
  .block {
    width: 100%;
    padding: 0.9rem 0 1rem;
    border-bottom: 1px solid var(--bs-border);
    scroll-margin-top: 0.5rem;
  }
  .block:focus {
    outline: none;
  }
  .block:focus-visible,
  .block.target h3 {
    outline: 3px solid var(--bs-focus);
    outline-offset: 2px;
  }
  h3 {
    font-size: 1rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 0.7rem;
    align-items: baseline;
  }
  h3 .kind {
    font-size: 0.8rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--bs-muted);
  }
  h3 .title {
    font-weight: 600;
  }
  h3 .doc {
    font-weight: 400;
    font-size: 0.85rem;
    color: var(--bs-muted);
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.6rem 1.25rem;
  }
  @container (min-width: 46rem) {
    .body {
      grid-template-columns: minmax(0, 1fr) 17rem;
    }
    .text,
    .selbar,
    .codebar {
      grid-column: 1;
    }
    .margin {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.65;
    font-size: 1rem;
    max-width: 48rem;
  }
  .tail {
    display: none;
  }
  /* The passage "Sök i akten" shows: a strong outline-like colour, with the text kept dark. */
  ::highlight(bs-found) {
    background-color: #ffd43b;
    color: #111111;
  }
  mark {
    background: var(--bs-mark);
    color: inherit;
    text-decoration-thickness: 2px;
    text-underline-offset: 3px;
    text-decoration-line: underline;
  }
  mark.u-1 {
    text-decoration-style: solid;
    text-decoration-color: var(--bs-q1);
  }
  mark.u-2 {
    text-decoration-style: dashed;
    text-decoration-color: var(--bs-q2);
  }
  mark.u-3 {
    text-decoration-style: wavy;
    text-decoration-color: var(--bs-q3);
  }
  mark.u-4 {
    text-decoration-style: double;
    text-decoration-color: var(--bs-q4);
  }
  mark.multi {
    background: #ffe08a;
  }
  .badge {
    user-select: none;
    display: inline-block;
    font-size: 0.72rem;
    font-weight: 700;
    line-height: 1.25rem;
    min-width: 1.25rem;
    height: 1.25rem;
    padding: 0 0.2rem;
    margin: 0 0.15rem;
    border-radius: 0.2rem;
    text-align: center;
    vertical-align: 0.1em;
    color: var(--bs-on-accent);
    background: var(--q-color, var(--bs-accent));
  }
  .badge::after {
    content: attr(data-n);
  }
  .margin {
    display: grid;
    gap: 0.5rem;
    align-content: start;
  }
  .selbar,
  .codebar {
    position: sticky;
    bottom: 0.5rem;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
    padding: 0.5rem 0.6rem;
    background: var(--bs-surface);
    border: 2px solid var(--bs-accent);
    border-radius: 0.4rem;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
    user-select: none;
  }
  .selbar-label {
    font-weight: 600;
  }
  .selbar-hint {
    color: var(--bs-muted);
    font-size: 0.85rem;
  }
  .selbar button,
  .codebar button {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
  }
  .toast {
    position: fixed;
    left: 50%;
    bottom: 1rem;
    transform: translateX(-50%);
    z-index: 10;
    max-width: min(40rem, calc(100vw - 2rem));
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
  }
`;
