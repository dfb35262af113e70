import { describe, expect, it } from 'vitest';
import { SignatureError } from '../errors.ts';
import { digestByOid, signatureAlgorithm } from './algorithms.ts';
import { children, integerHex, octets, oid, parseDer, readTlv, time } from './der.ts';
import { parseSignedData } from './signed-data.ts';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

describe('BER/DER reader', () => {
  it('reads indefinite lengths and constructed OCTET STRINGs (BER envelopes from PDF signers)', () => {
    // SEQUENCE (indefinite) { OCTET STRING (constructed, indefinite) { 'ab', 'cd' } }
    const t = parseDer(hex('3080 2480 0401ab 0401cd 0000 0000'));
    expect(t.indefinite).toBe(true);
    expect(Buffer.from(octets(children(t)[0])).toString('hex')).toBe('abcd');
  });

  it('rejects truncation, runaway lengths and missing end-of-contents', () => {
    expect(() => parseDer(hex('3005 0201'))).toThrow(SignatureError);
    expect(() => parseDer(hex('3080 0201 01'))).toThrow(/end-of-contents/);
    expect(() => readTlv(hex('30 85 0000000001 00'), 0)).toThrow(/too large/);
    let deep = '';
    for (let i = 0; i < 100; i++) deep += '3080';
    expect(() => parseDer(hex(deep))).toThrow(/too deep|truncated|end-of-contents/);
  });

  it('requires minimal INTEGER encodings (BadEncodedCMS)', () => {
    expect(integerHex(parseDer(hex('020200ff')))).toBe('ff');
    expect(() => integerHex(parseDer(hex('02020050')))).toThrow(/minimally/);
  });

  it('decodes OIDs and times', () => {
    expect(oid(parseDer(hex('06092a864886f70d010702')))).toBe('1.2.840.113549.1.7.2');
    expect(time(parseDer(hex('170d3234303630313030303030305a'))).toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(time(parseDer(hex('180f32303234303630313030303030305a'))).toISOString()).toBe('2024-06-01T00:00:00.000Z');
  });
});

describe('algorithms', () => {
  it('knows SHA-2/SHA-3 digests and refuses MD5', () => {
    expect(digestByOid('2.16.840.1.101.3.4.2.1')?.name).toBe('SHA-256');
    expect(digestByOid('2.16.840.1.101.3.4.2.8')?.name).toBe('SHA3-256');
    expect(digestByOid('1.2.840.113549.2.5')).toBeUndefined();
  });

  it('refuses ECDSA identifiers with parameters other than NULL (pkijs #464) and unknown algorithms', () => {
    // ecdsa-with-SHA256 with an INTEGER parameter
    expect(() => signatureAlgorithm(parseDer(hex('300d 06082a8648ce3d040302 020101')))).toThrow(/parameters/);
    // a curve OID used as a signature algorithm (pades-unsupported-signature-algorithm.pdf)
    expect(() => signatureAlgorithm(parseDer(hex('300a06082a8648ce3d030107')))).toThrow(/unsupported/);
    expect(signatureAlgorithm(parseDer(hex('300c06082a8648ce3d0403020500'))).name).toBe('ecdsa-with-SHA256');
  });

  it('reads RSASSA-PSS parameters', () => {
    // PSS, SHA-256, MGF1-SHA-256, salt 32
    const pss = hex(
      '3041 06092a864886f70d01010a 3034 a00f300d06096086480165030402010500 a11c301a06092a864886f70d010108300d06096086480165030402010500 a203020120',
    );
    expect(signatureAlgorithm(parseDer(pss))).toMatchObject({
      family: 'rsa-pss',
      saltLength: 32,
      digest: { name: 'SHA-256' },
    });
  });
});

describe('parseSignedData', () => {
  it('refuses what is not SignedData', () => {
    expect(() => parseSignedData(hex('300b06092a864886f70d010701'))).toThrow(SignatureError);
    expect(() => parseSignedData(hex('0500'))).toThrow(SignatureError);
  });
});
