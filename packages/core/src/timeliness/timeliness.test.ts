import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.ts';
import { assessTimeliness, summarizeTimeliness, type TimelinessInput, type TimelinessResult } from './timeliness.ts';

// Received Tue 1 July 2025 08:00, due Tue 8 July 17:00 (Vietnam time).
const base = {
  receivedAt: '2025-07-01T08:00:00+07:00',
  dueAt: '2025-07-08T17:00:00+07:00',
} as const;
const received = { status: 2, at: '2025-07-01T08:00:00+07:00' } as const;

const judge = (input: Partial<TimelinessInput> & Pick<TimelinessInput, 'progress'>): TimelinessResult =>
  assessTimeliness({ ...base, ...input });

describe('assessTimeliness (QĐ 766 indicator 2.1)', () => {
  it('early: finished on a day before the due day', () => {
    const r = judge({ progress: [received, { status: 9, at: '2025-07-07T16:00:00+07:00' }] });
    expect(r.outcome).toBe('early');
    expect(r.endAt).toBe('2025-07-07T16:00:00+07:00');
    expect(r.endStatus).toBe(9);
    expect(r.basis).toBe('due-date');
  });

  it('on time: finished on the due day, not after the due instant', () => {
    expect(judge({ progress: [received, { status: 9, at: '2025-07-08T17:00:00+07:00' }] }).outcome).toBe('on-time');
    expect(judge({ progress: [received, { status: 9, at: '2025-07-08T08:00:00+07:00' }] }).outcome).toBe('on-time');
  });

  it('late: finished after the due instant', () => {
    const r = judge({ progress: [received, { status: 9, at: '2025-07-08T17:00:01+07:00' }] });
    expect(r.outcome).toBe('late');
    expect(r.lateReasons).toEqual(['after-due']);
  });

  it('subtracts the supplement wait from the end', () => {
    const r = judge({
      progress: [received, { status: 9, at: '2025-07-10T10:00:00+07:00' }],
      supplementRounds: [{ requestedAt: '2025-07-02T09:00:00+07:00', resubmittedAt: '2025-07-04T09:00:00+07:00' }],
    });
    expect(r.supplementMs).toBe(2 * 86_400_000);
    expect(r.effectiveEndAt).toBe('2025-07-08T10:00:00+07:00');
    expect(r.outcome).toBe('on-time');
    expect(r.supplementRequests).toBe(1);
  });

  it('reads supplement rounds from status-5 progress rows when none are given', () => {
    const r = judge({
      progress: [
        received,
        { status: 4, at: '2025-07-01T09:00:00+07:00' },
        { status: 5, at: '2025-07-02T09:00:00+07:00' },
        { status: 5, at: '2025-07-03T09:00:00+07:00' }, // an update while still waiting: same episode
        { status: 4, at: '2025-07-04T09:00:00+07:00' },
        { status: 9, at: '2025-07-10T10:00:00+07:00' },
      ],
    });
    expect(r.supplementRequests).toBe(1);
    expect(r.supplementMs).toBe(2 * 86_400_000);
    expect(r.outcome).toBe('on-time');
  });

  it('counts more than one supplement request as late, whatever the dates', () => {
    const r = judge({
      progress: [
        received,
        { status: 5, at: '2025-07-01T09:00:00+07:00' },
        { status: 4, at: '2025-07-01T10:00:00+07:00' },
        { status: 5, at: '2025-07-01T11:00:00+07:00' },
        { status: 4, at: '2025-07-01T12:00:00+07:00' },
        { status: 9, at: '2025-07-02T10:00:00+07:00' },
      ],
    });
    expect(r.supplementRequests).toBe(2);
    expect(r.outcome).toBe('late');
    expect(r.lateReasons).toEqual(['multiple-supplement-requests']);
    expect(r.withinHalfTime).toBe(false);
    // Given rounds count too, even when the progress rows show one episode.
    const rounds = judge({
      progress: [received, { status: 9, at: '2025-07-02T10:00:00+07:00' }],
      supplementRounds: [
        { requestedAt: '2025-07-01T09:00:00+07:00', resubmittedAt: '2025-07-01T10:00:00+07:00' },
        { requestedAt: '2025-07-01T11:00:00+07:00', resubmittedAt: '2025-07-01T12:00:00+07:00' },
      ],
    });
    expect(rounds.outcome).toBe('late');
  });

  it('chooses the end by status priority 9 > 10 > 8/3, not by time', () => {
    const nine = judge({
      progress: [
        received,
        { status: 10, at: '2025-07-09T08:00:00+07:00' },
        { status: 9, at: '2025-07-08T16:00:00+07:00' },
      ],
    });
    expect(nine.endStatus).toBe(9);
    expect(nine.outcome).toBe('on-time');
    const ten = judge({
      progress: [
        received,
        { status: 8, at: '2025-07-03T08:00:00+07:00' },
        { status: 10, at: '2025-07-09T08:00:00+07:00' },
      ],
    });
    expect(ten.endStatus).toBe(10);
    expect(ten.outcome).toBe('late');
    const stopped = judge({ progress: [received, { status: 8, at: '2025-07-03T08:00:00+07:00' }] });
    expect(stopped.endStatus).toBe(8);
    expect(stopped.withinHalfTime).toBeUndefined(); // not resolved
    const rejected = judge({ progress: [{ status: '3', at: '2025-07-01T08:10:00+07:00' }] });
    expect(rejected.endStatus).toBe(3);
    expect(rejected.outcome).toBe('early');
  });

  it('takes the earliest row of the chosen status, and accepts wire strings', () => {
    const r = judge({
      progress: [
        { status: '9', at: '2025-07-09T08:00:00+07:00' },
        { status: '9', at: '2025-07-07T08:00:00+07:00' },
      ],
    });
    expect(r.endAt).toBe('2025-07-07T08:00:00+07:00');
  });

  it('falls back to NgayKetThucXuLy without an end row', () => {
    const r = judge({ progress: [received], processingEndAt: '2025-07-09T08:00:00+07:00' });
    expect(r.endStatus).toBeUndefined();
    expect(r.outcome).toBe('late');
  });

  it('without NgayHenTra compares with the statutory maximum', () => {
    const r = assessTimeliness({
      receivedAt: base.receivedAt,
      statutoryDueAt: '2025-07-04T17:00:00+07:00',
      progress: [received, { status: 9, at: '2025-07-04T15:00:00+07:00' }],
    });
    expect(r.basis).toBe('statutory-maximum');
    expect(r.outcome).toBe('on-time');
    const none = assessTimeliness({
      receivedAt: base.receivedAt,
      progress: [{ status: 9, at: '2025-07-04T15:00:00+07:00' }],
    });
    expect(none.outcome).toBe('no-deadline');
    expect(none.basis).toBe('none');
  });

  it('reports unfinished and withdrawn dossiers', () => {
    const open = judge({ progress: [received, { status: 4, at: '2025-07-01T09:00:00+07:00' }] });
    expect(open.outcome).toBe('unfinished');
    expect(open.overdue).toBeUndefined();
    const overdue = judge({ progress: [received], asOf: '2025-07-09T08:00:00+07:00' });
    expect(overdue.overdue).toBe(true);
    const waiting = judge({
      progress: [received, { status: 5, at: '2025-07-07T08:00:00+07:00' }],
      asOf: '2025-07-09T08:00:00+07:00',
    });
    expect(waiting.overdue).toBe(false); // the wait since 7 July does not count
    const withdrawn = judge({ progress: [received, { status: 7, at: '2025-07-02T08:00:00+07:00' }] });
    expect(withdrawn.outcome).toBe('withdrawn');
  });

  it('gives the "resolved in less than half the legal time" flag', () => {
    // Legal time 7 days 9 hours; half is 3 days 16.5 hours after reception (5 July 00:30).
    expect(judge({ progress: [{ status: 9, at: '2025-07-05T00:29:00+07:00' }] }).withinHalfTime).toBe(true);
    expect(judge({ progress: [{ status: 9, at: '2025-07-05T00:30:00+07:00' }] }).withinHalfTime).toBe(false);
    expect(judge({ progress: [{ status: 10, at: '2025-07-02T10:00:00+07:00' }] }).withinHalfTime).toBe(true);
  });

  it('counts overlapping supplement rounds once and clamps them to reception and end', () => {
    const r = judge({
      progress: [{ status: 9, at: '2025-07-05T08:00:00+07:00' }],
      supplementRounds: [
        { requestedAt: '2025-06-30T08:00:00+07:00', resubmittedAt: '2025-07-02T08:00:00+07:00' },
        { requestedAt: '2025-07-01T20:00:00+07:00', resubmittedAt: '2025-07-03T08:00:00+07:00' },
        { requestedAt: '2025-07-04T08:00:00+07:00' }, // never resubmitted: until the end
      ],
    });
    expect(r.supplementMs).toBe(2 * 86_400_000 + 86_400_000);
  });

  it('refuses malformed input with a typed error', () => {
    expect(() => judge({ progress: [{ status: 11, at: '2025-07-01T08:00:00+07:00' }] })).toThrow(CoreError);
    expect(() => judge({ progress: [{ status: 'x', at: '2025-07-01T08:00:00+07:00' }] })).toThrow(CoreError);
    expect(() => judge({ progress: [{ status: 9, at: '2025-07-01 08:00' }] })).toThrow(CoreError);
  });
});

describe('summarizeTimeliness', () => {
  it('counts outcomes and gives rates to 2 decimals', () => {
    const results = [
      judge({ progress: [{ status: 9, at: '2025-07-02T08:00:00+07:00' }] }),
      judge({ progress: [{ status: 9, at: '2025-07-08T10:00:00+07:00' }] }),
      judge({ progress: [{ status: 9, at: '2025-07-09T10:00:00+07:00' }] }),
      judge({ progress: [received] }),
      judge({ progress: [{ status: 7, at: '2025-07-02T08:00:00+07:00' }] }),
    ];
    expect(summarizeTimeliness(results)).toEqual({
      total: 5,
      early: 1,
      onTime: 1,
      late: 1,
      unfinished: 1,
      withdrawn: 1,
      noDeadline: 0,
      finished: 3,
      onTimeRate: 66.67,
      withinHalfTime: 1,
      withinHalfTimeRate: 33.33,
    });
  });

  it('gives N/A (null) rates when nothing finished', () => {
    const summary = summarizeTimeliness([]);
    expect(summary.onTimeRate).toBeNull();
    expect(summary.withinHalfTimeRate).toBeNull();
  });
});
