// A text encoded as UTF-8 a string at a time into one buffer, as prepareDocument makes the bytes it
// stores without first joining the strings into one (see text-windows.ts for why).

const encoder = new TextEncoder();

/** UTF-8 bytes appended string by string into one buffer, which doubles when it is full. */
export class GrowingBytes {
  #buffer: Uint8Array;
  #length = 0;

  /** `capacity`: bytes to start with (a pessimistic guess is cheap: pages never written are never touched). */
  constructor(capacity: number) {
    this.#buffer = new Uint8Array(Math.max(16, Math.ceil(capacity)));
  }

  append(text: string): void {
    for (let read = 0; ; ) {
      const done = encoder.encodeInto(read === 0 ? text : text.slice(read), this.#buffer.subarray(this.#length));
      read += done.read;
      this.#length += done.written;
      if (read >= text.length) return;
      const bigger = new Uint8Array(this.#buffer.length * 2);
      bigger.set(this.#buffer.subarray(0, this.#length));
      this.#buffer = bigger;
    }
  }

  /** The bytes written: a view of the buffer, whose rest is unused. */
  view(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }
}
