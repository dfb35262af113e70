/**
 * Canonical ⇄ DVCQG wire codecs: dossiers, progress rows, procedures, and the
 * deployment's wire profile.
 *
 * @module
 */
export * from './dossier.ts';
export * from './instant.ts';
export * from './procedure.ts';
export * from './profile.ts';
export * from './progress.ts';
