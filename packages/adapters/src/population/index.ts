/**
 * `@motcua/adapters/population`: the population-database look-up (CSDL quốc gia về dân
 * cư) — the SOAP XML inside the JSON answer parsed safely into typed citizen records —
 * and its evidence source for the reuse engine.
 *
 * @module
 */
export * from '../errors.ts';
export * from './client.ts';
export * from './cong-dan.ts';
