// What every step of planning an imported REFI-QDA project shares (project-plan.ts runs the steps).

export interface PlanContext {
  /** The importer: the lead, author and coder of everything imported. */
  by: string;
  /** The import's time, ISO: the creation time of anything the file gives none for. */
  at: string;
  /** The study key the pseudonymisation hashes names with. */
  key: Uint8Array;
  now: Date;
  /** Swedish, naming no content from the file; in the order the steps add them. */
  warnings: string[];
}

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;
