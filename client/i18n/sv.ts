// Swedish UI strings for Backspegel, plus tiny helpers to format them.
// Every string the user sees lives in sv/*.ts, one file per area; this module merges them and is the one
// entry point components import: t('key', { param }), tKey() for keys built at run time, and the formatters.
import type { EntryKind } from '../../server/domain/types.ts';
import { adminStrings } from './sv/admin.ts';
import { agreementStrings } from './sv/agreement.ts';
import { appStrings } from './sv/app.ts';
import { codebookStrings } from './sv/codebook.ts';
import { codingStrings } from './sv/coding.ts';
import { exportStrings } from './sv/exports.ts';
import { importStrings } from './sv/import.ts';
import { inventoryStrings } from './sv/inventory.ts';
import { investigationStrings } from './sv/investigations.ts';
import { literatureStrings } from './sv/literature.ts';
import { memoStrings } from './sv/memos.ts';
import { presentationStrings } from './sv/presentation.ts';
import { reportStrings } from './sv/report.ts';
import { readerStrings } from './sv/reader.ts';
import { reflectionStrings } from './sv/reflections.ts';
import { searchStrings } from './sv/search.ts';
import { studyStrings } from './sv/study.ts';

export { formatClock, formatDateLong, formatDateTime, formatTimestamp } from './format.ts';

/** All UI strings; `{name}` marks a parameter filled in by t(). Areas must not share a key (the later one
 * would silently win): tests/unit/i18n.test.ts checks that. */
export const sv = {
  ...appStrings,
  ...studyStrings,
  ...adminStrings,
  ...readerStrings,
  ...reflectionStrings,
  ...importStrings,
  ...searchStrings,
  ...codebookStrings,
  ...codingStrings,
  ...memoStrings,
  ...agreementStrings,
  ...literatureStrings,
  ...exportStrings,
  ...presentationStrings,
  ...reportStrings,
  ...investigationStrings,
  ...inventoryStrings,
} as const;

export type MessageKey = keyof typeof sv;

/** Looks up a UI string and fills `{param}` placeholders: t('timeline.entries', { n: 3 }) → "3 händelser". */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return sv[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Like t() for a key built at run time (e.g. `kind.${kind}`); null when there is no such string. */
export function tKey(key: string, params: Record<string, string | number> = {}): string | null {
  return key in sv ? t(key as MessageKey, params) : null;
}

/** A duration as "4 min 05 s" or "59 s". */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const m = Math.floor(s / 60);
  return m ? t('idle.minutesSeconds', { m, s: String(s % 60).padStart(2, '0') }) : t('idle.seconds', { s });
}

/** The Swedish label of an entry kind: 'journalanteckning' → "Journalanteckning". */
export function kindLabel(kind: EntryKind | string): string {
  const key = `kind.${kind}`;
  return key in sv ? sv[key as MessageKey] : kind;
}
