// zod schemas for every request body the API accepts. Messages are Swedish (zod's sv locale).
import { z } from 'zod';

z.config(z.locales.sv());

const MAX_COMMENT = 20_000;
const MAX_REFLECTION = 200_000;

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datum som ÅÅÅÅ-MM-DD.');

export const studySettingsSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000),
    legalBasis: z.enum(['follow-up', 'research']),
    ethicsApproval: z.string().trim().max(100).nullable(),
    endDate: isoDate.nullable(),
  })
  .partial()
  .strict();

export const membersSchema = z.object({
  members: z.array(z.object({ userId: z.string().min(1).max(64), role: z.enum(['lead', 'researcher', 'caseworker']) })).max(500),
});

export const assignmentSchema = z.object({ assignedTo: z.array(z.string().min(1).max(64)).max(50) });
