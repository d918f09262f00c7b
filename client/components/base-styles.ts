// Styles shared by every element's shadow root: box model, buttons, fields, focus ring, alerts.
// Colours come from the custom properties in app.css, so they cross the shadow boundary.
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  /* Explicit, not inherit: an element slotted into <details> would inherit content-box from the details'
     built-in shadow tree. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  a {
    color: var(--bs-link);
  }
  button,
  .button {
    font: inherit;
    font-size: 0.95rem;
    line-height: 1.2;
    padding: 0.45rem 0.85rem;
    border: 1px solid var(--bs-border-strong);
    border-radius: 0.35rem;
    background: var(--bs-surface);
    color: var(--bs-text);
    cursor: pointer;
    text-decoration: none;
    display: inline-block;
  }
  button:hover:not(:disabled) {
    background: var(--bs-hover);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }
  button.primary {
    background: var(--bs-accent);
    border-color: var(--bs-accent);
    color: var(--bs-on-accent);
  }
  button.primary:hover:not(:disabled) {
    background: var(--bs-accent-strong);
  }
  button.danger {
    color: var(--bs-danger);
    border-color: var(--bs-danger);
  }
  button.link {
    border: none;
    background: none;
    padding: 0.2rem 0.3rem;
    color: var(--bs-link);
    text-decoration: underline;
  }
  input[type='text'],
  input[type='password'],
  input[type='file'],
  input[type='date'],
  select,
  textarea {
    font: inherit;
    color: var(--bs-text);
    background: var(--bs-surface);
    border: 1px solid var(--bs-border-strong);
    border-radius: 0.35rem;
    padding: 0.45rem 0.55rem;
    width: 100%;
  }
  textarea {
    line-height: 1.5;
    resize: vertical;
  }
  label {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--bs-border);
    border-radius: 0.35rem;
    padding: 0.5rem 0.75rem 0.75rem;
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  :focus-visible {
    outline: 3px solid var(--bs-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .alert {
    border: 1px solid var(--bs-danger);
    border-left-width: 0.35rem;
    background: var(--bs-danger-bg);
    color: var(--bs-text);
    padding: 0.6rem 0.8rem;
    border-radius: 0.35rem;
    margin: 0.5rem 0;
  }
  .notice {
    border: 1px solid var(--bs-accent);
    border-left-width: 0.35rem;
    background: var(--bs-accent-bg);
    padding: 0.6rem 0.8rem;
    border-radius: 0.35rem;
    margin: 0.5rem 0;
  }
  .muted {
    color: var(--bs-muted);
  }
  .q-1 {
    --q-color: var(--bs-q1);
  }
  .q-2 {
    --q-color: var(--bs-q2);
  }
  .q-3 {
    --q-color: var(--bs-q3);
  }
  .q-4 {
    --q-color: var(--bs-q4);
  }
  .qnum {
    display: inline-block;
    min-width: 1.4em;
    padding: 0 0.3em;
    border-radius: 0.7em;
    background: var(--q-color, var(--bs-accent));
    color: var(--bs-on-accent);
    font-weight: 700;
    font-size: 0.85em;
    text-align: center;
    line-height: 1.4;
  }
`;

/** The CSS class carrying a question's colour, by its 1-based number (cycles after four). */
export function questionClass(number: number): string {
  return `q-${((number - 1) % 4) + 1}`;
}
