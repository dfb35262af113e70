import { describe, expect, it } from 'vitest';
import { plainPdf } from '../../test/pdf.ts';
import { SignatureError } from '../errors.ts';
import { detectFormat, verifyDocument } from './detect.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('detectFormat / verifyDocument', () => {
  it('detects PDF, XML (with BOM and white space) and JWS (compact with a trailing newline, JSON)', () => {
    expect(detectFormat(plainPdf())).toBe('pdf');
    expect(detectFormat(enc('\uFEFF  <?xml version="1.0"?><a/>'))).toBe('xml');
    expect(detectFormat(enc('eyJhbGciOiJSUzI1NiJ9.e30.c2ln\n'))).toBe('jws');
    expect(detectFormat(enc('{"payload":"e30","signatures":[]}'))).toBe('jws');
    expect(detectFormat(enc('xin chào'))).toBeUndefined();
    expect(detectFormat(enc('a.b'))).toBeUndefined();
  });

  it('routes to the matching verifier and never reports another format', async () => {
    expect((await verifyDocument(plainPdf(), { trustAnchors: [] })).format).toBe('pdf');
    const xml = await verifyDocument(enc('<a/>'), { trustAnchors: [] });
    expect(xml.format).toBe('xml');
    expect(xml.problems.map((p) => p.code)).toContain('NO_SIGNATURES');
    const jws = await verifyDocument(enc('{"payload":"e30","signatures":[]}'), { trustAnchors: [] });
    expect(jws.format).toBe('jws');
    expect(jws.valid).toBe(false);
    await expect(verifyDocument(enc('xin chào'), { trustAnchors: [] })).rejects.toThrow(SignatureError);
  });
});
