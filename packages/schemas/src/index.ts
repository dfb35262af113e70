/**
 * `@motcua/schemas`: what the data of Vietnamese administrative procedures IS.
 *
 * - canonical schemas (English camelCase, typed enums, ISO 8601 instants, integer VND);
 * - validation that never throws, with messages in Vietnamese and English;
 * - identifiers live in `@motcua/schemas/ids`, DVCQG wire schemas in `@motcua/schemas/dvcqg`.
 *
 * @packageDocumentation
 */

export * from './canonical/index.ts';
export * from './issues.ts';
export * from './json-schema.ts';
export * from './kind.ts';
export * from './messages.ts';
export * from './ndjson.ts';
export * from './registry.ts';
export * from './validate.ts';
