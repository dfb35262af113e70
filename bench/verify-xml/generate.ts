/**
 * A signed 10 MB edXML package for `pnpm bench verify-xml`, signed by `xmlsec1 --sign` (the
 * independent tool the benchmark compares with) with the throw-away PKI of
 * `packages/signing/test/pki.ts`.
 *
 * Shape: an edXML envelope whose header lists many places (20,000 small elements: the tree work)
 * and whose `AttachmentEncoded` carries a base64 attachment of about 9 MB (the bulk most real
 * packages carry: the scanned document itself), with an enveloped signature in the header
 * (`URI=""`, enveloped-signature + exc-c14n, RSA-SHA256, chain in KeyInfo).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { xmlsecSign } from '../../packages/signing/test/independent.ts';
import { makePki } from '../../packages/signing/test/pki.ts';

export interface BenchFiles {
  xml: string;
  root: string;
  intermediate: string;
  crls: string[];
}

export function files(dir: string, megabytes: number): BenchFiles {
  return {
    xml: join(dir, `signed-${megabytes}mb.edxml`),
    root: join(dir, 'root.pem'),
    intermediate: join(dir, 'intermediate.pem'),
    crls: [join(dir, 'intermediate.crl.pem'), join(dir, 'root.crl.pem')],
  };
}

function edxml(megabytes: number): string {
  const places: string[] = [];
  for (let i = 0; i < 20_000; i++)
    places.push(`<edXML:Place>Phường ${i}, quận Ba Đình &amp; vùng lân cận</edXML:Place>`);
  const header = places.join('\n');
  const attachmentBytes = Math.max(1, Math.round(megabytes * 1_000_000 - header.length * 1.05) * 0.75);
  const attachment = randomBytes(attachmentBytes).toString('base64').replace(/.{76}/g, '$&\n');
  const sig =
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo>' +
    '<CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
    '<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    '<Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>' +
    '<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></Transforms>' +
    '<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/></Reference></SignedInfo>' +
    '<SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo></Signature>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
<edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader><edXML:Subject>Văn bản điện tử mới</edXML:Subject><edXML:ToPlaces>
${header}
</edXML:ToPlaces></edXML:MessageHeader>${sig}</edXML:edXMLHeader>
<edXML:edXMLBody><edXML:edXMLManifest version="1.0"/></edXML:edXMLBody></edXML:edXMLEnvelope>
<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>
${attachment}
</ContentTransferEncoded></Attachment></AttachmentEncoded>
</edXML>
`;
}

/** Writes the signed document and the PKI files into `dir` (fresh each time). */
export function generate(dir: string, megabytes: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pki = makePki();
  try {
    const f = files(dir, megabytes);
    const signed = xmlsecSign(pki, edxml(megabytes), pki.good, { chain: [pki.intermediate.cert] });
    writeFileSync(f.xml, signed);
    writeFileSync(f.root, pki.root.certPem);
    writeFileSync(f.intermediate, pki.intermediate.certPem);
    writeFileSync(f.crls[0] as string, pki.crlPem);
    writeFileSync(f.crls[1] as string, pki.rootCrlPem);
    console.log(`  ${f.xml}: ${(signed.length / 1e6).toFixed(1)} MB`);
  } finally {
    rmSync(pki.dir, { recursive: true, force: true });
  }
}
