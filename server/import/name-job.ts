// The body of the name-suggestion worker thread: builds the Swedish lexicon once, on the first
// request, then answers each { id, text, exclude } with the text's name suggestions. Runs beside the
// server's event loop, so neither the seconds the lexicon takes nor a long text block a request.
import { parentPort } from 'node:worker_threads';
import { suggestNames, type Lexicon, type NameSuggestion } from '../domain/name-suggestions.ts';
import { loadSwedishLexicon } from './swedish-lexicon.ts';

export interface NameRequest {
  id: number;
  /** The text, or a text file's bytes as UTF-8. */
  text: string | Uint8Array;
  exclude: string[];
}

export type NameResponse = { id: number; suggestions: NameSuggestion[] } | { id: number; failed: string };

let lexicon: Promise<Lexicon> | undefined;

parentPort!.on('message', async (request: NameRequest) => {
  try {
    lexicon ??= loadSwedishLexicon();
    const text = typeof request.text === 'string' ? request.text : Buffer.from(request.text.buffer, request.text.byteOffset, request.text.byteLength).toString('utf8');
    const suggestions = suggestNames(text, await lexicon, { exclude: request.exclude });
    parentPort!.postMessage({ id: request.id, suggestions } satisfies NameResponse);
  } catch (error) {
    // The kind of failure only: a message could quote the text.
    parentPort!.postMessage({ id: request.id, failed: (error as Error)?.name ?? 'Error' } satisfies NameResponse);
  }
});
