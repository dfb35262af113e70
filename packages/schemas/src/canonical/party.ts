/**
 * Parties: the citizens and organisations a dossier or a paper belongs to.
 *
 * @module
 */
import { z } from 'zod';
import type { IdentifierProblem } from '../ids/index.ts';
import {
  agencyCodeSchema,
  cmndSchema,
  parseCmnd,
  parsePersonalId,
  parseTaxCode,
  personalIdSchema,
  personalTaxCodeSchema,
  taxCodeSchema,
} from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { parseIsoDate } from './iso-date.ts';
import type { Assert, Equal } from './shape-check.ts';
import { MAX_LIST, text } from './text.ts';

/**
 * Kinds of personal or organisational identifiers a {@link Identity} can hold.
 *
 * | Value | Vietnamese term | DVCQG `DinhDanhCHS[].LoaiDinhDanh` |
 * |---|---|---|
 * | `personal-id` | số định danh cá nhân (số CCCD, 12 chữ số) | `1` |
 * | `cmnd` | số chứng minh nhân dân (9 chữ số) | `2` |
 * | `passport` | số hộ chiếu | – |
 * | `tax-code` | mã số thuế / mã số doanh nghiệp | – |
 *
 * @example
 * ```ts
 * import { IDENTITY_TYPES } from '@motcua/schemas';
 * IDENTITY_TYPES.includes('personal-id'); // true
 * ```
 * @category Canonical
 */
export const IDENTITY_TYPES: readonly ['personal-id', 'cmnd', 'passport', 'tax-code'] = [
  'personal-id',
  'cmnd',
  'passport',
  'tax-code',
] as const;

/**
 * One of {@link IDENTITY_TYPES}.
 *
 * @example
 * ```ts
 * import type { IdentityType } from '@motcua/schemas';
 * const t: IdentityType = 'personal-id';
 * ```
 * @category Canonical
 */
export type IdentityType = (typeof IDENTITY_TYPES)[number];

/**
 * Giấy tờ tùy thân / định danh (an identity): an identifier of a person or an
 * organisation. The value is checked by the identifier rules of `@motcua/schemas/ids`
 * for its type (a tax code accepts the 12-digit personal identification number, which
 * reportedly serves as personal tax code from 2025).
 *
 * @example
 * ```ts
 * import type { Identity } from '@motcua/schemas';
 * const id: Identity = { type: 'personal-id', value: '038190012345' };
 * ```
 * @category Canonical
 */
export interface Identity {
  /** What kind of identifier `value` is. */
  type: IdentityType;
  /** The identifier exactly as issued, without spaces. */
  value: string;
}

// ICAO 9303 document numbers are alphanumeric; Vietnamese passports are one letter and
// seven digits. Only the shape is checked: foreign numbers vary.
const PASSPORT = /^[A-Z0-9]{5,20}$/;

const passportSchema: z.ZodType<string> = z.string().superRefine((value, ctx) => {
  if (!PASSPORT.test(value)) ctx.addIssue(customIssue('CANON_PASSPORT_FORMAT'));
});

const IDENTITY_VALUE_SCHEMAS: Readonly<Record<IdentityType, z.ZodType<string>>> = {
  'personal-id': personalIdSchema,
  cmnd: cmndSchema,
  passport: passportSchema,
  'tax-code': personalTaxCodeSchema,
};

const MAX_IDENTITY_LENGTH = 64;

const identityObject = z
  .strictObject({ type: z.enum(IDENTITY_TYPES), value: z.string().min(1).max(MAX_IDENTITY_LENGTH) })
  .superRefine((identity, ctx) => {
    // An empty or over-long value is already reported; its format error would only repeat it.
    if (identity.value.length === 0 || identity.value.length > MAX_IDENTITY_LENGTH) return;
    const result = IDENTITY_VALUE_SCHEMAS[identity.type].safeParse(identity.value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const params = (issue as { params?: Record<string, string | number> }).params;
      const code = params?.motcuaCode;
      ctx.addIssue(
        typeof code === 'string'
          ? customIssue(code, params, ['value', ...(issue.path as Array<string | number>)])
          : customIssue('CUSTOM', { message: issue.message }, ['value']),
      );
    }
  });
type _IdentityShape = Assert<Equal<z.output<typeof identityObject>, Identity>>;

/**
 * Zod schema of an {@link Identity}. Value errors carry the `ID_…` code of the
 * identifier rule (e.g. `ID_PERSONAL_FORMAT`) at path `value`; a malformed passport
 * number is `CANON_PASSPORT_FORMAT`.
 *
 * @example
 * ```ts
 * import { identitySchema } from '@motcua/schemas';
 * identitySchema.safeParse({ type: 'cmnd', value: '172345678' }).success; // true
 * identitySchema.safeParse({ type: 'personal-id', value: '12345' }).success; // false
 * ```
 * @category Canonical
 */
export const identitySchema: z.ZodType<Identity> = identityObject;

function problemsToWarnings(problems: IdentifierProblem[], path: ReadonlyArray<string | number>): RawIssue[] {
  return problems
    .filter((p) => p.severity === 'warning')
    .map((p) =>
      p.params === undefined
        ? { code: p.code, path, severity: 'warning' }
        : { code: p.code, path, severity: 'warning', params: p.params },
    );
}

/**
 * The warnings the identifier rules raise for an identity that is valid but doubtful:
 * a birth-registration code outside the 63 provinces (`ID_PERSONAL_PROVINCE_UNKNOWN`),
 * a CMND placeholder such as `000000001` (`ID_CMND_PLACEHOLDER`), a tax code whose
 * check digit cannot be verified. Paths are relative to the identity.
 *
 * @example
 * ```ts
 * import { identityWarnings } from '@motcua/schemas';
 * identityWarnings({ type: 'cmnd', value: '000000001' })[0]?.code; // 'ID_CMND_PLACEHOLDER'
 * ```
 * @category Canonical
 */
export function identityWarnings(identity: Identity): RawIssue[] {
  switch (identity.type) {
    case 'personal-id':
      return problemsToWarnings(parsePersonalId(identity.value).problems, ['value']);
    case 'cmnd':
      return problemsToWarnings(parseCmnd(identity.value).problems, ['value']);
    case 'tax-code':
      return problemsToWarnings(parseTaxCode(identity.value, { acceptPersonalId: true }).problems, ['value']);
    default:
      return [];
  }
}

/**
 * Genders recorded for a citizen (giới tính): `male` (nam), `female` (nữ), as on the
 * identity card and in the population database.
 *
 * @example
 * ```ts
 * import { GENDERS } from '@motcua/schemas';
 * GENDERS; // ['male', 'female']
 * ```
 * @category Canonical
 */
export const GENDERS: readonly ['male', 'female'] = ['male', 'female'] as const;

/**
 * One of {@link GENDERS}.
 *
 * @example
 * ```ts
 * import type { Gender } from '@motcua/schemas';
 * const g: Gender = 'female';
 * ```
 * @category Canonical
 */
export type Gender = (typeof GENDERS)[number];

/**
 * Ngày sinh (date of birth): `YYYY-MM-DD`, or only the year `YYYY` when that is all
 * the civil-status record holds (common for older citizens).
 *
 * @example
 * ```ts
 * import type { BirthDate } from '@motcua/schemas';
 * const full: BirthDate = '1990-05-17';
 * const yearOnly: BirthDate = '1948';
 * ```
 * @category Canonical
 */
export type BirthDate = string;

const BIRTH_YEAR = /^\d{4}$/;

/**
 * Zod schema of a {@link BirthDate}; anything else is `DATE_INVALID`.
 *
 * @example
 * ```ts
 * import { birthDateSchema } from '@motcua/schemas';
 * birthDateSchema.safeParse('1948').success; // true
 * birthDateSchema.safeParse('1990-02-30').success; // false
 * ```
 * @category Canonical
 */
export const birthDateSchema: z.ZodType<BirthDate> = z
  .string()
  .superRefine((value, ctx) => {
    if (!BIRTH_YEAR.test(value) && parseIsoDate(value) === undefined) {
      ctx.addIssue(customIssue('DATE_INVALID', { format: 'YYYY-MM-DD | YYYY' }));
    }
  })
  .meta({ pattern: '^\\d{4}(-\\d{2}-\\d{2})?$', description: 'Date of birth YYYY-MM-DD, or year YYYY.' });

/**
 * Địa chỉ (an address): the full address as one line, plus the administrative-unit
 * codes when known. The district level is optional: it was abolished on 1 July 2025,
 * and addresses recorded since have none.
 *
 * @example
 * ```ts
 * import type { Address } from '@motcua/schemas';
 * const home: Address = { text: 'Số 12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa', provinceCode: '38' };
 * ```
 * @category Canonical
 */
export interface Address {
  /** The whole address as written (số nhà, đường, xã/phường, tỉnh/thành phố). */
  text: string;
  /** Province code (mã tỉnh), e.g. `38` for Thanh Hóa. */
  provinceCode?: string | undefined;
  /** District code (mã huyện), only for pre-July-2025 addresses. */
  districtCode?: string | undefined;
  /** Commune or ward code (mã xã/phường). */
  communeCode?: string | undefined;
  /** ISO 3166-1 alpha-2 country code when the address is abroad (`VN` assumed otherwise). */
  countryCode?: string | undefined;
}

const ADMIN_CODE = /^\d{1,6}$/;
const adminCode = z.string().regex(ADMIN_CODE);

const addressObject = z.strictObject({
  text: text(1000),
  provinceCode: adminCode.optional(),
  districtCode: adminCode.optional(),
  communeCode: adminCode.optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
type _AddressShape = Assert<Equal<z.output<typeof addressObject>, Address>>;

/**
 * Zod schema of an {@link Address}.
 *
 * @example
 * ```ts
 * import { addressSchema } from '@motcua/schemas';
 * addressSchema.safeParse({ text: 'Thôn 3, xã Quảng Phú, tỉnh Thanh Hóa' }).success; // true
 * ```
 * @category Canonical
 */
export const addressSchema: z.ZodType<Address> = addressObject;

/**
 * Thông tin liên hệ (contact details).
 *
 * @example
 * ```ts
 * import type { Contact } from '@motcua/schemas';
 * const c: Contact = { phone: '0912345678', email: 'nguyen.thi.lan@example.vn' };
 * ```
 * @category Canonical
 */
export interface Contact {
  /** Phone number, digits only, optionally with a leading `+` (`0912345678`, `+84912345678`). */
  phone?: string | undefined;
  /** E-mail address. */
  email?: string | undefined;
}

const PHONE = /^\+?\d{8,15}$/;

const contactObject = z.strictObject({
  phone: z
    .string()
    .superRefine((value, ctx) => {
      if (!PHONE.test(value)) ctx.addIssue(customIssue('CANON_PHONE_FORMAT'));
    })
    .optional(),
  email: z.email().max(254).optional(),
});
type _ContactShape = Assert<Equal<z.output<typeof contactObject>, Contact>>;

/**
 * Zod schema of a {@link Contact}. A malformed phone number is `CANON_PHONE_FORMAT`, a
 * malformed e-mail `FORMAT_INVALID`.
 *
 * @example
 * ```ts
 * import { contactSchema } from '@motcua/schemas';
 * contactSchema.safeParse({ phone: '0912 345 678' }).success; // false (digits only)
 * ```
 * @category Canonical
 */
export const contactSchema: z.ZodType<Contact> = contactObject;

/**
 * Công dân (a citizen) as the owner or submitter of a dossier.
 *
 * @example
 * ```ts
 * import type { CitizenParty } from '@motcua/schemas';
 * const lan: CitizenParty = {
 *   type: 'citizen',
 *   fullName: 'Nguyễn Thị Lan',
 *   birthDate: '1990-05-17',
 *   gender: 'female',
 *   identities: [{ type: 'personal-id', value: '038190012345' }],
 *   contact: { phone: '0912345678' },
 * };
 * ```
 * @category Canonical
 */
export interface CitizenParty {
  /** Discriminant: a natural person. */
  type: 'citizen';
  /** Họ và tên, with diacritics, as on the identity card. */
  fullName: string;
  /** Ngày sinh: `YYYY-MM-DD`, or `YYYY` alone. */
  birthDate?: BirthDate | undefined;
  /** Giới tính. */
  gender?: Gender | undefined;
  /** Identifiers of the person, most authoritative first (sent to DVCQG as `DinhDanhCHS`). */
  identities: Identity[];
  /** Nơi cư trú (residence). */
  address?: Address | undefined;
  /** Phone and e-mail. */
  contact?: Contact | undefined;
}

/**
 * Kinds of organisation, matching DVCQG's `LoaiDoiTuong` 2–4: `business` (doanh
 * nghiệp, hợp tác xã, hộ kinh doanh), `state-agency` (cơ quan nhà nước), `other`
 * (tổ chức khác).
 *
 * @example
 * ```ts
 * import { ORGANISATION_KINDS } from '@motcua/schemas';
 * ORGANISATION_KINDS; // ['business', 'state-agency', 'other']
 * ```
 * @category Canonical
 */
export const ORGANISATION_KINDS: readonly ['business', 'state-agency', 'other'] = [
  'business',
  'state-agency',
  'other',
] as const;

/**
 * One of {@link ORGANISATION_KINDS}.
 *
 * @example
 * ```ts
 * import type { OrganisationKind } from '@motcua/schemas';
 * const k: OrganisationKind = 'business';
 * ```
 * @category Canonical
 */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Người đại diện (the legal or authorised representative of an organisation).
 *
 * @example
 * ```ts
 * import type { Representative } from '@motcua/schemas';
 * const r: Representative = { fullName: 'Lê Văn Hùng', position: 'Giám đốc' };
 * ```
 * @category Canonical
 */
export interface Representative {
  /** Họ và tên. */
  fullName: string;
  /** Chức vụ (position), e.g. "Giám đốc". */
  position?: string | undefined;
  /** The representative's own identifier. */
  identity?: Identity | undefined;
}

const representativeObject = z.strictObject({
  fullName: text(200),
  position: text(200).optional(),
  identity: identitySchema.optional(),
});
type _RepresentativeShape = Assert<Equal<z.output<typeof representativeObject>, Representative>>;

/**
 * Tổ chức (an organisation) as the owner or submitter of a dossier: a business, a
 * state agency or another organisation.
 *
 * @example
 * ```ts
 * import type { OrganisationParty } from '@motcua/schemas';
 * const company: OrganisationParty = {
 *   type: 'organisation',
 *   kind: 'business',
 *   name: 'Công ty TNHH Thương mại Hạc Thành',
 *   taxCode: '0106001236',
 *   representative: { fullName: 'Lê Văn Hùng', position: 'Giám đốc' },
 * };
 * ```
 * @category Canonical
 */
export interface OrganisationParty {
  /** Discriminant: an organisation. */
  type: 'organisation';
  /** What kind of organisation (DVCQG `LoaiDoiTuong` 2–4). */
  kind: OrganisationKind;
  /** Registered name, with diacritics. */
  name: string;
  /** Mã số thuế, which for a business is also its mã số doanh nghiệp (QĐ 20/2020 Điều 5). */
  taxCode?: string | undefined;
  /** Electronic identifier of a state agency (mã định danh điện tử). */
  agencyCode?: string | undefined;
  /** Legal or authorised representative. */
  representative?: Representative | undefined;
  /** Head-office address (trụ sở). */
  address?: Address | undefined;
  /** Phone and e-mail. */
  contact?: Contact | undefined;
}

/**
 * Chủ hồ sơ / người nộp hồ sơ (a party): a citizen or an organisation, discriminated
 * by `type`. DVCQG's `LoaiDoiTuong` follows: citizen → 1, business → 2, state agency
 * → 3, other organisation → 4.
 *
 * @example
 * ```ts
 * import type { Party } from '@motcua/schemas';
 * const owner: Party = {
 *   type: 'citizen',
 *   fullName: 'Trần Văn Bình',
 *   identities: [{ type: 'personal-id', value: '038085001234' }],
 * };
 * ```
 * @category Canonical
 */
export type Party = CitizenParty | OrganisationParty;

const citizenObject = z.strictObject({
  type: z.literal('citizen'),
  fullName: text(200),
  birthDate: birthDateSchema.optional(),
  gender: z.enum(GENDERS).optional(),
  identities: z.array(identitySchema).max(MAX_LIST),
  address: addressSchema.optional(),
  contact: contactSchema.optional(),
});
type _CitizenShape = Assert<Equal<z.output<typeof citizenObject>, CitizenParty>>;

const organisationObject = z.strictObject({
  type: z.literal('organisation'),
  kind: z.enum(ORGANISATION_KINDS),
  name: text(500),
  taxCode: taxCodeSchema.optional(),
  agencyCode: agencyCodeSchema.optional(),
  representative: representativeObject.optional(),
  address: addressSchema.optional(),
  contact: contactSchema.optional(),
});
type _OrganisationShape = Assert<Equal<z.output<typeof organisationObject>, OrganisationParty>>;

/**
 * Zod schema of a {@link Party} (discriminated by `type`).
 *
 * @example
 * ```ts
 * import { partySchema } from '@motcua/schemas';
 * partySchema.safeParse({ type: 'citizen', fullName: 'Nguyễn Thị Lan', identities: [] }).success; // true
 * ```
 * @category Canonical
 */
export const partySchema: z.ZodType<Party> = z.discriminatedUnion('type', [citizenObject, organisationObject]);

/**
 * Warning rules of a {@link Party} (paths relative to the party):
 *
 * - `CANON_PARTY_NO_IDENTITY`: no identifier at all, so DVCQG gets no `DinhDanhCHS` and
 *   reuse lookups by owner (Kho số hóa, population database) are impossible;
 * - `CANON_PARTY_ID_MISMATCH`: the birth year or gender decoded from a personal
 *   identification number differs from the declared birth date or gender — one of
 *   them was probably mistyped;
 * - identifier warnings (see {@link identityWarnings}).
 *
 * @example
 * ```ts
 * import { partyWarnings } from '@motcua/schemas';
 * partyWarnings({ type: 'citizen', fullName: 'Nguyễn Thị Lan', identities: [] })[0]?.code; // 'CANON_PARTY_NO_IDENTITY'
 * ```
 * @category Canonical
 */
export function partyWarnings(party: Party): RawIssue[] {
  const out: RawIssue[] = [];
  const identities: Array<{ identity: Identity; path: Array<string | number> }> = [];
  if (party.type === 'citizen') {
    party.identities.forEach((identity, i) => {
      identities.push({ identity, path: ['identities', i] });
    });
    if (party.identities.length === 0) out.push({ code: 'CANON_PARTY_NO_IDENTITY', path: [], severity: 'warning' });
    for (const [i, identity] of party.identities.entries()) {
      if (identity.type !== 'personal-id') continue;
      const facts = parsePersonalId(identity.value).facts;
      if (facts === undefined) continue;
      const declaredYear = party.birthDate === undefined ? undefined : Number(party.birthDate.slice(0, 4));
      if (declaredYear !== undefined && declaredYear !== facts.birthYear) {
        out.push({
          code: 'CANON_PARTY_ID_MISMATCH',
          path: ['identities', i, 'value'],
          severity: 'warning',
          params: { field: 'birthDate', declared: declaredYear, decoded: facts.birthYear },
        });
      }
      if (party.gender !== undefined && party.gender !== facts.gender) {
        out.push({
          code: 'CANON_PARTY_ID_MISMATCH',
          path: ['identities', i, 'value'],
          severity: 'warning',
          params: { field: 'gender', declared: party.gender, decoded: facts.gender },
        });
      }
    }
  } else {
    if (party.taxCode === undefined && party.agencyCode === undefined) {
      out.push({ code: 'CANON_PARTY_NO_IDENTITY', path: [], severity: 'warning' });
    }
    if (party.taxCode !== undefined) {
      out.push(...problemsToWarnings(parseTaxCode(party.taxCode).problems, ['taxCode']));
    }
    if (party.representative?.identity !== undefined) {
      identities.push({ identity: party.representative.identity, path: ['representative', 'identity'] });
    }
  }
  for (const { identity, path } of identities) {
    for (const w of identityWarnings(identity)) out.push({ ...w, path: [...path, ...w.path] });
  }
  return out;
}
