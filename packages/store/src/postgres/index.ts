/**
 * `@motcua/store/postgres`: the PostgreSQL store, for servers and multi-process
 * deployments. Needs the `pg` driver.
 *
 * @module
 */
export { PostgresAccessLog } from './access-log.ts';
export { PostgresDossierChangeStore } from './dossiers.ts';
export { PostgresOutboxStore } from './outbox.ts';
export { PostgresSequenceStore } from './sequences.ts';
export { openPostgresStore, PostgresStore, type PostgresStoreOptions } from './store.ts';
export { PostgresWarehouseStore } from './warehouse.ts';
