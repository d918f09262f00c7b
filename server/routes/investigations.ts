// The kortutredning checklist and the investigations it appraises (case-file studies only; an inventory
// answers 404):
//   GET /checklist                                    any member
//   GET /families/:family/investigations              who may see the family
//   PUT /families/:family/investigations/:id          who may write caseworker material for it (If-Match; 0 = first)
//   GET /investigations/summary, /investigations/chart.svg   researchers and the lead
// Investigations are found afresh from the documents' chronologies on every request; only appraisals are stored.
import { Hono } from 'hono';
import { z } from 'zod';
import { canWriteCaseworkerMaterial } from '../domain/access.ts';
import type { Checklist, InvestigationAppraisal, InvestigationView } from '../domain/checklist/checklist-types.ts';
import { investigationSummary } from '../domain/checklist/investigation-summary.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { isoDateSchema } from '../domain/schemas.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { familyAccess, researchAccess, studyAccess, type StudyAccess } from '../http/study-access.ts';
import { investigationChart } from '../report/charts/investigation-chart.ts';
import { appraisals } from '../store/family-collections.ts';
import { assertCaseFileStudy, familyInvestigations, studyChecklist } from '../studies/study-investigations.ts';

export const MAX_APPRAISAL_COMMENT = 4000;

const appraisalPutSchema = z
  .object({
    start: isoDateSchema.nullable(),
    decided: isoDateSchema.nullable(),
    findings: z.record(z.string(), z.enum(['shown', 'missing', 'not-applicable'])),
    comment: z.string().max(MAX_APPRAISAL_COMMENT, `Kommentaren får vara högst ${MAX_APPRAISAL_COMMENT} tecken.`),
  })
  .strict();

function assertFindings(checklist: Checklist, findings: Record<string, unknown>): void {
  const ids = new Set(checklist.sides.flatMap((s) => s.items.map((i) => i.id)));
  // The key is not quoted back: it is client input and could be anything.
  if (Object.keys(findings).some((k) => !ids.has(k))) throw new ValidationError('En bedömning gäller en punkt som inte finns i checklistan.', 'unknown_item');
}

export function investigationRoutes(services: Services) {
  const { store, clock } = services;

  const caseFile = (access: StudyAccess): StudyAccess => {
    assertCaseFileStudy(access.repo.study);
    return access;
  };
  const member = (c: { get(k: 'user'): AppEnv['Variables']['user']; req: { param(k: string): string | undefined } }) =>
    caseFile(studyAccess(store, c.get('user'), c.req.param('study')!));
  const researcher = (c: Parameters<typeof member>[0]) => caseFile(researchAccess(store, c.get('user'), c.req.param('study')!));

  /** Every family's investigations, for the summary and the chart. */
  const allFamilies = (access: StudyAccess) =>
    Promise.all(access.repo.study.families.map(async (f) => ({
      familyId: f.id, pseudonym: f.pseudonym, views: await familyInvestigations(access.repo, f, clock()),
    })));

  return new Hono<AppEnv>()
    .get('/checklist', async (c) => c.json(await studyChecklist(member(c).repo.study)))
    .get('/families/:family/investigations', async (c) => {
      const access = member(c);
      const family = familyAccess(access, c.req.param('family'));
      return c.json(await familyInvestigations(access.repo, family, clock()));
    })
    .put('/families/:family/investigations/:id', audited(services, 'investigation.appraise'), async (c) => {
      const access = member(c);
      const family = familyAccess(access, c.req.param('family'));
      const id = c.req.param('id');
      const found = (views: InvestigationView[]) => views.find((v) => v.id === id);
      const before = found(await familyInvestigations(access.repo, family, clock()));
      if (!before) throw new NotFoundError('Utredningen finns inte i familjens akt.');
      if (!canWriteCaseworkerMaterial(access.repo.study, access.user.id, family)) {
        throw new ForbiddenError('Du kan inte bedöma utredningar för den här familjen.');
      }
      const version = requireVersion(c);
      const input = await readJson(c, appraisalPutSchema);
      assertFindings(await studyChecklist(access.repo.study), input.findings);
      const start = input.start ?? before.found.start;
      const decided = input.decided ?? before.found.decided;
      if (decided !== null && decided < start) throw new ValidationError('Beslutsdatum kan inte ligga före startdatum.', 'decided_before_start');
      const saved = await access.repo.mutateFamily(family.id, (tx) => {
        const current = tx.get(appraisals, id);
        if ((current?.version ?? 0) !== version) return false;
        const now = clock().toISOString();
        const next: InvestigationAppraisal = {
          id, ...input, version: version + 1,
          createdAt: current?.createdAt ?? now, createdBy: current?.createdBy ?? access.user.id,
          updatedAt: now, updatedBy: access.user.id,
        };
        tx.put(appraisals, next);
        return true;
      });
      const after = found(await familyInvestigations(access.repo, family, clock()))!;
      if (!saved) throw new ConflictError('Bedömningen har sparats av någon annan sedan du började.', after);
      c.set('audit', { object: before.documentId });
      return c.json(after);
    })
    .get('/investigations/summary', async (c) => {
      const access = researcher(c);
      return c.json(investigationSummary(await studyChecklist(access.repo.study), await allFamilies(access)));
    })
    .get('/investigations/chart.svg', async (c) => {
      const access = researcher(c);
      const svg = await investigationChart((await allFamilies(access)).flatMap((f) => f.views));
      c.header('Content-Type', 'image/svg+xml; charset=utf-8');
      c.header('Cache-Control', 'no-store');
      return c.body(svg);
    });
}
