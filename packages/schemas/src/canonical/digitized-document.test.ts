import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/canonical/load.ts';
import { validate } from '../registry.ts';
import type { DigitizedDocument } from './digitized-document.ts';

const issues = (d: unknown) => validate('digitized-document', d).issues.map((i) => `${i.severity}:${i.code}@${i.path}`);
const base = () => fixture<DigitizedDocument>('digitized-document.valid.json');

describe('digitized document', () => {
  it('accepts a component identified by document type, and a component identified by result code', () => {
    const d = base();
    d.kind = 'dossier-component';
    delete d.resultCode;
    d.documentType = 'GT-CCCD';
    expect(issues(d)).toEqual([]);
    const e = base();
    e.kind = 'dossier-component';
    expect(issues(e)).toEqual([]);
  });

  it('accepts digitization on the day of issue, in any offset', () => {
    const d = base();
    d.digitizedAt = '2025-07-02T17:00:00Z'; // 00:00 on 3 July in Vietnam
    expect(issues(d)).toEqual([]);
  });

  it('accepts revoked and superseded papers with a reason', () => {
    const d = base();
    d.status = { state: 'revoked', reason: 'Hủy do cấp sai thẩm quyền', at: '2026-01-05T09:00:00+07:00' };
    expect(issues(d)).toEqual([]);
    d.status = { state: 'superseded', reason: 'Cấp đổi', at: '2026-01-05T09:00:00+07:00', supersededBy: 'gtsh-001204' };
    expect(issues(d)).toEqual([]);
  });

  it('warns when the paper had expired when it was digitized', () => {
    const d = base();
    d.issueDate = '2015-03-01';
    d.validity = { until: '2025-07-02' };
    const r = validate('digitized-document', d, { lang: 'vi' });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['CANON_DIGITIZED_EXPIRED', 'validity.until', { until: '2025-07-02', digitizedOn: '2025-07-03' }],
    ]);
    expect(r.issues[0]?.message).toBe(
      'Giấy tờ đã hết hiệu lực (2025-07-02) khi được số hóa (2025-07-03); không được dùng để tái sử dụng',
    );
    d.validity = { until: '2025-07-03' };
    expect(issues(d)).toEqual([]);
  });

  it('warns when a digitized result lacks expected metadata', () => {
    const d = base();
    delete d.referenceNumber;
    delete d.issuingAgency;
    const r = validate('digitized-document', d, { lang: 'en' });
    expect(r.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['CANON_DIGITIZED_METADATA_INCOMPLETE', '', { fields: 'referenceNumber, issuingAgency' }],
    ]);
    d.kind = 'dossier-component';
    expect(issues(d)).toEqual([]);
  });

  it('forwards owner identifier warnings', () => {
    const d = base();
    d.owner.identity = { type: 'tax-code', value: '0100000050' };
    expect(issues(d)).toEqual(['warning:ID_TAX_CHECK_DIGIT_UNVERIFIABLE@owner.identity.value']);
  });
});
