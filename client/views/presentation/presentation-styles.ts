// Styles of bs-presentation-view: the toolbar, the deck as a 16:9 frame that shows the current slide (and
// fills the screen in full-screen mode), and print as one slide per landscape page.
import { css } from 'lit';

// Document-level print rules (@page works only there): landscape pages without margins. Adopted while a
// deck is on the page; a constructed stylesheet is allowed by style-src 'self'.
export const pagePrint = css`
  @page {
    size: landscape;
    margin: 0;
  }
`;

export const presentationStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-bottom: 0.6rem;
  }
  .toolbar .keys {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.85rem;
    color: var(--bs-muted);
  }
  .deck {
    position: relative;
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
  }
  .deck:focus-visible {
    outline: 3px solid var(--bs-focus);
  }
  .deck:fullscreen {
    border: none;
    background: var(--bs-surface);
  }
  .frame {
    container-type: size;
    width: min(100%, calc((100vh - 12rem) * 16 / 9));
    aspect-ratio: 16 / 9;
    color: var(--bs-text);
  }
  .deck:fullscreen .frame {
    width: min(100vw, calc(100vh * 16 / 9));
  }
  .frame > bs-slide:not(.current) {
    display: none;
  }
  .counter {
    position: absolute;
    right: 1rem;
    bottom: 0.5rem;
    font-variant-numeric: tabular-nums;
    color: var(--bs-muted);
  }
  .notes-nav {
    display: flex;
    gap: 0.5rem 1rem;
    align-items: center;
    margin: 0.5rem 0 1rem;
  }
  @media print {
    .toolbar,
    .crumbs,
    .counter,
    .notes-nav,
    h1 {
      display: none;
    }
    .deck {
      border: none;
      display: block;
    }
    .frame {
      width: 100vw;
      height: 100vh;
      aspect-ratio: auto;
      container-type: normal;
    }
    .frame > bs-slide,
    .frame > bs-slide:not(.current) {
      display: block;
      width: 100vw;
      height: 100vh;
      container-type: size;
      break-after: page;
      break-inside: avoid;
      overflow: hidden;
    }
  }
`;
