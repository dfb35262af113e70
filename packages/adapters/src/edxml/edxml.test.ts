import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Signer, softwareSigner } from '@motcua/signing/sign';
import { verifyXml } from '@motcua/signing/xml';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePki, type TestPki } from '../../../signing/test/pki.ts';
import { AdapterError } from '../errors.ts';
import { parseXml, type XmlElement } from '../xml/tree.ts';
import { Base64Decoder, base64Encode } from './base64.ts';
import {
  EDXML_NS,
  type EdxmlEnvelope,
  type EdxmlMessageHeader,
  edxmlDate,
  edxmlDocumentId,
  edxmlTimestamp,
} from './model.ts';
import { type EdxmlDocument, readEdxml } from './read.ts';
import { buildEdxmlStatus, type EdxmlStatus, parseEdxmlStatus } from './status.ts';
import { buildEdxml, buildEdxmlString, edxmlDigestSigner, edxmlXmlSigner } from './write.ts';

const header: EdxmlMessageHeader = {
  From: { OrganId: '000.00.00.H56', OrganizationInCharge: 'UBND tỉnh Thanh Hóa', OrganName: 'Văn phòng UBND tỉnh' },
  To: [
    { OrganId: '000.00.00.G22', OrganName: 'Văn phòng Chính phủ' },
    { OrganId: '000.00.00.H40', OrganName: 'UBND tỉnh Nghệ An' },
  ],
  Code: { CodeNumber: '7816', CodeNotation: 'UBND-VX' },
  PromulgationInfo: { Place: 'Thanh Hóa', PromulgationDate: edxmlDate('2025-07-01') },
  DocumentType: { Type: 1, TypeDetail: 0, TypeName: 'Công văn' },
  Subject: 'Về việc triển khai dịch vụ công trực tuyến <toàn trình> & thanh toán',
  Content: 'Nội dung',
  SignerInfo: { Competence: 'TM. ỦY BAN NHÂN DÂN', Position: 'Chủ tịch', FullName: 'Đỗ Minh Tuấn' },
  DueDate: '2025/07/15',
  ToPlaces: ['Văn phòng Chính phủ', 'UBND tỉnh Nghệ An'],
  OtherInfo: {
    Priority: 0,
    SphereOfPromulgation: 'Lưu hành nội bộ',
    PageAmount: 2,
    Direction: false,
    Appendixes: ['Phụ lục I'],
  },
  SteeringType: 0,
};

const envelope: EdxmlEnvelope = {
  header,
  trace: {
    TraceHeader: [{ OrganId: '000.00.00.H56', Timestamp: edxmlTimestamp(new Date('2025-07-01T01:30:00Z')) }],
    Bussiness: {
      BussinessDocType: 0,
      BussinessDocReason: 'Văn bản điện tử mới',
      Paper: 0,
      StaffInfo: [{ Department: 'Văn phòng', Staff: 'Lê Thị Hoa', Email: 'hoa@thanhhoa.gov.vn' }],
    },
  },
};

const pdf = new TextEncoder().encode('%PDF-1.7\n% công văn\n%%EOF\n');

async function* chunked(total: number, size: number): AsyncGenerator<Uint8Array> {
  let seed = 7;
  for (let sent = 0; sent < total; sent += size) {
    const n = Math.min(size, total - sent);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      b[i] = seed >>> 24;
    }
    yield b;
  }
}

async function collect(it: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of it) parts.push(c);
  return new Uint8Array(Buffer.concat(parts));
}

/** Every element below `edXMLEnvelope`, with its qualified name. */
function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string') out.push(c, ...descendants(c));
  return out;
}

describe('edXML writing: prefixes, DocumentId, order', () => {
  it('edXML: on every element under edXMLEnvelope, none on the root and AttachmentEncoded (§3)', async () => {
    const xml = await buildEdxmlString(envelope, [
      { name: 'cong-van.pdf', contentType: 'application/pdf', content: pdf },
    ]);
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">'),
    ).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('edXML');
    const [env, attachments] = root.children as XmlElement[];
    expect(env?.name).toBe('edXML:edXMLEnvelope');
    for (const el of descendants(env!)) {
      expect(el.name.startsWith('edXML:'), el.name).toBe(true);
      expect(el.ns).toBe(EDXML_NS);
    }
    expect(attachments?.name).toBe('AttachmentEncoded');
    for (const el of descendants(attachments!)) {
      expect(el.name.includes(':'), el.name).toBe(false);
      expect(el.ns).toBe(EDXML_NS);
    }
  });

  it('computes DocumentId "<OrganId>,<YYYY/MM/DD>,<CodeNumber>/<CodeNotation>" and keeps the §2 order', async () => {
    const xml = await buildEdxmlString(envelope);
    expect(xml).toContain('<edXML:DocumentId>000.00.00.H56,2025/07/01,7816/UBND-VX</edXML:DocumentId>');
    expect(
      edxmlDocumentId({ OrganId: '000.00.00.G22' }, '2015-09-30', { CodeNumber: '7816', CodeNotation: 'VPCP-TTĐT' }),
    ).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    const order = [
      '<edXML:From>',
      '<edXML:To>',
      '<edXML:DocumentId>',
      '<edXML:Code>',
      '<edXML:PromulgationInfo>',
      '<edXML:Subject>',
      '<edXML:ToPlaces>',
      '<edXML:SteeringType>',
    ];
    const positions = order.map((t) => xml.indexOf(t));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml).toContain('<edXML:ToPlaces><edXML:Place>Văn phòng Chính phủ</edXML:Place>');
    expect(xml).toContain('<edXML:Appendixes><edXML:Appendix>Phụ lục I</edXML:Appendix></edXML:Appendixes>');
    expect(xml).toContain(
      '<edXML:TraceHeaderList actor="http://schemas.xmlsoap.org/soap/actor/next" id="TraceHeaderList" mustUnderstand="1" version="1.0">',
    );
    expect(xml).toContain('<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType>');
    expect(xml).toContain('&lt;toàn trình&gt; &amp; thanh toán');
  });

  it('the manifest references each attachment by cid', async () => {
    const xml = await buildEdxmlString(envelope, [
      { name: 'a.pdf', contentType: 'application/pdf', content: pdf, description: 'Công văn' },
      { contentId: 'phu-luc', name: 'b.pdf', contentType: 'application/pdf', content: pdf, role: 'attachment' },
    ]);
    expect(xml).toContain(
      '<edXML:Reference xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="cid:1" xlink:type="simple"><edXML:ContentId>cid:1</edXML:ContentId>',
    );
    expect(xml).toContain('xlink:href="cid:phu-luc" xlink:role="attachment" xlink:type="simple"');
    expect(xml).toContain('<Attachment><ContentId>cid:phu-luc</ContentId><AttachmentName>b.pdf</AttachmentName>');
  });

  it('is deterministic, and refuses what QCVN 102 requires but is missing', async () => {
    expect(await buildEdxmlString(envelope)).toBe(await buildEdxmlString(envelope));
    const { To: _to, ...noTo } = header;
    await expect(buildEdxmlString({ header: { ...noTo, To: [] } })).rejects.toMatchObject({ code: 'EDXML_INVALID' });
    await expect(buildEdxmlString({ header: { ...header, Subject: 'bell \u0007' } })).rejects.toMatchObject({
      code: 'EDXML_INVALID',
    });
    await expect(
      buildEdxmlString(envelope, [
        { contentId: 'x', name: 'a', contentType: 't', content: pdf },
        { contentId: 'cid:x', name: 'b', contentType: 't', content: pdf },
      ]),
    ).rejects.toThrow(/duplicate ContentId/);
  });
});

describe('edXML reading', () => {
  it('round trip: header, trace, manifest and attachment bytes, fed in tiny chunks', async () => {
    const bytes = await collect(
      buildEdxml(envelope, [
        { name: 'cong-van.pdf', contentType: 'application/pdf', content: pdf, description: 'Công văn' },
        { name: 'phu-luc.bin', contentType: 'application/octet-stream', content: () => chunked(10_000, 777) },
      ]),
    );
    async function* drip(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const doc = await readEdxml(drip());
    expect(doc.envelope.header).toEqual({
      ...header,
      DocumentId: '000.00.00.H56,2025/07/01,7816/UBND-VX',
      DocumentType: { Type: '1', TypeDetail: '0', TypeName: 'Công văn' },
      OtherInfo: {
        Priority: '0',
        SphereOfPromulgation: 'Lưu hành nội bộ',
        PageAmount: '2',
        Direction: 'false',
        Appendixes: ['Phụ lục I'],
      },
      SteeringType: '0',
    });
    expect(doc.envelope.trace).toEqual({
      TraceHeader: [{ OrganId: '000.00.00.H56', Timestamp: '2025/07/01 08:30:00' }],
      Bussiness: {
        BussinessDocType: '0',
        BussinessDocReason: 'Văn bản điện tử mới',
        Paper: '0',
        StaffInfo: [{ Department: 'Văn phòng', Staff: 'Lê Thị Hoa', Email: 'hoa@thanhhoa.gov.vn' }],
      },
    });
    expect(doc.references.map((r) => [r.contentId, r.attachmentName, r.href])).toEqual([
      ['cid:1', 'cong-van.pdf', 'cid:1'],
      ['cid:2', 'phu-luc.bin', 'cid:2'],
    ]);
    expect(doc.signed).toBe(false);
    const got: Array<[string | undefined, string | undefined, Uint8Array]> = [];
    for await (const a of doc.attachments) got.push([a.contentId, a.name, await collect(a.content)]);
    expect(got[0]).toEqual(['cid:1', 'cong-van.pdf', pdf]);
    expect(got[1]?.[2]).toEqual(await collect(chunked(10_000, 777)));
  });

  it('reads by namespace URI: other prefixes, a prefixed AttachmentEncoded and ContentTransferEncoded', async () => {
    const other = `<?xml version="1.0"?>
<q:edXML xmlns:q="${EDXML_NS}">
  <q:edXMLEnvelope>
    <q:edXMLHeader>
      <q:MessageHeader>
        <q:From><q:OrganId>000.00.00.G22</q:OrganId></q:From>
        <To xmlns="${EDXML_NS}"><OrganId>000.00.00.H56</OrganId></To>
        <q:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</q:DocumentId>
        <q:Code><q:CodeNumber>7816</q:CodeNumber><q:CodeNotation>VPCP-TTĐT</q:CodeNotation></q:Code>
        <q:PromulgationInfo><q:PromulgationDate>2015/09/30</q:PromulgationDate></q:PromulgationInfo>
        <x:Subject xmlns:x="urn:not-qcvn">ignored: another namespace</x:Subject>
      </q:MessageHeader>
    </q:edXMLHeader>
  </q:edXMLEnvelope>
  <AttachmentEncoded xmlns="${EDXML_NS}">
    <Attachment>
      <ContentId>cid:1</ContentId>
      <edXML:ContentTransferEncoded xmlns:edXML="${EDXML_NS}">JVBE
Ri0x
</edXML:ContentTransferEncoded>
      <AttachmentName>late-name.pdf</AttachmentName>
    </Attachment>
  </AttachmentEncoded>
</q:edXML>`;
    const doc = await readEdxml(other);
    expect(doc.envelope.header.From.OrganId).toBe('000.00.00.G22');
    expect(doc.envelope.header.To).toEqual([{ OrganId: '000.00.00.H56' }]);
    expect(doc.envelope.header.Subject).toBeUndefined();
    const list = [];
    for await (const a of doc.attachments) list.push({ a, bytes: new TextDecoder().decode(await collect(a.content)) });
    expect(list[0]?.bytes).toBe('%PDF-1');
    expect(list[0]?.a.name).toBe('late-name.pdf'); // metadata after the content is filled in afterwards
  });

  it('elements with the right names in the wrong namespace are not edXML', async () => {
    await expect(readEdxml('<edXML><edXMLEnvelope/></edXML>')).rejects.toMatchObject({ code: 'EDXML_INVALID' });
    await expect(
      readEdxml(
        `<edXML xmlns="${EDXML_NS}"><edXMLEnvelope><edXMLHeader><MessageHeader xmlns="urn:x"/></edXMLHeader></edXMLEnvelope></edXML>`,
      ),
    ).rejects.toMatchObject({ code: 'EDXML_INVALID' });
  });

  it('refuses DOCTYPE, never expands entities, rejects bad base64', async () => {
    await expect(readEdxml(`<!DOCTYPE edXML [<!ENTITY x "boom">]><edXML xmlns="${EDXML_NS}"/>`)).rejects.toMatchObject({
      code: 'XML_DOCTYPE_FORBIDDEN',
    });
    const xml = await buildEdxmlString({ header: { ...header, Subject: 'a &x; b' } });
    const doc = await readEdxml(xml);
    expect(doc.envelope.header.Subject).toBe('a &x; b');
    const bad = xml.replace(
      '<AttachmentEncoded></AttachmentEncoded>',
      '<AttachmentEncoded><Attachment><ContentTransferEncoded>@@@@</ContentTransferEncoded></Attachment></AttachmentEncoded>',
    );
    const d2 = await readEdxml(bad);
    const read = async () => {
      for await (const a of d2.attachments) await collect(a.content);
    };
    await expect(read()).rejects.toBeInstanceOf(AdapterError);
  });

  it('attachments must be read in order; unread content is skipped', async () => {
    const bytes = await collect(
      buildEdxml(envelope, [
        { name: 'a', contentType: 'x', content: pdf },
        { name: 'b', contentType: 'x', content: new Uint8Array([1, 2, 3]) },
      ]),
    );
    const doc: EdxmlDocument = await readEdxml(bytes);
    const readers = [];
    for await (const a of doc.attachments) readers.push(a); // content not read
    expect(readers.map((r) => r.name)).toEqual(['a', 'b']);
    await expect(collect(readers[0]!.content)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('streams in bounded memory: a 6 MB attachment is written and read in chunks no larger than the input chunks', async () => {
    const size = 6 * 1024 * 1024;
    let largestOut = 0;
    const hashIn = createHash('sha256');
    for await (const c of chunked(size, 48 * 1024)) hashIn.update(c);
    const built = buildEdxml(envelope, [
      { name: 'big.bin', contentType: 'application/octet-stream', content: () => chunked(size, 48 * 1024) },
    ]);
    async function* watched(): AsyncGenerator<Uint8Array> {
      for await (const c of built) {
        largestOut = Math.max(largestOut, c.length);
        yield c;
      }
    }
    const doc = await readEdxml(watched());
    let largestIn = 0;
    const hashOut = createHash('sha256');
    let total = 0;
    for await (const a of doc.attachments) {
      for await (const c of a.content) {
        largestIn = Math.max(largestIn, c.length);
        total += c.length;
        hashOut.update(c);
      }
    }
    expect(total).toBe(size);
    expect(hashOut.digest('hex')).toBe(hashIn.digest('hex'));
    // Output chunks are the base64 of one input chunk (plus markup); decoded chunks follow the 64 KiB reading window.
    expect(largestOut).toBeLessThanOrEqual(Math.ceil((48 * 1024) / 3) * 4 + 4096);
    expect(largestIn).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('edXML signing (verified by @motcua/signing verifyXml)', () => {
  let pki: TestPki;
  let rsa: Signer;
  let rsaPkcs1: Signer;
  const verifyOptions = () => ({
    trustAnchors: [pki.root.certPem],
    crls: [pki.crlPem, pki.rootCrlPem],
    validationTime: new Date('2025-06-01T00:00:00Z'),
    expectedSignedElements: ['/edXML'],
    lang: 'en' as const,
  });

  beforeAll(() => {
    pki = makePki();
    const common = { certificate: pki.good.certPem, chain: [pki.intermediate.certPem] };
    rsa = softwareSigner({ privateKey: readFileSync(pki.good.key), ...common });
    rsaPkcs1 = softwareSigner({ privateKey: readFileSync(pki.good.key), ...common, scheme: 'RSASSA-PKCS1-v1_5' });
  });

  const attachments = () => [
    { name: 'cong-van.pdf', contentType: 'application/pdf', content: pdf },
    { name: 'phu-luc.bin', contentType: 'application/octet-stream', content: () => chunked(200_000, 10_000) },
  ];

  it('streaming digest signer (PSS and PKCS#1): the signature in edXMLHeader covers the whole package', async () => {
    for (const signer of [rsa, rsaPkcs1]) {
      const bytes = await collect(buildEdxml(envelope, attachments(), { signer: edxmlDigestSigner(signer) }));
      const report = await verifyXml(bytes, verifyOptions());
      expect(report.valid, JSON.stringify(report.signatures.map((s) => s.problems))).toBe(true);
      expect(report.signatures[0]?.elementPath).toBe('/edXML/edXMLEnvelope/edXMLHeader/Signature');
      const doc = await readEdxml(bytes);
      expect(doc.signed).toBe(true);
      for await (const a of doc.attachments) await collect(a.content);
    }
  });

  it('a changed attachment byte breaks the signature', async () => {
    const bytes = await collect(buildEdxml(envelope, attachments(), { signer: edxmlDigestSigner(rsa) }));
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('<ContentTransferEncoded>') + '<ContentTransferEncoded>'.length;
    const tampered = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const report = await verifyXml(new TextEncoder().encode(tampered), verifyOptions());
    expect(report.valid).toBe(false);
  });

  it('whole-document signer (signXml) works too, and keeps the edXML: prefixes', async () => {
    const bytes = await collect(buildEdxml(envelope, attachments(), { signer: edxmlXmlSigner(rsa) }));
    const report = await verifyXml(bytes, verifyOptions());
    expect(report.valid, JSON.stringify(report.signatures.map((s) => s.problems))).toBe(true);
    expect(new TextDecoder().decode(bytes)).toContain('<edXML:MessageHeader>');
  });

  it('the streaming signer needs re-readable attachments', async () => {
    async function* once(): AsyncGenerator<Uint8Array> {
      yield pdf;
    }
    await expect(
      collect(
        buildEdxml(envelope, [{ name: 'x', contentType: 'x', content: once() }], { signer: edxmlDigestSigner(rsa) }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('status messages', () => {
  const status: EdxmlStatus = {
    ResponseFor: {
      OrganId: '000.00.00.H56',
      Code: '7816/UBND-VX',
      PromulgationDate: '2025/07/01',
      DocumentId: '000.00.00.H56,2025/07/01,7816/UBND-VX',
    },
    From: { OrganId: '000.00.00.G22', OrganName: 'Văn phòng Chính phủ' },
    StatusCode: '01',
    Description: 'Đã tiếp nhận',
    Timestamp: '2025/07/01 09:00:00',
    StaffInfo: { Department: 'Văn thư', Staff: 'Trần Văn Nam' },
  };

  it('round trip, every element prefixed edXML:', () => {
    const xml = buildEdxmlStatus(status);
    expect(xml).toContain(
      '<edXML:Status xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:Header><edXML:MessageStatus><edXML:ResponseFor>',
    );
    expect(parseEdxmlStatus(xml)).toEqual(status);
  });

  it('reads an unprefixed, namespace-less status too; refuses other documents', () => {
    const plain =
      '<Status><Header><MessageStatus><ResponseFor><DocumentId>d</DocumentId></ResponseFor><From><OrganId>o</OrganId></From><StatusCode>03</StatusCode><Timestamp>t</Timestamp></MessageStatus></Header></Status>';
    expect(parseEdxmlStatus(plain).StatusCode).toBe('03');
    expect(() => parseEdxmlStatus('<Other/>')).toThrow(AdapterError);
    expect(() => buildEdxmlStatus({ ...status, StatusCode: '' })).toThrow(AdapterError);
  });
});

describe('base64 streaming', () => {
  it('encodes across chunk boundaries and decodes wrapped text', async () => {
    let enc = '';
    for await (const s of base64Encode([new Uint8Array([1]), new Uint8Array([2, 3, 4]), new Uint8Array([5])])) enc += s;
    expect(enc).toBe(Buffer.from([1, 2, 3, 4, 5]).toString('base64'));
    const d = new Base64Decoder();
    const out = [...d.push('AQID\nBA'), ...d.push('U='), ...d.push('\n'), ...d.end()];
    expect(out).toEqual([1, 2, 3, 4, 5]);
    expect(() => new Base64Decoder().push('A*')).toThrow(AdapterError);
    const t = new Base64Decoder();
    t.push('AQI');
    expect([...t.end()]).toEqual([1, 2]);
  });
});
