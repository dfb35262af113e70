import { createReuseEngine, type EvidenceRequest, fixedClock, InMemoryAccessLog } from '@motcua/core';
import type { Procedure } from '@motcua/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReceivedRequest, type Reply, startServer, type TestServer } from '../../test/support/http-server.ts';
import { PortalError } from '../errors.ts';
import { createDigitizationClient, digitizationEvidenceSource, storeDocumentId } from './client.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n');

const found = {
  errorCode: '0',
  message: 'Thành công',
  signature: 'c2lnbmF0dXJl',
  result: {
    DanhSachGiayToKetQua: [
      {
        MaKetQua: 'KQ.1.000894.01',
        TenGiayTo: 'Giấy chứng nhận kết hôn',
        SoKyHieu: '12/2020/GCNKH',
        CoQuanChuQuan: 'UBND phường Hạc Thành',
        DanhSachTepDinhKem: [{ TenTep: 'ket-hon.pdf', DuongDan: '/kho/2020/ket-hon-0012.pdf' }],
      },
      { MaKetQua: 'KQ.9.999999.01', TenGiayTo: 'Không hỏi', CoQuanChuQuan: 'X' },
    ],
  },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(reply: (r: ReceivedRequest, i: number) => Reply) {
  server = await startServer(reply);
  return createDigitizationClient({
    lookupUrl: `${server.url}/GetKetQuaGiayTo`,
    downloadUrl: `${server.url}/GetGiayToByUrl`,
    headers: { dstcode: 'VN:GOV:000.00.00.G22:KHOSOHOA' },
    sleep: async () => {},
  });
}

const storeHandler = (r: ReceivedRequest): Reply =>
  r.path === '/GetKetQuaGiayTo'
    ? { json: found }
    : { bytes: PDF, headers: { 'content-type': 'application/pdf; name="ket-hon.pdf"' } };

const request: EvidenceRequest = {
  subject: { type: 'personal-id', value: '038190012345' },
  wanted: [{ kind: 'result-code', value: 'KQ.1.000894.01' }],
  requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
  purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
  at: '2025-07-01T08:00:00+07:00',
};

describe('digitization store client (real socket)', () => {
  it('GetKetQuaGiayTo: sends the §15.2 request, reads the camelCase errorCode answer', async () => {
    const client = await start(storeHandler);
    const answer = await client.getKetQuaGiayTo({
      SoDinhDanhChuSoHuu: '038190012345',
      HoTenNguoiYeuCau: 'Lê Thị Hoa',
      KenhThucHien: '1',
      MaThuTuc: '1.001193',
      DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ.1.000894.01', SoKyHieu: '' }],
    });
    expect(answer.result?.DanhSachGiayToKetQua).toHaveLength(2);
    expect(server!.requests[0]!.headers.dstcode).toBe('VN:GOV:000.00.00.G22:KHOSOHOA');
  });

  it('a non-success errorCode is PORTAL_REJECTED; a bad owner id is refused before sending', async () => {
    const client = await start(() => ({ json: { errorCode: '404', message: 'Không có dữ liệu' } }));
    await expect(
      client.getKetQuaGiayTo({
        SoDinhDanhChuSoHuu: '038190012345',
        MaThuTuc: '1.001193',
        DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ' }],
      }),
    ).rejects.toMatchObject({ code: 'PORTAL_REJECTED', errorCode: '404' });
    await expect(
      client.getKetQuaGiayTo({
        SoDinhDanhChuSoHuu: '12',
        MaThuTuc: '1.001193',
        DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ' }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(server!.requests).toHaveLength(1);
  });

  it('GetGiayToByUrl: the bytes, their media type and SHA-256; a JSON answer is a rejection', async () => {
    const client = await start((_r, i) =>
      i === 0
        ? storeHandler({ path: '/GetGiayToByUrl' } as ReceivedRequest)
        : { json: { errorCode: '2', message: 'Không tìm thấy tệp' } },
    );
    const f = await client.download({ CoQuanChuQuan: 'UBND phường Hạc Thành', DuongDan: '/kho/2020/ket-hon-0012.pdf' });
    expect(f.mediaType).toBe('application/pdf');
    expect(f.bytes).toEqual(PDF);
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(client.download({ CoQuanChuQuan: 'X', DuongDan: '/y' })).rejects.toBeInstanceOf(PortalError);
  });
});

describe('digitization store as an evidence source', () => {
  it('answers only the wanted result codes, counted as from the national store', async () => {
    const client = await start(storeHandler);
    const source = digitizationEvidenceSource({ client, requesterName: () => 'Lê Thị Hoa' });
    expect(source).toMatchObject({ kind: 'dvcqg-store', supports: ['result-code'], fromNationalStore: true });
    const answer = await source.lookup(request);
    expect(answer.status).toBe('found');
    if (answer.status !== 'found') return;
    expect(answer.items).toEqual([
      {
        evidence: { kind: 'result-code', value: 'KQ.1.000894.01' },
        documentId: 'UBND phường Hạc Thành|KQ.1.000894.01|12/2020/GCNKH',
        name: 'Giấy chứng nhận kết hôn',
        referenceNumber: '12/2020/GCNKH',
        issuer: { name: 'UBND phường Hạc Thành' },
        status: { state: 'valid' },
      },
    ]);
    expect(server!.requests[0]!.json).toEqual({
      SoDinhDanhChuSoHuu: '038190012345',
      KenhThucHien: '1',
      SoDinhDanhNguoiYeuCau: 'cb-0042',
      MaThuTuc: '1.001193',
      DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ.1.000894.01', SoKyHieu: '' }],
      HoTenNguoiYeuCau: 'Lê Thị Hoa',
    });
  });

  it('fetchFiles: downloads and describes each file', async () => {
    const client = await start(storeHandler);
    const answer = await digitizationEvidenceSource({ client, fetchFiles: true }).lookup(request);
    expect(answer.status === 'found' && answer.items[0]?.files).toEqual([
      {
        id: '/kho/2020/ket-hon-0012.pdf',
        name: 'ket-hon.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it('plugs into the reuse engine: the component is reused and the look-up is logged', async () => {
    const client = await start(storeHandler);
    const clock = fixedClock('2025-07-01T08:00:00+07:00');
    const accessLog = new InMemoryAccessLog();
    const engine = createReuseEngine({ sources: [digitizationEvidenceSource({ client })], accessLog, clock });
    const procedure: Procedure = {
      code: '1.001193',
      localCodes: [],
      name: 'Thủ tục đăng ký khai sinh',
      fields: [{ code: 'G15-HT01', name: 'Hộ tịch' }],
      publishingAgency: { code: '000.00.00.G15' },
      implementingAgencies: [],
      applicantTypes: ['citizen'],
      channels: [],
      onlineLevel: 'none',
      components: [
        {
          code: 'TP03',
          name: 'Giấy chứng nhận kết hôn của cha, mẹ',
          required: false,
          templates: [],
          replaceableBy: [{ kind: 'result-code', value: 'KQ.1.000894.01' }],
        },
      ],
      results: [],
      legalBasis: [],
    };
    const plan = await engine.plan({
      procedure,
      applicant: {
        type: 'citizen',
        fullName: 'Nguyễn Thị Lan',
        identities: [{ type: 'personal-id', value: '038190012345' }],
      },
      requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
      purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
      at: clock.now(),
    });
    expect(plan.components[0]?.outcome).toBe('reused');
    expect(plan.components[0]?.flags).toMatchObject({ DuocLayTuKhoDMQG: '1' });
    const log = await accessLog.bySubject({ type: 'personal-id', value: '038190012345' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ source: 'dvcqg-store', outcome: 'found' });
  });

  it('transient failures → unavailable; rejections → error', async () => {
    const client = await start((_r, i) =>
      i < 4 ? { destroy: true } : { json: { errorCode: '403', message: 'Từ chối' } },
    );
    const source = digitizationEvidenceSource({
      client,
      now: () => new Date('2025-07-01T01:00:00Z'),
      retryAfterMs: 60_000,
    });
    expect(await source.lookup(request)).toMatchObject({ status: 'unavailable', retryAt: '2025-07-01T01:01:00.000Z' });
    expect(await source.lookup(request)).toMatchObject({ status: 'error', code: '403' });
    expect(storeDocumentId({})).toBe('||');
  });
});
