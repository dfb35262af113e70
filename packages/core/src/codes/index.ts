/**
 * Dossier codes (mã số hồ sơ): the per-agency, per-day sequencer of
 * TT 01/2018/TT-VPCP Điều 19 and an in-memory store for it.
 *
 * @module
 */
export * from './dossier-code-sequencer.ts';
export * from './in-memory-sequence-store.ts';
