/**
 * Argument rules and row mapping shared by the SQLite and PostgreSQL dossier-change
 * stores, so both accept and return exactly the same things.
 *
 * @module
 */
import { type DossierChange, dossierChangeMessages, type LocalDossierRecord } from '@motcua/core';
import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';
import { StoreError } from './errors.ts';
import { type CheckedEnqueue, checkEnqueue } from './outbox-rules.ts';

/** A checked dossier change: what to write, and the checked outbox messages to insert with it. */
export interface CheckedChange {
  maHoSo: string;
  changeId: string;
  dossier: string;
  progress: string[];
  messages: CheckedEnqueue[];
}

/**
 * Checks a change and derives its outbox messages (`dossierChangeMessages`), before any
 * transaction starts: an invalid change writes nothing.
 */
export function checkChange(change: DossierChange): CheckedChange {
  let messages: CheckedEnqueue[];
  try {
    messages = dossierChangeMessages(change).map(checkEnqueue);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('INVALID_ARGUMENT', error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (change.changeId.length > 1000) {
    throw new StoreError('INVALID_ARGUMENT', 'dossier changeId must be at most 1000 characters');
  }
  return {
    maHoSo: change.dossier.MaHoSo,
    changeId: change.changeId,
    dossier: JSON.stringify(change.dossier),
    progress: (change.progress ?? []).map((r) => JSON.stringify(r)),
    messages,
  };
}

/** Checks `listDossiers` options. */
export function checkList(options: { after?: string | undefined; limit: number }): {
  after: string | undefined;
  limit: number;
} {
  if (!Number.isSafeInteger(options.limit) || options.limit < 1 || options.limit > 10_000) {
    throw new StoreError('INVALID_ARGUMENT', 'listDossiers limit must be an integer in 1..10000');
  }
  if (options.after !== undefined && typeof options.after !== 'string') {
    throw new StoreError('INVALID_ARGUMENT', 'listDossiers after must be a string');
  }
  return { after: options.after, limit: options.limit };
}

/** A local record from the stored dossier JSON and its progress rows' JSON, in order. */
export function recordOf(dossier: string, progress: readonly string[]): LocalDossierRecord {
  return {
    dossier: JSON.parse(dossier) as DvcqgDossier,
    progress: progress.map((r) => JSON.parse(r) as DvcqgProgress),
  };
}
