// Styles of bs-agreement-view: the new-round form's choices (codes indented by their depth in the codebook),
// short number fields, filters side by side and a scrolling list of annotations to pick.
import { css } from 'lit';

export const agreementViewStyles = css`
  .intro {
    max-width: 56rem;
  }
  fieldset .choices {
    display: grid;
    gap: 0.35rem;
  }
  .depth {
    padding-left: calc(var(--depth, 0) * 1.4rem);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
  }
  input.short {
    width: 9rem;
  }
  select.filter {
    width: auto;
    max-width: 100%;
  }
  .picks {
    max-height: 24rem;
    overflow-y: auto;
  }
`;
