// Reading progress: how far a user has read one document, as the highest entry index reached in the
// reader. It only ever increases, so reports may arrive late or out of order without losing anything.
import { ValidationError } from './errors.ts';

/** Refuses an index past the document's last entry (a document without entries has only index 0). */
export function checkReached(reached: number, entryCount: number): void {
  if (reached > Math.max(0, entryCount - 1)) throw new ValidationError('Dokumentet har ingen händelse med det numret.');
}

/** The value to store: the higher of the stored one (if any) and the reported one. */
export function nextReached(stored: number | undefined, reported: number): number {
  return stored === undefined ? reported : Math.max(stored, reported);
}
