/**
 * fast-check arbitraries of canonical dossiers that pass `dossierSchema`: a random walk
 * through the lifecycle transition table gives a consistent status history, reception
 * and due dates, supplement rounds and results.
 */
import { TRANSITIONS } from '@motcua/core';
import type {
  Dossier,
  DossierComponent,
  DossierFee,
  DossierStatus,
  Identity,
  IssuedDocument,
  NationalDatabase,
  Party,
  Payment,
  StatusChange,
  StoredFile,
  SupplementRequest,
} from '@motcua/schemas';
import fc from 'fast-check';

const BASE = Date.UTC(2025, 6, 1, 0, 0, 0); // 2025-07-01T07:00+07:00

export function iso(ms: number, offset: '+07:00' | 'Z' = '+07:00'): string {
  if (offset === 'Z') return new Date(ms).toISOString();
  const d = new Date(ms + 7 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+07:00`;
}

const word = fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Thị', 'Văn', 'Minh', 'Lan', 'Hoa', 'An', 'Bình');
export const vnName: fc.Arbitrary<string> = fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(' '));
const phrase = fc
  .array(fc.constantFrom('Bổ sung', 'giấy tờ', 'bản sao', 'hợp lệ', 'đăng ký', 'khai sinh', 'xử lý', 'trả kết quả'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((w) => w.join(' '));

export const personalId: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('001', '038', '079'),
    fc.constantFrom(0, 1, 2, 3),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 999_999 }),
  )
  .map(([p, g, y, r]) => {
    const year = g >= 2 ? Math.min(y, 20) : Math.max(y, 30);
    return `${p}${g}${String(year).padStart(2, '0')}${String(r).padStart(6, '0')}`;
  });

const cmnd = fc.integer({ min: 100_000_000, max: 999_999_999 }).map(String);
const identity: fc.Arbitrary<Identity> = fc.oneof(
  personalId.map((value): Identity => ({ type: 'personal-id', value })),
  cmnd.map((value): Identity => ({ type: 'cmnd', value })),
);

const contact = fc.record(
  {
    phone: fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `0${n}`),
    email: fc.constantFrom('lan@example.vn', 'cong.dan@example.com'),
  },
  { requiredKeys: [] },
);

const party: fc.Arbitrary<Party> = fc.oneof(
  fc.record({
    type: fc.constant('citizen' as const),
    fullName: vnName,
    identities: fc.array(identity, { minLength: 0, maxLength: 2 }),
    contact,
  }),
  fc
    .record({
      kind: fc.constantFrom('business' as const, 'state-agency' as const, 'other' as const),
      name: phrase,
      taxCode: fc.option(fc.constant('0106001236'), { nil: undefined }),
      rep: fc.option(identity, { nil: undefined }),
      contact,
    })
    .map(({ kind, name, taxCode, rep, contact: c }) => {
      const p: Party = { type: 'organisation', kind, name: `Công ty ${name}`, contact: c };
      if (taxCode !== undefined) p.taxCode = taxCode;
      if (rep !== undefined) p.representative = { fullName: 'Lê Văn Hùng', identity: rep };
      return p;
    }),
);

const hex64 = fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: 64, maxLength: 64 }).map((a) => a.join(''));

const storedFile = (prefix: string): fc.Arbitrary<StoredFile> =>
  fc
    .record({
      id: fc.integer({ min: 1, max: 99_999 }).map((n) => `${prefix}-${n}`),
      name: fc.oneof(
        phrase.map((p) => `${p}.pdf`),
        fc.constant('x'.repeat(900)),
      ),
      size: fc.nat(),
      sha256: hex64,
      published: fc.boolean(),
    })
    .map(({ id, name, size, sha256, published }) => {
      const f: StoredFile = { id, name, mediaType: 'application/pdf', size, sha256 };
      if (published) f.url = `https://motcua.thanhhoa.gov.vn/files/${id}`;
      return f;
    });

const component: fc.Arbitrary<DossierComponent> = fc
  .record({
    componentCode: fc.integer({ min: 1, max: 20 }).map((n) => `TP${String(n).padStart(2, '0')}`),
    name: phrase,
    files: fc.array(storedFile('tep'), { maxLength: 3 }),
    digitized: fc.boolean(),
    reuse: fc.option(
      fc.record({
        source: fc.constantFrom('dvcqg-store' as const, 'local-store' as const),
        resultCode: fc.option(fc.constant('KQ.1.000894.01'), { nil: undefined }),
        documentId: fc.option(fc.constant('gtsh-000512'), { nil: undefined }),
        fromNationalStore: fc.boolean(),
      }),
      { nil: undefined },
    ),
  })
  .map((c) => {
    const out: DossierComponent = {
      componentCode: c.componentCode,
      name: c.name,
      files: c.files,
      digitized: c.digitized,
    };
    if (c.reuse !== undefined) {
      const r: NonNullable<DossierComponent['reuse']> = {
        source: c.reuse.source,
        fromNationalStore: c.reuse.source === 'dvcqg-store' ? true : c.reuse.fromNationalStore,
      };
      if (c.reuse.resultCode !== undefined) r.resultCode = c.reuse.resultCode;
      if (c.reuse.documentId !== undefined) r.documentId = c.reuse.documentId;
      out.reuse = r;
    }
    return out;
  });

const fee: fc.Arbitrary<DossierFee> = fc
  .record({
    code: fc.option(fc.constantFrom('LP01', 'PH-TL'), { nil: undefined }),
    name: phrase,
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    feeType: fc.constantFrom('ordinary' as const, 'appraisal' as const, 'extension' as const),
    collectionStage: fc.constantFrom('on-reception' as const, 'on-supplement' as const, 'on-result' as const),
  })
  .map((f) => {
    const out: DossierFee = { name: f.name, amount: f.amount, feeType: f.feeType, collectionStage: f.collectionStage };
    if (f.code !== undefined) out.code = f.code;
    return out;
  });

interface Walk {
  history: StatusChange[];
  status: DossierStatus;
}

const actor = fc.record(
  {
    name: fc.oneof(
      { weight: 5, arbitrary: vnName },
      { weight: 1, arbitrary: fc.constant('Cán bộ '.repeat(12).trim()) },
    ),
    id: fc.constant('cb-0042'),
    position: fc.constantFrom('Chuyên viên', 'Chủ tịch UBND phường'),
    department: fc.constant('Bộ phận Một cửa'),
  },
  { requiredKeys: ['name'] },
);

/** A random walk through the transition table, with strictly increasing times. */
const walk: fc.Arbitrary<Walk & { submittedMs: number }> = fc
  .record({
    start: fc.integer({ min: 0, max: 200 * 24 * 3600 }).map((s) => BASE + s * 1000),
    picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 * 24 * 3600 }), actor, fc.option(phrase)), {
      maxLength: 12,
    }),
    withSubmittedRow: fc.boolean(),
    fractions: fc.integer({ min: 0, max: 999 }),
    zulu: fc.boolean(),
  })
  .map(({ start, picks, withSubmittedRow, fractions, zulu }) => {
    const history: StatusChange[] = [];
    let status: DossierStatus = 'submitted';
    let t = start;
    const at = (ms: number): string => (zulu ? iso(ms + fractions, 'Z') : iso(ms));
    if (withSubmittedRow) history.push({ status, at: at(t), actor: { name: 'Nguyễn Thị Lan' } });
    for (const [pick, gap, a, note] of picks) {
      // Forward moves are likelier than withdrawals, stops and refusals, so walks go deep.
      const options = TRANSITIONS.filter((x) => x.from === status).flatMap((x) =>
        x.event === 'withdraw' || x.event === 'stop' || x.event === 'reject' ? [x] : [x, x, x, x, x, x],
      );
      const next = options[pick % Math.max(1, options.length)];
      if (next === undefined) break;
      t += gap * 1000;
      status = next.to;
      const change: StatusChange = { status, at: at(t), actor: a };
      if (note !== null) change.note = note;
      history.push(change);
    }
    return { history, status, submittedMs: start };
  });

export const dossierArb: fc.Arbitrary<Dossier> = fc
  .record({
    walk,
    seq: fc.integer({ min: 1, max: 9999 }),
    channel: fc.constantFrom('in-person' as const, 'online' as const, 'postal' as const),
    applicant: party,
    portalAccountId: fc.option(fc.constant('dvcqg-3f9a1c'), { nil: undefined }),
    receiptNumber: fc.option(fc.constant('BN-2025-000123'), { nil: undefined }),
    summary: fc.option(fc.oneof(phrase, fc.constant('Đ'.repeat(1000))), { nil: undefined }),
    dueDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    components: fc.array(component, { maxLength: 4 }),
    fees: fc.array(fee, { maxLength: 3 }),
    payments: fc.array(fc.constantFrom('dvcqg' as const, 'local' as const, 'offline' as const), { maxLength: 2 }),
    withField: fc.boolean(),
    resultDelivery: fc.option(fc.constantFrom('in-person' as const, 'online' as const, 'postal' as const), {
      nil: undefined,
    }),
    vneid: fc.boolean(),
    dbs: fc.subarray(['population', 'enterprise', 'civil-status'] as NationalDatabase[]),
    resultFiles: fc.array(storedFile('kq'), { maxLength: 2 }),
  })
  .map((g) => {
    const { history, status } = g.walk;
    const received = history.find((c) => c.status === 'received');
    const code = `000.00.00.H56-250701-${String(g.seq).padStart(4, '0')}`;
    const d: Dossier = {
      id: `dossier-${g.seq}`,
      code,
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
      receivingAgency: { code: '000.00.00.H56', name: 'UBND tỉnh Thanh Hóa' },
      channel: g.channel,
      applicant: g.applicant,
      submittedAt: iso(g.walk.submittedMs),
      status,
      statusHistory: history,
      components: g.components,
      fees: g.fees,
      payments: g.payments.map(
        (online, i): Payment => ({
          reference: `dvc-${g.seq}-${i}`,
          amount: 8000,
          paidAt: iso(g.walk.submittedMs + 60_000),
          channel: 'qr',
          online,
        }),
      ),
      supplementRequests: [],
      interAgencyLegs: [],
      results: [],
      vneidVerified: g.vneid,
      nationalDatabasesConsulted: g.dbs,
    };
    if (g.withField) d.field = { code: 'G15-HT01', name: 'Hộ tịch' };
    if (g.portalAccountId !== undefined) d.portalAccountId = g.portalAccountId;
    if (g.receiptNumber !== undefined) d.receiptNumber = g.receiptNumber;
    if (g.summary !== undefined) d.summary = g.summary;
    if (g.resultDelivery !== undefined) d.resultDelivery = g.resultDelivery;
    if (received !== undefined) {
      d.receivedAt = received.at;
      if (g.dueDays !== undefined) d.dueAt = iso(Date.parse(received.at) + g.dueDays * 86_400_000 + 3_600_000);
    }
    // Supplement rounds mirror the history: each request, closed by the next change.
    const rounds: SupplementRequest[] = [];
    history.forEach((c, i) => {
      if (c.status !== 'supplement-requested') return;
      const r: SupplementRequest = {
        id: `bs-${i}`,
        requestedAt: c.at,
        requestedBy: c.actor.name,
        content: c.note ?? 'Bổ sung giấy tờ',
      };
      const next = history[i + 1];
      if (next?.status === 'processing') r.resubmittedAt = next.at;
      rounds.push(r);
    });
    d.supplementRequests = rounds;
    const resolved = history.find((c) => c.status === 'resolved');
    if (resolved !== undefined) {
      const doc: IssuedDocument = {
        id: `kq-${g.seq}`,
        resultCode: 'KQ.1.001193.01',
        name: 'Giấy khai sinh',
        referenceNumber: '123/2025/KS',
        issuedAt: resolved.at,
        issuingAgency: { name: 'UBND phường Hạc Thành' },
        validity: { permanent: true },
        files: g.resultFiles,
        dossierCode: code,
      };
      d.results = [doc];
    }
    return d;
  });
