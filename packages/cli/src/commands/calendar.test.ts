import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/memory-io.ts';
import { calendarCommand } from './calendar.ts';

async function run(args: string[], stdin = '') {
  const io = memoryIo(stdin);
  const code = await calendarCommand.run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('motcua calendar lunar', () => {
  it('prints the lunar date in Vietnamese, with the year name', async () => {
    const r = await run(['lunar', '2025-01-29']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('2025-01-29 → ngày 1 tháng 1 năm Ất Tỵ (2025)\n');
  });

  it('prints { day, month, year, leap } with --json', async () => {
    const r = await run(['lunar', '2025-08-01', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ day: 8, month: 6, year: 2025, leap: true });
    expect(JSON.parse((await run(['lunar', '2007-02-17', '--json'])).out)).toEqual({
      day: 1,
      month: 1,
      year: 2007,
      leap: false,
    });
  });

  it('speaks English with --lang en', async () => {
    const r = await run(['lunar', '2025-08-01', '--lang', 'en']);
    expect(r.out).toBe('2025-08-01 → lunar day 8 of leap month 6, year 2025 (Ất Tỵ)\n');
  });
});

describe('motcua calendar solar', () => {
  it('converts a lunar date, with --leap for the leap month', async () => {
    expect((await run(['solar', '2026-01-01'])).out).toBe('2026-02-17\n');
    const leap = await run(['solar', '2025-06-01', '--leap', '--json']);
    expect(leap.code).toBe(0);
    expect(JSON.parse(leap.out)).toEqual({ date: '2025-07-25', year: 2025, month: 7, day: 25 });
    expect((await run(['solar', '2025-06-01'])).out).toBe('2025-06-25\n');
  });

  it('exits 1 for a lunar date that does not exist', async () => {
    const noLeap = await run(['solar', '2024-04-01', '--leap']);
    expect(noLeap.code).toBe(1);
    expect(noLeap.err).toContain('không có tháng 4 nhuận');
    const day30 = await run(['solar', '2024-12-30', '--lang', 'en']);
    expect(day30.code).toBe(1);
    expect(day30.err).toContain('has only 29 days');
  });
});

describe('motcua calendar is-working-day', () => {
  it('prints false and why for a compensation day, exit 1', async () => {
    const r = await run(['is-working-day', '2023-09-04']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('false');
    expect(r.out).toContain('Nghỉ bù Quốc khánh (2/9) ngày 02/09/2023 [compensation]');
  });

  it('prints true for a Saturday worked back, exit 0, in English', async () => {
    const r = await run(['is-working-day', '2026-01-10', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'true',
        '2026-01-10 (Saturday; lunar day 22 of month 11, year 2025 (Ất Tỵ)): working day',
        '  - Saturday (weekly rest day) [weekend]',
        "  - Working day in exchange for 2026-01-02 (New Year's Day break) [swap-working-day]",
        '',
      ].join('\n'),
    );
  });

  it('prints the explanation as JSON', async () => {
    const r = await run(['is-working-day', '2025-01-29', '--json', '--lang', 'en']);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ date: '2025-01-29', working: false, dayOfWeek: 3 });
    expect(out.reasons).toEqual([
      {
        kind: 'holiday',
        name: 'Lunar New Year (Tết)',
        holiday: 'tet',
        source: expect.stringContaining('8726/VPCP-KGVX'),
      },
    ]);
  });

  it('reads overrides from a JSON file (here standard input)', async () => {
    const overrides = JSON.stringify({ daysOff: [{ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }] });
    const r = await run(['is-working-day', '2026-11-24', '--overrides', '-'], overrides);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Ngày Văn hóa Việt Nam [override]');
    expect((await run(['is-working-day', '2026-11-24'])).code).toBe(0);
  });

  it('turns a bad overrides file into a usage error listing the issues', async () => {
    const bad = await run(['is-working-day', '2026-11-24', '--overrides', '-'], '{"daysOff":[{"date":"2026-02-30"}]}');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('daysOff.0.date [CALENDAR_DATE_INVALID]');
    expect(bad.err).toContain('daysOff.0.name [REQUIRED]');
    const malformed = await run(['is-working-day', '2026-11-24', '--overrides', '-', '--lang', 'en'], '{');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('malformed JSON');
    const missing = await run(['is-working-day', '2026-11-24', '--overrides', '/nonexistent/motcua.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('NOT_FOUND');
  });
});

describe('motcua calendar due', () => {
  it('prints the due instant', async () => {
    const r = await run(['due', '--from', '2025-04-29T09:00:00+07:00', '--working-days', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('2025-05-07T17:00:00+07:00\n');
  });

  it('applies the cutoff, reports it with --json, and accepts --cutoff none', async () => {
    const r = await run(['due', '--from', '2025-04-29T16:45:00+07:00', '--working-days', '1', '--json']);
    expect(JSON.parse(r.out)).toEqual({
      receivedAt: '2025-04-29T16:45:00+07:00',
      receptionDate: '2025-05-05',
      processingTime: { amount: 1, unit: 'working-days' },
      afternoonCutoff: '16:30',
      due: '2025-05-06T17:00:00+07:00',
    });
    const none = await run(['due', '--from', '2025-04-29T16:45:00+07:00', '--working-days', '1', '--cutoff', 'none']);
    expect(none.out).toBe('2025-05-05T17:00:00+07:00\n');
  });

  it('counts calendar days and working hours', async () => {
    expect((await run(['due', '--from', '2025-03-10T09:00:00+07:00', '--days', '5'])).out).toBe(
      '2025-03-17T17:00:00+07:00\n',
    );
    expect((await run(['due', '--from', '2025-04-29T15:00:00+07:00', '--hours', '4'])).out).toBe(
      '2025-05-05T09:30:00+07:00\n',
    );
  });
});

describe('motcua calendar holidays', () => {
  it('lists the year', async () => {
    const r = await run(['holidays', '2025', '--json']);
    expect(r.code).toBe(0);
    const days = JSON.parse(r.out) as { date: string; working: boolean }[];
    expect(days.filter((d) => !d.working).map((d) => d.date)).toContain('2025-05-02');
    expect(days.find((d) => d.date === '2025-04-26')?.working).toBe(true);
  });
});

describe('motcua calendar: bad arguments are usage errors (exit 2), never stack traces', () => {
  it.each([
    [[]],
    [['bogus']],
    [['lunar']],
    [['lunar', '2025-13-01']],
    [['lunar', '29/01/2025']],
    [['lunar', '1700-01-01']],
    [['lunar', '2025-01-29', 'extra']],
    [['lunar', '2025-01-29', '--leap']],
    [['solar', '2025-1-1']],
    [['is-working-day', 'tomorrow']],
    [['is-working-day', '2300-01-01']],
    [['due', '2025-04-29']],
    [['due', '--working-days', '3']],
    [['due', '--from', 'yesterday', '--working-days', '3']],
    [['due', '--from', '2025-04-29T09:00:00', '--working-days', '3']],
    [['due', '--from', '2025-04-29T09:00:00+07:00']],
    [['due', '--from', '2025-04-29T09:00:00+07:00', '--working-days', '3', '--days', '2']],
    [['due', '--from', '2025-04-29T09:00:00+07:00', '--working-days', '-3']],
    [['due', '--from', '2025-04-29T09:00:00+07:00', '--working-days=-3']],
    [['due', '--from', '2025-04-29T09:00:00+07:00', '--working-days', '1.5']],
    [['due', '--from', '2025-04-29T09:00:00+07:00', '--hours', 'two']],
    [['due', '--from', '2025-04-29T09:00:00+07:00', '--working-days', '3', '--cutoff', '4pm']],
    [['due', '--from', '2199-12-31T09:00:00+07:00', '--working-days', '99999']],
    [['holidays', '25']],
    [['holidays', '2025', '--cutoff', '16:00']],
    [['lunar', '2025-01-29', '--lang', 'fr']],
    [['lunar', '2025-01-29', '--unknown']],
  ])('%j', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^motcua calendar: /);
    expect(r.err).toContain('motcua calendar <sub-command>');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('writes usage errors in English with --lang en', async () => {
    const r = await run(['bogus', '--lang', 'en']);
    expect(r.err).toMatch(/^motcua calendar: unknown sub-command 'bogus'/);
  });
});
