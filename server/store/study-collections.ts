// The record collections stored once per study (records.json + records.log). Codings live here too,
// not in the family files: merging or deleting a code moves or removes its codings in the same
// durable transaction, across every family.
import type { AgreementRound, Code, Coding, Memo, RoundCoding } from '../domain/types.ts';
import type { StoredReference } from '../literature/reference-records.ts';
import { collection } from './record-file.ts';

export const codes = collection<Code>('codes');
export const codings = collection<Coding>('codings');
export const memos = collection<Memo>('memos');
/** The study's reference library: one record per work, its id the citation key (`[@key]`). */
export const references = collection<StoredReference>('references');
export const agreementRounds = collection<AgreementRound>('agreementRounds');
/** One record per coder and unit, id `<roundId>:<unitId>:<coderId>`: a coder's save never touches the round or anyone else's coding. */
export const roundCodings = collection<RoundCoding>('roundCodings');
