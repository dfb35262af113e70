/**
 * Test data and a manual clock for the store contract suite.
 */
import type { Clock } from '@motcua/core';
import type { AccessLogEntry, DigitizedDocument } from '@motcua/schemas';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: string) {
    this.#ms = Date.parse(start);
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(instant: string): void {
    this.#ms = Date.parse(instant);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export const OWNER_ID = '038190012345';
export const OTHER_ID = '001099012345';

/** A valid digitized result; override any field. */
export function makeDocument(overrides: Partial<DigitizedDocument> & { id: string }): DigitizedDocument {
  return {
    kind: 'result',
    resultCode: 'KQ.1.001193.01',
    name: 'Giấy khai sinh',
    referenceNumber: '123/2025/KS',
    issueDate: '2025-07-03',
    issuingAgency: { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' },
    summary: 'Giấy khai sinh của Nguyễn Minh An',
    validity: { permanent: true },
    owner: { identity: { type: 'personal-id', value: OWNER_ID }, name: 'Nguyễn Minh An' },
    signer: { name: 'Phạm Minh Tuấn', position: 'Chủ tịch' },
    files: [
      {
        id: 'tep-kq-0001',
        name: 'giay-khai-sinh.pdf',
        mediaType: 'application/pdf',
        size: 254_112,
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      },
    ],
    digitizedBy: { name: 'Lê Thị Hoa', agencyCode: '000.17.22.H56' },
    digitizedAt: '2025-07-03T10:20:00+07:00',
    status: { state: 'valid' },
    ...overrides,
  };
}

/** A valid access-log entry; override any field. */
export function makeEntry(overrides: Partial<AccessLogEntry> & { id: string }): AccessLogEntry {
  return {
    at: '2025-07-01T08:31:05+07:00',
    requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
    subject: { type: 'personal-id', value: OWNER_ID },
    purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
    lawfulBasis: 'legal-duty',
    source: 'local-store',
    outcome: 'found',
    documentsReturned: [{ documentId: 'gtsh-1', resultCode: 'KQ.1.001193.01' }],
    ...overrides,
  };
}
