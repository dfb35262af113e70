/**
 * Compares what the sandbox portal holds with the local plan, over the inspection API:
 * the same dossiers with the same content, each dossier's writes in the local order (a
 * re-send of the same write may repeat it, nothing may come back after a later one), and
 * each progress row stored once, in order.
 */
import { writeDigest } from '../../src/state.ts';
import type { PlannedDossier } from './plan.ts';

export interface SyncFigures {
  dossiers: number;
  changes: number;
  /** Dossier writes the portal accepted. */
  dossierWrites: number;
  /** Of those, repeats of the write just before (re-sends after a lost answer). */
  repeatedWrites: number;
  progressRows: number;
  /** Progress deliveries beyond the first of each row. */
  repeatedProgress: number;
  /** Dossiers the portal lacks or holds in another state than the local one. */
  mismatched: number;
}

async function getAll<T>(url: string, path: string, field = 'items'): Promise<T[]> {
  const out: T[] = [];
  const page = 20_000;
  for (let offset = 0; ; offset += page) {
    const res = await fetch(`${url}/__sandbox/${path}${path.includes('?') ? '&' : '?'}limit=${page}&offset=${offset}`);
    const body = (await res.json()) as Record<string, T[]>;
    const items = body[field] ?? [];
    out.push(...items);
    if (items.length < page) return out;
  }
}

/** Returns the figures and a list of problems (empty when the portal matches the plan). */
export async function compareWithSandbox(
  url: string,
  plans: readonly PlannedDossier[],
): Promise<{ figures: SyncFigures; problems: string[] }> {
  const dossiers = await getAll<{ maHoSo: string; data: Record<string, unknown> }>(url, 'dossiers');
  const writes = await getAll<{ maHoSo: string; digest: string }>(url, 'writes');
  const rows = await getAll<{ maHoSo: string; data: Record<string, unknown>; deliveries: number }>(url, 'progress');

  const problems: string[] = [];
  const problem = (p: string): void => {
    if (problems.length < 20) problems.push(p);
  };
  const held = new Map(dossiers.map((d) => [d.maHoSo, d.data]));
  const writesBy = new Map<string, string[]>();
  for (const w of writes) writesBy.set(w.maHoSo, [...(writesBy.get(w.maHoSo) ?? []), w.digest]);
  const rowsBy = new Map<string, Array<{ data: Record<string, unknown>; deliveries: number }>>();
  for (const r of rows) rowsBy.set(r.maHoSo, [...(rowsBy.get(r.maHoSo) ?? []), r]);

  if (dossiers.length !== plans.length)
    problem(`the portal holds ${dossiers.length} dossiers, expected ${plans.length}`);
  let changes = 0;
  let repeatedWrites = 0;
  let repeatedProgress = 0;
  let mismatched = 0;
  for (const p of plans) {
    changes += p.changes.length;
    const last = p.changes.at(-1)?.dossier;
    const mine = held.get(p.code);
    if (mine === undefined) {
      mismatched++;
      problem(`${p.code}: missing on the portal`);
      continue;
    }
    if (JSON.stringify(mine) !== JSON.stringify(last)) {
      mismatched++;
      problem(`${p.code}: portal has status ${String(mine.TrangThaiHoSo)}, local ${String(last?.TrangThaiHoSo)}`);
    }
    // Writes: collapse immediate repeats (re-sends); what remains must be the local order exactly.
    const expected = p.changes.map((c) => writeDigest(JSON.stringify(c.dossier)));
    const seen = writesBy.get(p.code) ?? [];
    const collapsed: string[] = [];
    for (const d of seen) {
      if (collapsed.at(-1) === d) repeatedWrites++;
      else collapsed.push(d);
    }
    if (collapsed.join() !== expected.join()) {
      const at = collapsed.findIndex((d, i) => d !== expected[i]);
      problem(
        `${p.code}: writes out of order or missing (first difference at write ${at}; ${seen.length} writes for ${expected.length} changes)`,
      );
    }
    // Progress: each row once, in order.
    const want = p.changes.flatMap((c) => c.progress ?? []).map((r) => `${r.ThoiDiemXuLy}|${r.TrangThai}`);
    const got = rowsBy.get(p.code) ?? [];
    for (const r of got) repeatedProgress += r.deliveries - 1;
    const gotKeys = got.map((r) => `${String(r.data.ThoiDiemXuLy)}|${String(r.data.TrangThai)}`);
    if (gotKeys.join() !== want.join())
      problem(`${p.code}: progress rows ${gotKeys.join(' ')} ≠ local ${want.join(' ')}`);
  }
  return {
    figures: {
      dossiers: dossiers.length,
      changes,
      dossierWrites: writes.length,
      repeatedWrites,
      progressRows: rows.length,
      repeatedProgress,
      mismatched,
    },
    problems,
  };
}
