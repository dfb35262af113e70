import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/canonical/load.ts';
import { validate } from '../registry.ts';
import type { AccessLogEntry } from './access-log-entry.ts';

const issues = (e: unknown) => validate('access-log-entry', e).issues.map((i) => `${i.severity}:${i.code}@${i.path}`);
const base = () => fixture<AccessLogEntry>('access-log-entry.valid.json');

describe('access-log entry', () => {
  it('accepts a citizen looking up their own data without an agency, purpose given as text', () => {
    const e = base();
    e.requester = { type: 'citizen', id: 'dvcqg-3f9a1c' };
    e.purpose = { procedureCode: '1.001193', text: 'Điền sẵn tờ khai đăng ký khai sinh' };
    expect(issues(e)).toEqual([]);
  });

  it('accepts a consent-based look-up with its consent reference', () => {
    const e = base();
    e.lawfulBasis = 'consent';
    e.consentReference = 'dong-y-2025-000045';
    expect(issues(e)).toEqual([]);
  });

  it('records failures too, and warns when the reason is missing', () => {
    const e = base();
    e.outcome = 'source-unavailable';
    e.documentsReturned = [];
    e.unavailableUntil = '2025-07-01T09:00:00+07:00';
    expect(issues(e)).toEqual(['warning:CANON_ACCESS_NO_ERROR_DETAIL@error']);
    e.error = { code: '503', message: 'Kho số hóa DVCQG tạm ngừng phục vụ' };
    expect(issues(e)).toEqual([]);
    e.outcome = 'not-found';
    delete e.error;
    expect(issues(e)).toEqual([]);
  });
});
