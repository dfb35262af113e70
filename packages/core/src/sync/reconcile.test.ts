import type { DvcqgDossier } from '@motcua/schemas/dvcqg';
import { describe, expect, it } from 'vitest';
import { allLocalDossiers, type DossierChangeStore } from './change-port.ts';
import { DVCQG_DOSSIER_MESSAGE, DVCQG_PROGRESS_MESSAGE } from './messages.ts';
import { compareDossiers, enqueueReconciliation, type LocalDossierRecord, reconcile } from './reconcile.ts';
import { FakePortal, MemoryOutbox } from './test-support.ts';
import { createSyncWorker } from './worker.ts';

const d = (code: string, status: string, extra: Record<string, unknown> = {}): DvcqgDossier => ({
  MaHoSo: code,
  MaTTHC: '1.001193',
  TrangThaiHoSo: status as DvcqgDossier['TrangThaiHoSo'],
  NgayTiepNhan: '20250701083000',
  ...extra,
});

describe('compareDossiers', () => {
  it('treats "", null and absent alike, numbers like digit strings, and ignores portal-only fields', () => {
    expect(
      compareDossiers({ a: '', b: null, c: 4, d: [{ x: 1, y: '' }] }, { c: '4', d: [{ x: '1' }], z: 'portal' }),
    ).toEqual([]);
    expect(compareDossiers({ TrangThaiHoSo: '9', NgayTra: '20250703' }, { TrangThaiHoSo: '4' })).toEqual([
      'TrangThaiHoSo',
      'NgayTra',
    ]);
    expect(compareDossiers({ o: { b: 1, a: 2 } }, { o: { a: '2', b: '1' } })).toEqual([]);
    expect(compareDossiers({ list: [1, 2] }, { list: [2, 1] })).toEqual(['list']);
  });
});

describe('reconcile', () => {
  it('reports missing, different and failed look-ups; enqueues the fixable ones once per run', async () => {
    const portal = new FakePortal(({ kind, maHoSo }) =>
      kind === 'lookup' && maHoSo === 'HS-4' ? new Error('PORTAL_TIMEOUT') : undefined,
    );
    await portal.upsertDossier({ dossier: d('HS-1', '4') });
    await portal.upsertDossier({ dossier: d('HS-2', '4') });
    const local: LocalDossierRecord[] = [
      { dossier: d('HS-1', '4') },
      { dossier: d('HS-2', '9'), progress: [{ MaHoSo: 'HS-2', ThoiDiemXuLy: '20250702090000', TrangThai: '9' }] },
      { dossier: d('HS-3', '2') },
      { dossier: d('HS-4', '2') },
    ];
    const report = await reconcile(local, portal, { concurrency: 2 });
    expect(report.checked).toBe(4);
    expect(report.same).toBe(1);
    expect(report.differences.map((x) => [x.maHoSo, x.kind, x.fields])).toEqual([
      ['HS-2', 'different', ['TrangThaiHoSo']],
      ['HS-3', 'missing', []],
      ['HS-4', 'lookup-failed', []],
    ]);
    expect(report.differences[2]?.reason).toBe('PORTAL_TIMEOUT');

    const outbox = new MemoryOutbox();
    expect(await enqueueReconciliation(outbox, report, { runId: 'r1' })).toEqual({ dossiers: 2, enqueued: 3 });
    expect(await enqueueReconciliation(outbox, report, { runId: 'r1' })).toEqual({ dossiers: 2, enqueued: 0 });
    expect(outbox.rows.map((r) => [r.id, r.type])).toEqual([
      ['reconcile:r1:HS-2:dossier', DVCQG_DOSSIER_MESSAGE],
      ['reconcile:r1:HS-2:progress', DVCQG_PROGRESS_MESSAGE],
      ['reconcile:r1:HS-3:dossier', DVCQG_DOSSIER_MESSAGE],
    ]);
    expect(outbox.rows[2]?.payload).toEqual({ dossier: d('HS-3', '2'), exists: false });

    await createSyncWorker({ outbox, portal, pollMs: 5 }).drain({ timeoutMs: 5_000 });
    const again = await reconcile(local.slice(0, 3), portal);
    expect(again).toMatchObject({ checked: 3, same: 3, differences: [] });
  });

  it('reads every record of a DossierChangeStore page by page, and refuses records without MaHoSo', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ dossier: d(`HS-${i}`, '2') }));
    const store: Pick<DossierChangeStore, 'listDossiers'> = {
      listDossiers: async ({ after, limit }) =>
        all.filter((r) => after === undefined || r.dossier.MaHoSo > after).slice(0, limit),
    };
    const seen: string[] = [];
    for await (const r of allLocalDossiers(store, 3)) seen.push(r.dossier.MaHoSo);
    expect(seen).toEqual(all.map((r) => r.dossier.MaHoSo));
    await expect(reconcile([{ dossier: {} as DvcqgDossier }], new FakePortal())).rejects.toThrow(/MaHoSo/);
    await expect(
      enqueueReconciliation(new MemoryOutbox(), { checked: 0, same: 0, differences: [] }, { runId: '' }),
    ).rejects.toThrow(/runId/);
  });
});
