// A case-file document's text and its dated entries.

/** The kind of a dated entry in a case file, recognised from its heading. */
export type EntryKind =
  | 'anmalan'
  | 'ansokan'
  | 'utredning'
  | 'beslut'
  | 'journalanteckning'
  | 'uppfoljning'
  | 'sip'
  | 'placering'
  | 'ovrigt';

/** One dated entry of a case file: offsets into the document's normalised text. */
export interface Entry {
  start: number;
  end: number;
  /** ISO date, YYYY-MM-DD */
  date: string;
  kind: EntryKind;
  /** The heading text after the date, e.g. "Orosanmälan från skolan". */
  title: string;
}

export interface DocumentView {
  id: string;
  familyId: string;
  title: string;
  text: string;
  entries: Entry[];
}

/** GET …/documents/:doc?head=<n>: the text up to the end of the entry crossing n, its entries, and the whole text's length. */
export interface DocumentHeadView extends DocumentView {
  length: number;
}
