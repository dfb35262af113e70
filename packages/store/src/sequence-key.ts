/**
 * The argument rule shared by the SQLite and PostgreSQL sequence stores.
 *
 * @module
 */
import { StoreError } from './errors.ts';

/** Checks the two keys of a dossier-code sequence. */
export function checkSequenceKey(agencyCode: string, day: string): void {
  if (typeof agencyCode !== 'string' || agencyCode === '' || agencyCode.length > 200) {
    throw new StoreError('INVALID_ARGUMENT', 'agencyCode must be a non-empty string');
  }
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new StoreError('INVALID_ARGUMENT', 'day must be YYYY-MM-DD');
  }
}
