/**
 * Safe XML reading: DOCTYPE refused, entities off, limits, namespace-aware lookup.
 *
 * @module
 */
export * from './tree.ts';
