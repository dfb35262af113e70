/**
 * Timeliness as QĐ 766/QĐ-TTg indicator 2.1 measures it: early, on time, late, and the
 * "resolved in less than half the legal time" figure.
 *
 * @module
 */
export * from './timeliness.ts';
