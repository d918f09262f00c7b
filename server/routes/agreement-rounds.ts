// /api/studies/:study/agreement-rounds — agreement rounds: two or more coders code the same units
// (annotations or passages) with a group of codes, each blind to the others while the round is open.
// Closed, the round shows everyone's codings, Cohen's κ, Krippendorff's α and the disagreements, and
// the lead or the round's creator settles units into the study's codings. What is measured, and why,
// is explained in server/domain/agreement-round.ts.
import { randomInt } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { canDoResearch, roleIn } from '../domain/access.ts';
import { roundResult, roundStanding, seededSample, type RoundCodingIndex } from '../domain/agreement-round.ts';
import { makeTarget } from '../domain/anchoring.ts';
import { segmentKey } from '../domain/codebook.ts';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { agreementRoundCreateSchema, roundCodesSchema, type AgreementRoundCreateInput } from '../domain/schemas.ts';
import type {
  AgreementRound, AgreementRoundSummary, AgreementRoundView, Annotation, Coding, RoundCoding, RoundResolution, RoundSample, RoundUnit,
  RoundUnitTarget,
} from '../domain/types.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import { codingViews, segmentViews } from '../http/coding-views.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess, type StudyAccess } from '../http/study-access.ts';
import { displayName } from '../http/views.ts';
import { newId } from '../store/ids.ts';
import { agreementRounds, codes, codings, roundCodings } from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';

/** The round is in the wrong state for the request: coding a closed round, settling an open one. */
class RoundStateError extends DomainError {
  readonly status = 409;
}

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** The units the client chose by hand, or drew at random, checked against the study. */
async function pickUnits(access: StudyAccess, input: AgreementRoundCreateInput['units']): Promise<{ units: RoundUnit[]; sample: RoundSample | null }> {
  const { repo } = access;
  const unit = (target: RoundUnitTarget, familyId: string): RoundUnit => ({ id: newId('e'), target, familyId, resolution: null });
  if (!Array.isArray(input)) {
    const { n, family = null, question = null } = input.sample;
    // No seed given: one is chosen and recorded, so that the draw can still be repeated.
    const seed = input.sample.seed ?? randomInt(0, 0xffff_ffff);
    if (family !== null && !repo.study.families.some((f) => f.id === family)) throw new ValidationError('Familjen finns inte i studien.', 'unknown_family');
    if (question !== null && !repo.study.questions.some((q) => q.id === question)) throw new ValidationError('Frågan finns inte i studien.', 'unknown_question');
    // Researchers and the lead see every family. The pool is ordered by id so that the same seed draws
    // the same annotations whatever order the families' files were read in.
    const pool: Annotation[] = (family ? [family] : repo.study.families.map((f) => f.id))
      .flatMap((f) => repo.familyData(f).annotations)
      .filter((a) => question === null || a.questionId === question)
      .sort(byId);
    if (n > pool.length) {
      throw new ValidationError(`Urvalet kan inte vara större än de ${pool.length} markeringar som finns att dra bland.`, 'sample_too_large');
    }
    const units = seededSample(pool, n, seed).map((a) => unit({ type: 'annotation', id: a.id }, a.familyId));
    return { units, sample: { from: 'annotations', n, seed, family, question, pool: pool.length } };
  }
  const texts = new Map<string, string>();
  const units: RoundUnit[] = [];
  for (const item of input) {
    if (typeof item === 'string') {
      const familyId = repo.familyOfAnnotation(item);
      if (!familyId || !repo.familyData(familyId).annotations.some((a) => a.id === item)) {
        throw new ValidationError('En av markeringarna finns inte i studien.', 'unknown_annotation');
      }
      units.push(unit({ type: 'annotation', id: item }, familyId));
      continue;
    }
    const meta = repo.study.documents.find((d) => d.id === item.documentId);
    if (!meta) throw new ValidationError('Ett av dokumenten finns inte i studien.', 'unknown_document');
    let text = texts.get(meta.id);
    if (text === undefined) texts.set(meta.id, (text = (await repo.documents.read(meta.id)).text));
    if (item.end <= item.start || text.slice(item.start, item.end) !== item.exact) {
      throw new ValidationError('Den markerade texten finns inte på angiven plats i dokumentet.', 'target_mismatch');
    }
    units.push(unit({ type: 'passage', documentId: meta.id, ...makeTarget(text, item.start, item.end) }, meta.familyId));
  }
  const seen = new Set<string>();
  for (const u of units) {
    const key = segmentKey(u.target);
    if (seen.has(key)) throw new ValidationError('Samma stycke finns två gånger bland enheterna.', 'duplicate_unit');
    seen.add(key);
  }
  return { units, sample: null };
}

/** The round's codings by unit and coder (coders and units of the round only). */
function codingIndex(repo: StudyRepo, round: AgreementRound): Map<string, Map<string, string[]>> {
  const units = new Set(round.units.map((u) => u.id));
  const index = new Map<string, Map<string, string[]>>();
  for (const k of repo.records.list(roundCodings)) {
    if (k.roundId !== round.id || !units.has(k.unitId) || !round.coderIds.includes(k.coderId)) continue;
    let byCoder = index.get(k.unitId);
    if (!byCoder) index.set(k.unitId, (byCoder = new Map()));
    byCoder.set(k.coderId, k.codeIds);
  }
  return index;
}

/** How many units each coder has coded. */
function codedCounts(round: AgreementRound, index: RoundCodingIndex): { coder: string; coded: number }[] {
  return round.coderIds.map((coder) => ({ coder, coded: round.units.filter((u) => index.get(u.id)?.has(coder)).length }));
}

export function agreementRoundRoutes(services: Services) {
  const { store, clock } = services;
  const users = () => store.app.data.users;
  const access = (c: Context<AppEnv>) => researchAccess(store, c.get('user'), c.req.param('study')!);

  /** The round in the URL, named in the audit line up front so that a refused request still says which round. */
  const roundOf = (c: Context<AppEnv>, a: StudyAccess): AgreementRound => {
    const round = a.repo.records.get(agreementRounds, c.req.param('id')!);
    if (!round) throw new NotFoundError('Omgången finns inte.');
    c.set('audit', { object: round.id });
    return round;
  };
  const unitOf = (c: Context<AppEnv>, round: AgreementRound): RoundUnit => {
    const unit = round.units.find((u) => u.id === c.req.param('unit'));
    if (!unit) throw new NotFoundError('Enheten finns inte i omgången.');
    c.set('audit', { object: round.id, family: unit.familyId });
    return unit;
  };
  const assertManager = (a: StudyAccess, round: AgreementRound, message: string) => {
    if (!roundStanding(round, a.user.id, a.role).manager) throw new ForbiddenError(message);
  };

  /**
   * The round as `a.user` may see it. Blind while open: a coder sees only their own codings, whoever
   * they are (the lead and the creator included); the lead and the creator see how far each coder has
   * come, never what they coded. Once closed, the coders, the creator and the lead see every coding
   * and the result; other researchers see the round and its units only.
   */
  const roundView = async (a: StudyAccess, round: AgreementRound): Promise<AgreementRoundView> => {
    const standing = roundStanding(round, a.user.id, a.role);
    const index = codingIndex(a.repo, round);
    const revealed = round.status === 'closed' && standing.involved;
    const segments = await segmentViews(a.repo, round.units);
    const codebook = new Map(a.repo.records.list(codes).map((code) => [code.id, code]));
    const { units, ...rest } = round;
    const result = revealed ? roundResult(round, index) : null;
    return {
      ...rest,
      codes: round.codeIds.map((id) => ({ id, name: codebook.get(id)?.name ?? null, color: codebook.get(id)?.color ?? null })),
      coders: round.coderIds.map((id) => ({ id, displayName: displayName(users(), id) ?? '' })),
      units: units.map((u, i) => ({
        id: u.id,
        type: u.target.type,
        segment: segments[i]!,
        mine: index.get(u.id)?.get(a.user.id) ?? null,
        ...(revealed ? { codings: Object.fromEntries(round.coderIds.flatMap((coder) => {
          const given = index.get(u.id)?.get(coder);
          return given ? [[coder, given]] : [];
        })) } : {}),
        resolution: u.resolution,
      })),
      progress: standing.manager ? codedCounts(round, index) : null,
      result,
      ...result,
    };
  };

  return new Hono<AppEnv>()
    .get('/', (c) => {
      const a = access(c);
      const mine = new Map<string, number>();
      for (const k of a.repo.records.list(roundCodings)) if (k.coderId === a.user.id) mine.set(k.roundId, (mine.get(k.roundId) ?? 0) + 1);
      const list: AgreementRoundSummary[] = a.repo.records.list(agreementRounds)
        .map(({ units, ...round }) => ({ ...round, unitCount: units.length, myCoded: round.coderIds.includes(a.user.id) ? mine.get(round.id) ?? 0 : null }))
        .sort((x, y) => y.createdAt.localeCompare(x.createdAt) || byId(x, y));
      return c.json(list);
    })
    .post('/', audited(services, 'round.create'), async (c) => {
      const a = access(c);
      const input = await readJson(c, agreementRoundCreateSchema);
      const study = a.repo.study;
      if (input.coderIds.some((id) => !canDoResearch(study, id))) {
        throw new ValidationError('Kodarna ska vara studiens forskare eller projektledaren.', 'unknown_coder');
      }
      const gold = input.goldStandard;
      if (gold !== null && (!input.coderIds.includes(gold) || (roleIn(study, gold) !== 'lead' && gold !== a.user.id))) {
        throw new ValidationError('Guldstandarden ska vara projektledaren eller du själv, och en av omgångens kodare.', 'invalid_gold_standard');
      }
      const { units, sample } = await pickUnits(a, input.units);
      const round = await a.repo.records.transact((tx) => {
        if (input.codeIds.some((id) => !tx.get(codes, id))) throw new ValidationError('En av koderna finns inte i kodboken.', 'unknown_code');
        const created: AgreementRound = {
          id: newId('o'), title: input.title, codeIds: input.codeIds, coderIds: input.coderIds, goldStandard: gold,
          threshold: input.threshold, status: 'open', units, sample,
          createdBy: a.user.id, createdAt: clock().toISOString(), closedBy: null, closedAt: null, version: 1,
        };
        tx.put(agreementRounds, created);
        return created;
      });
      c.set('audit', { object: round.id });
      return c.json(await roundView(a, round), 201);
    })
    .get('/:id', audited(services, 'round.read'), async (c) => {
      const a = access(c);
      return c.json(await roundView(a, roundOf(c, a)));
    })
    .put('/:id/units/:unit', audited(services, 'round.code'), async (c) => {
      const a = access(c);
      const round = roundOf(c, a);
      const unit = unitOf(c, round);
      if (!round.coderIds.includes(a.user.id)) throw new ForbiddenError('Bara omgångens kodare kodar dess enheter.');
      const { codeIds } = await readJson(c, roundCodesSchema);
      const saved = await a.repo.records.transact((tx): RoundCoding => {
        const current = tx.get(agreementRounds, round.id)!;
        if (current.status !== 'open') throw new RoundStateError('round_closed', 'Omgången är avslutad och kan inte längre kodas.');
        if (codeIds.some((id) => !current.codeIds.includes(id))) throw new ValidationError('Använd bara omgångens koder.', 'unknown_code');
        const id = `${round.id}:${unit.id}:${a.user.id}`;
        const ordered = current.codeIds.filter((code) => codeIds.includes(code));
        const existing = tx.get(roundCodings, id);
        // The same codes again change nothing: a repeated PUT is not a new version.
        if (existing && existing.codeIds.join(' ') === ordered.join(' ')) return existing;
        const next: RoundCoding = {
          id, roundId: round.id, unitId: unit.id, coderId: a.user.id, codeIds: ordered,
          updatedAt: clock().toISOString(), version: (existing?.version ?? 0) + 1,
        };
        tx.put(roundCodings, next);
        return next;
      });
      return c.json({ unit: unit.id, codeIds: saved.codeIds, updatedAt: saved.updatedAt, version: saved.version });
    })
    .post('/:id/close', audited(services, 'round.close'), async (c) => {
      const a = access(c);
      const round = roundOf(c, a);
      assertManager(a, round, 'Bara projektledaren eller den som startade omgången kan avsluta den.');
      // If-Match is optional here: given, it must be the round's current version.
      const version = c.req.header('if-match') === undefined ? undefined : requireVersion(c);
      const closed = await a.repo.records.transact((tx) => {
        const current = tx.get(agreementRounds, round.id)!;
        if (current.status === 'closed') return current;
        if (version !== undefined && current.version !== version) {
          throw new ConflictError('Omgången har ändrats sedan du öppnade den. Ladda om sidan.', { version: current.version });
        }
        const next: AgreementRound = { ...current, status: 'closed', closedBy: a.user.id, closedAt: clock().toISOString(), version: current.version + 1 };
        tx.put(agreementRounds, next);
        return next;
      });
      return c.json(await roundView(a, closed));
    })
    .post('/:id/units/:unit/resolve', audited(services, 'round.resolve'), async (c) => {
      const a = access(c);
      const round = roundOf(c, a);
      const unit = unitOf(c, round);
      assertManager(a, round, 'Bara projektledaren eller den som startade omgången avgör enheterna.');
      const { codeIds } = await readJson(c, roundCodesSchema);
      const { made, resolution } = await a.repo.records.transact((tx) => {
        const current = tx.get(agreementRounds, round.id)!;
        if (current.status !== 'closed') throw new RoundStateError('round_open', 'Avsluta omgången innan enheterna avgörs.');
        const stored = current.units.find((u) => u.id === unit.id)!;
        if (stored.resolution) throw new ConflictError('Enheten är redan avgjord.', stored.resolution);
        if (codeIds.some((id) => !current.codeIds.includes(id))) throw new ValidationError('Använd bara omgångens koder.', 'unknown_code');
        if (codeIds.some((id) => !tx.get(codes, id))) throw new ValidationError('En av koderna finns inte längre i kodboken.', 'unknown_code');
        const target = stored.target;
        if (target.type === 'annotation' && !a.repo.familyData(stored.familyId).annotations.some((x) => x.id === target.id)) {
          throw new ValidationError('Markeringen finns inte längre.', 'unit_gone');
        }
        // A code the segment already carries is left as it is (whoever coded it), as POST /codings would refuse a twin.
        const key = segmentKey(target);
        const already = new Set(a.repo.records.list(codings).filter((k) => segmentKey(k.target) === key).map((k) => k.codeId));
        const now = clock().toISOString();
        const made: Coding[] = current.codeIds
          .filter((id) => codeIds.includes(id) && !already.has(id))
          .map((codeId) => ({ id: newId('k'), codeId, target, familyId: stored.familyId, createdBy: a.user.id, createdAt: now, version: 1 }));
        for (const k of made) tx.put(codings, k);
        const resolution: RoundResolution = {
          codeIds: current.codeIds.filter((id) => codeIds.includes(id)), codingIds: made.map((k) => k.id), by: a.user.id, at: now,
        };
        tx.put(agreementRounds, {
          ...current, units: current.units.map((u) => (u.id === stored.id ? { ...u, resolution } : u)), version: current.version + 1,
        });
        return { made, resolution };
      });
      return c.json({ unit: unit.id, resolution, codings: await codingViews(a.repo, a.repo.records.list(codes), made, users()) }, 201);
    });
}
