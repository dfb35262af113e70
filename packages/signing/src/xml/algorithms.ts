/**
 * XMLDSig algorithm identifiers (XMLDSig 1.1, RFC 6931) mapped onto the package's digest and
 * signature machinery. HMAC and DSA are deliberately absent: a signature that anyone holding a
 * shared secret could make, or a legacy algorithm no Vietnamese CA issues, is not accepted.
 *
 * @module
 */
import { type Digest, digestByOid, type SignatureAlgorithm } from '../cms/algorithms.ts';

const D = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha3_256: '2.16.840.1.101.3.4.2.8',
  sha3_384: '2.16.840.1.101.3.4.2.9',
  sha3_512: '2.16.840.1.101.3.4.2.10',
} as const;

/** Digest method URIs → digest OIDs. */
export const XML_DIGESTS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': D.sha1,
  'http://www.w3.org/2001/04/xmldsig-more#sha224': D.sha224,
  'http://www.w3.org/2001/04/xmlenc#sha256': D.sha256,
  'http://www.w3.org/2001/04/xmldsig-more#sha384': D.sha384,
  'http://www.w3.org/2001/04/xmlenc#sha512': D.sha512,
  'http://www.w3.org/2007/05/xmldsig-more#sha3-256': D.sha3_256,
  'http://www.w3.org/2007/05/xmldsig-more#sha3-384': D.sha3_384,
  'http://www.w3.org/2007/05/xmldsig-more#sha3-512': D.sha3_512,
};

/** The URI of a digest (for signing). */
export const DIGEST_URI: Readonly<Record<'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', string>> = {
  'SHA-1': 'http://www.w3.org/2000/09/xmldsig#sha1',
  'SHA-256': 'http://www.w3.org/2001/04/xmlenc#sha256',
  'SHA-384': 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  'SHA-512': 'http://www.w3.org/2001/04/xmlenc#sha512',
};

/** Resolves a DigestMethod URI. */
export function xmlDigest(uri: string): Digest | undefined {
  const o = XML_DIGESTS[uri];
  return o ? digestByOid(o) : undefined;
}

type Family = 'rsa' | 'rsa-pss' | 'ecdsa';

/** SignatureMethod URIs: family and digest. The PSS URIs of RFC 6931 §2.3.10 use a salt as long as the hash. */
const METHODS: Readonly<Record<string, readonly [Family, string, string]>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': ['rsa', D.sha1, 'RSA-SHA1'],
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha224': ['rsa', D.sha224, 'RSA-SHA224'],
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': ['rsa', D.sha256, 'RSA-SHA256'],
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': ['rsa', D.sha384, 'RSA-SHA384'],
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': ['rsa', D.sha512, 'RSA-SHA512'],
  'http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1': ['rsa-pss', D.sha1, 'RSASSA-PSS (SHA-1)'],
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': ['rsa-pss', D.sha256, 'RSASSA-PSS (SHA-256)'],
  'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1': ['rsa-pss', D.sha384, 'RSASSA-PSS (SHA-384)'],
  'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1': ['rsa-pss', D.sha512, 'RSASSA-PSS (SHA-512)'],
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': ['ecdsa', D.sha1, 'ECDSA-SHA1'],
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224': ['ecdsa', D.sha224, 'ECDSA-SHA224'],
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': ['ecdsa', D.sha256, 'ECDSA-SHA256'],
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': ['ecdsa', D.sha384, 'ECDSA-SHA384'],
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': ['ecdsa', D.sha512, 'ECDSA-SHA512'],
};

/** The generic RSASSA-PSS URI (RFC 6931 §2.3.10), parameters in `pss:RSAPSSParams`. */
export const RSA_PSS_URI = 'http://www.w3.org/2007/05/xmldsig-more#rsa-pss';

/** Resolves a SignatureMethod URI. ECDSA values are r‖s (RFC 4050), hence the plain-ECDSA family. */
export function xmlSignatureMethod(uri: string): SignatureAlgorithm | undefined {
  const m = METHODS[uri];
  if (!m) return undefined;
  const digest = digestByOid(m[1]) as Digest;
  if (m[0] === 'rsa-pss') return { name: m[2], family: 'rsa-pss', digest, saltLength: digest.size };
  return { name: m[2], family: m[0] === 'ecdsa' ? 'plain-ecdsa' : 'rsa', digest };
}

/** The SignatureMethod URI for signing. */
export function signatureMethodUri(family: 'rsa' | 'rsa-pss' | 'ecdsa', hash: Digest['name']): string | undefined {
  for (const [uri, [f, oid]] of Object.entries(METHODS))
    if (f === family && digestByOid(oid)?.name === hash) return uri;
  return undefined;
}

/** Transform URIs. */
export const TRANSFORM = {
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  base64: 'http://www.w3.org/2000/09/xmldsig#base64',
  xpath: 'http://www.w3.org/TR/1999/REC-xpath-19991116',
  xpathFilter2: 'http://www.w3.org/2002/06/xmldsig-filter2',
  xslt: 'http://www.w3.org/TR/1999/REC-xslt-19991116',
} as const;
