/**
 * The canonical model of motcua: English camelCase, typed enums, ISO 8601 instants
 * with offset, money in integer VND. Re-exported from the package root.
 *
 * @module
 */
export {
  type AccessLogEntry,
  type AccessPurpose,
  type AccessRequester,
  accessLogEntrySchema,
  accessLogEntryWarnings,
  EVIDENCE_SOURCES,
  type EvidenceSource,
  LAWFUL_BASES,
  type LawfulBasis,
  LOOKUP_OUTCOMES,
  type LookupErrorDetail,
  type LookupOutcome,
  REQUESTER_TYPES,
  type RequesterType,
  type ReturnedDocument,
} from './access-log-entry.ts';
export { type AgencyRef, agencyRefSchema, type NamedAgency, namedAgencySchema } from './agency.ts';
export {
  DIGITIZED_DOCUMENT_KINDS,
  type DigitizationSource,
  type DigitizedDocument,
  type DigitizedDocumentKind,
  type DigitizedDocumentStatus,
  type Digitizer,
  type DocumentOwner,
  digitizedDocumentSchema,
  digitizedDocumentWarnings,
} from './digitized-document.ts';
export {
  type Actor,
  type ComponentReuse,
  DOSSIER_STATUS_TO_DVCQG,
  DOSSIER_STATUSES,
  type Dossier,
  type DossierComponent,
  type DossierFee,
  type DossierStatus,
  DVCQG_DOSSIER_STATUS_CODES,
  DVCQG_TO_DOSSIER_STATUS,
  type DvcqgDossierStatusCode,
  dossierSchema,
  dossierWarnings,
  FEE_COLLECTION_STAGES,
  FEE_TYPES,
  type FeeCollectionStage,
  type FeeType,
  INTER_AGENCY_DIRECTIONS,
  INTER_AGENCY_LEG_STATUSES,
  type InterAgencyDirection,
  type InterAgencyLeg,
  type InterAgencyLegStatus,
  NATIONAL_DATABASES,
  type NationalDatabase,
  ONLINE_PAYMENT_PLATFORMS,
  type OnlinePaymentPlatform,
  PAYMENT_CHANNELS,
  type Payment,
  type PaymentChannel,
  type ProcedureRef,
  type StatusChange,
  type SupplementRequest,
} from './dossier.ts';
export { type HttpUrl, httpUrlSchema } from './http-url.ts';
export { type Instant, instantSchema, type ParsedInstant, parseInstant, vietnamDateOf } from './instant.ts';
export { type IsoDate, isoDateSchema } from './iso-date.ts';
export {
  type IssuedDocument,
  issuedDocumentSchema,
  issuedDocumentWarnings,
  type Signer,
  signerSchema,
  type Validity,
  validitySchema,
} from './issued-document.ts';
export { CANONICAL_JSON_SCHEMAS } from './json-schemas.ts';
export { CANONICAL_KINDS } from './kinds.ts';
export { CANONICAL_MESSAGES } from './messages.ts';
export { type VndAmount, vndAmountSchema } from './money.ts';
export {
  type Address,
  addressSchema,
  type BirthDate,
  birthDateSchema,
  type CitizenParty,
  type Contact,
  contactSchema,
  GENDERS,
  type Gender,
  IDENTITY_TYPES,
  type Identity,
  type IdentityType,
  identitySchema,
  identityWarnings,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type OrganisationParty,
  type Party,
  partySchema,
  partyWarnings,
  type Representative,
} from './party.ts';
export {
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNELS,
  type Channel,
  type Duration,
  durationSchema,
  EVIDENCE_KINDS,
  type EvidenceKind,
  type FieldRef,
  type FormTemplate,
  fieldRefSchema,
  type LegalBasis,
  ONLINE_LEVELS,
  type OnlineLevel,
  type Procedure,
  type ProcedureChannel,
  type ProcedureComponent,
  type ProcedureFee,
  type ProcedureResult,
  procedureSchema,
  procedureWarnings,
  type ReplacingEvidence,
  TIME_UNITS,
  type TimeUnit,
} from './procedure.ts';
export { type Sha256Hex, type StoredFile, sha256Schema, storedFileSchema } from './stored-file.ts';
