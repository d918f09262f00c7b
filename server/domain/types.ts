// The domain model of Backspegel: what is stored and what the HTTP API returns. Pure types, shared by
// server and client (the client imports them with `import type`). The one import for the rest of the code;
// each area's types live next to the code that owns them.

export type {
  StudyRole,
  ReflectionQuestion,
  StudyMember,
  Family,
  FamilyAttributes,
  DocumentMeta,
  LegalBasis,
  StudyKind,
  Study,
  StudySummary,
  StudyPerson,
  StudyView,
  SessionUser,
} from './study-types.ts';
export type {
  EntryKind,
  Entry,
  DocumentView,
  DocumentHeadView,
} from './document-types.ts';
export type {
  TextTarget,
  Annotation,
  AnchorStatus,
  AnnotationView,
  ReflectionKey,
  Reflection,
} from './annotation-types.ts';
export type {
  FamilyProgress,
  FamilyView,
  FamilyPermissions,
  CaseworkerProgress,
  StudyProgress,
} from './progress-types.ts';
export type {
  Code,
  CodingTargetInput,
  CodingTarget,
  Coding,
  CodedSegment,
  CodingView,
  MemoAbout,
  Memo,
  MemoView,
  CodeMatrix,
  ResearchOverview,
} from './research-types.ts';
export type {
  RoundUnitTarget,
  RoundUnit,
  RoundResolution,
  RoundSample,
  AgreementRound,
  RoundCoding,
  RoundStatistic,
  AgreementResult,
  GoldComparison,
  RoundUnitView,
  AgreementRoundSummary,
  AgreementRoundView,
} from './agreement-round-types.ts';
export type {
  HitType,
  SearchHit,
  SearchPage,
} from '../search/search-types.ts';
