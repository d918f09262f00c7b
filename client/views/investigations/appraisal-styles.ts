// Styles of bs-appraisal-form: the dates in a row with what the file says beside them, the checklist's
// sides and items as fieldsets with their choices in a row, the stored appraisal after a conflict, and the
// read-only view as a list of terms.
import { css } from 'lit';

export const appraisalStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--bs-border);
    border-radius: 0.5rem;
    padding: 0.6rem 1rem 0.8rem;
    margin: 0 0 1rem;
    background: var(--bs-surface);
  }
  legend {
    font-weight: 600;
    padding: 0 0.3rem;
  }
  .date-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.8rem;
    margin: 0.3rem 0;
  }
  .date-row label {
    min-width: 4rem;
    font-weight: 600;
  }
  .date-row input {
    width: auto;
  }
  .found,
  .count,
  .help {
    color: var(--bs-muted);
  }
  section.side {
    margin: 0 0 1rem;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1rem 0 0.2rem;
  }
  fieldset.item {
    padding: 0.4rem 0.8rem 0.5rem;
    margin: 0 0 0.5rem;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 1.2rem;
  }
  .choices label {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .help {
    margin: 0.2rem 0 0.4rem;
  }
  textarea {
    width: 100%;
    min-height: 6rem;
    box-sizing: border-box;
  }
  .stored {
    border-left: 4px solid var(--bs-border);
    padding: 0.3rem 0.8rem;
    margin: 0 0 1rem;
  }
  .stored ul {
    margin: 0.3rem 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.6rem;
  }
  dl.readonly dt {
    font-weight: 600;
  }
  dl.readonly dd {
    margin: 0 0 0.4rem;
  }
`;
