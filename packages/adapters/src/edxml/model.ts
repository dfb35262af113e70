/**
 * The edXML model (QCVN 102:2016/BTTTT, edxml.md §2): element names exactly as on the
 * wire (`OrganId`, `Bussiness` with its double "s"), values as the wire writes them.
 *
 * @module
 */
import { AdapterError } from '../errors.ts';

/**
 * The QCVN 102:2016 namespace: the root's default namespace and the `edXML:` prefix.
 *
 * @example
 * ```ts
 * import { EDXML_NS } from '@motcua/adapters/edxml';
 * EDXML_NS; // 'http://www.mic.gov.vn/TBT/QCVN_102_2016'
 * ```
 * @category edXML
 */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/**
 * The XLink namespace of manifest `Reference` attributes.
 *
 * @example
 * ```ts
 * import { XLINK_NS } from '@motcua/adapters/edxml';
 * XLINK_NS; // 'http://www.w3.org/1999/xlink'
 * ```
 * @category edXML
 */
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/**
 * The XMLDSig namespace of the header's `Signature`.
 *
 * @example
 * ```ts
 * import { DSIG_NS } from '@motcua/adapters/edxml';
 * DSIG_NS; // 'http://www.w3.org/2000/09/xmldsig#'
 * ```
 * @category edXML
 */
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * A value of the generic edXML tree: text, a nested element (an object whose keys are
 * child element names, in order), or a list for a repeated element.
 *
 * @example
 * ```ts
 * import type { EdxmlValue } from '@motcua/adapters/edxml';
 * const v: EdxmlValue = { Department: 'Văn phòng', Staff: 'Lê Thị Hoa' };
 * ```
 * @category edXML
 */
export type EdxmlValue = string | number | boolean | EdxmlNode | EdxmlValue[];

/**
 * An element with child elements: keys are local names, in document order.
 *
 * @example
 * ```ts
 * import type { EdxmlNode } from '@motcua/adapters/edxml';
 * const n: EdxmlNode = { CodeNumber: '7816', CodeNotation: 'VPCP-TTĐT' };
 * ```
 * @category edXML
 */
export interface EdxmlNode {
  /** Child elements by local name. */
  [child: string]: EdxmlValue | undefined;
}

/**
 * An organisation (`From`, `To`).
 *
 * @example
 * ```ts
 * import type { EdxmlOrganization } from '@motcua/adapters/edxml';
 * const o: EdxmlOrganization = { OrganId: '000.00.00.H56', OrganName: 'UBND tỉnh Thanh Hóa' };
 * ```
 * @category edXML
 */
export interface EdxmlOrganization extends EdxmlNode {
  /** QCVN 102 agency code (identifiers.md §2.1). */
  OrganId: string;
  /** Agency in charge. */
  OrganizationInCharge?: string | undefined;
  /** Name. */
  OrganName?: string | undefined;
  /** Address. */
  OrganAdd?: string | undefined;
  /** E-mail. */
  Email?: string | undefined;
  /** Phone. */
  Telephone?: string | undefined;
  /** Fax. */
  Fax?: string | undefined;
  /** Website. */
  Website?: string | undefined;
}

/**
 * The message header (`edXML:MessageHeader`).
 *
 * @example
 * ```ts
 * import type { EdxmlMessageHeader } from '@motcua/adapters/edxml';
 * const h: EdxmlMessageHeader = {
 *   From: { OrganId: '000.00.00.H56', OrganName: 'UBND tỉnh Thanh Hóa' },
 *   To: [{ OrganId: '000.00.00.G22', OrganName: 'Văn phòng Chính phủ' }],
 *   Code: { CodeNumber: '7816', CodeNotation: 'UBND-VX' },
 *   PromulgationInfo: { Place: 'Thanh Hóa', PromulgationDate: '2025/07/01' },
 *   DocumentType: { Type: 1, TypeName: 'Công văn' },
 *   Subject: 'Về việc triển khai dịch vụ công trực tuyến',
 * };
 * ```
 * @category edXML
 */
export interface EdxmlMessageHeader extends EdxmlNode {
  /** The sender. */
  From: EdxmlOrganization;
  /** The receivers. */
  To: EdxmlOrganization[];
  /** `<OrganId>,<YYYY/MM/DD>,<CodeNumber>/<CodeNotation>`; computed by the builder when absent. */
  DocumentId?: string | undefined;
  /** Number and notation. */
  Code: { CodeNumber: string; CodeNotation: string };
  /** Place and date (`YYYY/MM/DD`). */
  PromulgationInfo: { Place?: string | undefined; PromulgationDate: string };
  /** Document type (`Type` 1 = Công văn in the sample; list in QCVN 102). */
  DocumentType?:
    | { Type?: number | string | undefined; TypeDetail?: number | string | undefined; TypeName?: string | undefined }
    | undefined;
  /** Subject (trích yếu). */
  Subject?: string | undefined;
  /** Content. */
  Content?: string | undefined;
  /** Signer. */
  SignerInfo?:
    | { Competence?: string | undefined; Position?: string | undefined; FullName?: string | undefined }
    | undefined;
  /** Due date `YYYY/MM/DD`. */
  DueDate?: string | undefined;
  /** Places sent to (`ToPlaces/Place`). */
  ToPlaces?: string[] | undefined;
  /** Other information. */
  OtherInfo?: EdxmlNode | undefined;
  /** Documents this one answers. */
  ResponseFor?: EdxmlNode[] | undefined;
  /** Steering type. */
  SteeringType?: number | string | undefined;
}

/**
 * The trace header list (`edXML:TraceHeaderList`): hops and the business information.
 *
 * @example
 * ```ts
 * import type { EdxmlTraceHeaderList } from '@motcua/adapters/edxml';
 * const t: EdxmlTraceHeaderList = {
 *   TraceHeader: [{ OrganId: '000.00.00.H56', Timestamp: '2025/07/01 08:30:00' }],
 *   Bussiness: { BussinessDocType: 0, BussinessDocReason: 'Văn bản điện tử mới', Paper: 0 },
 * };
 * ```
 * @category edXML
 */
export interface EdxmlTraceHeaderList extends EdxmlNode {
  /** Hops, oldest first. */
  TraceHeader?: Array<{ OrganId: string; Timestamp: string }> | undefined;
  /** Business information (`Bussiness`, spelled as on the wire). */
  Bussiness?: EdxmlNode | undefined;
}

/**
 * What goes into an edXML envelope, attachments aside.
 *
 * @example
 * ```ts
 * import type { EdxmlEnvelope } from '@motcua/adapters/edxml';
 * declare const header: import('@motcua/adapters/edxml').EdxmlMessageHeader;
 * const e: EdxmlEnvelope = { header, trace: { TraceHeader: [{ OrganId: '000.00.00.H56', Timestamp: '2025/07/01 08:30:00' }] } };
 * ```
 * @category edXML
 */
export interface EdxmlEnvelope {
  /** `MessageHeader`. */
  header: EdxmlMessageHeader;
  /** `TraceHeaderList`. */
  trace?: EdxmlTraceHeaderList | undefined;
  /** The `id` attribute of `TraceHeaderList` (default `TraceHeaderList`). */
  traceId?: string | undefined;
}

/**
 * A manifest entry (`edXMLManifest/Reference`), pointing at an attachment.
 *
 * @example
 * ```ts
 * import type { EdxmlReference } from '@motcua/adapters/edxml';
 * const r: EdxmlReference = { contentId: 'cid:1', contentType: 'application/pdf', attachmentName: 'cong-van.pdf' };
 * ```
 * @category edXML
 */
export interface EdxmlReference {
  /** `ContentId`, `cid:` included. */
  contentId: string;
  /** `ContentType`. */
  contentType?: string | undefined;
  /** `Description`. */
  description?: string | undefined;
  /** `AttachmentName`. */
  attachmentName?: string | undefined;
  /** The `xlink:href` attribute. */
  href?: string | undefined;
  /** The `xlink:role` attribute. */
  role?: string | undefined;
}

/**
 * Formats a date as edXML writes it (`YYYY/MM/DD`): from `YYYY-MM-DD`, `YYYY/MM/DD` or a
 * `Date` (its day in Vietnam).
 *
 * @example
 * ```ts
 * import { edxmlDate } from '@motcua/adapters/edxml';
 * edxmlDate('2015-09-30'); // '2015/09/30'
 * edxmlDate(new Date('2025-06-30T18:00:00Z')); // '2025/07/01'
 * ```
 * @category edXML
 */
export function edxmlDate(date: string | Date): string {
  if (date instanceof Date) return vn(date).slice(0, 10).replaceAll('-', '/');
  const m = /^([0-9]{4})[-/]([0-9]{2})[-/]([0-9]{2})$/.exec(date);
  if (m === null) throw new AdapterError('EDXML_INVALID', `not a date: ${JSON.stringify(date)}`);
  return `${m[1]}/${m[2]}/${m[3]}`;
}

/**
 * Formats an instant as a `TraceHeader/Timestamp` (`yyyy/MM/dd HH:mm:ss`, Vietnam time).
 *
 * @example
 * ```ts
 * import { edxmlTimestamp } from '@motcua/adapters/edxml';
 * edxmlTimestamp(new Date('2025-07-01T01:30:00Z')); // '2025/07/01 08:30:00'
 * ```
 * @category edXML
 */
export function edxmlTimestamp(at: Date): string {
  const s = vn(at);
  return `${s.slice(0, 10).replaceAll('-', '/')} ${s.slice(11, 19)}`;
}

function vn(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new AdapterError('EDXML_INVALID', 'invalid Date');
  return new Date(d.getTime() + 7 * 3_600_000).toISOString();
}

/**
 * The `DocumentId` of a document (edxml.md §2.1):
 * `<OrganId>,<YYYY/MM/DD>,<CodeNumber>/<CodeNotation>`.
 *
 * @example
 * ```ts
 * import { edxmlDocumentId } from '@motcua/adapters/edxml';
 * edxmlDocumentId({ OrganId: '000.00.00.G22' }, '2015/09/30', { CodeNumber: '7816', CodeNotation: 'VPCP-TTĐT' });
 * // '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT'
 * ```
 * @category edXML
 */
export function edxmlDocumentId(
  from: Pick<EdxmlOrganization, 'OrganId'>,
  promulgationDate: string,
  code: { CodeNumber: string; CodeNotation: string },
): string {
  return `${from.OrganId},${edxmlDate(promulgationDate)},${code.CodeNumber}/${code.CodeNotation}`;
}
