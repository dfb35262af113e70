import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.ts';
import { CoreError } from '../errors.ts';
import {
  applyEvent,
  assessLifecycleTimeliness,
  type DossierLifecycle,
  type LifecycleEvent,
  lifecycleTimelinessInput,
  replayLifecycle,
  startLifecycle,
} from './lifecycle.ts';
import { SUBMITTED_AT } from './test-support.ts';

const officer = { name: 'Lê Thị Hoa', position: 'Chuyên viên' };
const applicant = { name: 'Nguyễn Văn An' };

const ev = (type: LifecycleEvent['type'], at: string, extra: Partial<LifecycleEvent> = {}): LifecycleEvent => ({
  type,
  at,
  actor: type === 'resubmit' || type === 'withdraw' ? applicant : officer,
  ...extra,
});

/** Received Tue 1 July 2025 08:30 with 5 working days (due Tue 8 July 17:00), processing from 09:00. */
function processing(policy?: DossierLifecycle['policy']): DossierLifecycle {
  return replayLifecycle({ submittedAt: SUBMITTED_AT, ...(policy === undefined ? {} : { policy }) }, [
    ev('receive', '2025-07-01T08:30:00+07:00', { processingTime: { amount: 5, unit: 'working-days' } }),
    ev('start-processing', '2025-07-01T09:00:00+07:00'),
  ]);
}

function errorOf(run: () => unknown): CoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a CoreError');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('reception', () => {
  it('starts the clock and computes the due date with the calendar', () => {
    const s = processing();
    expect(s.status).toBe('processing');
    expect(s.receivedAt).toBe('2025-07-01T08:30:00+07:00');
    expect(s.dueAt).toBe('2025-07-08T17:00:00+07:00');
    expect(s.initialDueAt).toBe(s.dueAt);
    expect(s.clock).toEqual([{ state: 'running', from: '2025-07-01T08:30:00+07:00' }]);
  });

  it('takes an explicit due date, or none', () => {
    const explicit = applyEvent(
      startLifecycle({ submittedAt: SUBMITTED_AT }),
      ev('receive', '2025-07-01T08:30:00+07:00', { dueAt: '2025-07-03T17:00:00+07:00' }),
    );
    expect(explicit.dueAt).toBe('2025-07-03T17:00:00+07:00');
    const none = applyEvent(startLifecycle({ submittedAt: SUBMITTED_AT }), ev('receive', '2025-07-01T08:30:00+07:00'));
    expect(none.dueAt).toBeUndefined();
  });
});

describe('supplement requests', () => {
  it('pause the clock and restart it with a new due date', () => {
    let s = processing();
    s = applyEvent(s, ev('request-supplement', '2025-07-02T09:00:00+07:00', { note: 'Bản sao giấy chứng sinh' }));
    expect(s.status).toBe('supplement-requested');
    expect(s.clock.at(-1)).toEqual({ state: 'paused', reason: 'supplement', from: '2025-07-02T09:00:00+07:00' });
    expect(s.supplementRounds).toEqual([
      {
        requestedAt: '2025-07-02T09:00:00+07:00',
        requestedBy: 'Lê Thị Hoa',
        content: 'Bản sao giấy chứng sinh',
        dueBefore: '2025-07-08T17:00:00+07:00',
      },
    ]);
    s = applyEvent(s, ev('resubmit', '2025-07-04T09:00:00+07:00'));
    // 4 working days remained after Wed 2 July (3, 4, 7, 8); counted again from Fri 4 July.
    expect(s.dueAt).toBe('2025-07-10T17:00:00+07:00');
    expect(s.initialDueAt).toBe('2025-07-08T17:00:00+07:00');
    expect(s.supplementRounds[0]).toMatchObject({
      resubmittedAt: '2025-07-04T09:00:00+07:00',
      dueAfter: '2025-07-10T17:00:00+07:00',
    });
    expect(s.clock).toEqual([
      { state: 'running', from: '2025-07-01T08:30:00+07:00', to: '2025-07-02T09:00:00+07:00' },
      { state: 'paused', reason: 'supplement', from: '2025-07-02T09:00:00+07:00', to: '2025-07-04T09:00:00+07:00' },
      { state: 'running', from: '2025-07-04T09:00:00+07:00' },
    ]);
  });

  it('count a resubmission after the afternoon cut-off from the next working day', () => {
    let s = processing();
    s = applyEvent(s, ev('request-supplement', '2025-07-02T09:00:00+07:00'));
    s = applyEvent(s, ev('resubmit', '2025-07-04T16:45:00+07:00'));
    expect(s.dueAt).toBe('2025-07-11T17:00:00+07:00');
    // A deployment without a cut-off counts it the same day.
    let t = processing();
    const calendar = createCalendar({ afternoonCutoff: null });
    t = applyEvent(t, ev('request-supplement', '2025-07-02T09:00:00+07:00'), { calendar });
    t = applyEvent(t, ev('resubmit', '2025-07-04T16:45:00+07:00'), { calendar });
    expect(t.dueAt).toBe('2025-07-10T17:00:00+07:00');
  });

  it('skip holidays when shifting the due date (30/4, 1/5 and the 2/5 swap day of 2025)', () => {
    let s = replayLifecycle({ submittedAt: '2025-04-28T08:00:00+07:00' }, [
      ev('receive', '2025-04-28T08:00:00+07:00', { dueAt: '2025-05-09T17:00:00+07:00' }),
      ev('start-processing', '2025-04-28T09:00:00+07:00'),
      ev('request-supplement', '2025-04-29T09:00:00+07:00'),
    ]);
    s = applyEvent(s, ev('resubmit', '2025-05-05T09:00:00+07:00'));
    // The pause covered one working day (29/4): the due date moves one working day, 9/5 → 12/5.
    expect(s.dueAt).toBe('2025-05-12T17:00:00+07:00');
  });

  it('shift nothing when the dossier was already overdue at the request', () => {
    let s = processing();
    s = applyEvent(s, ev('request-supplement', '2025-07-09T09:00:00+07:00'));
    s = applyEvent(s, ev('resubmit', '2025-07-14T09:00:00+07:00'));
    expect(s.dueAt).toBe('2025-07-08T17:00:00+07:00');
  });

  it('one-only policy: a second request is a typed error and the state is untouched', () => {
    let s = processing();
    s = applyEvent(s, ev('request-supplement', '2025-07-02T09:00:00+07:00'));
    s = deepFreeze(applyEvent(s, ev('resubmit', '2025-07-03T09:00:00+07:00')));
    const error = errorOf(() => applyEvent(s, ev('request-supplement', '2025-07-04T09:00:00+07:00')));
    expect(error.code).toBe('SUPPLEMENT_LIMIT');
    expect(s.status).toBe('processing');
    expect(s.supplementRequests).toBe(1);
  });

  it('allow-and-record policy: a second request is recorded and 766 counts the dossier late', () => {
    let s = processing({ supplementRequests: 'allow-and-record' });
    s = applyEvent(s, ev('request-supplement', '2025-07-02T09:00:00+07:00'));
    s = applyEvent(s, ev('resubmit', '2025-07-02T10:00:00+07:00'));
    s = applyEvent(s, ev('request-supplement', '2025-07-02T11:00:00+07:00'));
    s = applyEvent(s, ev('resubmit', '2025-07-02T14:00:00+07:00'));
    expect(s.supplementRequests).toBe(2);
    expect(s.supplementLimitExceeded).toBe(true);
    expect(s.supplementRounds).toHaveLength(2);
    s = applyEvent(s, ev('resolve', '2025-07-03T10:00:00+07:00'));
    const result = assessLifecycleTimeliness(s);
    expect(result.outcome).toBe('late');
    expect(result.lateReasons).toEqual(['multiple-supplement-requests']);
    expect(result.supplementRequests).toBe(2);
  });
});

describe('financial obligation', () => {
  it('pauses the clock like a supplement and shifts the due date', () => {
    let s = processing();
    s = applyEvent(s, ev('request-payment', '2025-07-03T10:00:00+07:00', { note: 'Lệ phí trước bạ' }));
    expect(s.status).toBe('financial-obligation');
    expect(s.clock.at(-1)).toMatchObject({ state: 'paused', reason: 'financial-obligation' });
    s = applyEvent(s, ev('confirm-payment', '2025-07-07T08:00:00+07:00'));
    // 3 working days remained after Thu 3 July (4, 7, 8); counted from Mon 7 July.
    expect(s.dueAt).toBe('2025-07-10T17:00:00+07:00');
    expect(s.paymentPauses).toEqual([
      {
        requestedAt: '2025-07-03T10:00:00+07:00',
        requestedBy: 'Lê Thị Hoa',
        content: 'Lệ phí trước bạ',
        dueBefore: '2025-07-08T17:00:00+07:00',
        confirmedAt: '2025-07-07T08:00:00+07:00',
        dueAfter: '2025-07-10T17:00:00+07:00',
      },
    ]);
    expect(s.supplementRequests).toBe(0);
  });
});

describe('ending', () => {
  it('resolve sets the 766 processing end and stops the clock; return-result records the return', () => {
    let s = processing();
    s = applyEvent(s, ev('resolve', '2025-07-07T15:00:00+07:00'));
    expect(s.processingEndAt).toBe('2025-07-07T15:00:00+07:00');
    expect(s.clock.at(-1)?.to).toBe('2025-07-07T15:00:00+07:00');
    s = applyEvent(s, ev('return-result', '2025-07-08T08:00:00+07:00'));
    expect(s.status).toBe('returned');
    expect(s.returnedAt).toBe('2025-07-08T08:00:00+07:00');
    expect(assessLifecycleTimeliness(s).outcome).toBe('early');
  });

  it('withdraw closes the clock without a processing end', () => {
    let s = processing();
    s = applyEvent(s, ev('request-supplement', '2025-07-02T09:00:00+07:00'));
    s = applyEvent(s, ev('withdraw', '2025-07-03T09:00:00+07:00'));
    expect(s.status).toBe('withdrawn');
    expect(s.processingEndAt).toBeUndefined();
    expect(s.clock.every((c) => c.to !== undefined)).toBe(true);
    expect(assessLifecycleTimeliness(s).outcome).toBe('withdrawn');
  });

  it('a stop while waiting for a supplement ends processing; the wait is subtracted', () => {
    let s = processing();
    s = applyEvent(s, ev('request-supplement', '2025-07-02T09:00:00+07:00'));
    s = applyEvent(s, ev('stop', '2025-07-20T09:00:00+07:00', { note: 'Quá hạn bổ sung' }));
    const result = assessLifecycleTimeliness(s);
    expect(result.endStatus).toBe(8);
    expect(result.outcome).toBe('early');
  });
});

describe('event validation', () => {
  const s = processing();
  it.each([
    ['unknown type', { type: 'approve' as never, at: '2025-07-02T09:00:00+07:00', actor: officer }],
    ['no offset', { type: 'resolve' as const, at: '2025-07-02T09:00:00', actor: officer }],
    ['no actor', { type: 'resolve' as const, at: '2025-07-02T09:00:00+07:00', actor: { name: ' ' } }],
    ['earlier than the previous event', { type: 'resolve' as const, at: '2025-07-01T08:59:00+07:00', actor: officer }],
    [
      'a due date outside receive',
      { type: 'resolve' as const, at: '2025-07-02T09:00:00+07:00', actor: officer, dueAt: '2025-07-09T17:00:00+07:00' },
    ],
  ])('refuses %s with INVALID_EVENT', (_, event) => {
    expect(errorOf(() => applyEvent(s, event)).code).toBe('INVALID_EVENT');
  });

  it('refuses a reception due date before the reception', () => {
    const start = startLifecycle({ submittedAt: SUBMITTED_AT });
    const error = errorOf(() =>
      applyEvent(start, ev('receive', '2025-07-01T08:30:00+07:00', { dueAt: '2025-06-30T17:00:00+07:00' })),
    );
    expect(error.code).toBe('INVALID_EVENT');
  });

  it('refuses an unknown policy and a submission time without offset', () => {
    expect(
      errorOf(() => startLifecycle({ submittedAt: SUBMITTED_AT, policy: { supplementRequests: 'x' as never } })).code,
    ).toBe('INVALID_ARGUMENT');
    expect(errorOf(() => startLifecycle({ submittedAt: '2025-07-01 08:00' })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('state', () => {
  it('is plain data: it survives JSON and never changes in place', () => {
    const s = deepFreeze(processing());
    const copy = JSON.parse(JSON.stringify(s)) as DossierLifecycle;
    const a = applyEvent(s, ev('resolve', '2025-07-03T10:00:00+07:00'));
    const b = applyEvent(copy, ev('resolve', '2025-07-03T10:00:00+07:00'));
    expect(b).toEqual(a);
    expect(s.status).toBe('processing');
  });

  it('feeds the 766 assessment with the unshifted due date and DVCQG status codes', () => {
    let s = processing();
    s = applyEvent(s, ev('request-supplement', '2025-07-02T09:00:00+07:00'));
    s = applyEvent(s, ev('resubmit', '2025-07-04T09:00:00+07:00'));
    s = applyEvent(s, ev('resolve', '2025-07-10T10:00:00+07:00'));
    const input = lifecycleTimelinessInput(s);
    expect(input.dueAt).toBe('2025-07-08T17:00:00+07:00');
    expect(input.progress.map((r) => r.status)).toEqual([2, 4, 5, 4, 9]);
    // 10 July 10:00 minus the two-day wait is 8 July 10:00: on the due day.
    expect(assessLifecycleTimeliness(s).outcome).toBe('on-time');
  });
});
