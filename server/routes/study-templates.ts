// /api/study-templates — the templates a new study can start from (studies/<id>/template.json).
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { loadStudyTemplates } from '../seed/study-templates.ts';

export function studyTemplateRoutes() {
  return new Hono<AppEnv>().get('/', async (c) =>
    c.json((await loadStudyTemplates()).map(({ id, title, description, selectionCriteria, legalBasis, questions, codebook, kind }) => ({ id, title, description, selectionCriteria, legalBasis, questions, codebook, kind }))),
  );
}
