// Reaching a målgruppsinventering: the study (members only, else 404), which must be of kind
// 'inventory' (else 404 `not_inventory`), and the child view each role may see.
import { DomainError, ForbiddenError, NotFoundError } from '../domain/errors.ts';
import type { InventoryChild, InventoryChildView, InventoryConfig, InventoryRating } from '../domain/inventory/inventory-types.ts';
import type { Study } from '../domain/types.ts';
import type { User } from '../store/app-data.ts';
import { inventoryRatings, ratingId } from '../store/inventory-collections.ts';
import type { Store } from '../store/store.ts';
import { studyAccess, type StudyAccess } from './study-access.ts';
import { displayName } from './views.ts';

export class NotInventoryError extends DomainError {
  readonly status = 404;
  constructor() {
    super('not_inventory', 'Studien är ingen målgruppsinventering.');
  }
}

export interface InventoryAccess extends StudyAccess {
  config: InventoryConfig;
}

export function inventoryConfigOf(study: Study): InventoryConfig {
  if (study.kind !== 'inventory' || !study.inventory) throw new NotInventoryError();
  return study.inventory;
}

/** The inventory study, for any member. */
export function inventoryAccess(store: Store, user: User, studyId: string): InventoryAccess {
  const access = studyAccess(store, user, studyId);
  return { ...access, config: inventoryConfigOf(access.repo.study) };
}

/** The inventory study, for its lead only (403 for other members). */
export function inventoryLeadAccess(store: Store, user: User, studyId: string): InventoryAccess {
  const access = inventoryAccess(store, user, studyId);
  if (access.role !== 'lead') throw new ForbiddenError('Bara projektledaren gör detta i inventeringen.');
  return access;
}

/** The inventory study, for researchers and the lead (403 for caseworkers). */
export function inventoryResearchAccess(store: Store, user: User, studyId: string): InventoryAccess {
  const access = inventoryAccess(store, user, studyId);
  if (access.role !== 'lead' && access.role !== 'researcher') throw new ForbiddenError('Bara forskare och projektledaren ser inventeringens sammanställning.');
  return access;
}

/** The asking user's part in rating the child: its caseworker, its blind second rater, or none. */
export function partOf(child: InventoryChild, userId: string): 'first' | 'second' | null {
  if (child.caseworkerId === userId) return 'first';
  if (child.secondRaterId === userId) return 'second';
  return null;
}

/** Caseworkers see the children they rate; researchers and the lead see every child. */
export function canSeeChild(access: StudyAccess, child: InventoryChild): boolean {
  return access.role === 'lead' || access.role === 'researcher' || partOf(child, access.user.id) !== null;
}

/**
 * The child as the asking user may see it: a rater gets their own rating only (never the other
 * rater's); the lead and researchers get the caseworker's (first) rating.
 */
export function childView(access: StudyAccess, child: InventoryChild, users: User[]): InventoryChildView {
  const myPart = access.role === 'caseworker' ? partOf(child, access.user.id) : null;
  const raterId = myPart ? access.user.id : child.caseworkerId;
  const stored = access.repo.records.get(inventoryRatings, ratingId(child.id, raterId));
  return {
    id: child.id,
    pseudonym: child.pseudonym,
    unit: child.unit,
    ageBand: child.ageBand,
    caseworker: { id: child.caseworkerId, displayName: displayName(users, child.caseworkerId)! },
    myPart,
    inSample: child.secondRaterId !== null,
    rating: stored ? ratingPart(stored) : null,
    version: myPart && stored ? stored.version : 0,
  };
}

const ratingPart = (r: InventoryRating) => ({ level: r.level, criteria: r.criteria, reason: r.reason, version: r.version, updatedAt: r.updatedAt });

export const notFoundChild = () => new NotFoundError('Barnet finns inte eller så har du inte tillgång till det.');
