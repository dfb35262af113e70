import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { concat } from '../../test/pdf/build-pdf.ts';
import { assertLoaded, ensureLoaded, loadedEnd, noteClamped, SparseFile, SparseHoleError } from './sparse.ts';

/**
 * The sparse loader of large PDFs on files made of random segments: raw bytes and stream
 * payloads with right, wrong, indirect or missing `/Length`, every end-of-line. Whatever the
 * scanner decides, the buffer must hold the file's bytes outside the holes, and every way of
 * reaching the unloaded bytes must load them or fail loudly.
 */

const dir = mkdtempSync(join(tmpdir(), 'motcua-sparse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TUNING = { holeMinBytes: 128, margin: 16 };

const payload = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 700 }) },
  // Around the smallest payload that becomes a hole (holeMinBytes + margin = 144).
  { weight: 1, arbitrary: fc.integer({ min: 136, max: 152 }).map((n) => new Uint8Array(n).fill(0x30)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40_000 }).map((n) => new Uint8Array(n).fill(0x41)) },
  {
    weight: 1,
    // Payloads that contain the scanner's needles themselves.
    arbitrary: fc
      .tuple(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('endstream', 'stream\n', 'stream\r\n', 'endstream\nendobj\n', '/Length 5'),
        fc.uint8Array({ maxLength: 400 }),
      )
      .map(([a, s, b]) => concat(a, s, b)),
  },
);

const segment = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc
    .record({
      data: payload,
      length: fc.constantFrom('right', 'short', 'long', 'indirect', 'none', 'huge'),
      eol: fc.constantFrom('\n', '\r\n', '\r', ' ', ''),
      before: fc.constantFrom('\n', '\r\n', ' ', ''),
    })
    .map(({ data, length, eol, before }) => {
      const n = data.length;
      const len = {
        right: `/Length ${n}`,
        short: `/Length ${Math.max(0, n - 7)}`,
        long: `/Length ${n + 5}`,
        indirect: '/Length 12 0 R',
        none: '',
        huge: '/Length 99999999999',
      }[length];
      return concat(`1 0 obj\n<</Type /XObject ${len}>>\nstream${eol}`, data, `${before}endstream\nendobj\n`);
    }),
);

const file = fc.array(segment, { minLength: 1, maxLength: 10 }).map((parts) => concat(...parts));

let seq = 0;
function open(bytes: Uint8Array): SparseFile {
  const path = join(dir, `f${seq++}.bin`);
  writeFileSync(path, bytes);
  return SparseFile.open(path, TUNING);
}

function checkInvariants(f: SparseFile, bytes: Uint8Array): void {
  expect(f.size).toBe(bytes.length);
  expect(f.bytes.length).toBe(bytes.length);
  let prev = 0;
  for (const [a, b] of f.holes) {
    expect(a).toBeGreaterThanOrEqual(prev);
    expect(b).toBeGreaterThan(a);
    expect(b).toBeLessThanOrEqual(bytes.length);
    prev = b;
  }
  const inHole = new Uint8Array(bytes.length);
  for (const [a, b] of f.holes) inHole.fill(1, a, b);
  for (let i = 0; i < bytes.length; i++)
    if (inHole[i] === 0 && f.bytes[i] !== bytes[i]) throw new Error(`byte ${i} differs outside the holes`);
}

function meetsHole(holes: readonly [number, number][], a: number, b: number): boolean {
  return a < b && holes.some(([s, e]) => s < b && a < e);
}

const range = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));

describe('SparseFile', () => {
  it('loads every byte outside its holes, and ensure() fills holes exactly where asked', () => {
    let holed = 0;
    fc.assert(
      fc.property(file, fc.array(range, { maxLength: 5 }), (bytes, ranges) => {
        const f = open(bytes);
        try {
          checkInvariants(f, bytes);
          if (f.holes.length > 0) holed++;
          expect(f.loadedBytes).toBe(bytes.length - f.holeBytes);
          for (const [x, y] of ranges) {
            const a = Math.floor(Math.min(x, y) * bytes.length);
            const b = Math.ceil(Math.max(x, y) * bytes.length);
            f.ensure(a, b);
            checkInvariants(f, bytes);
            expect(Buffer.from(f.bytes.subarray(a, b)).equals(Buffer.from(bytes.subarray(a, b)))).toBe(true);
            expect(meetsHole(f.holes, a, b)).toBe(false);
            expect(f.loadedBytes).toBe(bytes.length - f.holeBytes);
          }
          expect(f.suspect).toBe(false);
        } finally {
          f.close();
        }
      }),
      { numRuns: 150 },
    );
    // The generator must actually produce holes.
    expect(holed).toBeGreaterThan(20);
  });

  it('loadedEnd() stops at the next hole and loads a window when it starts inside one', () => {
    fc.assert(
      fc.property(file, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (bytes, where) => {
        const f = open(bytes);
        try {
          for (const w of where) {
            const pos = Math.min(bytes.length - 1, Math.floor(w * bytes.length));
            const holes = f.holes.map((h) => [...h] as [number, number]);
            const inside = holes.some(([s, e]) => s <= pos && pos < e);
            const next = holes.find(([s]) => s > pos)?.[0] ?? bytes.length;
            const end = f.loadedEnd(pos);
            expect(end).toBeGreaterThan(pos);
            expect(end).toBeLessThanOrEqual(next);
            if (!inside) expect(end).toBe(next);
            expect(end === bytes.length || f.holes.some(([s]) => s === end)).toBe(true);
            expect(meetsHole(f.holes, pos, end)).toBe(false);
            checkInvariants(f, bytes);
          }
        } finally {
          f.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('assertLoaded() throws SparseHoleError exactly when the range meets a hole, and the file becomes suspect', () => {
    fc.assert(
      fc.property(file, fc.array(range, { minLength: 1, maxLength: 5 }), (bytes, ranges) => {
        const f = open(bytes);
        try {
          let hit = false;
          for (const [x, y] of ranges) {
            const a = Math.floor(Math.min(x, y) * bytes.length);
            const b = Math.ceil(Math.max(x, y) * bytes.length);
            const meets = meetsHole(f.holes, a, b);
            let thrown: unknown;
            try {
              f.assertLoaded(a, b);
            } catch (e) {
              thrown = e;
            }
            expect(thrown instanceof SparseHoleError).toBe(meets);
            hit ||= meets;
            expect(f.holeHit).toBe(hit);
            expect(f.suspect).toBe(hit);
          }
        } finally {
          f.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts a lexer clamped at a hole as suspect only when it ended near the hole', () => {
    const bytes = concat(
      '1 0 obj\n<</Length 5000>>\nstream\n',
      new Uint8Array(5000).fill(0x41),
      '\nendstream\nendobj\n',
    );
    const f = open(bytes);
    try {
      expect(f.holes.length).toBe(1);
      const [start] = f.holes[0] as [number, number];
      f.noteClamped({ pos: 0, end: start });
      expect(f.suspect).toBe(false);
      f.noteClamped({ pos: start - 10, end: start });
      expect(f.suspect).toBe(true);
    } finally {
      f.close();
    }
  });

  it('makes no empty hole: a payload of holeMinBytes + margin bytes is loaded whole, one more byte makes a 1-byte hole', () => {
    for (const [n, holes] of [
      [144, 0],
      [145, 1],
    ] as const) {
      const bytes = concat(
        `1 0 obj\n<</Length ${n}>>\nstream\n`,
        new Uint8Array(n).fill(0x41),
        '\nendstream\nendobj\n',
      );
      const f = open(bytes);
      try {
        expect(f.holes.length).toBe(holes);
        if (holes > 0) expect(f.holeBytes).toBe(1);
        checkInvariants(f, bytes);
      } finally {
        f.close();
      }
    }
  });

  it('module functions go through the registry and are no-ops for ordinary buffers', () => {
    const plain = new Uint8Array(100);
    expect(loadedEnd(plain, 10)).toBe(100);
    expect(() => assertLoaded(plain, 0, 100)).not.toThrow();
    ensureLoaded(plain, 0, 100);
    noteClamped(plain, { pos: 99, end: 100 });

    const bytes = concat('<<>>\nstream\n', new Uint8Array(2000).fill(0x42), '\nendstream\n');
    const f = open(bytes);
    try {
      const [s, e] = f.holes[0] as [number, number];
      expect(loadedEnd(f.bytes, 0)).toBe(s);
      expect(() => assertLoaded(f.bytes, s - 1, s + 1)).toThrow(SparseHoleError);
      ensureLoaded(f.bytes, s, e);
      expect(f.holes).toEqual([]);
      expect(Buffer.from(f.bytes).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      f.close();
    }
  });
});
