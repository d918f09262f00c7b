// Seeds an empty data directory with the bundled demo study and its demo accounts.
// Case files go through the same import pipeline as any upload, so they are pseudonymised. The study
// gets its template's seed codebook, the caseworkers' example annotations and a researcher's codings
// and memos, so that every view has something to show.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPassword, PRODUCTION_COST, type PasswordCost } from '../auth/password.ts';
import { findQuote, makeTarget } from '../domain/anchoring.ts';
import type { InvestigationAppraisal } from '../domain/checklist/checklist-types.ts';
import { findInvestigations } from '../domain/investigations.ts';
import { describeDocument, type StorablePrepared } from '../domain/prepare-document.ts';
import { preparePool } from '../import/prepare-pool.ts';
import { nameRule } from '../domain/pseudonymise-names.ts';
import type { Annotation, Study } from '../domain/types.ts';
import type { User } from '../store/app-data.ts';
import { annotations as annotationRecords, appraisals, reflections } from '../store/family-collections.ts';
import { references as referenceRecords } from '../store/study-collections.ts';
import { newId } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { storeSeedCodebook } from './codebook-seed.ts';
import { addResearch } from './demo-research.ts';
import { readDemoReferences, referenceRecord } from './demo-references.ts';
import { seedDemoInventory } from './demo-inventory.ts';
import { loadStudyTemplates } from './study-templates.ts';
import { examplesSchema, studyTemplateSchema, type StudyTemplate } from './template.ts';

export const DEMO_STUDY_DIR = new URL('../../studies/demo-komplexa-familjer/', import.meta.url).pathname;
export const DEMO_PASSWORD = 'demo';

export const DEMO_ACCOUNTS: { username: string; displayName: string; admin: boolean }[] = [
  { username: 'projektledare', displayName: 'Projektledaren', admin: false },
  { username: 'socsek1', displayName: 'Socialsekreterare 1', admin: false },
  { username: 'socsek2', displayName: 'Socialsekreterare 2', admin: false },
  { username: 'forskare1', displayName: 'FoU-forskare 1', admin: false },
  { username: 'forskare2', displayName: 'FoU-forskare 2', admin: false },
  { username: 'admin', displayName: 'Administratör', admin: true },
];

async function readJsonFile(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

async function createAccounts(store: Store, cost: PasswordCost, now: string): Promise<Map<string, string>> {
  const users: User[] = [];
  for (const a of DEMO_ACCOUNTS) {
    users.push({ id: newId('u'), ...a, passwordHash: await hashPassword(DEMO_PASSWORD, cost), disabled: false, createdAt: now });
  }
  await store.app.mutate((d) => void d.users.push(...users));
  return new Map(users.map((u) => [u.username, u.id]));
}

function userId(ids: Map<string, string>, username: string): string {
  const id = ids.get(username);
  if (!id) throw new Error(`Demo template names an unknown account: ${username}`);
  return id;
}

/** Families being prepared ahead of the one being stored: the workers never wait for a family's last document. */
const FAMILIES_AHEAD = 2;

/**
 * Each family's documents are prepared side by side in the worker pool and stored in one batch, in the
 * template's order; the next families are being prepared while one is stored.
 */
async function importFamilyDocuments(store: Store, repo: StudyRepo, template: StudyTemplate, dir: string, leadId: string, now: Date) {
  const prepareFamily = async (family: StudyTemplate['families'][number]) => {
    const rules = repo.study.families.find((f) => f.id === family.id)?.nameRules ?? [];
    // As bytes: decoded in the workers (decoding 44 MB of Swedish text here was a sixth of the import).
    const raws = await Promise.all(family.documents.map((doc) => readFile(join(dir, doc.file))));
    return preparePool.prepareAll(raws, store.secretKey, now, rules);
  };
  const preparing: Promise<StorablePrepared[]>[] = [];
  const prepareNext = () => {
    const family = template.families[preparing.length];
    if (!family) return;
    const prepared = prepareFamily(family);
    // A failure while another family is stored must not go unhandled; it is thrown when its turn comes.
    prepared.catch(() => undefined);
    preparing.push(prepared);
  };
  for (let i = 0; i < FAMILIES_AHEAD; i++) prepareNext();
  for (const [i, family] of template.families.entries()) {
    const prepared = await preparing[i]!;
    delete preparing[i]; // stored below; its texts need not stay in memory
    prepareNext();
    const docs = family.documents.map((doc, n) => {
      const meta = describeDocument(prepared[n]!, { id: newId('d'), familyId: family.id, title: doc.title, importedBy: leadId, now });
      return { meta, text: prepared[n]!.textBytes, entries: prepared[n]!.entries };
    });
    await repo.addDocuments(docs);
  }
}

/** Turns quote-based example annotations into anchored ones on the stored (pseudonymised) text. */
async function addExamples(repo: StudyRepo, familyId: string, path: string, ids: Map<string, string>, now: string) {
  const examples = examplesSchema.parse(await readJsonFile(path));
  const authorId = userId(ids, examples.author);
  const doc = repo.study.documents.find((d) => d.familyId === familyId);
  if (!doc) throw new Error(`Examples for ${familyId}, which has no document`);
  const { text, entries } = await repo.documents.read(doc.id);
  const investigations = findInvestigations(entries);
  const appraisalRecords = examples.appraisals.map((e): InvestigationAppraisal => {
    const found = investigations.find((i) => i.start.date === e.start);
    if (!found) throw new Error(`Example appraisal in ${familyId}: no investigation starts on ${e.start}`);
    return {
      id: `${doc.id}:${found.start.entryIndex}`, start: null, decided: null, findings: e.findings, comment: e.comment,
      version: 1, createdAt: now, createdBy: authorId, updatedAt: now, updatedBy: authorId,
    };
  });
  const annotations: Annotation[] = examples.annotations.map((e) => {
    const at = findQuote(text, e.quote, e.prefix);
    if (!at) throw new Error(`Example quote not found in ${familyId}: "${e.quote.slice(0, 40)}…"`);
    return {
      id: newId('a'),
      documentId: doc.id,
      familyId,
      questionId: e.questionId,
      target: makeTarget(text, at.start, at.end),
      comment: e.comment,
      knownAtTheTime: e.knownAtTheTime,
      authorId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  });
  await repo.mutateFamily(familyId, (tx) => {
    for (const a of annotations) tx.put(annotationRecords, a);
    for (const [key, text] of Object.entries(examples.reflections)) {
      tx.put(reflections, { id: key, text, version: 1, updatedAt: now, updatedBy: authorId });
    }
    for (const a of appraisalRecords) tx.put(appraisals, a);
  });
}

/** The seed codebook of the template the study follows, created by its lead, as a new study from it would get. */
async function seedCodebook(repo: StudyRepo, templateId: string | undefined, leadId: string, now: string) {
  if (!templateId) return;
  const template = (await loadStudyTemplates()).find((t) => t.id === templateId);
  if (!template) throw new Error(`Demo study names an unknown template: ${templateId}`);
  await storeSeedCodebook(repo, template.codebook, leadId, now);
}

/**
 * Seeds the demo into `store`, which must be empty. `inventory`: also the demo målgruppsinventering
 * (default: when seeding the bundled demo, not another case-file study such as the tests' mini study).
 */
export async function seedDemo(store: Store, options: { passwordCost?: PasswordCost; clock?: () => Date; dir?: string; inventory?: boolean } = {}) {
  if (!store.isEmpty) throw new Error('The demo is seeded only into an empty data directory');
  const dir = options.dir ?? DEMO_STUDY_DIR;
  const now = (options.clock ?? (() => new Date()))();
  const template = studyTemplateSchema.parse(await readJsonFile(join(dir, 'study.json')));
  // The workers load their code while the accounts and the codebook are made.
  if (template.families.some((f) => f.documents.length > 0)) preparePool.warm();
  const ids = await createAccounts(store, options.passwordCost ?? PRODUCTION_COST, now.toISOString());
  const study: Study = {
    id: template.id,
    title: template.title,
    description: template.description,
    template: template.template,
    legalBasis: template.legalBasis,
    ethicsApproval: template.ethicsApproval,
    endDate: template.endDate,
    questions: template.questions,
    members: template.members.map((m) => ({ userId: userId(ids, m.username), role: m.role })),
    families: template.families.map((f) => ({
      id: f.id,
      pseudonym: f.pseudonym,
      activeFrom: f.activeFrom,
      activeTo: f.activeTo,
      assignedTo: f.assignedTo.map((u) => userId(ids, u)),
      // Listed names are kept only as keyed hashes.
      nameRules: (f.names ?? []).map((n) => nameRule(store.secretKey, n.name, n.label)),
    })),
    documents: [],
    version: 1,
  };
  const repo = await store.createStudy(study);
  const lead = template.members.find((m) => m.role === 'lead');
  const leadId = userId(ids, lead?.username ?? 'projektledare');
  await seedCodebook(repo, template.template, leadId, now.toISOString());
  await importFamilyDocuments(store, repo, template, dir, leadId, now);
  for (const f of template.families) {
    if (f.examples) await addExamples(repo, f.id, join(dir, f.examples), ids, now.toISOString());
  }
  const library = template.references ? await readDemoReferences(join(dir, template.references)) : [];
  // Last: the researcher adds the references, and codes the annotations and reflections the examples
  // just added, citing the references in memos.
  if (template.research) await addResearch(repo, join(dir, template.research), (u) => userId(ids, u), now.toISOString(), library);
  else if (library.length) {
    await repo.records.transact((tx) => {
      for (const item of library) tx.put(referenceRecords, referenceRecord(item, leadId, now.toISOString()));
    });
  }
  if (options.inventory ?? (dir === DEMO_STUDY_DIR)) await seedDemoInventory(store, (u) => userId(ids, u), now.toISOString());
  return { studyId: study.id };
}
