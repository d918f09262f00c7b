// Styles of the small centred account forms: logging in and changing the password.
import { css } from 'lit';

export const accountFormStyles = css`
  :host {
    display: block;
    max-width: 28rem;
    margin: 2rem auto;
  }
  form {
    display: grid;
    gap: 0.9rem;
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    border-radius: 0.5rem;
    padding: 1.25rem 1.5rem 1.5rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  p {
    margin: 0;
  }
`;
