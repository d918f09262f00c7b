// The data directory's secret key (secret.key, mode 600): the HMAC key behind stable pseudonyms.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.ts';

export async function loadOrCreateSecret(dataDir: string): Promise<Uint8Array> {
  const path = join(dataDir, 'secret.key');
  try {
    const key = await readFile(path);
    if (key.length < 32) throw new Error('secret.key is shorter than 32 bytes');
    return new Uint8Array(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const key = randomBytes(32);
    await writeFileDurably(path, key);
    return new Uint8Array(key);
  }
}

/** The existing key, for commands that must not create one (verifying a copy of the data). */
export async function readSecret(dataDir: string): Promise<Uint8Array> {
  const key = await readFile(join(dataDir, 'secret.key')).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new Error(`secret.key saknas i ${dataDir}: utan nyckeln kan granskningsloggen inte kontrolleras.`);
    throw e;
  });
  if (key.length < 32) throw new Error('secret.key is shorter than 32 bytes');
  return new Uint8Array(key);
}
