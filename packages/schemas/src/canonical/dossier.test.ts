import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/canonical/load.ts';
import { validate } from '../registry.ts';
import {
  DOSSIER_STATUS_TO_DVCQG,
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  DVCQG_DOSSIER_STATUS_CODES,
  DVCQG_TO_DOSSIER_STATUS,
  dossierSchema,
  dossierWarnings,
} from './dossier.ts';

const base = (): Dossier => fixture<Dossier>('dossier.valid.json');
const warnings = (d: unknown) =>
  validate('dossier', d)
    .issues.filter((i) => i.severity === 'warning')
    .map((i) => `${i.code}@${i.path}`);
const errors = (d: unknown) =>
  validate('dossier', d)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => `${i.code}@${i.path}`);

/** The fixture cut back to its state at history entry `last` (inclusive). */
function atStep(last: number): Dossier {
  const d = base();
  d.statusHistory = d.statusHistory.slice(0, last + 1);
  const lastChange = d.statusHistory.at(-1);
  if (lastChange !== undefined) d.status = lastChange.status;
  return d;
}

describe('DVCQG status mapping', () => {
  it('maps the ten statuses to TrangThaiHoSo 1..10 in order', () => {
    expect(DOSSIER_STATUSES.map((s) => DOSSIER_STATUS_TO_DVCQG[s])).toEqual([...DVCQG_DOSSIER_STATUS_CODES]);
    expect(DVCQG_DOSSIER_STATUS_CODES).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(DOSSIER_STATUS_TO_DVCQG['supplement-requested']).toBe('5');
    expect(DVCQG_TO_DOSSIER_STATUS['9']).toBe('resolved');
  });

  it('property: the mapping is a bijection between canonical statuses and "1".."10"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOSSIER_STATUSES), (s) => {
        expect(DVCQG_TO_DOSSIER_STATUS[DOSSIER_STATUS_TO_DVCQG[s]]).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...DVCQG_DOSSIER_STATUS_CODES), (c) => {
        expect(DOSSIER_STATUS_TO_DVCQG[DVCQG_TO_DOSSIER_STATUS[c]]).toBe(c);
      }),
    );
    expect(new Set(Object.values(DOSSIER_STATUS_TO_DVCQG)).size).toBe(10);
    expect(new Set(Object.values(DVCQG_TO_DOSSIER_STATUS)).size).toBe(10);
    expect(Object.keys(DVCQG_TO_DOSSIER_STATUS).sort()).toEqual([...DVCQG_DOSSIER_STATUS_CODES].sort());
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DOSSIER_STATUS_TO_DVCQG)).toBe(true);
    expect(Object.isFrozen(DVCQG_TO_DOSSIER_STATUS)).toBe(true);
  });
});

describe('dossier lifecycle states', () => {
  it('accepts every intermediate state of the fixture', () => {
    for (let step = 1; step < base().statusHistory.length; step++) {
      const d = atStep(step);
      if (d.status !== 'returned' && d.status !== 'resolved') d.results = [];
      if (d.status === 'supplement-requested') {
        const round = d.supplementRequests[0];
        if (round !== undefined) delete round.resubmittedAt;
      }
      expect(errors(d), d.status).toEqual([]);
    }
  });

  it('a submitted dossier needs no reception instant', () => {
    const d = atStep(0);
    delete d.receivedAt;
    d.results = [];
    d.interAgencyLegs = [];
    expect(errors(d)).toEqual([]);
  });

  it.each(['rejected', 'withdrawn'] as const)('a dossier %s before reception needs no reception instant', (status) => {
    const d = atStep(0);
    delete d.receivedAt;
    d.results = [];
    d.interAgencyLegs = [];
    d.status = status;
    d.statusHistory.push({ status, at: '2025-07-01T08:10:00+07:00', actor: { name: 'Lê Thị Hoa' } });
    expect(errors(d)).toEqual([]);
  });

  it('awaiting a supplement needs an open supplement round', () => {
    const d = atStep(3);
    d.results = [];
    expect(errors(d)).toEqual(['CANON_DOSSIER_SUPPLEMENT_MISSING@supplementRequests']);
    delete d.supplementRequests[0]?.resubmittedAt;
    expect(errors(d)).toEqual([]);
  });

  it('compares instants, not strings, across offsets', () => {
    const d = base();
    // 01:31Z is 08:31+07:00, after reception at 08:30+07:00.
    d.submittedAt = '2025-07-01T01:29:00Z';
    expect(errors(d)).toEqual([]);
    d.submittedAt = '2025-07-01T01:31:00Z';
    expect(errors(d)).toEqual(['CANON_DOSSIER_SUBMITTED_AFTER_RECEIVED@submittedAt']);
  });

  it('does not compare with malformed instants (their own error is enough)', () => {
    const d = base();
    d.dueAt = '2025-02-30T17:00:00+07:00';
    expect(errors(d)).toEqual(['DATE_INVALID@dueAt']);
  });

  it('limits the summary to 1000 characters', () => {
    const d = base();
    d.summary = 'Đăng ký khai sinh '.repeat(60);
    expect(errors(d)).toEqual(['STRING_TOO_LONG@summary']);
  });
});

describe('dossier warnings', () => {
  it('the fixture has none', () => {
    expect(dossierWarnings(base())).toEqual([]);
  });

  it('resolved without a result', () => {
    const d = atStep(5);
    d.results = [];
    expect(warnings(d)).toEqual(['CANON_DOSSIER_NO_RESULT@results']);
  });

  it('online without any digitized or reused component', () => {
    const d = base();
    d.components = d.components.map((c) => {
      const { reuse: _reuse, ...rest } = c;
      return { ...rest, digitized: false };
    });
    expect(warnings(d)).toEqual(['CANON_DOSSIER_NO_DIGITIZED_COMPONENT@components']);
    d.channel = 'in-person';
    expect(warnings(d)).toEqual([]);
  });

  it('no status history', () => {
    const d = base();
    d.statusHistory = [];
    expect(warnings(d)).toEqual(['CANON_DOSSIER_NO_HISTORY@statusHistory']);
  });

  it('received without a due date', () => {
    const d = base();
    delete d.dueAt;
    expect(warnings(d)).toEqual(['CANON_DOSSIER_NO_DUE_DATE@dueAt']);
  });

  it('more than one supplement round', () => {
    const d = base();
    const first = d.supplementRequests[0];
    if (first !== undefined) d.supplementRequests.push({ ...first, id: 'bs-0002' });
    const r = validate('dossier', d, { lang: 'en' });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['CANON_DOSSIER_MULTIPLE_SUPPLEMENTS', 'supplementRequests', { count: 2 }],
    ]);
    expect(r.issues[0]?.message).toBe(
      'The dossier has 2 supplement requests: under Decision 766 a second request counts the dossier as late',
    );
  });

  it('dossier code not matching the receiving agency or the Vietnam reception day', () => {
    const d = base();
    d.receivingAgency = { code: '000.17.22.H56' };
    expect(warnings(d)).toEqual(['CANON_DOSSIER_CODE_AGENCY_MISMATCH@code']);
    const e = base();
    // 23:00 on 30 June in Vietnam: the code's 250701 is not the reception day.
    e.receivedAt = '2025-06-30T16:00:00Z';
    e.statusHistory = e.statusHistory.slice(0, 2);
    e.statusHistory[0] = { status: 'submitted', at: '2025-06-30T15:55:00Z', actor: { name: 'Nguyễn Thị Lan' } };
    e.statusHistory[1] = { status: 'received', at: '2025-06-30T16:00:00Z', actor: { name: 'Lê Thị Hoa' } };
    e.status = 'received';
    e.submittedAt = '2025-06-30T15:55:00Z';
    e.results = [];
    expect(warnings(e)).toEqual(['CANON_DOSSIER_CODE_DATE_MISMATCH@code']);
    // 17:00Z on 30 June is already 1 July in Vietnam: no warning.
    e.receivedAt = '2025-06-30T17:00:00Z';
    expect(warnings(e)).toEqual([]);
  });

  it('a QĐ 20/2020 agency code in the dossier code is a warning, not an error', () => {
    const d = base();
    d.code = 'H56.14-250701-0001';
    d.receivingAgency = { code: 'H56.14' };
    d.results = d.results.map((r) => ({ ...r, dossierCode: 'H56.14-250701-0001' }));
    expect(errors(d)).toEqual([]);
    expect(warnings(d)).toEqual(['ID_DOSSIER_AGENCY_QD20@code']);
  });

  it('a component from the DVCQG store not flagged as such', () => {
    const d = base();
    const reuse = d.components[2]?.reuse;
    if (reuse !== undefined) reuse.fromNationalStore = false;
    expect(warnings(d)).toEqual(['CANON_REUSE_NATIONAL_FLAG@components.2.reuse.fromNationalStore']);
  });

  it('forwards party and result warnings with their paths', () => {
    const d = base();
    d.applicant = { type: 'citizen', fullName: 'Nguyễn Thị Lan', identities: [] };
    d.submitter = { type: 'citizen', fullName: 'Nguyễn Văn Nam', identities: [{ type: 'cmnd', value: '000000001' }] };
    const result = d.results[0];
    if (result !== undefined) result.files = [];
    expect(warnings(d)).toEqual([
      'CANON_PARTY_NO_IDENTITY@applicant',
      'ID_CMND_PLACEHOLDER@submitter.identities.0.value',
      'CANON_RESULT_NO_FILE_URL@results.0.files',
    ]);
  });
});

// ---------------------------------------------------------------------------------
// Generated valid dossiers

const HOUR = 3_600_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const OFFSETS = [420, 0, 540, -300] as const;

function iso(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const vietnamDay = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);

/** Status paths through the lifecycle (as @motcua/core allows) ending in each status. */
const PATHS: Readonly<Record<DossierStatus, DossierStatus[][]>> = {
  submitted: [['submitted']],
  received: [['submitted', 'received'], ['received']],
  rejected: [['submitted', 'rejected']],
  processing: [['submitted', 'received', 'processing']],
  'supplement-requested': [['received', 'processing', 'supplement-requested']],
  'financial-obligation': [['submitted', 'received', 'processing', 'financial-obligation']],
  withdrawn: [
    ['submitted', 'withdrawn'],
    ['received', 'processing', 'withdrawn'],
  ],
  stopped: [['received', 'processing', 'stopped']],
  resolved: [['submitted', 'received', 'processing', 'resolved']],
  returned: [['received', 'processing', 'supplement-requested', 'processing', 'resolved', 'returned']],
};

const NAMES = ['Nguyễn Thị Lan', 'Trần Văn Bình', 'Lê Thị Hồng Nhung', 'Phạm Đức Anh', 'Hoàng Thị Thu Hà'];
const PROVINCES = ['001', '038', '040', '079', '048'];
const TAX_CODES = ['0100109106', '0106001236', '0100109106-001'];

const personalIdArb = fc
  .tuple(
    fc.constantFrom(...PROVINCES),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 99 }),
    fc.nat(999_999),
  )
  .filter(([, g, yy]) => g < 2 || 2000 + yy <= 2024)
  .map(([p, g, yy, r]) => `${p}${g}${pad(yy)}${pad(r, 6)}`);

const partyArb = fc.oneof(
  fc.record({
    type: fc.constant('citizen' as const),
    fullName: fc.constantFrom(...NAMES),
    identities: fc.array(
      personalIdArb.map((value) => ({ type: 'personal-id' as const, value })),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  }),
  fc.record({
    type: fc.constant('organisation' as const),
    kind: fc.constantFrom('business' as const, 'other' as const),
    name: fc.constantFrom('Công ty TNHH Thương mại Hạc Thành', 'Hợp tác xã Nông nghiệp Quảng Phú'),
    taxCode: fc.constantFrom(...TAX_CODES),
  }),
);

const hexArb = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
const fileArb = fc.record(
  {
    id: fc.uuid(),
    name: fc.constantFrom('to-khai.pdf', 'giay-chung-sinh.jpg', 'ban-sao-cccd.png'),
    mediaType: fc.constantFrom('application/pdf', 'image/jpeg', 'image/png'),
    size: fc.nat(50_000_000),
    sha256: hexArb,
    url: fc.uuid().map((u) => `https://motcua.thanhhoa.gov.vn/files/${u}`),
  },
  { requiredKeys: ['id', 'name', 'mediaType', 'size', 'sha256'] },
);

const componentArb = fc.record(
  {
    componentCode: fc.constantFrom('TP01', 'TP02', 'TP03'),
    name: fc.constantFrom('Tờ khai', 'Bản sao giấy chứng sinh', 'Giấy chứng nhận kết hôn'),
    files: fc.array(fileArb, { maxLength: 2 }),
    digitized: fc.boolean(),
    reuse: fc.record(
      {
        source: fc.constantFrom('dvcqg-store' as const, 'local-store' as const, 'population-database' as const),
        resultCode: fc.constant('KQ.1.000894.01'),
        fromNationalStore: fc.boolean(),
      },
      { requiredKeys: ['source', 'fromNationalStore'] },
    ),
  },
  { requiredKeys: ['componentCode', 'name', 'files', 'digitized'] },
);

const dossierArb: fc.Arbitrary<Dossier> = fc
  .record({
    status: fc.constantFrom(...DOSSIER_STATUSES),
    pathChoice: fc.nat(1),
    start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 1) }),
    gaps: fc.array(fc.integer({ min: 1, max: 72 * 60 }), { minLength: 6, maxLength: 6 }),
    offsets: fc.array(fc.constantFrom(...OFFSETS), { minLength: 12, maxLength: 12 }),
    dueDays: fc.integer({ min: 0, max: 60 }),
    sequence: fc.integer({ min: 1, max: 9999 }),
    channel: fc.constantFrom('in-person' as const, 'online' as const, 'postal' as const),
    applicant: partyArb,
    components: fc.array(componentArb, { maxLength: 3 }),
    fees: fc.array(
      fc.record({
        name: fc.constantFrom('Lệ phí đăng ký', 'Phí thẩm định'),
        amount: fc.integer({ min: 0, max: 100_000_000 }),
        feeType: fc.constantFrom('ordinary' as const, 'appraisal' as const, 'extension' as const),
        collectionStage: fc.constantFrom('on-reception' as const, 'on-supplement' as const, 'on-result' as const),
      }),
      { maxLength: 2 },
    ),
    vneidVerified: fc.boolean(),
    databases: fc.subarray(['population', 'enterprise', 'civil-status'] as const),
    legFinishes: fc.boolean(),
  })
  .map((g): Dossier => {
    const paths = PATHS[g.status];
    const path = paths[g.pathChoice % paths.length] ?? ['submitted'];
    const times: number[] = [];
    let t = g.start;
    for (const [i] of path.entries()) {
      times.push(t);
      t += (g.gaps[i] ?? 1) * 60_000;
    }
    const at = (i: number) => iso(times[i] ?? g.start, g.offsets[i] ?? 420);
    const receivedIndex = path.indexOf('received');
    const receivedMs = receivedIndex >= 0 ? times[receivedIndex] : undefined;
    const codeDay = vietnamDay(receivedMs ?? g.start)
      .slice(2)
      .replaceAll('-', '');
    const code = `000.00.00.H56-${codeDay}-${pad(g.sequence, 4)}`;
    const d: Dossier = {
      id: `hs-${g.sequence}`,
      code,
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
      receivingAgency: { code: '000.00.00.H56' },
      channel: g.channel,
      applicant: g.applicant,
      status: g.status,
      statusHistory: path.map((status, i) => ({ status, at: at(i), actor: { name: 'Lê Thị Hoa' } })),
      components: g.components,
      fees: g.fees,
      payments: [],
      supplementRequests: [],
      interAgencyLegs: [],
      results: [],
      vneidVerified: g.vneidVerified,
      nationalDatabasesConsulted: [...g.databases],
    };
    if (path[0] === 'submitted') d.submittedAt = at(0);
    if (receivedMs !== undefined) {
      d.receivedAt = at(receivedIndex);
      d.dueAt = iso(receivedMs + g.dueDays * 24 * HOUR, g.offsets[10] ?? 420);
      d.interAgencyLegs.push({
        agencyCode: '000.25.30.H56',
        direction: 'horizontal',
        deadlineShare: { amount: 1, unit: 'working-days' },
        status: g.legFinishes ? 'completed' : 'processing',
        startedAt: iso(receivedMs + HOUR, g.offsets[11] ?? 0),
        ...(g.legFinishes ? { finishedAt: iso(receivedMs + 2 * HOUR, 420) } : {}),
      });
    }
    path.forEach((status, i) => {
      if (status === 'supplement-requested') {
        const requestedAt = times[i] ?? g.start;
        const round: Dossier['supplementRequests'][number] = {
          requestedAt: at(i),
          requestedBy: 'Lê Thị Hoa',
          content: 'Bổ sung bản sao giấy chứng sinh',
        };
        const next = times[i + 1];
        if (next !== undefined) round.resubmittedAt = iso(next, 420);
        else round.dueBefore = iso(requestedAt + 24 * HOUR, 420);
        d.supplementRequests.push(round);
      }
      if (status === 'resolved') {
        d.results.push({
          id: `kq-${g.sequence}`,
          resultCode: 'KQ.1.001193.01',
          name: 'Giấy khai sinh',
          referenceNumber: `${g.sequence}/2025/KS`,
          issuedAt: at(i),
          issuingAgency: { name: 'UBND phường Hạc Thành' },
          validity: { permanent: true },
          files: [],
          dossierCode: code,
        });
      }
    });
    return d;
  });

describe('generated dossiers', () => {
  it('property: every generated valid dossier passes, whatever its status, offsets and parties', () => {
    fc.assert(
      fc.property(dossierArb, (d) => {
        const r = dossierSchema.safeParse(d);
        expect(r.success ? [] : r.error.issues).toEqual([]);
        const v = validate('dossier', d, { lang: 'en' });
        expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(v.ok).toBe(true);
        expect(JSON.parse(JSON.stringify(v.value))).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });

  it('property: breaking the order of a generated history is always caught', () => {
    fc.assert(
      fc.property(
        dossierArb.filter((d) => d.statusHistory.length >= 2),
        (d) => {
          const first = d.statusHistory[0];
          const second = d.statusHistory[1];
          if (first === undefined || second === undefined) return;
          second.at = iso(Date.parse(first.at) - 60_000, 420);
          expect(errors(d)).toContain('CANON_DOSSIER_HISTORY_ORDER@statusHistory.1.at');
        },
      ),
      { numRuns: 100 },
    );
  });
});
