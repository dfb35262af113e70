/**
 * What both stores offer.
 *
 * @module
 */
import type { AccessLog, DossierChangeStore, OutboxStore, SequenceStore, WarehouseStore } from '@motcua/core';

/**
 * A store implementing every port of `@motcua/core` that needs persistence: the
 * digitization warehouse, the access log, dossier-code sequences, the outbox and the
 * local dossiers whose changes feed it. Both
 * {@link openSqliteStore} and `openPostgresStore` (`@motcua/store/postgres`) return one,
 * and both pass the same contract test suite.
 *
 * @example
 * ```ts
 * import { openSqliteStore, type MotcuaStore } from '@motcua/store';
 * const store: MotcuaStore = openSqliteStore({ path: 'motcua.db' });
 * await store.sequences.next('000.00.00.H56', '2025-07-01');
 * await store.close();
 * ```
 * @category Store
 */
export interface MotcuaStore {
  /** Digitized papers. */
  readonly warehouse: WarehouseStore;
  /** Who looked up whose data. */
  readonly accessLog: AccessLog;
  /** Dossier-code counters. */
  readonly sequences: SequenceStore;
  /** Messages bound for DVCQG and other systems. */
  readonly outbox: OutboxStore;
  /** Local dossiers; each change is committed together with its outbox messages. */
  readonly dossiers: DossierChangeStore;
  /** Release the database (connections, file handles). */
  close(): Promise<void>;
}
