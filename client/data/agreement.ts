// The agreement rounds' calls: two or more coders code the same units blind, and once the round is
// closed the lead or its creator sees the agreement and settles the disagreements into study codings.
import type { AgreementRoundSummary, AgreementRoundView, CodingView, RoundResolution } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

const rounds = (studyId: string) => `/api/studies/${seg(studyId)}/agreement-rounds`;
const round = (studyId: string, roundId: string) => `${rounds(studyId)}/${seg(roundId)}`;

/** A passage of a case-file document, chosen by hand as a unit. */
export interface PassageUnitInput {
  documentId: string;
  start: number;
  end: number;
  exact: string;
}

/** Units drawn at random from the study's annotations; the same seed draws the same units. */
export interface SampleUnitsInput {
  sample: { from: 'annotations'; n: number; seed?: number; family?: string; question?: string };
}

export interface RoundInput {
  title: string;
  codeIds: string[];
  coderIds: string[];
  /** Annotation ids and passages chosen by hand, or a random sample. */
  units: (string | PassageUnitInput)[] | SampleUnitsInput;
  goldStandard?: string | null;
  /** 0–1; the server's default is 0.8. */
  threshold?: number;
}

/** The answer to resolving a unit: how it was settled and the study codings it created. */
export interface ResolveAnswer {
  unit: string;
  resolution: RoundResolution;
  codings: CodingView[];
}

export const fetchRounds = (api: Api, studyId: string): Promise<AgreementRoundSummary[]> => api.request('GET', rounds(studyId));

export const createRound = (api: Api, studyId: string, input: RoundInput): Promise<AgreementRoundView> =>
  api.request('POST', rounds(studyId), { body: input });

export const fetchRound = (api: Api, studyId: string, roundId: string): Promise<AgreementRoundView> =>
  api.request('GET', round(studyId, roundId));

/** My codes for one unit; an empty list means "no code applies" (coded, unlike a unit not yet coded). */
export const codeUnit = (api: Api, studyId: string, roundId: string, unitId: string, codeIds: string[]): Promise<{ unit: string; codeIds: string[] }> =>
  api.request('PUT', `${round(studyId, roundId)}/units/${seg(unitId)}`, { body: { codeIds } });

/** Closes the round (lead or creator): the codings are revealed and the result computed. */
export const closeRound = (api: Api, studyId: string, roundId: string): Promise<AgreementRoundView> =>
  api.request('POST', `${round(studyId, roundId)}/close`);

/** Settles a unit of a closed round: the chosen codes become codings of the study. */
export const resolveUnit = (api: Api, studyId: string, roundId: string, unitId: string, codeIds: string[]): Promise<ResolveAnswer> =>
  api.request('POST', `${round(studyId, roundId)}/units/${seg(unitId)}/resolve`, { body: { codeIds } });
