import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDvcqgClient } from '@motcua/adapters/dvcqg';
import { dossierChangeMessages } from '@motcua/core';
import { type Sandbox, startSandbox } from '@motcua/sandbox';
import type { DvcqgDossier } from '@motcua/schemas/dvcqg';
import { openSqliteStore } from '@motcua/store';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/memory-io.ts';
import { createDvcqgPortalSender, runSync, syncCommand } from './sync.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const code = (i: number) => `000.00.00.H56-250701-${String(i).padStart(4, '0')}`;
const dossier = (i: number, status: string): DvcqgDossier => ({
  MaHoSo: code(i),
  MaTTHC: '1.001193',
  TrangThaiHoSo: status as DvcqgDossier['TrangThaiHoSo'],
  NgayTiepNhan: '20250701083000',
});

async function setUp(name: string, faults = {}): Promise<{ db: string; portal: string; s: Sandbox }> {
  sandbox = await startSandbox({ faults: { seed: 5, ...faults } });
  const portal = join(dir, `${name}.portal.json`);
  writeFileSync(portal, JSON.stringify(sandbox.dvcqg));
  const db = join(dir, `${name}.db`);
  const store = openSqliteStore({ path: db });
  for (let i = 1; i <= 20; i++) {
    for (const [n, status] of ['2', '4', '9'].entries()) {
      for (const m of dossierChangeMessages({
        changeId: String(n),
        first: n === 0,
        dossier: dossier(i, status),
        progress: [{ MaHoSo: code(i), ThoiDiemXuLy: `2025070${n + 1}090000`, TrangThai: status as '2' }],
      })) {
        await store.outbox.enqueue(m);
      }
    }
  }
  await store.close();
  return { db, portal, s: sandbox };
}

describe('createDvcqgPortalSender', () => {
  it('upserts with the hint, turning a repeated create into an update, and sends progress', async () => {
    const s = await startSandbox();
    sandbox = s;
    const portal = createDvcqgPortalSender(createDvcqgClient({ ...s.dvcqg, retry: false }));
    await portal.upsertDossier({ dossier: dossier(1, '2'), exists: false });
    await portal.upsertDossier({ dossier: dossier(1, '4'), exists: false }); // "đã tồn tại" → update
    await portal.upsertDossier({ dossier: dossier(2, '2'), exists: true }); // absent → look-up → create
    await portal.upsertDossier({ dossier: dossier(3, '2') });
    await portal.upsertDossiers?.([
      { dossier: dossier(4, '2'), exists: false },
      { dossier: dossier(5, '2'), exists: false },
    ]);
    await portal.sendProgress([
      { MaHoSo: code(1), ThoiDiemXuLy: '20250701090000', TrangThai: '2' },
      { MaHoSo: code(4), ThoiDiemXuLy: '20250701090000', TrangThai: '2' },
    ]);
    expect(s.state.dossier(code(1))?.data.TrangThaiHoSo).toBe('4');
    expect(s.state.stats().dossiers).toBe(5);
    expect(s.state.progress(code(4))).toHaveLength(1);
    expect(await portal.lookUpDossier(code(2))).toMatchObject({ MaHoSo: code(2) });
    expect(await portal.lookUpDossier(code(9))).toBeUndefined();
    await expect(
      portal.sendProgress([{ MaHoSo: code(9), ThoiDiemXuLy: '20250701090000', TrangThai: '2' }]),
    ).rejects.toMatchObject({ code: 'PORTAL_REJECTED' });
  });
});

describe('motcua sync', () => {
  it('run --until-empty delivers the outbox through faults; status shows the figures', async () => {
    const { db, portal, s } = await setUp('run', { errorRate: 0.1, serverErrorRate: 0.1 });
    const io = memoryIo();
    expect(await syncCommand.run(['run', '--db', db, '--portal', portal, '--until-empty', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ delivered: 120, pending: 0, inFlight: 0, failed: 0, done: 120 });
    for (let i = 1; i <= 20; i++) {
      expect(s.state.dossier(code(i))?.data.TrangThaiHoSo).toBe('9');
      expect(s.state.progress(code(i)).map((r) => r.data.TrangThai)).toEqual(['2', '4', '9']);
    }
    const st = memoryIo();
    expect(await syncCommand.run(['status', '--db', db, '--json'], st)).toBe(0);
    expect(JSON.parse(st.out())).toMatchObject({ pending: 0, inFlight: 0, failed: 0, done: 120 });
    const text = memoryIo();
    await syncCommand.run(['status', '--db', db], text);
    expect(text.out()).toContain('đã gửi 120');
  });

  it('run without --until-empty keeps going until stopped', async () => {
    const { db, portal, s } = await setUp('loop');
    const io = memoryIo();
    const stop = new AbortController();
    const done = runSync(['run', '--db', db, '--portal', portal, '--lang', 'en'], io, { signal: stop.signal });
    for (let i = 0; i < 500 && s.state.stats().progressRows < 60; i++) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    expect(await done).toBe(0);
    expect(io.err()).toContain('syncing; Ctrl+C to stop');
    expect(io.out()).toContain('delivered 120');
  });

  it('reconcile finds what the portal lacks or holds differently, and --enqueue puts it right', async () => {
    const { db, portal, s } = await setUp('reconcile');
    await syncCommand.run(['run', '--db', db, '--portal', portal, '--until-empty'], memoryIo());
    // The portal loses a dossier, another is changed behind our back.
    s.state.reset();
    const local = join(dir, 'local.ndjson');
    const lines = [1, 2, 3].map((i) =>
      JSON.stringify({
        dossier: dossier(i, '9'),
        progress: [{ MaHoSo: code(i), ThoiDiemXuLy: '20250703090000', TrangThai: '9' }],
      }),
    );
    writeFileSync(local, `${lines.join('\n')}\n`);
    const client = createDvcqgPortalSender(createDvcqgClient({ ...s.dvcqg, retry: false }));
    await client.upsertDossier({ dossier: dossier(2, '4'), exists: false });
    await client.upsertDossier({ dossier: dossier(3, '9'), exists: false });

    const report = memoryIo();
    expect(
      await syncCommand.run(['reconcile', '--db', db, '--portal', portal, '--local', local, '--json'], report),
    ).toBe(1);
    expect(JSON.parse(report.out())).toEqual({
      checked: 3,
      same: 1,
      differences: [
        { maHoSo: code(1), kind: 'missing' },
        { maHoSo: code(2), kind: 'different', fields: ['TrangThaiHoSo'] },
      ],
      enqueued: 0,
    });
    const fix = memoryIo();
    expect(
      await syncCommand.run(['reconcile', '--db', db, '--portal', portal, '--local', local, '--enqueue'], fix),
    ).toBe(1);
    expect(fix.out()).toContain('đã đưa vào outbox 4 thư');
    // The outbox is not empty now: a second --enqueue is refused.
    const refused = memoryIo();
    expect(
      await syncCommand.run(['reconcile', '--db', db, '--portal', portal, '--local', local, '--enqueue'], refused),
    ).toBe(2);
    expect(refused.err()).toContain('--force');
    await syncCommand.run(['run', '--db', db, '--portal', portal, '--until-empty'], memoryIo());
    const after = memoryIo();
    expect(await syncCommand.run(['reconcile', '--db', db, '--portal', portal, '--local', local], after)).toBe(0);
    expect(after.out()).toContain('khớp 3');
  });

  it('refuses bad usage with exit 2', async () => {
    const cases: string[][] = [
      [],
      ['fly'],
      ['status', '--portal', 'x.json'],
      ['run', '--db', join(dir, 'u.db')],
      ['run', '--db', join(dir, 'u.db'), '--portal', join(dir, 'missing.json')],
      ['run', '--db', join(dir, 'u.db'), '--schema', 'x', '--portal', 'p.json'],
      ['reconcile', '--db', join(dir, 'u.db'), '--portal', join(dir, 'missing.json')],
      ['status', 'extra'],
    ];
    for (const args of cases) {
      const io = memoryIo();
      expect(await syncCommand.run(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toContain('motcua sync:');
    }
    const incomplete = join(dir, 'incomplete.json');
    writeFileSync(incomplete, JSON.stringify({ adapterUrl: 'http://127.0.0.1:1' }));
    const io = memoryIo();
    expect(await syncCommand.run(['run', '--db', join(dir, 'u.db'), '--portal', incomplete], io)).toBe(2);
    expect(io.err()).toContain('authEndpoint');
  });
});
