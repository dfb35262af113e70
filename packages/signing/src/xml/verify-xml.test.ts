/**
 * verifyXml against documents signed by an independent tool (`xmlsec1 --sign`) with the test PKI,
 * and against generated signature-wrapping, entity and algorithm-confusion attacks.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecIdentity, xmlsecSign } from '../../test/independent.ts';
import { type Identity, makePki, type TestPki } from '../../test/pki.ts';
import type { SignatureReport, VerificationReport } from '../verify/report.ts';
import { parseXsDateTime, verifyXml, type XmlVerifyOptions } from './verify-xml.ts';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const ALG = {
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  c14nComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  exc: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  excComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  ecdsaSha384: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
  hmacSha256: 'http://www.w3.org/2000/09/xmldsig#hmac-sha256',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
  xpath: 'http://www.w3.org/TR/1999/REC-xpath-19991116',
};

let pki: TestPki;
let ec256: Identity;
let ec384: Identity;
let base: XmlVerifyOptions;

beforeAll(() => {
  pki = makePki();
  ec256 = ecIdentity(pki, 'ec-p256');
  ec384 = ecIdentity(pki, 'ec-p384', 'P-384');
  base = {
    trustAnchors: [pki.root.certPem],
    crls: [pki.crlPem, pki.rootCrlPem],
    validationTime: new Date('2025-06-01T00:00:00Z'),
    lang: 'en',
  };
});

interface TemplateOptions {
  c14n?: string;
  method?: string;
  digest?: string;
  /** References: `''` = whole document with the enveloped transform; `#id` = by Id. */
  refs?: string[];
  refTransforms?: string[];
  extraSignedInfo?: string;
  object?: string;
}

function signatureTemplate(o: TemplateOptions = {}): string {
  const refs = (o.refs ?? ['']).map((uri) => {
    const transforms = o.refTransforms ?? (uri === '' ? [ALG.enveloped, o.c14n ?? ALG.exc] : [o.c14n ?? ALG.exc]);
    return `<Reference URI="${uri}"><Transforms>${transforms.map((t) => `<Transform Algorithm="${t}"/>`).join('')}</Transforms><DigestMethod Algorithm="${o.digest ?? ALG.sha256}"/><DigestValue/></Reference>`;
  });
  return `<Signature xmlns="${DS}" Id="sig-1"><SignedInfo><CanonicalizationMethod Algorithm="${o.c14n ?? ALG.exc}"/><SignatureMethod Algorithm="${o.method ?? ALG.rsaSha256}"/>${refs.join('')}${o.extraSignedInfo ?? ''}</SignedInfo><SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo>${o.object ?? ''}</Signature>`;
}

/** An edXML-like document with the signature in the header. */
function edxml(sig: string, body = 'Văn bản điện tử mới'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope>
    <edXML:edXMLHeader>
      <edXML:MessageHeader><edXML:DocumentId>000.00.00.G22,2025/05/01,7816/VPCP-TTĐT</edXML:DocumentId><edXML:Subject>${body}</edXML:Subject></edXML:MessageHeader>
      ${sig}
    </edXML:edXMLHeader>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded><Attachment><ContentId>cid:1</ContentId></Attachment></AttachmentEncoded>
</edXML>
`;
}

/** The tax-authority TBao pattern (signatures.md §4.3), with placeholders for the two signatures. */
function tbao(ttcqt: string, cqt: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TBao xmlns="http://kekhaithue.gdt.gov.vn/TBaoThue">
  <DLTBao Id="Id-DLTBao"><MST>0100109106</MST><TenNNT>Công ty TNHH Thử Nghiệm</TenNNT><SoTien>1500000</SoTien></DLTBao>
  <STBao Id="Id-STBao"><So>123/TB-CCT</So><NLap>2025-05-01</NLap></STBao>
  <DSCKS><TTCQT>${ttcqt}</TTCQT><CQT>${cqt}</CQT></DSCKS>
</TBao>
`;
}

const SIGNING_TIME_OBJECT = `<Object Id="Object-1"><SignatureProperties><SignatureProperty Target="#sig-1"><SigningTime>2025-05-01T10:00:00</SigningTime></SignatureProperty></SignatureProperties></Object>`;

function sign(template: string, who: Identity = pki.good, ids: [string, string][] = [], nodeXpath?: string): string {
  return new TextDecoder().decode(
    xmlsecSign(pki, template, who, {
      idAttrs: [...ids, ['Id', `${DS}:Object`], ['Id', `${DS}:Signature`]],
      chain: [pki.intermediate.cert],
      ...(nodeXpath ? { nodeXpath } : {}),
    }),
  );
}

async function verify(xml: string, extra: Partial<XmlVerifyOptions> = {}): Promise<VerificationReport> {
  return verifyXml(new TextEncoder().encode(xml), { ...base, ...extra });
}

function only(r: VerificationReport): SignatureReport {
  expect(r.signatures).toHaveLength(1);
  return r.signatures[0] as SignatureReport;
}

function codes(r: VerificationReport): string[] {
  return [...r.problems.map((p) => p.code), ...r.signatures.flatMap((s) => s.problems.map((p) => p.code))];
}

describe('verifyXml with xmlsec1-signed documents', () => {
  it('accepts an enveloped edXML signature over the whole document and reports its scope', async () => {
    const xml = sign(edxml(signatureTemplate()));
    const r = await verify(xml);
    const s = only(r);
    expect(s.indication, JSON.stringify(s.problems)).toBe('TOTAL_PASSED');
    expect(r.valid).toBe(true);
    expect(r.format).toBe('xml');
    expect(s.coverage).toBe('whole-document');
    expect(s.scope).toEqual([
      expect.objectContaining({
        kind: 'document',
        uri: '',
        path: '/edXML',
        digestAlgorithm: 'SHA-256',
        digestMatches: true,
      }),
    ]);
    expect(s.elementPath).toBe('/edXML/edXMLEnvelope/edXMLHeader/Signature');
    expect(r.signedElements).toEqual([{ selector: '/', status: 'signed', path: '/edXML', signatures: [0] }]);
    expect(s.signer?.commonName).toBe('Nguyễn Văn An');
    expect(s.chain).toHaveLength(3);
    expect(s.revocation.status).toBe('good');
    expect(s.algorithms).toMatchObject({ signature: 'RSA-SHA256', digest: 'SHA-256', keyType: 'rsa', keyBits: 2048 });
    expect(s.display.find((d) => d.field === 'coverage')?.value).toBe('Everything that is read');
  });

  it('accepts inclusive c14n, RSA-SHA512, ECDSA P-256 and P-384', async () => {
    for (const [template, who] of [
      [signatureTemplate({ c14n: ALG.c14n }), pki.good],
      [signatureTemplate({ method: ALG.rsaSha512, digest: ALG.sha512 }), pki.good],
      [signatureTemplate({ method: ALG.ecdsaSha256 }), ec256],
      [signatureTemplate({ method: ALG.ecdsaSha384, digest: ALG.sha384, c14n: ALG.c14n }), ec384],
    ] as const) {
      const r = await verify(sign(edxml(template), who));
      expect(only(r).indication, `${who.name}: ${JSON.stringify(only(r).problems)}`).toBe('TOTAL_PASSED');
      expect(r.valid).toBe(true);
    }
  });

  it('accepts the WithComments canonicalizations (comments outside SignedInfo are not signed by URI references)', async () => {
    const template = signatureTemplate({
      c14n: ALG.c14nComments,
      refs: ['#Id-DLTBao'],
      refTransforms: [ALG.excComments],
    });
    const xml = sign(tbao(template, '').replace('<MST>', '<!-- ghi chú --><MST>'), pki.good, [['Id', 'DLTBao']]);
    const r = await verify(xml, { expectedSignedElements: ['/TBao/DLTBao'] });
    expect(only(r).indication, JSON.stringify(only(r).problems)).toBe('TOTAL_PASSED');
    // A comment changed inside the signed element does not break the digest (the node-set has no comments).
    expect((await verify(xml.replace('ghi chú', 'khác'), { expectedSignedElements: ['/TBao/DLTBao'] })).valid).toBe(
      true,
    );
  });

  it('treats SHA-1 (the edXML SDK sample) by the dated policy', async () => {
    const xml = sign(edxml(signatureTemplate({ method: ALG.rsaSha1, digest: ALG.sha1, c14n: ALG.c14n })));
    const strict = await verify(xml);
    expect(only(strict).indication).toBe('INDETERMINATE');
    expect(only(strict).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(only(strict).integrity).toEqual({ digestMatches: true, signatureValid: true });
    const legacy = await verify(xml, { policy: { sha1AllowedBefore: new Date('2030-01-01T00:00:00Z') } });
    expect(only(legacy).indication).toBe('TOTAL_PASSED');
  });

  it('verifies the tax-authority pattern: two signatures in DSCKS by Id with a signed SigningTime object', async () => {
    const ids: [string, string][] = [
      ['Id', 'DLTBao'],
      ['Id', 'STBao'],
    ];
    const first = sign(
      tbao(signatureTemplate({ c14n: ALG.c14n, refs: ['#Id-DLTBao', '#Object-1'], object: SIGNING_TIME_OBJECT }), ''),
      pki.good,
      ids,
    );
    const second = sign(
      first.replace(
        /<CQT\/>|<CQT><\/CQT>/,
        `<CQT>${signatureTemplate({ c14n: ALG.c14n, method: ALG.ecdsaSha256, refs: ['#Id-DLTBao', '#Id-STBao', '#Object-2'], object: SIGNING_TIME_OBJECT.replace('Object-1', 'Object-2') }).replace('Id="sig-1"', 'Id="sig-2"')}</CQT>`,
      ),
      ec256,
      ids,
      "(//*[local-name()='Signature'])[2]",
    );
    const r = await verify(second, { expectedSignedElements: ['/TBao/DLTBao', '/TBao/STBao'] });
    expect(r.signatures).toHaveLength(2);
    const [ttcqt] = r.signatures as [SignatureReport];
    expect(ttcqt.indication, JSON.stringify(ttcqt.problems)).toBe('TOTAL_PASSED');
    expect(ttcqt.claimedSigningTime).toBe('2025-05-01T03:00:00.000Z');
    expect(ttcqt.scope?.map((e) => [e.kind, e.path])).toEqual([
      ['element', '/TBao/DLTBao'],
      ['signature-properties', '/TBao/DSCKS/TTCQT/Signature/Object'],
    ]);
    // By default the whole document must be signed: here only DLTBao and STBao are.
    const dflt = await verify(first);
    expect(dflt.valid).toBe(false);
    expect(only(dflt).coverage).toBe('partial');
    expect(codes(dflt)).toContain('XML_ELEMENT_NOT_SIGNED');
    const dl = await verify(first, { expectedSignedElements: ['/TBao/DLTBao'] });
    expect(dl.valid).toBe(true);
    expect(dl.signedElements?.[0]).toMatchObject({ status: 'signed', path: '/TBao/DLTBao', signatures: [0] });
    const st = await verify(first, { expectedSignedElements: ['/TBao/DLTBao', '/TBao/STBao'] });
    expect(st.valid).toBe(false);
    expect(st.signedElements?.[1]?.status).toBe('not-signed');
  });

  it('ignores an unsigned SigningTime and reads zone-less times as Vietnam time', async () => {
    const xml = sign(
      tbao(signatureTemplate({ c14n: ALG.c14n, refs: ['#Id-DLTBao'], object: SIGNING_TIME_OBJECT }), ''),
      pki.good,
      [['Id', 'DLTBao']],
    );
    const r = await verify(xml, { expectedSignedElements: ['/TBao/DLTBao'] });
    expect(only(r).claimedSigningTime).toBeUndefined();
    expect(only(r).warnings.map((w) => w.key)).toContain('XML_SIGNING_TIME_NOT_SIGNED');
    expect(parseXsDateTime('2025-05-01T10:00:00')?.toISOString()).toBe('2025-05-01T03:00:00.000Z');
    expect(parseXsDateTime('2025-05-01T10:00:00Z')?.toISOString()).toBe('2025-05-01T10:00:00.000Z');
    expect(parseXsDateTime('01/05/2025')).toBeUndefined();
  });

  it('restricts where signatures may sit (check 26)', async () => {
    const xml = sign(edxml(signatureTemplate()));
    expect((await verify(xml, { signatureParents: ['/edXML/edXMLEnvelope/edXMLHeader'] })).valid).toBe(true);
    const r = await verify(xml, { signatureParents: ['/edXML'] });
    expect(r.valid).toBe(false);
    expect(codes(r)).toContain('XML_SIGNATURE_MISPLACED');
  });
});

describe('verifyXml: trust and certificates', () => {
  it('never trusts a KeyInfo certificate by itself: no anchor, look-alike root, wrong anchor', async () => {
    const xml = sign(edxml(signatureTemplate()));
    const none = await verify(xml, { trustAnchors: [] });
    expect(only(none).indication).toBe('INDETERMINATE');
    expect(only(none).subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(only(none).trusted).toBe(false);
    expect(only(none).integrity).toEqual({ digestMatches: true, signatureValid: true });
    const lookAlike = await verify(xml, { trustAnchors: [pki.fakeRoot.certPem] });
    expect(only(lookAlike).indication).toBe('INDETERMINATE');
    expect(lookAlike.valid).toBe(false);
    // A chain that reaches a look-alike root with the same names is not ours either.
    const fake = new TextDecoder().decode(
      xmlsecSign(pki, edxml(signatureTemplate()), pki.fakeSigner, { chain: [pki.fakeIntermediate.cert] }),
    );
    const fr = await verify(fake);
    expect(only(fr).indication).toBe('INDETERMINATE');
    expect(fr.valid).toBe(false);
  });

  it('applies validity and revocation at the signing time like PDF', async () => {
    const revoked = await verify(sign(edxml(signatureTemplate()), pki.revoked));
    expect(only(revoked).indication).not.toBe('TOTAL_PASSED');
    expect(only(revoked).revocation.status).toBe('revoked');
    const expired = await verify(sign(edxml(signatureTemplate()), pki.expired));
    expect(only(expired).subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    const noCrl = await verify(sign(edxml(signatureTemplate())), { crls: [] });
    expect(only(noCrl).subIndication).toBe('TRY_LATER');
    expect(only(noCrl).problems.map((p) => p.code)).toContain('REVOCATION_UNAVAILABLE');
    const weak = await verify(sign(edxml(signatureTemplate()), pki.weakKey));
    expect(only(weak).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });

  it('reports no signer certificate when KeyInfo has none', async () => {
    const xml = sign(edxml(signatureTemplate())).replace(/<KeyInfo>[\s\S]*<\/KeyInfo>/, '');
    const r = await verify(xml);
    expect(only(r).subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
  });
});

describe('verifyXml: tampering and wrapping (XSW)', () => {
  let signed: string;
  let tax: string;
  beforeAll(() => {
    signed = sign(edxml(signatureTemplate()));
    tax = sign(tbao(signatureTemplate({ c14n: ALG.c14n, refs: ['#Id-DLTBao'] }), ''), pki.good, [['Id', 'DLTBao']]);
  });

  it('detects a changed character and a changed SignatureValue', async () => {
    const r = await verify(signed.replace('Văn bản điện tử mới', 'Văn bản điện tử cũ'));
    expect(only(r).indication).toBe('TOTAL_FAILED');
    expect(only(r).subIndication).toBe('HASH_FAILURE');
    expect(only(r).display.find((d) => d.field === 'integrity')?.value).toBe('Changed after signing');
    const v = /<SignatureValue>([^<]+)</.exec(signed)?.[1] as string;
    const flipped = (v.startsWith('A') ? 'B' : 'A') + v.slice(1);
    const r2 = await verify(signed.replace(v, flipped));
    expect(only(r2).subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('XSW: the signed element moved into a wrapper and a forged one put where the application reads', async () => {
    const genuine = /<DLTBao Id="Id-DLTBao">[\s\S]*?<\/DLTBao>/.exec(tax)?.[0] as string;
    const forged = genuine.replace('1500000', '1').replace(' Id="Id-DLTBao"', '');
    const attack = tax.replace(genuine, `${forged}<Wrapper>${genuine}</Wrapper>`);
    const r = await verify(attack, { expectedSignedElements: ['/TBao/DLTBao'] });
    // The signature itself still verifies: only the scope check catches it.
    expect(only(r).integrity).toEqual({ digestMatches: true, signatureValid: true });
    expect(r.valid).toBe(false);
    expect(r.signedElements?.[0]?.status).toBe('not-signed');
    expect(only(r).coverage).toBe('partial');
  });

  it('XSW: a forged element beside the genuine signed one', async () => {
    const genuine = /<DLTBao Id="Id-DLTBao">[\s\S]*?<\/DLTBao>/.exec(tax)?.[0] as string;
    const forged = genuine.replace('1500000', '1').replace(' Id="Id-DLTBao"', '');
    const r = await verify(tax.replace(genuine, `${genuine}${forged}`), { expectedSignedElements: ['/TBao/DLTBao'] });
    expect(r.valid).toBe(false);
    expect(r.signedElements?.[0]?.status).toBe('ambiguous');
  });

  it('XSW: duplicate Ids fail the signatures (FORMAT_FAILURE)', async () => {
    const genuine = /<DLTBao Id="Id-DLTBao">[\s\S]*?<\/DLTBao>/.exec(tax)?.[0] as string;
    const forged = genuine.replace('1500000', '1');
    const r = await verify(tax.replace(genuine, `${forged}<Wrapper>${genuine}</Wrapper>`), {
      expectedSignedElements: ['/TBao/DLTBao'],
    });
    expect(only(r).indication).toBe('TOTAL_FAILED');
    expect(only(r).subIndication).toBe('FORMAT_FAILURE');
    expect(codes(r)).toContain('XML_DUPLICATE_ID');
  });

  it('XSW: the signature moved into the signed element breaks it or is refused by location', async () => {
    const sigXml = /<Signature [\s\S]*<\/Signature>/.exec(tax)?.[0] as string;
    const moved = tax.replace(sigXml, '').replace('</STBao>', `${sigXml}</STBao>`);
    const r = await verify(moved, {
      expectedSignedElements: ['/TBao/DLTBao'],
      signatureParents: ['/TBao/DSCKS/TTCQT', '/TBao/DSCKS/CQT'],
    });
    expect(r.valid).toBe(false);
    expect(codes(r)).toContain('XML_SIGNATURE_MISPLACED');
    const into = tax.replace(sigXml, '').replace('</DLTBao>', `${sigXml}</DLTBao>`);
    const r2 = await verify(into, { expectedSignedElements: ['/TBao/DLTBao'] });
    expect(only(r2).subIndication).toBe('HASH_FAILURE');
  });

  it('XSW: the whole signed document wrapped under a new root', async () => {
    const body = signed.replace(/^<\?xml[^>]*>\s*/, '');
    const r = await verify(`<Evil xmlns="urn:evil"><edXML-copy/>${body}</Evil>`);
    expect(r.valid).toBe(false);
  });

  it('refuses a second SignedInfo hidden in an Object (CVE-2025-29774 / 29775)', async () => {
    const si = /<SignedInfo>[\s\S]*<\/SignedInfo>/.exec(signed)?.[0] as string;
    const r = await verify(signed.replace('</KeyInfo>', `</KeyInfo><Object>${si}</Object>`));
    expect(only(r).indication).toBe('TOTAL_FAILED');
    expect(codes(r)).toContain('XML_SIGNED_INFO_COUNT');
  });

  it('refuses comments inside SignedInfo (digest-comment confusion)', async () => {
    const r = await verify(signed.replace('<DigestValue>', '<DigestValue><!-- x -->'));
    expect(codes(r)).toContain('XML_SIGNED_INFO_COMMENT');
    expect(r.valid).toBe(false);
  });

  it('refuses transforms outside the allow-list (XPath) and HMAC signature methods', async () => {
    const xpath = signed.replace(
      `<Transform Algorithm="${ALG.enveloped}"/>`,
      `<Transform Algorithm="${ALG.xpath}"><XPath>not(ancestor-or-self::ds:Signature)</XPath></Transform>`,
    );
    expect(codes(await verify(xpath))).toContain('XML_TRANSFORM_NOT_ALLOWED');
    const hmac = signed.replace(ALG.rsaSha256, ALG.hmacSha256);
    const r = await verify(hmac);
    expect(codes(r)).toContain('XML_SIGNATURE_METHOD_UNSUPPORTED');
    expect(only(r).indication).toBe('TOTAL_FAILED');
  });

  it('refuses external and XPointer references', async () => {
    const ext = signed.replace('<Reference URI="">', '<Reference URI="http://evil.invalid/x.xml">');
    expect(codes(await verify(ext))).toContain('XML_REFERENCE_URI_UNSUPPORTED');
    const xp = signed.replace('<Reference URI="">', '<Reference URI="#xpointer(/)">');
    const r = await verify(xp);
    expect(codes(r)).toContain('XML_REFERENCE_URI_UNSUPPORTED');
    expect(only(r).problems.find((p) => p.code === 'XML_REFERENCE_URI_UNSUPPORTED')?.subIndication).toBe(
      'SIGNED_DATA_NOT_FOUND',
    );
  });

  it('detects algorithm confusion: an ECDSA method with an RSA key', async () => {
    const r = await verify(signed.replace(ALG.rsaSha256, ALG.ecdsaSha256));
    expect(only(r).indication).toBe('TOTAL_FAILED');
    expect(only(r).integrity.signatureValid).toBe(false);
  });
});

describe('verifyXml: parser defences (check 25)', () => {
  it('refuses DTDs, XXE and entity bombs before parsing', async () => {
    const cases: [string, string][] = [
      ['<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', 'XML_DTD_FORBIDDEN'],
      [
        `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`,
        'XML_DTD_FORBIDDEN',
      ],
      ['<a>&x;</a>', 'XML_ENTITY_FORBIDDEN'],
      ['<a b="&x;"/>', 'XML_ENTITY_FORBIDDEN'],
      ['<?xml version="1.0" encoding="ISO-8859-1"?><a/>', 'XML_ENCODING_UNSUPPORTED'],
      ['<a><b></a>', 'XML_MALFORMED'],
      [`${'<a>'.repeat(300)}${'</a>'.repeat(300)}`, 'XML_LIMIT_EXCEEDED'],
    ];
    for (const [xml, code] of cases) {
      const r = await verify(xml);
      expect(r.valid).toBe(false);
      expect(
        r.problems.map((p) => p.code),
        xml.slice(0, 40),
      ).toEqual([code]);
    }
  });

  it('accepts DOCTYPE-like text inside comments and CDATA', async () => {
    const xml = sign(edxml(signatureTemplate(), '<![CDATA[<!DOCTYPE x>]]> &lt;&#x41;')).replace(
      '<edXML:edXMLEnvelope>',
      '<!-- <!DOCTYPE y> --><edXML:edXMLEnvelope>',
    );
    expect((await verify(xml)).valid).toBe(true);
  });

  it('accepts the file bytes of the xmlsec1 output unchanged (round-trip sanity)', async () => {
    const file = xmlsecSign(pki, edxml(signatureTemplate()), pki.good, { chain: [pki.intermediate.cert] });
    expect((await verifyXml(file, base)).valid).toBe(true);
    expect(readFileSync(pki.root.cert, 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
