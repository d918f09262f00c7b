// Waiting for a pending import (…/imports/:id) to finish extracting its text in the background.
import type { TestClient } from './app.ts';

/** Polls the import's status until it is no longer `extracting`; returns that answer. */
export async function whenImportSettled(client: TestClient, path: string) {
  for (let i = 0; i < 500; i++) {
    const r = await client.call('GET', path);
    if (r.json.status !== 'extracting') return r;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error('import never became ready');
}
