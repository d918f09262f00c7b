// A worker that fetches a large JSON answer and parses it off the page's thread. The reader's whole
// case file is several megabytes: read and parsed on the page, its body held up the first screen (a
// 5.8 MB file took 0.6 s of the page's thread in Chromium). The parsed answer is sent back as a
// structured clone, which is much cheaper than parsing. Built to client/dist/json-worker.js.
import type { JsonWorkerAnswer, JsonWorkerRequest } from '../data/json-off-thread.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<JsonWorkerRequest>) => void) | null; postMessage(answer: JsonWorkerAnswer): void };

scope.onmessage = async ({ data: { id, url } }) => {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    scope.postMessage({ id, status: 0, text: '' });
    return;
  }
  try {
    if (!response.ok || response.status === 204) scope.postMessage({ id, status: response.status, text: await response.text() });
    else scope.postMessage({ id, status: response.status, data: await response.json() });
  } catch {
    scope.postMessage({ id, status: 0, text: '' }); // cut off while reading: a network failure
  }
};
