import {
  type AccessLogEntry,
  accessLogEntrySchema,
  type CitizenParty,
  type DigitizedDocument,
  type Procedure,
  procedureSchema,
} from '@motcua/schemas';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../ports.ts';
import { InMemoryConsentRegistry } from './consent.ts';
import { ReuseError } from './errors.ts';
import { InMemoryAccessLog, InMemoryWarehouseStore } from './in-memory-warehouse-store.ts';
import { type ComponentPlan, createReuseEngine, type ReuseEngineOptions, type ReusePlanRequest } from './plan.ts';
import type { AccessLog, EvidenceAnswer, EvidenceRequest, EvidenceSource } from './ports.ts';
import { EvidenceRegistry } from './registry.ts';
import { warehouseEvidenceSource } from './warehouse-source.ts';

const AT = '2025-07-01T08:00:00+07:00';
const ID = '038190012345';
const clock = fixedClock('2025-07-01T08:00:05+07:00');

const procedure: Procedure = {
  code: '1.001193',
  localCodes: ['1.001193.000.00.00.H56'],
  name: 'Thủ tục đăng ký khai sinh',
  fields: [{ code: 'G15-HT01', name: 'Hộ tịch' }],
  publishingAgency: { code: '000.00.00.G15', name: 'Bộ Tư pháp' },
  implementingAgencies: [{ name: 'Ủy ban nhân dân cấp xã' }],
  applicantTypes: ['citizen'],
  channels: [{ channel: 'online', processingTime: { amount: 1, unit: 'working-days' }, fees: [] }],
  onlineLevel: 'full-online',
  components: [
    {
      code: 'TP01',
      name: 'Giấy chứng nhận kết hôn của cha mẹ',
      required: true,
      templates: [],
      replaceableBy: [{ kind: 'result-code', value: 'KQ.1.000894.01' }],
    },
    {
      code: 'TP02',
      name: 'Giấy tờ chứng minh nơi cư trú',
      required: true,
      templates: [],
      replaceableBy: [{ kind: 'identity-fact', value: 'residence' }],
    },
    { code: 'TP03', name: 'Tờ khai đăng ký khai sinh', required: true, templates: [], replaceableBy: [] },
  ],
  results: [{ resultCode: 'KQ.1.001193.01', name: 'Giấy khai sinh' }],
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
};

const applicant: CitizenParty = {
  type: 'citizen',
  fullName: 'Nguyễn Thị Hòa',
  birthDate: '1990-05-17',
  identities: [{ type: 'personal-id', value: ID }],
};

function request(overrides: Partial<ReusePlanRequest> = {}): ReusePlanRequest {
  return {
    procedure,
    applicant,
    requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
    purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
    at: AT,
    ...overrides,
  };
}

function marriage(overrides: Partial<DigitizedDocument> & { id: string }): DigitizedDocument {
  return {
    kind: 'result',
    resultCode: 'KQ.1.000894.01',
    name: 'Giấy chứng nhận kết hôn',
    referenceNumber: '45/2019/KH',
    issueDate: '2019-03-02',
    issuingAgency: { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' },
    validity: { permanent: true },
    owner: { identity: { type: 'personal-id', value: ID }, name: 'NGUYỄN THỊ HOÀ' },
    files: [
      {
        id: 'tep-1',
        name: 'kh.pdf',
        mediaType: 'application/pdf',
        size: 1000,
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      },
    ],
    digitizedBy: { name: 'Lê Thị Hoa', agencyCode: '000.17.22.H56' },
    digitizedAt: '2019-03-02T10:00:00+07:00',
    status: { state: 'valid' },
    ...overrides,
  };
}

/** A source answering from a function, counting its calls. */
function fakeSource(
  partial: Partial<EvidenceSource> & {
    id: string;
    answer: (r: EvidenceRequest) => EvidenceAnswer | Promise<EvidenceAnswer>;
  },
): EvidenceSource & { calls: EvidenceRequest[] } {
  const calls: EvidenceRequest[] = [];
  return {
    kind: 'other',
    supports: ['result-code'],
    requiresConsent: false,
    fromNationalStore: false,
    ...partial,
    calls,
    async lookup(r) {
      calls.push(r);
      return partial.answer(r);
    },
  };
}

let warehouse: InMemoryWarehouseStore;
let log: InMemoryAccessLog;
let ids: number;

function engine(extra: Partial<ReuseEngineOptions> = {}) {
  return createReuseEngine({
    sources: [warehouseEvidenceSource(warehouse)],
    accessLog: log,
    clock,
    newId: () => `log-${++ids}`,
    ...extra,
  });
}

const component = (plan: { components: ComponentPlan[] }, code: string): ComponentPlan => {
  const c = plan.components.find((x) => x.componentCode === code);
  if (c === undefined) throw new Error(`no ${code}`);
  return c;
};

const logged = async (): Promise<AccessLogEntry[]> => log.bySubject({ type: 'personal-id', value: ID });

beforeEach(() => {
  warehouse = new InMemoryWarehouseStore({ clock });
  log = new InMemoryAccessLog();
  ids = 0;
  expect(procedureSchema.safeParse(procedure).success).toBe(true);
});

describe('plan: mandatory context', () => {
  it('refuses a plan without purpose or requester, with a typed error', async () => {
    const e = engine();
    const cases: Array<[Partial<ReusePlanRequest>, string]> = [
      [{ purpose: undefined as never }, 'PURPOSE_REQUIRED'],
      [{ purpose: { procedureCode: '1.001193' } }, 'PURPOSE_REQUIRED'],
      [{ purpose: { procedureCode: '', text: 'x' } }, 'PURPOSE_REQUIRED'],
      [{ purpose: { procedureCode: '2.000001', text: 'Khai sinh' } }, 'PURPOSE_PROCEDURE_MISMATCH'],
      [{ requester: undefined as never }, 'REQUESTER_REQUIRED'],
      [{ requester: { type: 'officer', id: 'cb-1' } }, 'REQUESTER_REQUIRED'],
      [{ requester: { type: 'officer', id: ' ', agencyCode: '000.17.22.H56' } }, 'REQUESTER_REQUIRED'],
      [{ applicant: { ...applicant, identities: [] } }, 'APPLICANT_IDENTITY_REQUIRED'],
      [{ at: '2025-07-01 08:00' }, 'INVALID_INSTANT'],
    ];
    for (const [overrides, reason] of cases) {
      const error = await e.plan(request(overrides)).catch((x: unknown) => x);
      expect(error, reason).toBeInstanceOf(ReuseError);
      expect((error as ReuseError).reason, JSON.stringify(overrides)).toBe(reason);
      expect((error as ReuseError).code).toBe('INVALID_ARGUMENT');
    }
    expect(await logged()).toEqual([]);
  });

  it('accepts a localized procedure code and a free-text purpose for a citizen requester', async () => {
    const plan = await engine().plan(
      request({
        requester: { type: 'citizen', id: 'vneid-1' },
        purpose: { procedureCode: '1.001193.000.00.00.H56', text: 'Nộp trực tuyến' },
      }),
    );
    expect(plan.procedureCode).toBe('1.001193');
  });
});

describe('plan: reuse from the local warehouse', () => {
  it('reuses a valid stored result with provenance, flags and a logged look-up', async () => {
    await warehouse.put(marriage({ id: 'kh-1' }));
    const plan = await engine().plan(request());
    const tp01 = component(plan, 'TP01');
    expect(tp01.outcome).toBe('reused');
    if (tp01.outcome !== 'reused') return;
    expect(tp01.provenance).toMatchObject({
      sourceId: 'local-warehouse',
      source: 'local-store',
      documentId: 'kh-1',
      referenceNumber: '45/2019/KH',
      issueDate: '2019-03-02',
      issuer: { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' },
      validity: { permanent: true },
      retrievedAt: '2025-07-01T08:00:05+07:00',
      accessLogEntryId: 'log-1',
      ownerMatch: { name: { verdict: 'match', differences: ['case', 'tone-placement'] } },
    });
    expect(tp01.reuse).toEqual({
      source: 'local-store',
      fromNationalStore: false,
      resultCode: 'KQ.1.000894.01',
      documentId: 'kh-1',
    });
    expect(tp01.flags).toEqual({
      MaThanhPhanHoSo: 'TP01',
      DuocTaiSuDung: '2',
      MaKetQuaThayThe: 'KQ.1.000894.01',
      DuocLayTuKhoDMQG: '0',
    });
    expect(component(plan, 'TP03')).toMatchObject({ outcome: 'must-submit', flags: { DuocTaiSuDung: '0' } });
    expect(component(plan, 'TP02')).toMatchObject({ outcome: 'not-reusable', reasons: [{ code: 'no-source' }] });
    expect(plan.flags.dossier).toEqual({ HoSoCoThanhPhanSoHoa: '1' });
    expect(plan.flags.components.map((f) => f.MaThanhPhanHoSo)).toEqual(['TP01', 'TP02', 'TP03']);
    const entries = await logged();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      id: 'log-1',
      at: '2025-07-01T08:00:05+07:00',
      requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
      subject: { type: 'personal-id', value: ID },
      purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
      lawfulBasis: 'legal-duty',
      source: 'local-store',
      outcome: 'found',
      documentsReturned: [{ documentId: 'kh-1', resultCode: 'KQ.1.000894.01', referenceNumber: '45/2019/KH' }],
    });
    expect(plan.lookups).toEqual([
      { sourceId: 'local-warehouse', source: 'local-store', outcome: 'found', accessLogEntryId: 'log-1' },
    ]);
  });

  it('says why a stored paper cannot be reused: expired, revoked, superseded, not yet issued', async () => {
    const cases: Array<[Partial<DigitizedDocument>, string, string | undefined]> = [
      [{ issueDate: '2020-01-01', validity: { until: '2025-06-30' } }, 'expired', '2025-06-30'],
      [
        { status: { state: 'revoked', reason: 'Hủy kết hôn trái pháp luật', at: '2025-06-01T00:00:00+07:00' } },
        'revoked',
        '2025-06-01T00:00:00+07:00',
      ],
      [
        { status: { state: 'superseded', reason: 'Cấp lại', at: '2025-06-01T00:00:00+07:00' } },
        'superseded',
        '2025-06-01T00:00:00+07:00',
      ],
      [{ issueDate: '2025-07-02', digitizedAt: '2025-07-02T10:00:00+07:00' }, 'not-yet-valid', '2025-07-02'],
    ];
    for (const [overrides, code, since] of cases) {
      warehouse = new InMemoryWarehouseStore({ clock });
      await warehouse.put(marriage({ id: 'kh', ...overrides }));
      const tp01 = component(await engine().plan(request()), 'TP01');
      expect(tp01.outcome, code).toBe('not-reusable');
      if (tp01.outcome !== 'not-reusable') continue;
      expect(tp01.reasons, code).toEqual([
        expect.objectContaining({ code, since, documentId: 'kh', sourceId: 'local-warehouse' }),
      ]);
      expect(tp01.flags.DuocTaiSuDung).toBe('0');
    }
  });

  it('prefers a valid paper over a revoked newer one, and reports none-found when nothing is stored', async () => {
    await warehouse.putMany([
      marriage({ id: 'old-valid', issueDate: '2019-03-02' }),
      marriage({
        id: 'new-revoked',
        issueDate: '2024-01-01',
        digitizedAt: '2024-01-01T10:00:00+07:00',
        status: { state: 'revoked', reason: 'x', at: '2024-06-01T00:00:00+07:00' },
      }),
    ]);
    const tp01 = component(await engine().plan(request()), 'TP01');
    expect(tp01.outcome === 'reused' && tp01.provenance.documentId).toBe('old-valid');

    warehouse = new InMemoryWarehouseStore({ clock });
    const empty = await engine().plan(request());
    expect(component(empty, 'TP01')).toMatchObject({
      outcome: 'not-reusable',
      reasons: [{ code: 'none-found', evidence: { value: 'KQ.1.000894.01' } }],
    });
    const entry = (await logged()).find((e) => e.id === empty.lookups[0]?.accessLogEntryId);
    expect(entry).toMatchObject({ outcome: 'not-found', documentsReturned: [] });
  });

  it('reports an owner-name mismatch, and logs the look-up as an identity mismatch', async () => {
    await warehouse.put(
      marriage({ id: 'kh', owner: { identity: { type: 'personal-id', value: ID }, name: 'Nguyễn Thị Hoan' } }),
    );
    const tp01 = component(await engine().plan(request()), 'TP01');
    expect(tp01).toMatchObject({
      outcome: 'not-reusable',
      reasons: [
        { code: 'owner-name-mismatch', documentId: 'kh', nameMatch: { verdict: 'mismatch', differences: ['letters'] } },
      ],
    });
    expect((await logged())[0]).toMatchObject({ outcome: 'identity-mismatch', documentsReturned: [] });
  });

  it('never silently accepts a name stored without diacritics', async () => {
    await warehouse.put(
      marriage({ id: 'kh', owner: { identity: { type: 'personal-id', value: ID }, name: 'NGUYEN THI HOA' } }),
    );
    const tp01 = component(await engine().plan(request()), 'TP01');
    expect(tp01).toMatchObject({
      outcome: 'not-reusable',
      reasons: [
        { code: 'owner-name-mismatch', nameMatch: { verdict: 'probable', differences: ['missing-diacritics'] } },
      ],
    });
  });

  it('applies age limits and scope, and refuses a paper whose signature failed', async () => {
    await warehouse.put(marriage({ id: 'kh', scope: 'Tỉnh Nghệ An' }));
    const outOfScope = component(await engine().plan(request({ scope: 'Thanh Hóa' })), 'TP01');
    expect(outOfScope).toMatchObject({
      outcome: 'not-reusable',
      reasons: [{ code: 'out-of-scope', detail: 'Tỉnh Nghệ An' }],
    });
    expect(component(await engine().plan(request({ scope: 'nghe an' })), 'TP01').outcome).toBe('reused');

    const registry = new EvidenceRegistry({
      evidenceTypes: [{ kind: 'result-code', value: 'KQ.1.000894.01', maxAgeDays: 365 }],
    });
    const old = component(await engine({ registry }).plan(request()), 'TP01');
    expect(old).toMatchObject({ outcome: 'not-reusable', reasons: [{ code: 'too-old', since: '2019-03-02' }] });

    const signed = warehouseEvidenceSource(warehouse, {
      verifySignatures: async () => [{ fileId: 'tep-1', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }],
    });
    const bad = component(await engine({ sources: [signed] }).plan(request()), 'TP01');
    expect(bad).toMatchObject({
      outcome: 'not-reusable',
      reasons: [{ code: 'signature-invalid', detail: 'HASH_FAILURE' }],
    });

    const passed = warehouseEvidenceSource(warehouse, {
      verifySignatures: async () => [{ fileId: 'tep-1', indication: 'TOTAL_PASSED', signer: 'UBND phường Hạc Thành' }],
    });
    const good = component(await engine({ sources: [passed] }).plan(request()), 'TP01');
    expect(good.outcome === 'reused' && good.provenance.signatures).toEqual([
      { fileId: 'tep-1', indication: 'TOTAL_PASSED', signer: 'UBND phường Hạc Thành' },
    ]);
  });
});

describe('plan: other sources, failures and consent', () => {
  it('flags evidence from the DVCQG store and asks each applicant identifier', async () => {
    const national = fakeSource({
      id: 'kho-dvcqg',
      kind: 'dvcqg-store',
      fromNationalStore: true,
      answer: (r) =>
        r.subject.type === 'cmnd'
          ? {
              status: 'found',
              requestId: 'req-9',
              items: [
                {
                  evidence: { kind: 'result-code', value: 'KQ.1.000894.01' },
                  documentId: 'KSH-1',
                  owner: { name: 'Nguyễn Thị Hòa' },
                },
              ],
            }
          : { status: 'not-found' },
    });
    const plan = await engine({ sources: [national] }).plan(
      request({
        applicant: {
          ...applicant,
          identities: [
            { type: 'personal-id', value: ID },
            { type: 'cmnd', value: '172345678' },
          ],
        },
      }),
    );
    expect(national.calls.map((c) => c.subject.type)).toEqual(['personal-id', 'cmnd']);
    expect(national.calls[0]?.wanted).toEqual([{ kind: 'result-code', value: 'KQ.1.000894.01' }]);
    const tp01 = component(plan, 'TP01');
    expect(tp01).toMatchObject({
      outcome: 'reused',
      flags: { DuocTaiSuDung: '2', DuocLayTuKhoDMQG: '1', MaKetQuaThayThe: 'KQ.1.000894.01' },
      reuse: { source: 'dvcqg-store', fromNationalStore: true },
      provenance: { requestId: 'req-9' },
    });
    expect(plan.lookups.map((l) => l.outcome).sort()).toEqual(['found', 'not-found']);
  });

  it('reports an unavailable source with its retry time and logs the failure', async () => {
    const down = fakeSource({
      id: 'kho-dvcqg',
      kind: 'dvcqg-store',
      answer: () => ({
        status: 'unavailable',
        retryAt: '2025-07-01T09:00:00+07:00',
        code: '-1',
        message: 'Hệ thống đang bảo trì',
      }),
    });
    const pending = fakeSource({
      id: 'slow',
      answer: () => ({ status: 'pending', retryAt: '2025-07-01T08:30:00+07:00' }),
    });
    const broken = fakeSource({
      id: 'broken',
      answer: () => {
        throw new Error('socket hang up');
      },
    });
    const plan = await engine({ sources: [down, pending, broken] }).plan(request());
    const tp01 = component(plan, 'TP01');
    expect(tp01).toMatchObject({ outcome: 'not-reusable', retryAt: '2025-07-01T08:30:00+07:00' });
    if (tp01.outcome !== 'not-reusable') return;
    expect(tp01.reasons.map((r) => [r.code, r.sourceId])).toEqual([
      ['source-unavailable', 'kho-dvcqg'],
      ['source-pending', 'slow'],
      ['source-error', 'broken'],
    ]);
    const entries = await logged();
    expect(entries.map((e) => e.outcome).sort()).toEqual(['error', 'source-unavailable', 'source-unavailable']);
    expect(entries.find((e) => e.source === 'dvcqg-store')).toMatchObject({
      unavailableUntil: '2025-07-01T09:00:00+07:00',
      error: { code: '-1', message: 'Hệ thống đang bảo trì' },
    });
    expect(entries.find((e) => e.outcome === 'error')?.error?.message).toBe('socket hang up');
  });

  it('honours consent states for sources that require consent', async () => {
    const population = fakeSource({
      id: 'csdl-dan-cu',
      kind: 'population-database',
      supports: ['identity-fact'],
      requiresConsent: true,
      answer: () => ({
        status: 'found',
        items: [
          {
            evidence: { kind: 'identity-fact', value: 'residence' },
            owner: { name: 'Nguyễn Thị Hòa', birthDate: '1990-05-17' },
            fact: { text: 'Số 12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa' },
          },
        ],
      }),
    });
    const consents = new InMemoryConsentRegistry();
    const base = {
      id: 'consent-1',
      subject: { type: 'personal-id' as const, value: ID },
      sources: ['population-database' as const],
      start: '2025-01-01T00:00:00+07:00',
    };
    const run = async () => component(await engine({ sources: [population], consents }).plan(request()), 'TP02');

    expect(await run()).toMatchObject({ outcome: 'not-reusable', reasons: [{ code: 'consent-missing' }] });
    expect(population.calls).toHaveLength(0);
    expect(await logged()).toEqual([]);

    consents.record({ ...base, state: 'paused' });
    expect(await run()).toMatchObject({ reasons: [{ code: 'consent-paused', consentId: 'consent-1' }] });
    consents.record({ ...base, state: 'revoked' });
    expect(await run()).toMatchObject({ reasons: [{ code: 'consent-revoked' }] });
    consents.record({ ...base, state: 'active', expiry: '2025-06-30T23:59:59+07:00' });
    expect(await run()).toMatchObject({ reasons: [{ code: 'consent-expired' }] });
    expect(population.calls).toHaveLength(0);
    const refusals = await logged();
    // Same instant (fixed clock): newest first, then by id.
    expect(refusals.map((e) => [e.id, e.outcome, e.lawfulBasis, e.consentReference, e.error?.code])).toEqual([
      ['log-1', 'denied', 'consent', 'consent-1', 'CONSENT_PAUSED'],
      ['log-2', 'denied', 'consent', 'consent-1', 'CONSENT_REVOKED'],
      ['log-3', 'denied', 'consent', 'consent-1', 'CONSENT_EXPIRED'],
    ]);

    consents.record({ ...base, state: 'active' });
    const plan = await engine({ sources: [population], consents }).plan(request());
    expect(population.calls[0]?.consentReference).toBe('consent-1');
    expect(component(plan, 'TP02')).toMatchObject({
      outcome: 'reused',
      flags: { DuocTaiSuDung: '1', DuocLayTuKhoDMQG: '0' },
      provenance: {
        source: 'population-database',
        fact: { text: 'Số 12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa' },
        ownerMatch: { birthDate: { verdict: 'match', precision: 'day' } },
      },
    });
    expect(component(plan, 'TP02').flags.MaKetQuaThayThe).toBeUndefined();
    expect(plan.databasesConsulted).toEqual(['population']);
    const found = (await logged()).find((e) => e.id === plan.lookups[0]?.accessLogEntryId);
    expect(found).toMatchObject({
      lawfulBasis: 'consent',
      consentReference: 'consent-1',
      outcome: 'found',
      documentsReturned: [{ documentType: 'fact:residence' }],
    });
  });

  it('reports a birth-date mismatch from the population database', async () => {
    const population = fakeSource({
      id: 'csdl-dan-cu',
      kind: 'population-database',
      supports: ['identity-fact'],
      answer: () => ({
        status: 'found',
        items: [
          {
            evidence: { kind: 'identity-fact', value: 'residence' },
            owner: { name: 'Nguyễn Thị Hòa', birthDate: '1991-05-17' },
          },
        ],
      }),
    });
    const tp02 = component(await engine({ sources: [population] }).plan(request()), 'TP02');
    expect(tp02).toMatchObject({ outcome: 'not-reusable', reasons: [{ code: 'owner-birth-date-mismatch' }] });
  });

  it('writes a valid access-log entry for every look-up, and fails the plan when the log cannot be written', async () => {
    await warehouse.put(marriage({ id: 'kh' }));
    const sources = [
      warehouseEvidenceSource(warehouse),
      fakeSource({
        id: 'a',
        kind: 'dvcqg-store',
        answer: () => ({ status: 'denied', code: 'E403', message: 'Không có quyền' }),
      }),
      fakeSource({ id: 'b', answer: () => ({ status: 'not-found', requestId: 'r-2' }) }),
    ];
    const plan = await engine({ sources }).plan(request());
    const entries = await logged();
    expect(entries).toHaveLength(plan.lookups.length);
    for (const e of entries) expect(accessLogEntrySchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(new Set(plan.lookups.map((l) => l.accessLogEntryId))).toEqual(new Set(entries.map((e) => e.id)));

    const failing: AccessLog = {
      append: async () => {
        throw new Error('disk full');
      },
      bySubject: async () => [],
    };
    await expect(engine({ accessLog: failing }).plan(request())).rejects.toThrow('disk full');
  });
});
