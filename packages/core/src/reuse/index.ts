/**
 * Once-only reuse: the warehouse, access-log, evidence-source and consent ports; the
 * evidence registry; Vietnamese-aware record matching; and the engine that plans which
 * dossier components are taken from data the state already holds.
 *
 * @module
 */
export * from './access-log-view.ts';
export * from './consent.ts';
export * from './errors.ts';
export * from './in-memory-warehouse-store.ts';
export * from './name-match.ts';
export * from './plan.ts';
export * from './ports.ts';
export * from './registry.ts';
export * from './validity.ts';
export * from './warehouse-put.ts';
export * from './warehouse-source.ts';
