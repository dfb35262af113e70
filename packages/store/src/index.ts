/**
 * `@motcua/store`: where motcua data rests. The default export is the SQLite store
 * (embedded, `node:sqlite`, zero setup); `@motcua/store/postgres` is the PostgreSQL
 * store for servers. Both implement the same ports of `@motcua/core`.
 *
 * @packageDocumentation
 */
export { StoreError, type StoreErrorCode } from './errors.ts';
export type { MotcuaStore } from './motcua-store.ts';
export { SqliteAccessLog } from './sqlite/access-log.ts';
export { SqliteDossierChangeStore } from './sqlite/dossiers.ts';
export { SqliteOutboxStore } from './sqlite/outbox.ts';
export { SqliteSequenceStore } from './sqlite/sequences.ts';
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite/store.ts';
export { SqliteWarehouseStore } from './sqlite/warehouse.ts';
