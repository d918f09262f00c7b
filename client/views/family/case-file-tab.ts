// Renders the family page's "Akten" tab: the lead's import, the timeline beside the reader, and the lost
// annotations. Plain render helpers, apart from bs-family-view, which loads the data and owns the state.
import { html, nothing } from 'lit';
import type { AnnotationView, FamilyPermissions, ReflectionQuestion } from '../../../server/domain/types.ts';
import type { Block, BlockAnnotations, YearRow } from '../../common/chronology.ts';
import type { BlockCodings } from '../../common/coding-marks.ts';
import type { Api } from '../../data/api.ts';
import type { AnnotationStartDetail, BlockSelectDetail, DocumentImportedDetail, FindHitDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { renderOrphans } from './orphan-list.ts';
import '../../components/reader/bs-case-file-find.ts';

/** What a caseworker's reader gets for codings: nothing. */
const NO_CODINGS: ReadonlyMap<string, BlockCodings> = new Map();

/** What the "Akten" tab shows, and where its events go. */
export interface CaseFileTabOptions {
  api: Api | undefined;
  studyId: string;
  familyId: string;
  questions: ReflectionQuestion[];
  userId: string | undefined;
  /** What the server allows the user to do with the family. */
  permissions: FamilyPermissions | undefined;
  blocks: Block[];
  texts: Map<string, string>;
  years: YearRow[];
  placed: BlockAnnotations;
  /** Only the heads of some documents are loaded yet. */
  partial: boolean;
  /** The annotations are still on their way. */
  annotationsPending: boolean;
  /** Id of the annotation being changed, or ''. */
  busyId: string;
  /** Researchers and the lead see the codings; `codingWritable` when they may change them too. */
  codingEnabled: boolean;
  codingWritable: boolean;
  /** The codings placed in the blocks (only with `codingEnabled`). */
  coded: ReadonlyMap<string, BlockCodings> | undefined;
  imported(e: CustomEvent<DocumentImportedDetail>): void;
  blockSelect(e: CustomEvent<BlockSelectDetail>): void;
  /** "Sök i akten" shows an occurrence, or none. */
  findHit(detail: FindHitDetail): void;
  findClear(): void;
  annotationStart(detail: AnnotationStartDetail): void;
}

export function renderCaseFileTab(o: CaseFileTabOptions) {
  // Part of the case file, or its annotations, not here yet: what is not placed is not lost.
  const orphans: AnnotationView[] = o.partial || o.annotationsPending ? [] : o.placed.orphans;
  // Offer only what the server allows: a reader without the right to annotate gets no "Markera som".
  const canAnnotate = o.permissions?.annotate ?? false;
  return html`
    ${o.permissions?.import
      ? html`<bs-import-panel .api=${o.api} study-id=${o.studyId} family-id=${o.familyId}
          @bs-document-imported=${o.imported}></bs-import-panel>`
      : nothing}
    <div class="layout">
      <div class="side">
        <bs-timeline .years=${o.years} .questions=${o.questions} .owner=${o.placed.owner}
          @bs-block-select=${o.blockSelect}></bs-timeline>
      </div>
      <section class="main" aria-labelledby="reader-title">
        <h2 id="reader-title">${t('family.reader')}</h2>
        ${canAnnotate ? nothing : html`<p class="readonly-note">${t('family.readonly')}</p>`}
        ${o.codingEnabled
          ? html`<p class="readonly-note">${o.codingWritable ? t('coding.readerHint') : t('coding.closed')}</p>`
          : nothing}
        ${o.blocks.length ? nothing : html`<p>${t('family.noDocuments')}</p>`}
        ${o.annotationsPending && o.blocks.length ? html`<p class="readonly-note" role="status">${t('family.annotationsLoading')}</p>` : nothing}
        ${o.blocks.length
          ? html`<bs-case-file-find .blocks=${o.blocks} .texts=${o.texts} ?loading=${o.partial}
              @bs-find-hit=${(e: CustomEvent<FindHitDetail>) => o.findHit(e.detail)} @bs-find-clear=${o.findClear}></bs-case-file-find>`
          : nothing}
        <bs-reader .blocks=${o.blocks} .texts=${o.texts} .questions=${o.questions}
          .touching=${o.placed.touching} .owner=${o.placed.owner} user-id=${o.userId ?? ''}
          busy-id=${o.busyId} ?readonly=${!canAnnotate}
          ?coding=${o.codingEnabled} ?coding-readonly=${!o.codingWritable} .coded=${o.coded ?? NO_CODINGS}
          @bs-annotation-start=${(e: CustomEvent<AnnotationStartDetail>) => canAnnotate && o.annotationStart(e.detail)}></bs-reader>
        ${renderOrphans(orphans, o.questions, o.userId)}
      </section>
    </div>
  `;
}
