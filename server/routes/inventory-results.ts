// /api/studies/:study/inventory — the målgruppsinventering's results: the summary and its chart
// (researchers and the lead), the double-rated sample and turning complex children into families of
// a case-file study (the lead).
import { Hono } from 'hono';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { addFamily } from '../domain/families.ts';
import { drawSample } from '../domain/inventory/inventory-sample.ts';
import { inventorySummary } from '../domain/inventory/inventory-summary.ts';
import { isoDateSchema } from '../domain/schemas.ts';
import { assertStudyOpen } from '../domain/study-open.ts';
import { audited } from '../http/audit.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { inventoryLeadAccess, inventoryResearchAccess } from '../http/inventory-access.ts';
import type { Services } from '../http/services.ts';
import { studyAccess } from '../http/study-access.ts';
import { inventoryChartSvg } from '../report/charts/inventory-chart.ts';
import { inventoryChildren, inventoryRatings, ratingId } from '../store/inventory-collections.ts';
import { newId } from '../store/ids.ts';
import type { StudyRepo } from '../store/study-repo.ts';

const sampleSchema = z.object({ size: z.number().int(), seed: z.number().int().optional() }).strict();
const familiesSchema = z.object({
  targetStudy: z.string().min(1).max(100),
  children: z.array(z.string().max(64)).min(1).max(500),
  activeFrom: isoDateSchema.optional(),
}).strict();

const summaryOf = (repo: StudyRepo, config: Parameters<typeof inventorySummary>[0]) =>
  inventorySummary(config, repo.records.list(inventoryChildren), repo.records.list(inventoryRatings));

export function inventoryResultRoutes(services: Services) {
  const { store, clock } = services;
  return new Hono<AppEnv>()
    .get('/summary', audited(services, 'inventory.summary'), (c) => {
      const { repo, config } = inventoryResearchAccess(store, c.get('user'), c.req.param('study')!);
      return c.json(summaryOf(repo, config));
    })
    .get('/chart.svg', audited(services, 'inventory.summary'), async (c) => {
      const { repo, config } = inventoryResearchAccess(store, c.get('user'), c.req.param('study')!);
      const svg = await inventoryChartSvg(config, summaryOf(repo, config));
      c.header('Content-Type', 'image/svg+xml; charset=utf-8');
      c.header('Cache-Control', 'no-store');
      return c.body(svg);
    })
    .post('/sample', audited(services, 'inventory.sample'), async (c) => {
      const { repo } = inventoryLeadAccess(store, c.get('user'), c.req.param('study')!);
      const { size, seed } = await readJson(c, sampleSchema);
      const caseworkers = repo.study.members.filter((m) => m.role === 'caseworker').map((m) => m.userId);
      const total = await repo.records.transact((tx) => {
        const children = repo.records.list(inventoryChildren);
        const drawn = drawSample(children, caseworkers, size, seed ?? clock().getTime() % 2 ** 31);
        for (const { childId, secondRaterId } of drawn) {
          const child = tx.get(inventoryChildren, childId)!;
          tx.put(inventoryChildren, { ...child, secondRaterId, version: child.version + 1 });
        }
        return children.filter((x) => x.secondRaterId !== null).length + drawn.length;
      });
      return c.json({ sample: total });
    })
    .post('/families', audited(services, 'inventory.families'), async (c) => {
      const { repo, config } = inventoryLeadAccess(store, c.get('user'), c.req.param('study')!);
      const input = await readJson(c, familiesSchema);
      const target = studyAccess(store, c.get('user'), input.targetStudy);
      if (target.role !== 'lead') throw new ForbiddenError('Du måste vara projektledare i aktstudien för att lägga till familjer där.');
      if ((target.repo.study.kind ?? 'case-file') !== 'case-file') throw new ValidationError('Familjer kan bara läggas till i en aktstudie.', 'not_case_file');
      const highest = config.scale.at(-1)!.id;
      const ids = [...new Set(input.children)];
      const children = ids.map((id) => {
        const child = repo.records.get(inventoryChildren, id);
        if (!child) throw new NotFoundError('Ett av barnen finns inte i inventeringen.');
        const first = repo.records.get(inventoryRatings, ratingId(child.id, child.caseworkerId));
        if (first?.level !== highest) {
          throw new ValidationError(`Bara barn som socialsekreteraren har bedömt på den högsta nivån (${config.scale.at(-1)!.label}) kan bli familjer.`, 'not_highest_level');
        }
        return child;
      });
      const activeFrom = input.activeFrom ?? clock().toISOString().slice(0, 10);
      const families = await target.repo.mutateStudy((draft) => {
        assertStudyOpen(draft);
        let membersChanged = false;
        const created = children.map((child) => {
          let family;
          try {
            family = addFamily(draft, newId('f'), { pseudonym: child.pseudonym, activeFrom, attributes: { inventering: repo.id } });
          } catch (e) {
            // Which child could not become a family: its id, never its pseudonym.
            if (e instanceof ValidationError) throw new ValidationError(`${e.message} (barnet ${child.id})`, e.code);
            throw e;
          }
          const member = draft.members.find((m) => m.userId === child.caseworkerId);
          if (member && member.role !== 'caseworker') {
            throw new ValidationError(`Barnets socialsekreterare har en annan roll i aktstudien och kan inte tilldelas familjen (barnet ${child.id}).`, 'not_caseworker');
          }
          if (!member) {
            draft.members.push({ userId: child.caseworkerId, role: 'caseworker' });
            membersChanged = true;
          }
          family.assignedTo.push(child.caseworkerId);
          return { id: family.id, pseudonym: family.pseudonym };
        });
        if (membersChanged) draft.version += 1;
        return created;
      });
      return c.json({ families }, 201);
    });
}
