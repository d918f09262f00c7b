// DOM helpers of bs-reader: the selection as seen from inside its shadow root, and whether a key press
// belongs to a text field (where the reader's keys do not count).

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
