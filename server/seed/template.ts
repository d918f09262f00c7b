// The format of a study template in studies/<id>/study.json (see studies/demo-komplexa-familjer).
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const safeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** A file beside study.json, never outside its folder. */
const localFile = z.string().regex(/^[a-z0-9/_.-]+$/).refine((f) => !f.includes('..'));

export const studyTemplateSchema = z.object({
  id: safeId,
  title: z.string().min(1),
  description: z.string(),
  legalBasis: z.enum(['follow-up', 'research']),
  ethicsApproval: z.string().nullable(),
  endDate: isoDate.nullable(),
  /** The template in studies/ the study follows: its seed codebook becomes the study's codebook. */
  template: safeId.optional(),
  /** A researcher's example codings and memos (see demo-research.ts), added after the examples. */
  research: localFile.optional(),
  /** The study's reference library (BibTeX, RIS or CSL-JSON), added by the research author (else the lead). */
  references: localFile.optional(),
  questions: z.array(z.object({ id: safeId, label: z.string().min(1), text: z.string().min(1) })).min(1).max(9),
  members: z.array(z.object({ username: z.string(), role: z.enum(['lead', 'researcher', 'caseworker']) })),
  families: z.array(
    z.object({
      id: safeId,
      pseudonym: z.string().min(1),
      activeFrom: isoDate,
      activeTo: isoDate.nullable(),
      assignedTo: z.array(z.string()),
      /** Names to pseudonymise at import, each with the label it is replaced by. */
      names: z.array(z.object({ name: z.string(), label: z.string() })).optional(),
      documents: z.array(z.object({ file: localFile, title: z.string() })),
      examples: localFile.optional(),
    }),
  ),
});

export const examplesSchema = z.object({
  author: z.string(),
  annotations: z.array(
    z.object({
      questionId: z.string(),
      quote: z.string().min(1),
      prefix: z.string().optional(),
      comment: z.string(),
      knownAtTheTime: z.boolean().nullable(),
    }),
  ),
  reflections: z.record(z.string(), z.string()),
  /** Kortutredning appraisals, each of the investigation that starts on `start` (as found in the chronology). */
  appraisals: z
    .array(z.object({
      start: isoDate,
      findings: z.record(z.string(), z.enum(['shown', 'missing', 'not-applicable'])),
      comment: z.string(),
    }))
    .default([]),
});

export type StudyTemplate = z.infer<typeof studyTemplateSchema>;
export type Examples = z.infer<typeof examplesSchema>;
