// Detail types of Backspegel's custom events. Every event is kebab-case, prefixed `bs-`, bubbles and is
// composed; components fire them on user action only. Use fire() to send one with the right detail type.
// The detail types live by area in client/events/ and are re-exported here, so importers use this file.
import type { AdminEventMap } from './events/admin-events.ts';
import type { ImportEventMap } from './events/import-events.ts';
import type { ReaderEventMap } from './events/reader-events.ts';
import type { ResearchEventMap } from './events/research-events.ts';
import type { SessionEventMap } from './events/session-events.ts';

export type {
  AnnotationRefDetail, AnnotationStartDetail, AnnotationSubmitDetail, BlockSelectDetail, FindHitDetail, MarkdownInputDetail,
} from './events/reader-events.ts';
export type { LoginDetail, PasswordChangedDetail } from './events/session-events.ts';
export type {
  AccountActionDetail, AccountAddDetail, AccountStudiesDetail, AssignmentsSubmitDetail, AuditFilterDetail,
  FamilySubmitDetail, MembersSubmitDetail, QuestionsChangeDetail, SettingsSubmitDetail,
} from './events/admin-events.ts';
export type {
  ArchiveUploadDetail, DocumentImportedDetail, ImportSubmitDetail, NameAddDetail, NamesDecideDetail,
} from './events/import-events.ts';
export type {
  CodeActionDetail, CodeApplyDetail, CodeCreateDetail, CodeDeleteDetail, CodeMergeDetail, CodeMoveDetail,
  CodeSubmitDetail, CodingRefDetail, CodingRequestDetail, MatrixCellDetail, ReferencesChangeDetail,
  SearchFilterDetail, SegmentFilterDetail,
} from './events/research-events.ts';

/** Every custom event of the app and the type of its detail. */
export interface BsEventMap
  extends ReaderEventMap, SessionEventMap, AdminEventMap, ImportEventMap, ResearchEventMap {}

/** Dispatches a bubbling, composed custom event from `target`. */
export function fire<K extends keyof BsEventMap>(target: EventTarget, type: K, detail: BsEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Each event as its listeners receive it. */
type BsCustomEvents = { [K in keyof BsEventMap]: CustomEvent<BsEventMap[K]> };

declare global {
  interface HTMLElementEventMap extends BsCustomEvents {}
}
