/**
 * References to state agencies.
 *
 * @module
 */
import { z } from 'zod';
import { agencyCodeSchema } from '../ids/index.ts';
import type { Assert, Equal } from './shape-check.ts';
import { text } from './text.ts';

/**
 * Cơ quan (an agency) known by its electronic identifier (mã định danh điện tử,
 * QCVN 102:2016 `000.00.00.H56` or QĐ 20/2020 `H56.14`): the agencies of the one-stop
 * system itself — receiving, publishing, digitizing, consulting.
 *
 * @example
 * ```ts
 * import type { AgencyRef } from '@motcua/schemas';
 * const agency: AgencyRef = { code: '000.00.00.H56', name: 'UBND tỉnh Thanh Hóa' };
 * ```
 * @category Canonical
 */
export interface AgencyRef {
  /** Electronic identifier of the agency (mã định danh điện tử). */
  code: string;
  /** Name of the agency. */
  name?: string | undefined;
}

const agencyRefObject = z.strictObject({ code: agencyCodeSchema, name: text(500).optional() });
type _AgencyRefShape = Assert<Equal<z.output<typeof agencyRefObject>, AgencyRef>>;

/**
 * Zod schema of an {@link AgencyRef}.
 *
 * @example
 * ```ts
 * import { agencyRefSchema } from '@motcua/schemas';
 * agencyRefSchema.safeParse({ code: '000.00.00.H56' }).success; // true
 * ```
 * @category Canonical
 */
export const agencyRefSchema: z.ZodType<AgencyRef> = agencyRefObject;

/**
 * Cơ quan (an agency) known at least by its name: issuing bodies of papers (cơ quan
 * ban hành) and the implementing agencies of a catalogue entry, which the national
 * catalogue often names generically ("Ủy ban nhân dân cấp xã") without a code.
 *
 * @example
 * ```ts
 * import type { NamedAgency } from '@motcua/schemas';
 * const issuer: NamedAgency = { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' };
 * ```
 * @category Canonical
 */
export interface NamedAgency {
  /** Name of the agency as printed on papers or in the catalogue. */
  name: string;
  /** Electronic identifier, when known. */
  code?: string | undefined;
}

const namedAgencyObject = z.strictObject({ name: text(500), code: agencyCodeSchema.optional() });
type _NamedAgencyShape = Assert<Equal<z.output<typeof namedAgencyObject>, NamedAgency>>;

/**
 * Zod schema of a {@link NamedAgency}.
 *
 * @example
 * ```ts
 * import { namedAgencySchema } from '@motcua/schemas';
 * namedAgencySchema.safeParse({ name: 'Sở Tư pháp tỉnh Thanh Hóa' }).success; // true
 * ```
 * @category Canonical
 */
export const namedAgencySchema: z.ZodType<NamedAgency> = namedAgencyObject;
