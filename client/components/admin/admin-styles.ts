// Styles for the administration screens (study settings, accounts, audit log): panels, labelled
// fields, button rows, and tables that stay readable at 200 % zoom: wide data tables scroll sideways in a
// focusable region, and `table.stacked` turns each row into a block whose cells carry their column name
// (`<td data-label="Roll">`).
import { css } from 'lit';

export const adminStyles = css`
  .panel {
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    border-radius: 0.5rem;
    padding: 0.9rem 1.1rem 1.1rem;
    margin: 0 0 1.25rem;
  }
  .panel > h2 {
    font-size: 1.2rem;
  }
  form.stack {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.9rem;
    max-width: 44rem;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    min-width: 0;
  }
  .hint {
    color: var(--bs-muted);
    font-size: 0.9rem;
    margin: 0;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.2rem;
  }
  .choices label,
  label.check {
    font-weight: 400;
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .ok {
    color: var(--bs-ok);
    font-weight: 600;
    margin: 0.4rem 0 0;
  }
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    background: var(--bs-surface);
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.5rem 0.7rem;
    border-bottom: 1px solid var(--bs-border);
  }
  thead th {
    background: var(--bs-hover);
    white-space: nowrap;
  }
  td select {
    width: auto;
    min-width: 10rem;
  }
  .table-wrap:focus-visible {
    outline: 3px solid var(--bs-focus);
  }
  @media (max-width: 46rem) {
    table.stacked thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
    }
    table.stacked,
    table.stacked tbody,
    table.stacked tr,
    table.stacked th,
    table.stacked td {
      display: block;
      width: 100%;
    }
    table.stacked tr {
      border-bottom: 1px solid var(--bs-border);
      padding: 0.4rem 0;
    }
    table.stacked th,
    table.stacked td {
      border: none;
      padding: 0.2rem 0.5rem;
    }
    table.stacked td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
  }
`;
