import { describe, expect, it } from 'vitest';
import { describeAccessLogEntry } from './access-log-view.ts';

const entry = {
  id: 'log-1',
  at: '2025-07-01T01:31:05Z',
  requester: { type: 'officer' as const, id: 'cb-0042', agencyCode: '000.17.22.H56' },
  subject: { type: 'personal-id' as const, value: '038190012345' },
  purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
  lawfulBasis: 'legal-duty' as const,
  source: 'dvcqg-store' as const,
  outcome: 'found' as const,
  documentsReturned: [{ resultCode: 'KQ.1.001193.01', referenceNumber: '123/2025/KS' }],
};

describe('describeAccessLogEntry', () => {
  it('says who read what, where, when, why and with what outcome, in Vietnam time, without the subject’s number', () => {
    const vi = describeAccessLogEntry(entry);
    expect(vi).toBe(
      '01/07/2025 08:31 — Cán bộ cb-0042 (cơ quan 000.17.22.H56) tra cứu Kho dữ liệu số hóa của Cổng DVCQG để giải quyết thủ tục 1.001193, hồ sơ 000.17.22.H56-250701-0001: tìm thấy 1 giấy tờ (KQ.1.001193.01 số 123/2025/KS).',
    );
    expect(vi).not.toContain('038190012345');
    expect(describeAccessLogEntry(entry, 'en')).toContain('found 1 paper (KQ.1.001193.01 no. 123/2025/KS)');
  });

  it('explains failures and consent', () => {
    const failed = describeAccessLogEntry({
      ...entry,
      requester: { type: 'citizen', id: 'vneid-77' },
      purpose: { procedureCode: '1.001193', text: 'Nộp hồ sơ trực tuyến' },
      lawfulBasis: 'consent',
      consentReference: 'consent-1',
      source: 'population-database',
      outcome: 'source-unavailable',
      documentsReturned: [],
      unavailableUntil: '2025-07-01T09:00:00+07:00',
      error: { message: 'Hệ thống đang bảo trì' },
    });
    expect(failed).toContain('Bạn (tài khoản vneid-77)');
    expect(failed).toContain('theo sự đồng ý consent-1 của bạn');
    expect(failed).toContain('“Nộp hồ sơ trực tuyến”');
    expect(failed).toContain(
      'nguồn dữ liệu tạm thời không phản hồi: Hệ thống đang bảo trì, thử lại sau 2025-07-01T09:00:00+07:00',
    );
  });
});
