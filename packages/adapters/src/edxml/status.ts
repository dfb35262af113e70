/**
 * edXML status messages (edxml.md §5): `Status/Header/MessageStatus` with the document
 * answered, the reporting organisation, `StatusCode`, `Description`, `Timestamp` and
 * `StaffInfo`. The numeric status codes are not documented (§5), so `StatusCode` is kept
 * as an opaque string.
 *
 * @module
 */
import { AdapterError } from '../errors.ts';
import { childElement, parseXml, textContent, type XmlElement } from '../xml/tree.ts';
import { EDXML_NS, type EdxmlNode, type EdxmlOrganization, type EdxmlValue } from './model.ts';
import { element } from './serialize.ts';

/**
 * A status message.
 *
 * @example
 * ```ts
 * import type { EdxmlStatus } from '@motcua/adapters/edxml';
 * const s: EdxmlStatus = {
 *   ResponseFor: { OrganId: '000.00.00.H56', Code: '7816/UBND-VX', PromulgationDate: '2025/07/01', DocumentId: '000.00.00.H56,2025/07/01,7816/UBND-VX' },
 *   From: { OrganId: '000.00.00.G22', OrganName: 'Văn phòng Chính phủ' },
 *   StatusCode: '01',
 *   Description: 'Đã tiếp nhận',
 *   Timestamp: '2025/07/01 09:00:00',
 * };
 * ```
 * @category edXML
 */
export interface EdxmlStatus extends EdxmlNode {
  /** The document this status is about. */
  ResponseFor: {
    OrganId: string;
    Code?: string | undefined;
    PromulgationDate?: string | undefined;
    DocumentId: string;
  };
  /** Who reports the status. */
  From: EdxmlOrganization;
  /** Status code, as written. */
  StatusCode: string;
  /** What the status means, in words. */
  Description?: string | undefined;
  /** When, `yyyy/MM/dd HH:mm:ss`. */
  Timestamp: string;
  /** The officer. */
  StaffInfo?:
    | {
        Department?: string | undefined;
        Staff?: string | undefined;
        Mobile?: string | undefined;
        Email?: string | undefined;
      }
    | undefined;
}

/**
 * Writes a status message, every element prefixed `edXML:` (the prefix rule of §3), in
 * canonical form. Throws {@link AdapterError} `EDXML_INVALID` when `DocumentId`,
 * `From/OrganId`, `StatusCode` or `Timestamp` is missing.
 *
 * @example
 * ```ts
 * import { buildEdxmlStatus } from '@motcua/adapters/edxml';
 * declare const status: import('@motcua/adapters/edxml').EdxmlStatus;
 * const xml = buildEdxmlStatus(status);
 * xml.startsWith('<?xml'); // true
 * ```
 * @category edXML
 */
export function buildEdxmlStatus(status: EdxmlStatus): string {
  if (!status.ResponseFor?.DocumentId) throw new AdapterError('EDXML_INVALID', 'ResponseFor/DocumentId is required');
  if (!status.From?.OrganId) throw new AdapterError('EDXML_INVALID', 'From/OrganId is required');
  if (status.StatusCode === undefined || status.StatusCode === '')
    throw new AdapterError('EDXML_INVALID', 'StatusCode is required');
  if (!status.Timestamp) throw new AdapterError('EDXML_INVALID', 'Timestamp is required');
  const body = element('edXML', 'MessageStatus', status);
  return `<?xml version="1.0" encoding="UTF-8"?><edXML:Status xmlns:edXML="${EDXML_NS}"><edXML:Header>${body}</edXML:Header></edXML:Status>`;
}

function statusValue(el: XmlElement, ns: string | undefined): EdxmlValue {
  const kids = el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.ns === ns);
  if (kids.length === 0) return textContent(el).trim();
  const node: EdxmlNode = {};
  for (const k of kids) node[k.local] = statusValue(k, ns);
  return node;
}

/**
 * Reads a status message (matched by namespace URI: the QCVN 102 namespace, or no
 * namespace as some producers write it). DOCTYPE refused, entities off. Throws
 * {@link AdapterError} `EDXML_INVALID` when it is not a status message.
 *
 * @example
 * ```ts
 * import { buildEdxmlStatus, parseEdxmlStatus } from '@motcua/adapters/edxml';
 * declare const status: import('@motcua/adapters/edxml').EdxmlStatus;
 * parseEdxmlStatus(buildEdxmlStatus(status)).StatusCode === status.StatusCode; // true
 * ```
 * @category edXML
 */
export function parseEdxmlStatus(xml: string): EdxmlStatus {
  const root = parseXml(xml, { maxLength: 1_000_000, maxDepth: 16 });
  const ns = root.ns;
  if (root.local !== 'Status' || (ns !== EDXML_NS && ns !== undefined)) {
    throw new AdapterError('EDXML_INVALID', 'not an edXML status message');
  }
  const header = childElement(root, ns, 'Header');
  const ms = header === undefined ? undefined : childElement(header, ns, 'MessageStatus');
  if (ms === undefined) throw new AdapterError('EDXML_INVALID', 'Status/Header/MessageStatus is missing');
  const v = statusValue(ms, ns);
  if (typeof v !== 'object' || Array.isArray(v)) throw new AdapterError('EDXML_INVALID', 'MessageStatus is empty');
  const s = v as EdxmlStatus;
  if (typeof s.StatusCode !== 'string' || typeof s.ResponseFor !== 'object' || typeof s.From !== 'object') {
    throw new AdapterError('EDXML_INVALID', 'MessageStatus needs ResponseFor, From and StatusCode');
  }
  return s;
}
