/**
 * X.501 distinguished names: decoding, display and comparison.
 *
 * @module
 */
import { children, oid, raw, seq, type Tlv, text } from '../cms/der.ts';

const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** One attribute of a name. */
export interface NameAttribute {
  /** Dotted OID. */
  oid: string;
  /** Short name (`CN`, `O`, …) or the OID. */
  type: string;
  /** Decoded value. */
  value: string;
}

/** A decoded Name with its original encoding. */
export interface Name {
  /** DER of the Name as it appears in the certificate. */
  der: Uint8Array;
  /** RDNs in encoding order, each a list of attributes. */
  rdns: NameAttribute[][];
}

/** Decodes a Name (SEQUENCE OF SET OF AttributeTypeAndValue). */
export function decodeName(tlv: Tlv): Name {
  const rdns: NameAttribute[][] = [];
  for (const set of seq(tlv, 'Name')) {
    const rdn: NameAttribute[] = [];
    for (const atv of children(set)) {
      const [t, v] = seq(atv, 'AttributeTypeAndValue');
      const o = oid(t);
      rdn.push({ oid: o, type: SHORT[o] ?? o, value: v ? text(v) : '' });
    }
    rdns.push(rdn);
  }
  return { der: raw(tlv), rdns };
}

/** RFC 4514-style display string, most specific RDN first (`CN=…, O=…, C=VN`). */
export function formatName(name: Name): string {
  return [...name.rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.type}=${escapeValue(a.value)}`).join('+'))
    .join(', ');
}

function escapeValue(v: string): string {
  return v.replace(/([,+"\\<>;])/g, '\\$1');
}

/** First value of an attribute type (`CN`, `O`, `serialNumber`, …). */
export function nameAttribute(name: Name, type: string): string | undefined {
  for (let i = name.rdns.length - 1; i >= 0; i--)
    for (const a of name.rdns[i] ?? []) if (a.type === type || a.oid === type) return a.value;
  return undefined;
}

/** All values of an attribute type, most specific first. */
export function nameAttributes(name: Name, type: string): string[] {
  const out: string[] = [];
  for (let i = name.rdns.length - 1; i >= 0; i--)
    for (const a of name.rdns[i] ?? []) if (a.type === type) out.push(a.value);
  return out;
}

function norm(v: string): string {
  return v.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * RFC 5280 §7.1 name matching (simplified: case-insensitive, whitespace-collapsed comparison
 * of each attribute; identical encodings always match).
 */
export function namesEqual(a: Name, b: Name): boolean {
  if (a.der.length === b.der.length && Buffer.compare(a.der, b.der) === 0) return true;
  if (a.rdns.length !== b.rdns.length) return false;
  for (let i = 0; i < a.rdns.length; i++) {
    const ra = a.rdns[i] as NameAttribute[];
    const rb = b.rdns[i] as NameAttribute[];
    if (ra.length !== rb.length) return false;
    const sa = ra.map((x) => `${x.oid}=${norm(x.value)}`).sort();
    const sb = rb.map((x) => `${x.oid}=${norm(x.value)}`).sort();
    for (let j = 0; j < sa.length; j++) if (sa[j] !== sb[j]) return false;
  }
  return true;
}

/** A stable key for indexing names (normalised). */
export function nameKey(name: Name): string {
  return name.rdns
    .map((rdn) =>
      rdn
        .map((x) => `${x.oid}=${norm(x.value)}`)
        .sort()
        .join('+'),
    )
    .join(',');
}
