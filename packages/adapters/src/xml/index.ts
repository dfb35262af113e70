/**
 * Safe XML reading: DOCTYPE refused, entities off, limits, namespace-aware lookup.
 *
 * @module
 */

export * from './tokenizer.ts';
export * from './tree.ts';
