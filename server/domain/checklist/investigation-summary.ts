// The study-wide picture of the investigations: how many, how long, how many ran over the four
// months (overall, per start year, per family), and which checklist items the files most often lack.
import type { Checklist, InvestigationSummary, InvestigationView } from './checklist-types.ts';

export interface FamilyInvestigations {
  familyId: string;
  pseudonym: string;
  views: readonly InvestigationView[];
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const decidedDays = (views: readonly InvestigationView[]): number[] =>
  views.flatMap((v) => (v.days === null ? [] : [v.days]));

const counts = (views: readonly InvestigationView[]) => ({
  n: views.length,
  overLimit: views.filter((v) => v.overLimit).length,
  medianDays: median(decidedDays(views)),
});

export function investigationSummary(checklist: Checklist, families: readonly FamilyInvestigations[]): InvestigationSummary {
  const all = families.flatMap((f) => f.views);
  const appraised = all.filter((v) => v.appraisal !== null);

  const years = new Map<number, InvestigationView[]>();
  for (const v of all) {
    const year = Number(v.start.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), v]);
  }

  const items = checklist.sides.flatMap((side) =>
    side.items.map((item) => {
      const findings = appraised.map((v) => v.appraisal!.findings[item.id]);
      return {
        item: item.id,
        side: side.id,
        shown: findings.filter((f) => f === 'shown').length,
        missing: findings.filter((f) => f === 'missing').length,
        notApplicable: findings.filter((f) => f === 'not-applicable').length,
      };
    }),
  );

  return {
    total: all.length,
    decided: all.filter((v) => v.decided !== null).length,
    overLimit: all.filter((v) => v.overLimit).length,
    appraised: appraised.length,
    medianDays: median(decidedDays(all)),
    byYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, views]) => ({ year, ...counts(views) })),
    byFamily: families.map((f) => ({ familyId: f.familyId, pseudonym: f.pseudonym, ...counts(f.views) })),
    // Array.prototype.sort is stable: ties keep the checklist's order.
    items: items.sort((a, b) => b.missing - a.missing),
  };
}
