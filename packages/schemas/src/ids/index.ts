/**
 * `@motcua/schemas/ids`: Vietnamese identifiers — personal ID, CMND, tax code, agency
 * codes, dossier codes, procedure and field codes, `dstcode` — each with a zod schema
 * and a parser that never throws and returns the decoded facts.
 *
 * @module
 */
export { type AgencyCodeFacts, agencyCodeSchema, parseAgencyCode, QD20_MAX_LENGTH } from './agency-code.ts';
export { type CmndFacts, cmndSchema, parseCmnd } from './cmnd.ts';
export {
  detectIdentifierKind,
  type IdentifierFactsByKind,
  type ParseIdentifierOptions,
  parseIdentifier,
} from './detect.ts';
export {
  type CalendarDate,
  type DossierCodeFacts,
  dossierCodeSchema,
  formatDossierCode,
  parseDossierCode,
} from './dossier-code.ts';
export { type DstcodeFacts, dstcodeSchema, parseDstcode } from './dstcode.ts';
export { type FieldCodeFacts, fieldCodeSchema, parseFieldCode } from './field-code.ts';
export { ID_MESSAGES } from './messages.ts';
export {
  PERSONAL_ID_PROVINCES,
  type PersonalIdFacts,
  type PersonalIdOptions,
  parsePersonalId,
  personalIdSchema,
} from './personal-id.ts';
export { type ProcedureCodeFacts, parseProcedureCode, procedureCodeSchema } from './procedure-code.ts';
export { IDENTIFIER_KINDS, type IdentifierKind, type IdentifierProblem, type IdentifierResult } from './result.ts';
export {
  parseTaxCode,
  personalTaxCodeSchema,
  type TaxCodeFacts,
  type TaxCodeOptions,
  taxCodeCheckDigit,
  taxCodeSchema,
} from './tax-code.ts';
