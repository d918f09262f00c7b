// Styles of bs-study-view: the facts, the questions, the tool links, and the caseworker's table of families,
// which on a narrow screen (or at high zoom) stacks each row into a card with the column names beside the values.
import { css } from 'lit';

export const studyViewStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.6rem;
  }
  h2 {
    font-size: 1.2rem;
    margin-top: 1.5rem;
  }
  .description {
    max-width: 50rem;
  }
  .facts {
    color: var(--bs-muted);
    margin: 0.3rem 0;
    padding: 0;
    list-style: none;
  }
  ol.questions {
    max-width: 50rem;
    padding-left: 1.6rem;
  }
  ol.questions li {
    margin-bottom: 0.5rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    background: var(--bs-surface);
    min-width: 40rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.55rem 0.8rem;
    border-bottom: 1px solid var(--bs-border);
  }
  th {
    background: var(--bs-hover);
  }
  td.num {
    text-align: right;
  }
  nav.tools ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0.6rem 0 0;
  }
  @media (max-width: 48rem) {
    /* Reflow: one card per family. The ARIA roles keep the table's semantics under display: block. */
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    table {
      min-width: 0;
      width: 100%;
      background: transparent;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tbody tr {
      background: var(--bs-surface);
      border: 1px solid var(--bs-border);
      border-radius: 0.5rem;
      margin: 0 0 0.75rem;
    }
    tbody th,
    tbody td {
      border-bottom: none;
      padding: 0.3rem 0.8rem;
    }
    tbody th {
      background: var(--bs-hover);
      border-radius: 0.5rem 0.5rem 0 0;
    }
    tbody td.num {
      text-align: left;
    }
    tbody td::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
    tbody td.list::before {
      display: block;
    }
  }
  ul.progress {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.15rem;
  }
`;
