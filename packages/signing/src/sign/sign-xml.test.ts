/**
 * signXml: every document we sign must verify with `xmlsec1 --verify` (an independent
 * canonicalizer and verifier) and with our own verifyXml; generated documents exercise namespaces,
 * attribute and text escaping, comments, processing instructions and CDATA.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecIdentity, xmlsecVerify } from '../../test/independent.ts';
import { makePki, type TestPki } from '../../test/pki.ts';
import { SignatureError } from '../errors.ts';
import { verifyXml, type XmlVerifyOptions } from '../xml/verify-xml.ts';
import { signXml } from './sign-xml.ts';
import { type Signer, softwareSigner } from './signer.ts';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
let pki: TestPki;
let rsa: Signer;
let rsaPss: Signer;
let ec: Signer;
let base: XmlVerifyOptions;

beforeAll(() => {
  pki = makePki();
  const chain = [pki.intermediate.certPem];
  rsa = softwareSigner({
    privateKey: readFileSync(pki.good.key),
    certificate: pki.good.certPem,
    chain,
    scheme: 'RSASSA-PKCS1-v1_5',
  });
  rsaPss = softwareSigner({ privateKey: readFileSync(pki.good.key), certificate: pki.good.certPem, chain });
  const e = ecIdentity(pki, 'sign-xml-ec');
  ec = softwareSigner({ privateKey: readFileSync(e.key), certificate: e.certPem, chain });
  base = {
    trustAnchors: [pki.root.certPem],
    crls: [pki.crlPem, pki.rootCrlPem],
    validationTime: new Date('2025-06-01T00:00:00Z'),
    lang: 'en',
  };
});

const EDXML = `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope>
    <edXML:edXMLHeader>
      <edXML:MessageHeader><edXML:Subject>Công văn số 7816/VPCP-TTĐT</edXML:Subject></edXML:MessageHeader>
    </edXML:edXMLHeader>
    <edXML:edXMLBody><edXML:edXMLManifest version="1.0"/></edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded><Attachment><ContentId>cid:1</ContentId></Attachment></AttachmentEncoded>
</edXML>
`;

const TBAO = `<?xml version="1.0" encoding="UTF-8"?>
<TBao xmlns="http://kekhaithue.gdt.gov.vn/TBaoThue">
  <DLTBao Id="Id-DLTBao"><MST>0100109106</MST><TenNNT>Công ty &amp; Cổ phần</TenNNT></DLTBao>
  <STBao Id="Id-STBao"><So>123/TB-CCT</So></STBao>
  <DSCKS><TTCQT/><CQT/></DSCKS>
</TBao>
`;

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('signXml', () => {
  it('signs edXML in the header, keeping every byte of the original outside the signature', async () => {
    const signed = await signXml(EDXML, rsa, { parent: '/edXML/edXMLEnvelope/edXMLHeader' });
    const out = text(signed);
    const withoutSig = out.replace(/<ds:Signature [\s\S]*<\/ds:Signature>/, '');
    expect(withoutSig).toBe(EDXML);
    expect(out).toContain('<edXML:edXMLHeader>');
    expect(xmlsecVerify(pki, signed).ok).toBe(true);
    const r = await verifyXml(signed, base);
    expect(r.valid, JSON.stringify(r.signatures[0]?.problems)).toBe(true);
    expect(r.signatures[0]?.elementPath).toBe('/edXML/edXMLEnvelope/edXMLHeader/Signature');
  });

  it('signs the tax-authority pattern twice (TTCQT then CQT) and both signatures stay valid', async () => {
    const first = await signXml(TBAO, rsa, {
      parent: '/TBao/DSCKS/TTCQT',
      references: ['Id-DLTBao'],
      canonicalization: 'inclusive',
      signingTime: new Date('2025-05-01T03:00:00Z'),
    });
    const both = await signXml(first, ec, {
      parent: '/TBao/DSCKS/CQT',
      references: ['Id-DLTBao', 'Id-STBao'],
      canonicalization: 'inclusive',
      signingTime: new Date('2025-05-02T03:00:00Z'),
    });
    const ids: [string, string][] = [
      ['Id', 'DLTBao'],
      ['Id', 'STBao'],
      ['Id', `${DS}:Object`],
    ];
    for (const n of [1, 2])
      expect(xmlsecVerify(pki, both, { idAttrs: ids, nodeXpath: `(//*[local-name()='Signature'])[${n}]` }).ok).toBe(
        true,
      );
    const r = await verifyXml(both, { ...base, expectedSignedElements: ['/TBao/DLTBao', '/TBao/STBao'] });
    expect(r.valid, JSON.stringify(r.signatures.map((s) => s.problems))).toBe(true);
    expect(r.signatures.map((s) => s.claimedSigningTime)).toEqual([
      '2025-05-01T03:00:00.000Z',
      '2025-05-02T03:00:00.000Z',
    ]);
    expect(r.signedElements?.map((c) => c.signatures)).toEqual([[0, 1], [1]]);
    expect(text(both)).toContain('<SigningTime>2025-05-01T10:00:00+07:00</SigningTime>');
  });

  it('signs with RSASSA-PSS by default (TT 15/2025) and ECDSA, both verified by verifyXml', async () => {
    for (const signer of [rsaPss, ec]) {
      const signed = await signXml(EDXML, signer);
      const r = await verifyXml(signed, base);
      expect(r.valid, signer.scheme).toBe(true);
    }
    expect(text(await signXml(EDXML, rsaPss))).toContain('sha256-rsa-MGF1');
    // xmlsec1 1.2 has no RSASSA-PSS, but verifies the ECDSA signature.
    expect(xmlsecVerify(pki, await signXml(EDXML, ec)).ok).toBe(true);
  });

  it('adds the enveloped transform when the signed element contains the signature', async () => {
    const signed = await signXml(TBAO.replace('<TBao ', '<TBao Id="root" '), rsa, {
      parent: '/TBao/DSCKS/CQT',
      references: ['root'],
    });
    expect(text(signed)).toContain('enveloped-signature');
    expect(xmlsecVerify(pki, signed, { idAttrs: [['Id', 'TBao']] }).ok).toBe(true);
    expect((await verifyXml(signed, base)).valid).toBe(true);
  });

  it('refuses what it cannot sign safely', async () => {
    await expect(signXml('<!DOCTYPE a []><a/>', rsa)).rejects.toThrow(SignatureError);
    await expect(signXml(TBAO, rsa, { references: ['missing'] })).rejects.toThrow(/exactly once/);
    await expect(signXml(TBAO, rsa, { parent: '/TBao/Nothing' })).rejects.toThrow(/parent/);
  });

  it('property: generated documents signed by signXml verify with xmlsec1 and verifyXml', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, fc.boolean(), fc.boolean(), async (doc, inclusive, byId) => {
        const signed = await signXml(doc, rsa, {
          canonicalization: inclusive ? 'inclusive' : 'exclusive',
          ...(byId ? { references: ['target'] } : {}),
        });
        const x = xmlsecVerify(pki, signed, {
          idAttrs: [
            ['Id', 'e'],
            ['Id', 'p:e'],
            ['Id', 'f'],
          ],
        });
        expect(x.ok, `${doc}\n${x.output}`).toBe(true);
        const r = await verifyXml(signed, { ...base, expectedSignedElements: byId ? [] : ['/'] });
        expect(r.signatures[0]?.indication, doc).toBe('TOTAL_PASSED');
      }),
      { numRuns: 40 },
    );
  });
});

// ---- generated documents -------------------------------------------------------------------------

const charArb = fc.constantFrom('a', 'Ư', 'ệ', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', '5', 'đ', '€');
const rawText = fc.array(charArb, { maxLength: 8 }).map((a) => a.join(''));

function escText(s: string, style: number): string {
  let out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (style & 1) out = out.replace(/>/g, '&gt;');
  if (style & 2) out = out.replace(/\r/g, '&#13;');
  return out;
}

function escAttr(s: string, style: number): string {
  let out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  if (style & 1) out = out.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  return out;
}

interface Gen {
  name: 'e' | 'p:e' | 'f';
  ns?: 'urn:d' | '' | 'urn:d2';
  redeclareP: boolean;
  attrs: { name: 'a' | 'b' | 'p:c' | 'xml:lang'; value: string; style: number }[];
  children: (Gen | { text: string; style: number } | { comment: string } | { cdata: string } | { pi: string })[];
}

const attrArb = fc.record({
  name: fc.constantFrom('a' as const, 'b' as const, 'p:c' as const, 'xml:lang' as const),
  value: rawText,
  style: fc.nat(3),
});

const leafArb = fc.oneof(
  fc.record({ text: rawText, style: fc.nat(3) }),
  fc.record({ comment: fc.stringMatching(/^[a-z ệ]{0,6}$/) }),
  fc.record({ cdata: fc.stringMatching(/^[a-z<&>ệ ]{0,6}$/) }),
  fc.record({ pi: fc.stringMatching(/^[a-z]{0,5}$/) }),
);

const { tree } = fc.letrec<{ tree: Gen }>((tie) => ({
  tree: fc.record({
    name: fc.constantFrom('e' as const, 'p:e' as const, 'f' as const),
    ns: fc.option(fc.constantFrom('urn:d' as const, '' as const, 'urn:d2' as const), { nil: undefined }),
    redeclareP: fc.boolean(),
    attrs: fc.uniqueArray(attrArb, { maxLength: 3, selector: (a) => a.name }),
    children: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('tree')), {
      maxLength: 4,
    }),
  }) as fc.Arbitrary<Gen>,
}));

let idCounter = 0;
function render(g: Gen, isRoot: boolean, wantId: { placed: boolean }): string {
  let s = `<${g.name}`;
  if (isRoot) s += ' xmlns:p="urn:p" xmlns:q="urn:unused"';
  if (g.ns !== undefined && !(isRoot && g.ns === '')) s += ` xmlns="${g.ns}"`;
  if (g.redeclareP && !isRoot) s += ' xmlns:p="urn:p2"';
  for (const a of g.attrs) s += ` ${a.name}="${escAttr(a.value, a.style)}"`;
  if (!wantId.placed && (!isRoot || !g.children.some((c) => 'name' in c))) {
    s += ' Id="target"';
    wantId.placed = true;
  } else s += ` Id="n${idCounter++}"`;
  s += '>';
  for (const c of g.children) {
    if ('name' in c) s += render(c, false, wantId);
    else if ('text' in c) s += escText(c.text, c.style);
    else if ('comment' in c) s += `<!--${c.comment}-->`;
    else if ('cdata' in c) s += `<![CDATA[${c.cdata}]]>`;
    else s += `<?pi ${c.pi}?>`;
  }
  return `${s}</${g.name}>`;
}

const docArb = fc.tuple(tree, fc.boolean(), fc.boolean()).map(([g, decl, trailing]) => {
  const wantId = { placed: false };
  const body = render(g, true, wantId);
  return `${decl ? '<?xml version="1.0" encoding="UTF-8"?>\n<?pi before?>' : ''}${body}${trailing ? '\n<!-- after -->\n' : ''}`;
});
