import type { EvidenceRequest } from '@motcua/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Reply, startServer, type TestServer } from '../../test/support/http-server.ts';
import { AdapterError, type PortalError } from '../errors.ts';
import { createPopulationClient, populationEvidenceSource } from './client.ts';
import { birthDateToIso, parseCongDanXml } from './cong-dan.ts';

const SOAP = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dc="http://dancuquocgia.bca/ws">
  <soap:Body>
    <dc:CongdanCollection>
      <dc:CongDan>
        <dc:SoDinhDanh>038190012345</dc:SoDinhDanh>
        <dc:SoCMND>172345678</dc:SoCMND>
        <dc:HoVaTen><dc:Ho>Nguyễn</dc:Ho><dc:ChuDem>Thị</dc:ChuDem><dc:Ten>Lan</dc:Ten></dc:HoVaTen>
        <dc:GioiTinh>2</dc:GioiTinh>
        <dc:DanToc>Kinh</dc:DanToc>
        <dc:NgayThangNamSinh><dc:Nam>1990</dc:Nam><dc:NgayThangNam>19900517</dc:NgayThangNam></dc:NgayThangNamSinh>
        <dc:QuocTich>VN</dc:QuocTich>
        <dc:ThuongTru>
          <dc:MaTinhThanh>38</dc:MaTinhThanh><dc:MaQuanHuyen></dc:MaQuanHuyen><dc:MaPhuongXa>14755</dc:MaPhuongXa>
          <dc:TenTinhThanh>Thanh Hóa</dc:TenTinhThanh><dc:TenPhuongXa>Phường Hạc Thành</dc:TenPhuongXa>
          <dc:ChiTiet>Số 12 Lê Lợi &amp; ngõ 3</dc:ChiTiet>
        </dc:ThuongTru>
        <dc:Cha><dc:HoVaTen>Nguyễn Văn Hùng</dc:HoVaTen><dc:SoDinhDanh>038060001234</dc:SoDinhDanh></dc:Cha>
        <dc:ChuHo><dc:QuanHe>Con</dc:QuanHe><dc:HoVaTen>Nguyễn Văn Hùng</dc:HoVaTen></dc:ChuHo>
        <dc:SoSoHoKhau>HK-0001</dc:SoSoHoKhau>
      </dc:CongDan>
    </dc:CongdanCollection>
  </soap:Body>
</soap:Envelope>`;

describe('CongDan XML', () => {
  it('maps the record', () => {
    const [c] = parseCongDanXml(SOAP);
    expect(c).toEqual({
      personalId: '038190012345',
      cmnd: '172345678',
      name: { surname: 'Nguyễn', middleName: 'Thị', givenName: 'Lan', full: 'Nguyễn Thị Lan' },
      genderCode: '2',
      gender: 'female',
      ethnicity: 'Kinh',
      birth: { year: '1990', date: '19900517', iso: '1990-05-17' },
      nationality: 'VN',
      permanentResidence: {
        provinceCode: '38',
        communeCode: '14755',
        provinceName: 'Thanh Hóa',
        communeName: 'Phường Hạc Thành',
        detail: 'Số 12 Lê Lợi & ngõ 3',
      },
      father: { fullName: 'Nguyễn Văn Hùng', personalId: '038060001234' },
      householdHead: { fullName: 'Nguyễn Văn Hùng', relationship: 'Con' },
      householdBookNumber: 'HK-0001',
    });
  });

  it('birth dates in the forms seen, or a year alone', () => {
    expect(birthDateToIso('1990-05-17T00:00:00')).toBe('1990-05-17');
    expect(birthDateToIso('7/5/1990')).toBe('1990-05-07');
    expect(birthDateToIso('19900231')).toBeUndefined();
    expect(birthDateToIso('', '1990')).toBe('1990');
  });

  it('refuses a DOCTYPE, a non-SOAP document and reports a SOAP fault without the id in clear', () => {
    expect(() =>
      parseCongDanXml(`<!DOCTYPE x [<!ENTITY a "b">]>${SOAP.slice(SOAP.indexOf('<soap:Envelope'))}`),
    ).toThrow(expect.objectContaining({ code: 'XML_DOCTYPE_FORBIDDEN' }));
    expect(() => parseCongDanXml('<CongDan/>')).toThrow(AdapterError);
    const fault =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultstring>Không tìm thấy 038190012345</faultstring></s:Fault></s:Body></s:Envelope>';
    expect(() => parseCongDanXml(fault)).toThrow(/038\*{7}45/);
  });
});

describe('population client and evidence source (real socket)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(reply: (body: Record<string, unknown>, i: number) => Reply) {
    server = await startServer((r, i) => reply(r.json as Record<string, unknown>, i));
    return createPopulationClient({
      url: `${server.url}/csdldancu`,
      integrationCode: 'MOTCUA-H56',
      sleep: async () => {},
    });
  }

  it('parses the SOAP XML inside the JSON message', async () => {
    const client = await start(() => ({ json: { error_code: '0', message: SOAP } }));
    const r = await client.lookup({ SoDinhDanh: '038190012345', MaCanBo: 'cb-0042' });
    expect(r.status).toBe('found');
    expect(r.status === 'found' && r.citizens[0]?.name.full).toBe('Nguyễn Thị Lan');
    expect(server!.requests[0]!.json).toEqual({
      SoDinhDanh: '038190012345',
      MaCanBo: 'cb-0042',
      MaTichHop: 'MOTCUA-H56',
    });
  });

  it('empty collection → not-found; rejection → PORTAL_REJECTED; DOCTYPE in message → PORTAL_BAD_RESPONSE', async () => {
    const empty =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><CongdanCollection/></s:Body></s:Envelope>';
    const client = await start((_b, i) =>
      i === 0
        ? { json: { error_code: 0, message: empty } }
        : i === 1
          ? { json: { error_code: '-2', message: 'Không có quyền tra cứu' } }
          : { json: { error_code: 0, message: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' } },
    );
    expect((await client.lookup({ SoDinhDanh: '038190012345' })).status).toBe('not-found');
    await expect(client.lookup({ SoDinhDanh: '038190012345' })).rejects.toMatchObject({
      code: 'PORTAL_REJECTED',
      errorCode: '-2',
    });
    const error = (await client.lookup({ SoDinhDanh: '038190012345' }).catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_BAD_RESPONSE');
    expect((error.cause as AdapterError).code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('refuses a request without an identifier before sending', async () => {
    const client = await start(() => ({ json: { error_code: 0 } }));
    await expect(client.lookup({ HoVaTen: 'Nguyễn Thị Lan' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(server!.requests).toHaveLength(0);
  });

  const request: EvidenceRequest = {
    subject: { type: 'personal-id', value: '038190012345' },
    wanted: [
      { kind: 'identity-fact', value: 'permanentResidence' },
      { kind: 'identity-fact', value: 'birthDate' },
      { kind: 'identity-fact', value: 'religion' },
    ],
    requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
    purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
    at: '2025-07-01T08:00:00+07:00',
  };

  it('as an evidence source: identity facts with the owner for record matching', async () => {
    const client = await start(() => ({ json: { error_code: 0, message: SOAP } }));
    const source = populationEvidenceSource({ client });
    expect(source).toMatchObject({ kind: 'population-database', supports: ['identity-fact'], requiresConsent: false });
    const answer = await source.lookup(request);
    expect(answer.status).toBe('found');
    if (answer.status !== 'found') return;
    expect(answer.items.map((i) => i.evidence.value)).toEqual(['permanentResidence', 'birthDate']);
    expect(answer.items[1]?.fact).toBe('1990-05-17');
    expect(answer.items[0]?.owner).toEqual({ name: 'Nguyễn Thị Lan', birthDate: '1990-05-17' });
    const sent = server!.requests[0]!.json as Record<string, unknown>;
    expect(sent).toMatchObject({ SoDinhDanh: '038190012345', MaDVC: '1.001193.01', MaCanBo: 'cb-0042' });
  });

  it('as an evidence source: transient failures are "unavailable" with retryAt, rejections "error"', async () => {
    const client = await start((_b, i) =>
      i < 4 ? { status: 503, headers: { 'Retry-After': '120' } } : { json: { error_code: '-2', message: 'Từ chối' } },
    );
    const source = populationEvidenceSource({ client, now: () => new Date('2025-07-01T01:00:00Z') });
    expect(await source.lookup(request)).toMatchObject({ status: 'unavailable', retryAt: '2025-07-01T01:02:00.000Z' });
    expect(await source.lookup(request)).toMatchObject({ status: 'error', code: '-2' });
    expect(await source.lookup({ ...request, subject: { type: 'passport', value: 'B1234567' } })).toMatchObject({
      status: 'error',
    });
  });
});
