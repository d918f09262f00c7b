// zod schemas for every request body the API accepts. Messages are Swedish (zod's sv locale).
import { z } from 'zod';
import { isValidDate } from './dates.ts';

z.config(z.locales.sv());

const MAX_COMMENT = 20_000;
const MAX_REFLECTION = 200_000;

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

/** PUT /api/session/password; the rules on the new password are checked with their own messages. */
export const passwordChangeSchema = z.object({
  current: z.string().min(1).max(1024),
  next: z.string().max(1024),
});

export const targetSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    exact: z.string().min(1).max(100_000),
    prefix: z.string().max(200).default(''),
    suffix: z.string().max(200).default(''),
  })
  .refine((t) => t.end > t.start, { message: 'Markeringens slut måste ligga efter dess början.', path: ['end'] })
  .refine((t) => t.end - t.start === t.exact.length, {
    message: 'Markeringens längd stämmer inte med den markerade texten.',
    path: ['exact'],
  });

export const annotationCreateSchema = z.object({
  documentId: z.string().min(1).max(64),
  questionId: z.string().min(1).max(64),
  target: targetSchema,
  comment: z.string().max(MAX_COMMENT).default(''),
  knownAtTheTime: z.boolean().nullable().default(null),
});

export const annotationPatchSchema = z
  .object({
    questionId: z.string().min(1).max(64),
    comment: z.string().max(MAX_COMMENT),
    knownAtTheTime: z.boolean().nullable(),
  })
  .partial()
  .strict();

export const reflectionPutSchema = z.object({ text: z.string().max(MAX_REFLECTION) });

export const documentImportJsonSchema = z.object({
  title: z.string().trim().min(1).max(200),
  text: z.string().min(1),
});

export type AnnotationCreateInput = z.infer<typeof annotationCreateSchema>;
export type AnnotationPatchInput = z.infer<typeof annotationPatchSchema>;

const DATE_MESSAGE = 'Ange ett datum som finns, som ÅÅÅÅ-MM-DD.';

/** A real calendar date written `YYYY-MM-DD`: '2027-12-31' passes, '2027-13-45' and '2027-02-29' do not. */
export const isoDateSchema = z
  .string(DATE_MESSAGE)
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  .refine((s) => isValidDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), DATE_MESSAGE);

/** A reflection question as the lead writes it; `id` is kept for existing questions, new ones get one. */
export const questionInputSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
    label: z.string().trim().min(1).max(60),
    text: z.string().trim().min(1).max(500),
  })
  .strict();

export const studySettingsSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000),
    selectionCriteria: z.string().max(2000),
    legalBasis: z.enum(['follow-up', 'research']),
    ethicsApproval: z.string().trim().max(100).nullable(),
    endDate: isoDateSchema.nullable(),
    questions: z.array(questionInputSchema).min(1).max(9),
  })
  .partial()
  .strict();

/** POST /api/studies: a new study from a template; `questions` replace the template's (required for a blank one). */
export const studyCreateSchema = z
  .object({
    template: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).optional(),
    selectionCriteria: z.string().max(2000).optional(),
    legalBasis: z.enum(['follow-up', 'research']),
    ethicsApproval: z.string().trim().max(100).nullable().optional(),
    endDate: isoDateSchema.nullable().optional(),
    lead: z.string().trim().min(1).max(64).optional(),
    questions: z.array(questionInputSchema).min(1).max(9).optional(),
  })
  .strict();

export type QuestionInput = z.infer<typeof questionInputSchema>;
export type StudyCreateInput = z.infer<typeof studyCreateSchema>;

export const membersSchema = z.object({
  members: z.array(z.object({ userId: z.string().min(1).max(64), role: z.enum(['lead', 'researcher', 'caseworker']) })).max(500),
});

export const assignmentSchema = z.object({ assignedTo: z.array(z.string().min(1).max(64)).max(50) });

/** A family's attributes: what the study chose its families by. */
/** Attributes beyond the three the UI offers: a study may choose its families by other things too. */
const extraAttributeValue = z.union([z.string().trim().max(200), z.number().finite(), z.boolean()]);
const attributeKeys = (a: Record<string, unknown>) =>
  Object.keys(a).length <= 20 && Object.keys(a).every((k) => /^[\p{L}\p{N} _-]{1,40}$/u.test(k));
const ATTRIBUTE_KEYS_MESSAGE = 'Högst 20 uppgifter, med namn på 1–40 bokstäver, siffror, mellanslag eller bindestreck.';

const familyAttributesSchema = z
  .object({
    children: z.number().int().min(0).max(30),
    placements: z.number().int().min(0).max(200),
    costBand: z.enum(['låg', 'medel', 'hög']),
  })
  .partial()
  .catchall(extraAttributeValue)
  .refine(attributeKeys, ATTRIBUTE_KEYS_MESSAGE);

/** POST /api/studies/:study/families; the pseudonym is checked further in server/domain/families.ts. */
export const familyCreateSchema = z
  .object({
    pseudonym: z.string().max(200),
    activeFrom: isoDateSchema,
    activeTo: isoDateSchema.nullable().optional(),
    attributes: familyAttributesSchema.optional(),
  })
  .strict();

/** PATCH /api/studies/:study/families/:family: any subset; an attribute set to null is removed. */
export const familyPatchSchema = z
  .object({
    pseudonym: z.string().max(200),
    activeFrom: isoDateSchema,
    activeTo: isoDateSchema.nullable(),
    attributes: z
      .object({
        children: z.number().int().min(0).max(30).nullable(),
        placements: z.number().int().min(0).max(200).nullable(),
        costBand: z.enum(['låg', 'medel', 'hög']).nullable(),
      })
      .partial()
      .catchall(extraAttributeValue.nullable())
      .refine(attributeKeys, ATTRIBUTE_KEYS_MESSAGE),
  })
  .partial()
  .strict();

/** PUT /api/studies/:study/documents/:doc/reading: the highest entry index (0-based) the reader reached. */
export const readingPutSchema = z.object({ reached: z.number().int().min(0).max(10_000_000) }).strict();

// ——— codebook, codings and memos ———
const MAX_MEMO = 200_000;
const codeName = z.string().trim().min(1).max(200);
const codeColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Ange färgen som #rrggbb.');
const id = z.string().min(1).max(64);
/** Citation keys of the study's reference library that a code or memo is linked to (checked by the route). */
const referenceKeys = z.array(z.string().min(1).max(100)).max(200);

export const codeCreateSchema = z.object({
  name: codeName,
  description: z.string().max(MAX_COMMENT).default(''),
  color: codeColor.optional(),
  parentId: id.nullable().default(null),
  references: referenceKeys.optional(),
});

export const codePatchSchema = z
  .object({ name: codeName, description: z.string().max(MAX_COMMENT), color: codeColor, parentId: id.nullable(), references: referenceKeys })
  .partial()
  .strict();

export const codeMergeSchema = z.object({ into: id });

/** A passage of a text: offsets plus the quoted text, which must match them. */
const passage = { start: z.number().int().min(0), end: z.number().int().min(1), exact: z.string().min(1).max(100_000) };

export const codingCreateSchema = z.object({
  codeId: id,
  target: z.discriminatedUnion('type', [
    z.object({ type: z.literal('annotation'), id }),
    z.object({
      type: z.literal('reflection'),
      familyId: id,
      key: id,
      start: passage.start.optional(),
      end: passage.end.optional(),
      exact: passage.exact.optional(),
    }),
    z.object({ type: z.literal('passage'), documentId: id, ...passage }),
  ]),
});

export const memoAboutSchema = z.object({ type: z.enum(['study', 'family', 'code', 'reflection']), id: z.string().min(1).max(130) });

export const memoCreateSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(MAX_MEMO).default(''),
  about: memoAboutSchema,
  references: referenceKeys.optional(),
});

export const memoPatchSchema = z
  .object({ title: z.string().trim().min(1).max(200), body: z.string().max(MAX_MEMO), references: referenceKeys })
  .partial()
  .strict();

export type CodingCreateInput = z.infer<typeof codingCreateSchema>;

// ——— agreement rounds ———
/** The most units a round takes: every coder codes each of them, so more is weeks of work, not a check. */
export const MAX_ROUND_UNITS = 500;
const distinct = (list: readonly string[]) => new Set(list).size === list.length;
const DISTINCT_MESSAGE = 'Samma id får bara förekomma en gång.';
const codeIdList = z.array(id).max(200).refine(distinct, DISTINCT_MESSAGE);

export const agreementRoundCreateSchema = z.object({
  title: z.string().trim().min(1).max(200),
  codeIds: codeIdList.min(1),
  coderIds: z.array(id).min(2).max(50).refine(distinct, DISTINCT_MESSAGE),
  /** Chosen by hand (annotation ids and passages of documents), or drawn at random with a seed. */
  units: z.union([
    z.array(z.union([id, z.object({ documentId: id, ...passage })])).min(1).max(MAX_ROUND_UNITS),
    z.object({
      sample: z.object({
        from: z.literal('annotations'),
        n: z.number().int().min(1).max(MAX_ROUND_UNITS),
        seed: z.number().int().min(0).max(0xffff_ffff).optional(),
        family: id.optional(),
        question: id.optional(),
      }),
    }),
  ]),
  goldStandard: id.nullable().default(null),
  threshold: z.number().min(0).max(1).default(0.8),
});

/** PUT …/units/:unit (a coder's own codes; empty = no code applies) and POST …/units/:unit/resolve. */
export const roundCodesSchema = z.object({ codeIds: codeIdList });

export type AgreementRoundCreateInput = z.infer<typeof agreementRoundCreateSchema>;
