// Record files written before collections existed, read in the current form: snapshots
// { annotations: [], reflections: { key: {…} } } and journal lines { put, del, refl }. Read once,
// written back in the new form at the next fold.
import type { JournalLine, Operation, Snapshot, StoredRecord } from './record-file.ts';

type LegacyReflections = Record<string, Omit<StoredRecord, 'id'>>;

export function upgradeSnapshot(data: unknown): Snapshot {
  const d = (data ?? {}) as Partial<Snapshot> & { annotations?: StoredRecord[]; reflections?: LegacyReflections };
  if (d.collections && typeof d.seq === 'number') return d as Snapshot;
  return {
    seq: 0,
    collections: {
      annotations: d.annotations ?? [],
      reflections: Object.entries(d.reflections ?? {}).map(([id, r]) => ({ ...r, id })),
    },
  };
}

export function upgradeLine(data: unknown, nextSeq: number): JournalLine {
  const d = data as Partial<JournalLine> & { put?: StoredRecord[]; del?: string[]; refl?: LegacyReflections };
  if (typeof d.seq === 'number' && Array.isArray(d.ops)) return d as JournalLine;
  const ops: Operation[] = [
    ...(d.del ?? []).map((id) => ({ c: 'annotations', del: id })),
    ...(d.put ?? []).map((r) => ({ c: 'annotations', put: r })),
    ...Object.entries(d.refl ?? {}).map(([id, r]) => ({ c: 'reflections', put: { ...r, id } })),
  ];
  return { seq: nextSeq, ops };
}
