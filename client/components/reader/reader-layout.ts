// The layout the reader gives @lit-labs/virtualizer: its flow layout, guessing an entry 400 px tall until
// it has measured some (its own guess, 100 px, had it render about twenty entries of a long case file for
// the first screen, to keep three). Named, not left to the virtualizer's default: that one is loaded a
// moment later, and a jump made at once would find none.
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

class ReaderLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._itemSize = { width: 800, height: 400 };
  }
}

export const READER_LAYOUT = { type: ReaderLayout };
