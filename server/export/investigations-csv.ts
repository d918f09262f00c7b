// investigations.csv: one row per investigation found in the study's case files, with the dates in
// effect (corrected ones where an appraiser set them) and the checklist findings, one column per item.
import type { ItemFinding } from '../domain/checklist/checklist-types.ts';
import { assertCaseFileStudy, familyInvestigations, studyChecklist } from '../studies/study-investigations.ts';
import { toCsv, type CsvOptions } from './csv.ts';
import type { ExportSource } from './study-exports.ts';

const FINDING: Record<ItemFinding, string> = { shown: 'visas', missing: 'saknas', 'not-applicable': 'ej aktuellt' };
const yesNo = (b: boolean): string => (b ? 'ja' : 'nej');

export async function investigationsCsv(source: ExportSource, options: CsvOptions = {}): Promise<string> {
  const { repo } = source;
  assertCaseFileStudy(repo.study);
  const checklist = await studyChecklist(repo.study);
  const items = checklist.sides.flatMap((s) => s.items.map((i) => i.id));
  const header = ['familj', 'dokument', 'start', 'beslut', 'dagar', 'över_fyra_månader', 'förlängd', 'kortutredning', 'bedömd', ...items, 'kommentar'];
  const rows: unknown[][] = [];
  for (const family of repo.study.families) {
    for (const v of await familyInvestigations(repo, family, source.now)) {
      const findings = v.appraisal?.findings ?? {};
      rows.push([
        family.pseudonym, v.documentId, v.start, v.decided ?? '', v.days ?? '', yesNo(v.overLimit), yesNo(v.extended), yesNo(v.short),
        yesNo(v.appraisal !== null), ...items.map((id) => (findings[id] ? FINDING[findings[id]] : '')), v.appraisal?.comment ?? '',
      ]);
    }
  }
  return toCsv(header, rows, options);
}
