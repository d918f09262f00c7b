// Uploads (multipart forms) read as they arrive: busboy parses each chunk of the body when it comes
// in, so even a 100 MB archive never holds the event loop. Request#formData waits for the whole body,
// then joins, parses and copies it in a few long turns: the server stopped answering for about
// 120 ms while a 17 MB archive was taken in (measured by the bench's import row).
import { Busboy } from '@fastify/busboy';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { BadRequestError } from '../domain/errors.ts';
import { yieldToEventLoop } from '../workers/event-loop.ts';

/** An uploaded file: its name as the browser sent it and its bytes, joined once as they came. */
export class UploadedFile {
  constructor(readonly name: string, readonly bytes: Uint8Array) {}

  get size(): number {
    return this.bytes.byteLength;
  }
}

export type FormValue = string | UploadedFile;
/** As c.req.parseBody({ all: true }) gives it: a name sent more than once has a list. */
export type MultipartForm = Record<string, FormValue | FormValue[]>;

/** A field's value may be as large as a JSON body. */
const FIELD_BYTES = 1024 * 1024;

/**
 * The form's fields and files. A body that is not multipart goes to hono's own parser (URL-encoded
 * forms). A malformed form, a field over 1 MiB, or an error of the body itself is a 400 invalid_form.
 */
export function readMultipart(c: Context): Promise<MultipartForm> {
  return parse(c).catch(() => {
    throw new BadRequestError('invalid_form', 'Formuläret kunde inte läsas.');
  });
}

/** Bytes joined per turn of the event loop: a 17 MB archive joined in one turn held the server 90–130 ms. */
const JOIN_PER_TURN = 2 * 1024 * 1024;

/**
 * The chunks in one Uint8Array of its own (never a slice of Node's shared pool, so it can be moved to a
 * worker), joined a few megabytes per turn of the event loop.
 */
async function joined(chunks: readonly Uint8Array[]): Promise<Uint8Array> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  let sinceYield = 0;
  for (const chunk of chunks) {
    if (sinceYield >= JOIN_PER_TURN) {
      await yieldToEventLoop();
      sinceYield = 0;
    }
    out.set(chunk, at);
    at += chunk.byteLength;
    sinceYield += chunk.byteLength;
  }
  return out;
}

/** The form, a name sent more than once with a list in the order sent. */
async function formOf(values: readonly { name: string; value: FormValue | Promise<UploadedFile> }[]): Promise<MultipartForm> {
  const form: MultipartForm = {};
  for (const { name, value } of values) {
    const v = await value;
    const had = form[name];
    form[name] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return form;
}

function parse(c: Context): Promise<MultipartForm> {
  const type = c.req.header('content-type') ?? '';
  const body = c.req.raw.body;
  if (!/^multipart\/form-data/i.test(type) || !body) return c.req.parseBody({ all: true }) as Promise<MultipartForm>;
  return new Promise((resolve, reject) => {
    // Fields and files in the order they came (a file is joined a turn or more later).
    const values: { name: string; value: FormValue | Promise<UploadedFile> }[] = [];
    let parser: Busboy;
    try {
      // preservePath: the name as the browser sent it (hono's parser keeps it too).
      parser = new Busboy({ headers: { 'content-type': type }, preservePath: true, limits: { fieldSize: FIELD_BYTES } });
    } catch (error) {
      return reject(error);
    }
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) parser.emit('error', new Error('a field over FIELD_BYTES'));
      else values.push({ name, value });
    });
    parser.on('file', (name, stream, filename) => {
      const chunks: Buffer<ArrayBuffer>[] = [];
      const file = new Promise<UploadedFile>((done, fail) => {
        stream.on('data', (chunk: Buffer<ArrayBuffer>) => chunks.push(chunk));
        // Joined once here, and kept as bytes: a File of thousands of parts is read back a part at a
        // time, which held the server for 130 ms for a 17 MB archive, and a File of one part is copied
        // into it and out again (twice more: 100 ms and more of the server's thread for that archive).
        stream.on('end', () => joined(chunks).then((bytes) => done(new UploadedFile(filename ?? '', bytes)), fail));
        stream.on('error', fail);
      });
      file.catch(() => undefined); // reported by the form's promise
      values.push({ name, value: file });
    });
    parser.on('finish', () => void formOf(values).then(resolve, reject));
    parser.on('error', reject);
    const input = Readable.fromWeb(body as import('node:stream/web').ReadableStream);
    input.on('error', reject);
    input.pipe(parser);
  });
}
