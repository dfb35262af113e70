import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/canonical/load.ts';
import { validate } from '../registry.ts';
import type { IssuedDocument } from './issued-document.ts';

const issues = (d: unknown) => validate('issued-document', d).issues.map((i) => `${i.severity}:${i.code}@${i.path}`);

describe('issued document', () => {
  it('accepts validity ending on the (Vietnam) day of issue', () => {
    const d = fixture<IssuedDocument>('issued-document.valid.json');
    d.validity = { until: '2025-07-03' };
    expect(issues(d)).toEqual([]);
    // 18:00Z on 2 July is 3 July in Vietnam, so until 2025-07-02 ends before issue.
    d.issuedAt = '2025-07-02T18:00:00Z';
    d.validity = { until: '2025-07-02' };
    expect(issues(d)).toEqual(['error:CANON_VALIDITY_BEFORE_ISSUE@validity.until']);
  });

  it('warns when no file can be downloaded by DVCQG', () => {
    const d = fixture<IssuedDocument>('issued-document.valid.json');
    d.files = d.files.map(({ url: _url, ...rest }) => rest);
    expect(issues(d)).toEqual(['warning:CANON_RESULT_NO_FILE_URL@files']);
  });
});
