// The reader in browser tests: it holds every block of the case file but has only those near the viewport
// in the DOM, so a test asks it for its blocks and brings one into view as a jump from the timeline does.
import type { Locator, Page } from 'playwright-core';

type ReaderLike = HTMLElement & { blocks: { key: string; title: string }[]; revealBlock(key: string): Promise<void> };

/** How many blocks the reader holds (the whole case file, not only those in the DOM). */
export function readerBlockCount(page: Page): Promise<number> {
  return page.locator('bs-reader').evaluate((el) => (el as ReaderLike).blocks.length);
}

/** The keys of the reader's blocks, in reading order. */
export function readerKeys(page: Page): Promise<string[]> {
  return page.locator('bs-reader').evaluate((el) => (el as ReaderLike).blocks.map((b) => b.key));
}

/**
 * Brings the reader's block at `which` (an index, or the first block whose title contains the text, waited
 * for if it is not there yet) to the top of the viewport and focuses it, as the timeline does; its section.
 */
export async function revealBlock(page: Page, which: number | string): Promise<Locator> {
  const reader = page.locator('bs-reader');
  if (typeof which === 'string') {
    const handle = await reader.elementHandle();
    await page.waitForFunction(([el, title]) => (el as unknown as ReaderLike).blocks.some((b) => b.title.includes(title as string)), [handle, which] as const);
  }
  const key = await reader.evaluate(async (el, w) => {
    const { blocks } = el as ReaderLike;
    const block = typeof w === 'number' ? blocks[w] : blocks.find((b) => b.title.includes(w));
    if (block) await (el as ReaderLike).revealBlock(block.key);
    return block?.key;
  }, which);
  if (!key) throw new Error(`the reader has no block ${which}`);
  const section = page.locator(`bs-reader section[data-block="${key}"]`);
  await section.waitFor();
  return section;
}
