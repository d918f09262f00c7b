// The målgruppsinventering's record collections, stored at study level (records.json + records.log):
// a list of a few hundred children and their ratings is small, and a rating save is one journal line.
import type { InventoryChild, InventoryRating } from '../domain/inventory/inventory-types.ts';
import { collection } from './record-file.ts';

export const inventoryChildren = collection<InventoryChild>('inventoryChildren');
/** One record per child and rater, id `<childId>:<raterId>`: a second rater's save never touches the first rating. */
export const inventoryRatings = collection<InventoryRating>('inventoryRatings');

export const ratingId = (childId: string, raterId: string): string => `${childId}:${raterId}`;
