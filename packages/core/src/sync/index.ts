/**
 * The sync engine: every dossier change goes into the outbox with the change, and workers
 * deliver it to Cổng DVCQG in order per dossier, at least once, with retries, backoff,
 * dead letters and metrics; reconciliation finds and re-sends what the portal lacks.
 *
 * @module
 */
export * from './backoff.ts';
export * from './change-port.ts';
export * from './messages.ts';
export * from './portal-port.ts';
export * from './reconcile.ts';
export * from './worker.ts';
