/**
 * `@motcua/schemas/ids`: Vietnamese identifiers — personal ID, CMND, tax code, agency
 * codes, dossier codes, procedure and field codes — each with a zod schema and a parser.
 *
 * @module
 */
export { ID_MESSAGES } from './messages.ts';
