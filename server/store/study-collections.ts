// The record collections stored once per study (records.json + records.log). Codings live here too,
// not in the family files: merging or deleting a code moves or removes its codings in the same
// durable transaction, across every family.
import type { Code, Coding, Memo } from '../domain/types.ts';
import { collection } from './record-file.ts';

export const codes = collection<Code>('codes');
export const codings = collection<Coding>('codings');
export const memos = collection<Memo>('memos');
