/**
 * The shared contract suite of the store ports. Every implementation — core's in-memory
 * ones, SQLite, PostgreSQL — runs exactly these tests, so they behave alike.
 */
import {
  type AccessLog,
  type DossierChange,
  type DossierChangeStore,
  documentValidityAt,
  dossierChangeMessages,
  type OutboxLagSource,
  type OutboxStore,
  ReuseError,
  type SequenceStore,
  type WarehouseStore,
} from '@motcua/core';
import type { DigitizedDocument, DigitizedDocumentStatus, Validity } from '@motcua/schemas';
import type { TrangThaiHoSo } from '@motcua/schemas/dvcqg';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, makeDocument, makeEntry, OTHER_ID, OWNER_ID } from './fixtures.ts';

/** What an implementation under test provides; absent ports are not tested. */
export interface ContractSubject {
  warehouse?: WarehouseStore | undefined;
  accessLog?: AccessLog | undefined;
  sequences?: SequenceStore | undefined;
  outbox?: OutboxStore | undefined;
  dossiers?: DossierChangeStore | undefined;
  /**
   * Makes every later outbox INSERT fail inside the database (a trigger), to check that a
   * dossier change is rolled back with its messages; returns the undo. Absent: not tested.
   */
  breakOutboxInserts?: (() => Promise<() => Promise<void>>) | undefined;
  close(): Promise<void>;
}

/** Opens a fresh, empty implementation using `clock` for "now". */
export type OpenSubject = (clock: ManualClock) => Promise<ContractSubject>;

const START = '2025-07-01T08:00:00+07:00';
const owner = { type: 'personal-id' as const, value: OWNER_ID };

function reason(error: unknown): string | undefined {
  return error instanceof ReuseError ? error.reason : undefined;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Registers the contract tests of every port `open` provides. */
export function describeStoreContract(
  name: string,
  open: OpenSubject,
  ports: Array<keyof Omit<ContractSubject, 'close' | 'breakOutboxInserts'>>,
): void {
  describe(`store contract: ${name}`, () => {
    let clock: ManualClock;
    let subject: ContractSubject;

    beforeEach(async () => {
      clock = new ManualClock(START);
      subject = await open(clock);
    });
    afterEach(async () => {
      await subject.close();
    });

    const warehouse = (): WarehouseStore => subject.warehouse as WarehouseStore;
    const accessLog = (): AccessLog => subject.accessLog as AccessLog;
    const sequences = (): SequenceStore => subject.sequences as SequenceStore;
    const outbox = (): OutboxStore => subject.outbox as OutboxStore;
    const dossiers = (): DossierChangeStore => subject.dossiers as DossierChangeStore;

    if (ports.includes('warehouse')) {
      describe('WarehouseStore', () => {
        it('puts idempotently by document id, whatever the key order', async () => {
          const doc = makeDocument({ id: 'gtsh-1' });
          expect(await warehouse().put(doc)).toEqual({ id: 'gtsh-1', outcome: 'inserted' });
          expect(await warehouse().put(doc)).toEqual({ id: 'gtsh-1', outcome: 'unchanged' });
          const reordered = Object.fromEntries(Object.entries(doc).reverse()) as unknown as DigitizedDocument;
          expect(await warehouse().put(reordered)).toEqual({ id: 'gtsh-1', outcome: 'unchanged' });
          expect((await warehouse().find({ owner })).length).toBe(1);
          expect((await warehouse().get('gtsh-1'))?.document).toEqual(doc);
        });

        it('keeps provenance: first recording stays, an update is timestamped and in the history', async () => {
          await warehouse().put(makeDocument({ id: 'gtsh-1' }), { origin: 'import:a.ndjson', actor: 'cb-1' });
          clock.advance(60_000);
          const r = await warehouse().put(makeDocument({ id: 'gtsh-1', referenceNumber: '124/2025/KS' }), {
            origin: 'import:b.ndjson',
            actor: 'cb-2',
          });
          expect(r.outcome).toBe('updated');
          const stored = await warehouse().get('gtsh-1');
          expect(stored?.document.referenceNumber).toBe('124/2025/KS');
          expect(stored?.provenance).toEqual({
            recordedAt: '2025-07-01T08:00:00+07:00',
            origin: 'import:a.ndjson',
            actor: 'cb-1',
            updatedAt: '2025-07-01T08:01:00+07:00',
          });
          expect(await warehouse().history('gtsh-1')).toEqual([
            {
              documentId: 'gtsh-1',
              action: 'recorded',
              at: '2025-07-01T08:00:00+07:00',
              origin: 'import:a.ndjson',
              actor: 'cb-1',
            },
            {
              documentId: 'gtsh-1',
              action: 'updated',
              at: '2025-07-01T08:01:00+07:00',
              origin: 'import:b.ndjson',
              actor: 'cb-2',
            },
          ]);
          expect(await warehouse().history('missing')).toEqual([]);
        });

        it('records an explicit recording instant', async () => {
          await warehouse().put(makeDocument({ id: 'gtsh-1' }), { at: '2025-06-30T17:00:00Z' });
          expect((await warehouse().get('gtsh-1'))?.provenance.recordedAt).toBe('2025-07-01T00:00:00+07:00');
        });

        it('putMany is all or nothing and reports each outcome in order', async () => {
          await warehouse().put(makeDocument({ id: 'a' }));
          const results = await warehouse().putMany([
            makeDocument({ id: 'a' }),
            makeDocument({ id: 'b' }),
            makeDocument({ id: 'b', referenceNumber: '9/2025' }),
          ]);
          expect(results).toEqual([
            { id: 'a', outcome: 'unchanged' },
            { id: 'b', outcome: 'inserted' },
            { id: 'b', outcome: 'updated' },
          ]);
          const bad = makeDocument({ id: 'd', status: { state: 'revoked', reason: 'x', at: 'not an instant' } });
          await expect(warehouse().putMany([makeDocument({ id: 'c' }), bad])).rejects.toThrow();
          expect(await warehouse().get('c')).toBeUndefined();
        });

        it('finds by owner, result codes and document types, newest issue first, papers without a date last', async () => {
          await warehouse().putMany([
            makeDocument({ id: 'kq-old', issueDate: '2020-01-01' }),
            makeDocument({ id: 'kq-new', issueDate: '2025-01-01' }),
            makeDocument({ id: 'kq-undated', issueDate: undefined }),
            makeDocument({ id: 'kq-b', issueDate: '2025-01-01' }),
            makeDocument({ id: 'other-code', resultCode: 'KQ.2' }),
            makeDocument({ id: 'typed', kind: 'dossier-component', resultCode: undefined, documentType: 'GT-CCCD' }),
            makeDocument({
              id: 'someone-else',
              owner: { identity: { type: 'personal-id', value: OTHER_ID }, name: 'Lê Văn B' },
            }),
          ]);
          const ids = async (q: Parameters<WarehouseStore['find']>[0]) =>
            (await warehouse().find(q)).map((s) => s.document.id);
          expect(await ids({ owner, resultCodes: ['KQ.1.001193.01'] })).toEqual([
            'kq-b',
            'kq-new',
            'kq-old',
            'kq-undated',
          ]);
          expect(await ids({ owner, documentTypes: ['GT-CCCD'] })).toEqual(['typed']);
          expect(await ids({ owner, resultCodes: ['KQ.2'], documentTypes: ['GT-CCCD'] })).toEqual([
            'other-code',
            'typed',
          ]);
          expect((await ids({ owner })).length).toBe(6);
          expect(await ids({ owner, resultCodes: ['KQ.1.001193.01'], limit: 2 })).toEqual(['kq-b', 'kq-new']);
          expect(await ids({ owner, resultCodes: ['nothing'] })).toEqual([]);
          expect(await ids({ owner: { type: 'personal-id', value: '099999999999' } })).toEqual([]);
        });

        it('matches owners by key: a 12-digit tax code is the personal number; spaces and case do not matter', async () => {
          await warehouse().put(makeDocument({ id: 'p' }));
          await warehouse().put(
            makeDocument({
              id: 'pp',
              owner: { identity: { type: 'passport', value: 'C1234567' }, name: 'Nguyễn Minh An' },
            }),
          );
          expect(
            (await warehouse().find({ owner: { type: 'tax-code', value: OWNER_ID } })).map((s) => s.document.id),
          ).toEqual(['p']);
          expect(
            (await warehouse().find({ owner: { type: 'passport', value: ' c1234567 ' } })).map((s) => s.document.id),
          ).toEqual(['pp']);
          expect(await warehouse().find({ owner: { type: 'cmnd', value: OWNER_ID } })).toEqual([]);
        });

        it('moves a paper whose owner changed', async () => {
          await warehouse().put(makeDocument({ id: 'x' }));
          await warehouse().put(
            makeDocument({ id: 'x', owner: { identity: { type: 'personal-id', value: OTHER_ID }, name: 'Lê Văn B' } }),
          );
          expect(await warehouse().find({ owner })).toEqual([]);
          expect((await warehouse().find({ owner: { type: 'personal-id', value: OTHER_ID } })).length).toBe(1);
        });

        it('applies validity at an instant on Vietnamese calendar days', async () => {
          await warehouse().putMany([
            makeDocument({ id: 'until-june', issueDate: '2025-01-01', validity: { until: '2025-06-30' } }),
            makeDocument({ id: 'future', issueDate: '2025-07-02', digitizedAt: '2025-07-02T10:00:00+07:00' }),
            makeDocument({ id: 'unknown-validity', issueDate: undefined, validity: undefined }),
          ]);
          const valid = async (at: string) =>
            (await warehouse().find({ owner, validAt: at })).map((s) => s.document.id).sort();
          expect(await valid('2025-06-30T23:59:59+07:00')).toEqual(['unknown-validity', 'until-june']);
          // 17:00 UTC on 30 June is already 1 July in Vietnam.
          expect(await valid('2025-06-30T17:00:00Z')).toEqual(['unknown-validity']);
          expect(await valid('2025-07-02T00:00:00+07:00')).toEqual(['future', 'unknown-validity']);
          expect((await warehouse().find({ owner, validAt: new Date('2025-07-02T01:00:00Z') })).length).toBe(2);
        });

        it('revokes and supersedes with a reason, effective from their instant; nothing is deleted', async () => {
          await warehouse().putMany([makeDocument({ id: 'r' }), makeDocument({ id: 's' }), makeDocument({ id: 's2' })]);
          clock.advance(1000);
          const revoked = await warehouse().revoke('r', {
            reason: 'Quyết định thu hồi 12/QĐ',
            at: '2025-08-01T10:00:00+07:00',
            actor: 'cb-9',
          });
          expect(revoked.document.status).toEqual({
            state: 'revoked',
            reason: 'Quyết định thu hồi 12/QĐ',
            at: '2025-08-01T10:00:00+07:00',
          });
          expect(revoked.provenance.updatedAt).toBe('2025-07-01T08:00:01+07:00');
          await warehouse().supersede('s', { reason: 'Cấp đổi', at: '2025-08-01T10:00:00+07:00', supersededBy: 's2' });
          const at = async (instant: string) =>
            (await warehouse().find({ owner, validAt: instant })).map((d) => d.document.id).sort();
          expect(await at('2025-08-01T09:59:59.999+07:00')).toEqual(['r', 's', 's2']);
          expect(await at('2025-08-01T10:00:00+07:00')).toEqual(['s2']);
          expect((await warehouse().find({ owner })).length).toBe(3);
          expect((await warehouse().get('s'))?.document.status).toEqual({
            state: 'superseded',
            reason: 'Cấp đổi',
            at: '2025-08-01T10:00:00+07:00',
            supersededBy: 's2',
          });
          expect((await warehouse().history('r')).map((e) => [e.action, e.reason, e.actor])).toEqual([
            ['recorded', undefined, undefined],
            ['revoked', 'Quyết định thu hồi 12/QĐ', 'cb-9'],
          ]);
          expect(reason(await rejection(warehouse().revoke('r', { reason: 'again', at: START })))).toBe(
            'DOCUMENT_NOT_VALID',
          );
          expect(reason(await rejection(warehouse().supersede('missing', { reason: 'x', at: START })))).toBe(
            'DOCUMENT_NOT_FOUND',
          );
          expect(reason(await rejection(warehouse().revoke('s2', { reason: ' ', at: START })))).toBe('INVALID_QUERY');
        });

        it('never brings a revoked paper back to valid when an older copy is imported again', async () => {
          const doc = makeDocument({ id: 'r' });
          await warehouse().put(doc);
          await warehouse().revoke('r', { reason: 'Thu hồi', at: START });
          expect((await warehouse().put(doc)).outcome).toBe('unchanged');
          const changed = await warehouse().put({ ...doc, summary: 'Bản sửa' });
          expect(changed.outcome).toBe('updated');
          expect((await warehouse().get('r'))?.document.status.state).toBe('revoked');
        });

        it('records a revocation that arrives with an import in the history', async () => {
          await warehouse().put(makeDocument({ id: 'r' }));
          await warehouse().put(
            makeDocument({ id: 'r', status: { state: 'revoked', reason: 'Nguồn thu hồi', at: START } }),
          );
          expect((await warehouse().history('r')).map((e) => e.action)).toEqual(['recorded', 'updated', 'revoked']);
        });

        it('refuses queries outside their domain', async () => {
          expect(reason(await rejection(warehouse().find({ owner, limit: 0 })))).toBe('INVALID_QUERY');
          expect(reason(await rejection(warehouse().find({ owner, validAt: '2025-07-01 08:00' })))).toBe(
            'INVALID_INSTANT',
          );
          expect(reason(await rejection(warehouse().find({ owner: { type: 'personal-id', value: '' } })))).toBe(
            'INVALID_QUERY',
          );
        });

        it('filters validity exactly as documentValidityAt does (property)', async () => {
          const day = fc
            .integer({ min: 0, max: 3 * 365 })
            .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
          const instant = fc
            .integer({ min: Date.UTC(2023, 11, 31), max: Date.UTC(2027, 0, 2) })
            .map((ms) => new Date(ms).toISOString());
          const status: fc.Arbitrary<DigitizedDocumentStatus> = fc.oneof(
            fc.constant({ state: 'valid' as const }),
            instant.map((at) => ({ state: 'revoked' as const, reason: 'r', at })),
            instant.map((at) => ({ state: 'superseded' as const, reason: 's', at })),
          );
          const validity: fc.Arbitrary<Validity | undefined> = fc.oneof(
            fc.constant(undefined),
            fc.constant({ permanent: true as const }),
            day.map((until) => ({ until })),
          );
          const paper = fc.record({ issueDate: fc.option(day, { nil: undefined }), validity, status });
          let run = 0;
          await fc.assert(
            fc.asyncProperty(fc.array(paper, { minLength: 1, maxLength: 8 }), instant, async (papers, at) => {
              run++;
              const who = { type: 'passport' as const, value: `PROP${run}` };
              const docs = papers.map((p, i) =>
                makeDocument({ id: `prop-${run}-${i}`, owner: { identity: who, name: 'X' }, ...p }),
              );
              await warehouse().putMany(docs);
              const got = (await warehouse().find({ owner: who, validAt: at })).map((s) => s.document.id).sort();
              const want = docs
                .filter((d) => documentValidityAt(d, at).valid)
                .map((d) => d.id)
                .sort();
              expect(got).toEqual(want);
            }),
            { numRuns: 40 },
          );
        });
      });
    }

    if (ports.includes('accessLog')) {
      describe('AccessLog', () => {
        it('returns a subject’s entries newest first, then by id, with every field as appended', async () => {
          const failed = makeEntry({
            id: 'e2',
            at: '2025-07-01T09:00:00+07:00',
            source: 'dvcqg-store',
            outcome: 'source-unavailable',
            documentsReturned: [],
            unavailableUntil: '2025-07-01T10:00:00+07:00',
            error: { code: '-1', message: 'Hệ thống đang bảo trì' },
            requestId: 'req-77',
          });
          await accessLog().append(makeEntry({ id: 'e1' }));
          await accessLog().append(failed);
          await accessLog().append(makeEntry({ id: 'e0', at: '2025-07-01T02:00:00Z' }));
          await accessLog().append(makeEntry({ id: 'other', subject: { type: 'personal-id', value: OTHER_ID } }));
          const mine = await accessLog().bySubject(owner);
          expect(mine.map((e) => e.id)).toEqual(['e0', 'e2', 'e1']);
          expect(mine[1]).toEqual(failed);
          expect((await accessLog().bySubject({ type: 'tax-code', value: OWNER_ID })).length).toBe(3);
        });

        it('filters by period and limits', async () => {
          for (let i = 0; i < 5; i++) {
            await accessLog().append(makeEntry({ id: `e${i}`, at: `2025-07-0${i + 1}T08:00:00+07:00` }));
          }
          const ids = async (q: Parameters<AccessLog['bySubject']>[1]) =>
            (await accessLog().bySubject(owner, q)).map((e) => e.id);
          expect(await ids({ since: '2025-07-02T08:00:00+07:00', until: '2025-07-04T08:00:00+07:00' })).toEqual([
            'e2',
            'e1',
          ]);
          expect(await ids({ limit: 2 })).toEqual(['e4', 'e3']);
          expect(reason(await rejection(accessLog().bySubject(owner, { limit: -1 })))).toBe('INVALID_QUERY');
        });

        it('is append-only: the same entry twice is one entry, a different entry under the same id is refused', async () => {
          const e = makeEntry({ id: 'e1' });
          await accessLog().append(e);
          await accessLog().append(structuredClone(e));
          expect((await accessLog().bySubject(owner)).length).toBe(1);
          const err = await rejection(accessLog().append({ ...e, outcome: 'not-found', documentsReturned: [] }));
          expect(reason(err)).toBe('LOG_ENTRY_CONFLICT');
          expect((await accessLog().bySubject(owner))[0]).toEqual(e);
        });
      });
    }

    if (ports.includes('sequences')) {
      describe('SequenceStore', () => {
        it('counts from 1 per agency and day, independently', async () => {
          expect(await sequences().next('000.00.00.H56', '2025-07-01')).toBe(1);
          expect(await sequences().next('000.00.00.H56', '2025-07-01')).toBe(2);
          expect(await sequences().next('000.00.00.H56', '2025-07-02')).toBe(1);
          expect(await sequences().next('000.00.00.G22', '2025-07-01')).toBe(1);
          expect(await sequences().next('000.00.00.H56', '2025-07-01')).toBe(3);
        });

        it('never hands out a number twice to concurrent callers', async () => {
          const n = 200;
          const got = await Promise.all(
            Array.from({ length: n }, () => sequences().next('000.00.00.H56', '2025-07-01')),
          );
          expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        });
      });
    }

    if (ports.includes('outbox')) {
      describe('OutboxStore', () => {
        const put = (id: string, key: string, payload: unknown = { id }) =>
          outbox().enqueue({ id, key, type: 'dvcqg.DongBoHoSoMC', payload });
        const claimIds = async (limit = 10, leaseMs = 30_000) =>
          (await outbox().claim({ worker: 'w', limit, leaseMs })).map((m) => m.id);

        it('enqueues idempotently by id and round-trips the JSON payload', async () => {
          const payload = { MaHoSo: 'HS-1', list: [1, 'hai', { ba: null }], tiếng: 'Việt' };
          expect(await put('m1', 'HS-1', payload)).toEqual({ enqueued: true });
          expect(await put('m1', 'HS-1', { other: true })).toEqual({ enqueued: false });
          const m = await outbox().get('m1');
          expect(m).toMatchObject({
            id: 'm1',
            key: 'HS-1',
            type: 'dvcqg.DongBoHoSoMC',
            payload,
            state: 'pending',
            attempts: 0,
          });
          expect(m?.enqueuedAt).toBe(new Date(START).toISOString());
          expect(await outbox().get('nope')).toBeUndefined();
        });

        it('delivers a key’s messages one at a time, in order; other keys are not blocked', async () => {
          await put('a1', 'A');
          await put('a2', 'A');
          await put('b1', 'B');
          const first = await outbox().claim({ worker: 'w', limit: 10, leaseMs: 30_000 });
          expect(first.map((m) => m.id)).toEqual(['a1', 'b1']);
          expect(await claimIds()).toEqual([]);
          const a1 = first[0];
          if (a1 === undefined) throw new Error('no a1');
          expect(a1.state).toBe('leased');
          expect(a1.attempts).toBe(1);
          await outbox().complete(a1.id, a1.leaseToken);
          expect(await claimIds()).toEqual(['a2']);
          expect(await outbox().counts()).toEqual({ pending: 0, leased: 2, done: 1, dead: 0 });
        });

        it('holds back messages until availableAt and retries after retryAt', async () => {
          await outbox().enqueue({
            id: 'later',
            key: 'L',
            type: 't',
            payload: 1,
            availableAt: '2025-07-01T08:05:00+07:00',
          });
          expect(await claimIds()).toEqual([]);
          clock.set('2025-07-01T08:05:00+07:00');
          const [m] = await outbox().claim({ worker: 'w', limit: 1, leaseMs: 1000 });
          if (m === undefined) throw new Error('not claimed');
          await outbox().fail(m.id, m.leaseToken, { error: 'HTTP 503', retryAt: '2025-07-01T08:10:00+07:00' });
          expect(await outbox().get('later')).toMatchObject({ state: 'pending', lastError: 'HTTP 503', attempts: 1 });
          expect(await claimIds()).toEqual([]);
          clock.set('2025-07-01T08:10:00+07:00');
          expect(await claimIds()).toEqual(['later']);
        });

        it('lets another worker take over an expired lease; the old token is refused', async () => {
          await put('m', 'K');
          const [old] = await outbox().claim({ worker: 'w1', limit: 1, leaseMs: 1000 });
          if (old === undefined) throw new Error('not claimed');
          expect(old.leaseUntil).toBe(new Date(Date.parse(START) + 1000).toISOString());
          clock.advance(999);
          expect(await claimIds()).toEqual([]);
          clock.advance(1);
          const [next] = await outbox().claim({ worker: 'w2', limit: 1, leaseMs: 1000 });
          if (next === undefined) throw new Error('not reclaimed');
          expect(next.attempts).toBe(2);
          expect(next.leaseToken).not.toBe(old.leaseToken);
          await expect(outbox().complete('m', old.leaseToken)).rejects.toMatchObject({ code: 'LEASE_LOST' });
          await expect(outbox().fail('m', old.leaseToken, { error: 'x' })).rejects.toMatchObject({
            code: 'LEASE_LOST',
          });
          await outbox().complete('m', next.leaseToken);
          await expect(outbox().complete('m', next.leaseToken)).rejects.toMatchObject({ code: 'LEASE_LOST' });
          await expect(outbox().complete('unknown', 'token')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        });

        it('keeps a dead message blocking its key', async () => {
          await put('d1', 'D');
          await put('d2', 'D');
          const [m] = await outbox().claim({ worker: 'w', limit: 1, leaseMs: 1000 });
          if (m === undefined) throw new Error('not claimed');
          await outbox().fail(m.id, m.leaseToken, { error: 'rejected by DVCQG', dead: true });
          expect(await outbox().get('d1')).toMatchObject({ state: 'dead', lastError: 'rejected by DVCQG' });
          clock.advance(3_600_000);
          expect(await claimIds()).toEqual([]);
          expect(await outbox().counts()).toEqual({ pending: 1, leased: 0, done: 0, dead: 1 });
        });

        it('never gives the same message to concurrent claimers', async () => {
          for (let i = 0; i < 60; i++) await put(`m${i}`, `K${i % 20}`);
          const batches = await Promise.all(Array.from({ length: 8 }, () => claimIds(5)));
          const all = batches.flat();
          expect(new Set(all).size).toBe(all.length);
          expect(all.length).toBe(20);
        });

        it('refuses arguments outside their domain', async () => {
          await expect(outbox().claim({ worker: 'w', limit: 0, leaseMs: 1 })).rejects.toMatchObject({
            code: 'INVALID_ARGUMENT',
          });
          await expect(outbox().enqueue({ id: '', key: 'k', type: 't', payload: 1 })).rejects.toMatchObject({
            code: 'INVALID_ARGUMENT',
          });
          await expect(outbox().enqueue({ id: 'x', key: 'k', type: 't', payload: undefined })).rejects.toMatchObject({
            code: 'INVALID_ARGUMENT',
          });
        });

        it('tells the enqueue time of its oldest open message (OutboxLagSource)', async () => {
          const lag = outbox() as OutboxStore & Partial<OutboxLagSource>;
          if (typeof lag.oldestOpenEnqueuedAt !== 'function') throw new Error('no oldestOpenEnqueuedAt');
          const oldest = async () => {
            const t = await lag.oldestOpenEnqueuedAt?.();
            return t === undefined ? undefined : new Date(t).toISOString();
          };
          expect(await oldest()).toBeUndefined();
          await put('o1', 'A');
          clock.advance(60_000);
          await put('o2', 'B');
          await put('o3', 'C');
          expect(await oldest()).toBe(new Date(START).toISOString());
          const claimed = await outbox().claim({ worker: 'w', limit: 10, leaseMs: 1000 });
          expect(await oldest()).toBe(new Date(START).toISOString()); // leased is still open
          const [o1, o2, o3] = claimed;
          if (o1 === undefined || o2 === undefined || o3 === undefined) throw new Error('not claimed');
          await outbox().complete(o1.id, o1.leaseToken);
          expect(await oldest()).toBe(new Date(Date.parse(START) + 60_000).toISOString());
          await outbox().complete(o2.id, o2.leaseToken);
          await outbox().fail(o3.id, o3.leaseToken, { error: 'rejected', dead: true });
          expect(await oldest()).toBeUndefined(); // done and dead are not open
        });
      });
    }

    if (ports.includes('dossiers')) {
      describe('DossierChangeStore', () => {
        const HS = '000.00.00.H56-250701-0001';
        const change = (code: string, changeId: string, state: TrangThaiHoSo, rows = 1): DossierChange => ({
          changeId,
          first: changeId === '1',
          dossier: { MaHoSo: code, MaTTHC: '1.001193', TrangThaiHoSo: state, NgayTiepNhan: '20250701083000' },
          progress: Array.from({ length: rows }, (_, i) => ({
            MaHoSo: code,
            ThoiDiemXuLy: `2025070${changeId.length}0${i}0000`,
            TrangThai: state,
            NoiDungXuLy: `bước ${changeId}.${i} — tiếng Việt`,
          })),
        });
        const drain = async (): Promise<string[]> => {
          const delivered: string[] = [];
          for (;;) {
            const batch = await outbox().claim({ worker: 'w', limit: 100, leaseMs: 30_000 });
            if (batch.length === 0) return delivered;
            for (const m of batch) {
              delivered.push(m.id);
              await outbox().complete(m.id, m.leaseToken);
            }
          }
        };

        it('commits a change and its outbox messages together; the same changeId again changes nothing', async () => {
          const c1 = change(HS, '1', '2');
          expect(await dossiers().commitDossierChange(c1)).toEqual({ committed: true });
          expect(await dossiers().getDossier(HS)).toEqual({ dossier: c1.dossier, progress: c1.progress });
          const expected = dossierChangeMessages(c1);
          expect(expected).toHaveLength(2);
          for (const m of expected) {
            expect(await outbox().get(m.id)).toMatchObject({
              id: m.id,
              key: HS,
              type: m.type,
              payload: m.payload,
              state: 'pending',
              enqueuedAt: new Date(START).toISOString(),
            });
          }
          expect(await outbox().counts()).toMatchObject({ pending: 2 });
          // Replaying the change (even with another body) writes and enqueues nothing.
          expect(await dossiers().commitDossierChange({ ...change(HS, '1', '9'), first: true })).toEqual({
            committed: false,
          });
          expect(await dossiers().getDossier(HS)).toEqual({ dossier: c1.dossier, progress: c1.progress });
          expect(await outbox().counts()).toMatchObject({ pending: 2 });
          expect(await dossiers().getDossier('HS-none')).toBeUndefined();
        });

        it('rolls the dossier change back when its outbox insert fails: nothing half-written', async () => {
          if (subject.breakOutboxInserts === undefined) return; // this subject cannot inject the failure
          const c1 = change(HS, '1', '2');
          const c2 = change(HS, '2', '4', 2);
          await dossiers().commitDossierChange(c1);
          const undo = await subject.breakOutboxInserts();
          await expect(dossiers().commitDossierChange(c2)).rejects.toThrow();
          await expect(dossiers().commitDossierChange(change('HS-NEW', '1', '2'))).rejects.toThrow();
          // Neither the dossier, nor its progress, nor the record of the change, nor a message.
          expect(await dossiers().getDossier(HS)).toEqual({ dossier: c1.dossier, progress: c1.progress });
          expect(await dossiers().getDossier('HS-NEW')).toBeUndefined();
          expect(await dossiers().listDossiers({ limit: 10 })).toHaveLength(1);
          for (const m of dossierChangeMessages(c2)) expect(await outbox().get(m.id)).toBeUndefined();
          expect(await outbox().counts()).toMatchObject({ pending: 2 });
          await undo();
          // The failed change was not recorded as applied: committing it again works.
          expect(await dossiers().commitDossierChange(c2)).toEqual({ committed: true });
          expect(await dossiers().getDossier(HS)).toEqual({
            dossier: c2.dossier,
            progress: [...(c1.progress ?? []), ...(c2.progress ?? [])],
          });
          expect(await outbox().counts()).toMatchObject({ pending: 4 });
        });

        it('makes the messages of changes applied in order claimable in that order per dossier', async () => {
          const A = 'HS-A';
          const B = 'HS-B';
          const changes = [
            change(A, '1', '2'),
            change(B, '1', '2'),
            change(A, '2', '4', 0),
            change(A, '3', '5', 2),
            change(B, '2', '10'),
          ];
          for (const c of changes) {
            expect(await dossiers().commitDossierChange(c)).toEqual({ committed: true });
            clock.advance(1000);
          }
          const first = await outbox().claim({ worker: 'w', limit: 100, leaseMs: 30_000 });
          expect(first.map((m) => m.id)).toEqual([`dvcqg:${A}:1:dossier`, `dvcqg:${B}:1:dossier`]);
          for (const m of first) await outbox().complete(m.id, m.leaseToken);
          const delivered = [...first.map((m) => m.id), ...(await drain())];
          const of = (code: string) => delivered.filter((id) => id.startsWith(`dvcqg:${code}:`));
          const expected = (code: string) =>
            changes.filter((c) => c.dossier.MaHoSo === code).flatMap((c) => dossierChangeMessages(c).map((m) => m.id));
          expect(of(A)).toEqual(expected(A));
          expect(of(B)).toEqual(expected(B));
          expect(of(A)).toEqual([
            `dvcqg:${A}:1:dossier`,
            `dvcqg:${A}:1:progress`,
            `dvcqg:${A}:2:dossier`,
            `dvcqg:${A}:3:dossier`,
            `dvcqg:${A}:3:progress`,
          ]);
          // The local record is the latest state with every progress row, in order.
          const a = await dossiers().getDossier(A);
          expect(a?.dossier.TrangThaiHoSo).toBe('5');
          expect(a?.progress).toEqual(changes.filter((c) => c.dossier.MaHoSo === A).flatMap((c) => c.progress ?? []));
        });

        it('lists local records in MaHoSo order, page by page', async () => {
          for (const code of ['HS-3', 'HS-1', 'HS-2', 'HS-10'])
            await dossiers().commitDossierChange(change(code, '1', '2'));
          await dossiers().commitDossierChange(change('HS-1', '2', '4'));
          const page1 = await dossiers().listDossiers({ limit: 2 });
          expect(page1.map((r) => r.dossier.MaHoSo)).toEqual(['HS-1', 'HS-10']);
          expect(page1[0]?.progress).toHaveLength(2);
          const page2 = await dossiers().listDossiers({ after: 'HS-10', limit: 2 });
          expect(page2.map((r) => r.dossier.MaHoSo)).toEqual(['HS-2', 'HS-3']);
          expect(page2[1]).toEqual({
            dossier: change('HS-3', '1', '2').dossier,
            progress: change('HS-3', '1', '2').progress,
          });
          expect(await dossiers().listDossiers({ after: 'HS-3', limit: 2 })).toEqual([]);
        });

        it('refuses changes and queries outside their domain, writing nothing', async () => {
          await expect(dossiers().commitDossierChange({ ...change(HS, '1', '2'), changeId: '' })).rejects.toMatchObject(
            {
              code: 'INVALID_ARGUMENT',
            },
          );
          await expect(
            dossiers().commitDossierChange({
              ...change(HS, '1', '2'),
              progress: change('HS-OTHER', '1', '2').progress,
            }),
          ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
          await expect(dossiers().listDossiers({ limit: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
          expect(await dossiers().getDossier(HS)).toBeUndefined();
          expect(await outbox().counts()).toEqual({ pending: 0, leased: 0, done: 0, dead: 0 });
        });
      });
    }
  });
}
