// The mark of "Sök i akten" in bs-reader: one passage at a time, as a CSS highlight (styled as
// ::highlight(bs-found)), which changes nothing in the text's DOM, scrolled into view.

const FOUND = 'bs-found';

/** Marks the latest passage asked for; a passage still on its way when another is asked for (or the mark cleared) is dropped. */
export class FoundMark {
  #asked = 0;

  /** `reveal` brings the passage's block into the page and returns it; then [start, end) (document offsets) is marked. */
  async show(reveal: () => Promise<HTMLElement | null>, start: number, end: number): Promise<void> {
    const asked = ++this.#asked;
    CSS.highlights?.delete(FOUND);
    const section = await reveal();
    const range = section && asked === this.#asked ? passageRange(section, start, end) : null;
    if (!range) return;
    CSS.highlights?.set(FOUND, new Highlight(range));
    const box = range.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) window.scrollBy({ top: box.top - window.innerHeight / 3 });
  }

  clear(): void {
    this.#asked++;
    CSS.highlights?.delete(FOUND);
  }
}

/**
 * A DOM range over document offsets [start, end) inside a rendered block: its text is spans carrying
 * their start offset (`data-o`), each holding one text node. Null when a point is not rendered.
 */
function passageRange(section: HTMLElement, start: number, end: number): Range | null {
  const spans = [...section.querySelectorAll<HTMLElement>('[data-o]')];
  const point = (offset: number, atEnd: boolean): [Text, number] | null => {
    for (const span of spans) {
      const text = [...span.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE);
      const from = Number(span.dataset.o);
      if (!text || offset < from || offset > from + text.length) continue;
      // A point where one span ends and the next begins belongs to the next as a start, to this one as an end.
      if (!atEnd && offset === from + text.length && offset !== from) continue;
      return [text, offset - from];
    }
    return null;
  };
  const a = point(start, false);
  const b = point(end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(...a);
  range.setEnd(...b);
  return range;
}
