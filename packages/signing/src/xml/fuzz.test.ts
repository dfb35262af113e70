/**
 * verifyXml and verifyJws never throw on damaged input: random byte edits of signed documents end
 * in a report, and a report that is still valid has an intact signature.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePki, type TestPki } from '../../test/pki.ts';
import { verifyJws } from '../jws/verify-jws.ts';
import { signJws } from '../sign/sign-jws.ts';
import { signXml } from '../sign/sign-xml.ts';
import { softwareSigner } from '../sign/signer.ts';
import { verifyXml } from './verify-xml.ts';

let pki: TestPki;
let xml: Uint8Array;
let jws: Uint8Array;

beforeAll(async () => {
  pki = makePki();
  const signer = softwareSigner({ privateKey: readFileSync(pki.good.key), certificate: pki.good.certPem });
  xml = await signXml(
    '<TBao xmlns:x="urn:x"><DLTBao Id="a"><MST x:k="v">0100109106</MST></DLTBao><DSCKS><CQT/></DSCKS></TBao>',
    signer,
    { parent: '/TBao/DSCKS/CQT', references: ['a'], signingTime: true },
  );
  jws = new TextEncoder().encode(await signJws('{"a":1}', signer, { serialization: 'flattened' }));
});

const edit = (bytes: Uint8Array) =>
  fc
    .array(
      fc.record({
        at: fc.nat({ max: bytes.length - 1 }),
        kind: fc.constantFrom('flip', 'delete', 'insert', 'truncate'),
        byte: fc.constantFrom(0x3c, 0x3e, 0x26, 0x22, 0x2e, 0x7b, 0x41, 0x00, 0xc3, 0x21),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((edits) => {
      let b = Buffer.from(bytes);
      for (const e of edits) {
        const at = Math.min(e.at, Math.max(0, b.length - 1));
        if (e.kind === 'flip') b[at] = e.byte;
        else if (e.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
        else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.of(e.byte), b.subarray(at)]);
        else b = b.subarray(0, at);
      }
      return new Uint8Array(b);
    });

describe('damaged input', () => {
  it('verifyXml returns a report for any edit of a signed document', async () => {
    const opts = { trustAnchors: [pki.root.certPem], validationTime: new Date('2025-06-01T00:00:00Z') };
    await fc.assert(
      fc.asyncProperty(edit(xml), async (bytes) => {
        const r = await verifyXml(bytes, { ...opts, expectedSignedElements: ['/TBao/DLTBao'] });
        for (const s of r.signatures)
          if (s.indication === 'TOTAL_PASSED')
            expect(s.integrity).toEqual({ digestMatches: true, signatureValid: true });
      }),
      { numRuns: 150 },
    );
  });

  it('verifyJws returns a report for any edit of a signed token', async () => {
    await fc.assert(
      fc.asyncProperty(edit(jws), async (bytes) => {
        const r = await verifyJws(bytes, { trustAnchors: [pki.root.certPem] });
        if (r.valid) expect(r.payload).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });
});
