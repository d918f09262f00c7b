// DOM helpers of bs-reader: the selection as seen from inside its shadow root, whether a key press
// belongs to a text field (where the reader's keys do not count), and the mark of "Sök i akten".

/** The selection's range as seen from inside `root` (shadow DOM aware). */
export function composedRange(root: ShadowRoot): AbstractRange | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const withComposed = sel as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] };
  if (typeof withComposed.getComposedRanges === 'function') return withComposed.getComposedRanges({ shadowRoots: [root] })[0] ?? null;
  const legacy = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  return legacy && legacy.rangeCount ? legacy.getRangeAt(0) : sel.getRangeAt(0);
}

export function isTextField(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement || target instanceof HTMLDialogElement || target.isContentEditable;
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The name of the CSS highlight that marks the passage "Sök i akten" shows (styled as ::highlight(bs-found)). */
const FOUND = 'bs-found';

/** Marks document offsets [start, end) in a rendered block as the passage found (one at a time) and scrolls them into view. */
export function showFound(section: HTMLElement, start: number, end: number): void {
  const range = passageRange(section, start, end);
  if (!range) return;
  CSS.highlights?.set(FOUND, new Highlight(range));
  const box = range.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) window.scrollBy({ top: box.top - window.innerHeight / 3 });
}

export function clearFound(): void {
  CSS.highlights?.delete(FOUND);
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
