/**
 * Canonical-form serialization shared by the edXML writers: C14N escaping and the
 * generic element tree in the element order of QCVN 102 (edxml.md §2).
 *
 * @module
 */
import { AdapterError } from '../errors.ts';
import type { EdxmlValue } from './model.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 cannot carry.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function checkChars(s: string): void {
  if (NOT_XML.test(s)) throw new AdapterError('EDXML_INVALID', 'text contains a character XML cannot carry');
}

/** Canonical (C14N) escaping of text. @internal */
export function escText(s: string): string {
  checkChars(s);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** Canonical (C14N) escaping of an attribute value. @internal */
export function escAttr(s: string): string {
  checkChars(s);
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

const ORDER: Readonly<Record<string, readonly string[]>> = {
  MessageHeader: [
    'From',
    'To',
    'DocumentId',
    'Code',
    'PromulgationInfo',
    'DocumentType',
    'Subject',
    'Content',
    'SignerInfo',
    'DueDate',
    'ToPlaces',
    'OtherInfo',
    'ResponseFor',
    'SteeringType',
  ],
  From: ['OrganId', 'OrganizationInCharge', 'OrganName', 'OrganAdd', 'Email', 'Telephone', 'Fax', 'Website'],
  To: ['OrganId', 'OrganizationInCharge', 'OrganName', 'OrganAdd', 'Email', 'Telephone', 'Fax', 'Website'],
  Code: ['CodeNumber', 'CodeNotation'],
  PromulgationInfo: ['Place', 'PromulgationDate'],
  DocumentType: ['Type', 'TypeDetail', 'TypeName'],
  SignerInfo: ['Competence', 'Position', 'FullName'],
  OtherInfo: [
    'Priority',
    'SphereOfPromulgation',
    'TyperNotation',
    'PromulgationAmount',
    'PageAmount',
    'Direction',
    'Appendixes',
  ],
  ResponseFor: ['OrganId', 'Code', 'PromulgationDate', 'DocumentId'],
  TraceHeaderList: ['TraceHeader', 'Bussiness'],
  TraceHeader: ['OrganId', 'Timestamp'],
  Bussiness: [
    'DocumentId',
    'BussinessDocType',
    'BussinessDocReason',
    'Paper',
    'StaffInfo',
    'BussinessDocumentInfo',
    'ReplacementInfoList',
  ],
  StaffInfo: ['Department', 'Staff', 'Mobile', 'Email'],
  MessageStatus: ['ResponseFor', 'From', 'StatusCode', 'Description', 'Timestamp', 'StaffInfo'],
};

/** Lists of text that the wire wraps one more level (`ToPlaces/Place`, `Appendixes/Appendix`). */
const WRAPPED_LISTS: Readonly<Record<string, string>> = { ToPlaces: 'Place', Appendixes: 'Appendix' };

/** An element of the generic tree, prefixed, in canonical form. @internal */
export function element(prefix: string, local: string, value: EdxmlValue | undefined): string {
  if (value === undefined || value === null) return '';
  const q = prefix === '' ? local : `${prefix}:${local}`;
  if (Array.isArray(value)) {
    const inner = WRAPPED_LISTS[local];
    if (inner !== undefined && value.every((v) => typeof v !== 'object')) {
      return `<${q}>${value.map((v) => element(prefix, inner, v)).join('')}</${q}>`;
    }
    return value.map((v) => element(prefix, local, v)).join('');
  }
  if (typeof value === 'object') {
    const order = ORDER[local] ?? [];
    const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
    let inner = '';
    for (const k of keys) {
      if (!/^[A-Za-z_][\w.-]*$/.test(k))
        throw new AdapterError('EDXML_INVALID', `not an element name: ${JSON.stringify(k)}`);
      inner += element(prefix, k, value[k]);
    }
    return `<${q}>${inner}</${q}>`;
  }
  return `<${q}>${escText(String(value))}</${q}>`;
}
