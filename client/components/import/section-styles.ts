// The section headings of the archive import page, for the parts of it that are elements of their own.
import { css } from 'lit';

export const sectionStyles = css`
  h2 {
    font-size: 1.25rem;
    margin: 1.4rem 0 0.5rem;
  }
  h2:focus {
    outline: none;
  }
`;
