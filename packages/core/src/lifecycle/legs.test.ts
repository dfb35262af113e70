import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.ts';
import { deriveInterAgency, type Leg } from './legs.ts';

// Land transfer: the commune desk receives; the land registration office (horizontal at
// province level) and tax (horizontal) each take a share; 10 working days in all.
const landOffice: Leg = {
  agencyCode: '000.00.00.H56',
  agencyName: 'Văn phòng đăng ký đất đai tỉnh Thanh Hóa',
  direction: 'vertical',
  level: 'province',
  deadlineShare: { amount: 4, unit: 'working-days' },
  status: 'completed',
  startedAt: '2025-07-01T09:00:00+07:00',
  finishedAt: '2025-07-04T16:00:00+07:00',
};
const tax: Leg = {
  agencyCode: '000.00.00.H41',
  agencyName: 'Thuế tỉnh Thanh Hóa',
  direction: 'horizontal',
  deadlineShare: { amount: 3, unit: 'working-days' },
  status: 'processing',
  startedAt: '2025-07-04T16:00:00+07:00',
};

describe('deriveInterAgency', () => {
  it('is processing while a leg is open, and computes each leg due date from its own start', () => {
    const d = deriveInterAgency([landOffice, tax], { dueAt: '2025-07-15T17:00:00+07:00' });
    expect(d.status).toBe('processing');
    expect(d.legs.map((l) => l.dueAt)).toEqual(['2025-07-07T17:00:00+07:00', '2025-07-09T17:00:00+07:00']);
    expect(d.legs[0]?.late).toBe(false);
    expect(d.legs[1]?.late).toBeUndefined(); // open, no asOf
    expect(d.late).toBe(false);
    expect(d.issues).toEqual([]);
  });

  it('flags an open leg past its share at asOf, and the dossier past its due date', () => {
    const d = deriveInterAgency([landOffice, tax], {
      dueAt: '2025-07-15T17:00:00+07:00',
      asOf: '2025-07-16T08:00:00+07:00',
    });
    expect(d.lateLegs.map((l) => l.agencyCode)).toEqual(['000.00.00.H41']);
    expect(d.responsibleAgencies).toEqual(['000.00.00.H41']);
    expect(d.late).toBe(true);
  });

  it('is resolved when every leg completed; lateness of the whole is by the dossier due date', () => {
    const lateTax: Leg = { ...tax, status: 'completed', finishedAt: '2025-07-10T10:00:00+07:00' };
    const d = deriveInterAgency([landOffice, lateTax], { dueAt: '2025-07-15T17:00:00+07:00' });
    expect(d.status).toBe('resolved');
    expect(d.finishedAt).toBe('2025-07-10T10:00:00+07:00');
    expect(d.late).toBe(false); // the dossier still met its due date
    expect(d.responsibleAgencies).toEqual(['000.00.00.H41']); // but tax overran its share
    const noDue = deriveInterAgency([landOffice, lateTax]);
    expect(noDue.late).toBe(true); // without a dossier due date, any overrun makes it late
  });

  it('is stopped when a leg was rejected', () => {
    const refused: Leg = { ...tax, status: 'rejected', finishedAt: '2025-07-05T10:00:00+07:00' };
    expect(deriveInterAgency([landOffice, refused]).status).toBe('stopped');
  });

  it('treats a returned leg as still to be done', () => {
    const returned: Leg = { ...tax, status: 'returned', finishedAt: '2025-07-05T10:00:00+07:00' };
    expect(deriveInterAgency([landOffice, returned]).status).toBe('processing');
  });

  it('accepts the legacy district level before 1 July 2025 and reports it after', () => {
    const district: Leg = { ...landOffice, level: 'district', startedAt: '2025-06-30T09:00:00+07:00' };
    expect(deriveInterAgency([district]).issues).toEqual([]);
    const afterReform: Leg = { ...district, startedAt: '2025-07-01T00:00:00+07:00' };
    expect(deriveInterAgency([afterReform]).issues.map((i) => i.code)).toEqual(['DISTRICT_LEVEL_AFTER_REFORM']);
  });

  it('reports vertical legs without level, finished legs without time, odd units, and shares over the deadline', () => {
    const { level: _level, ...noLevel } = landOffice;
    const { finishedAt: _f, ...noFinish } = landOffice;
    const months: Leg = { ...tax, deadlineShare: { amount: 1, unit: 'months' } };
    const d = deriveInterAgency([noLevel, noFinish, months], { processingTime: { amount: 5, unit: 'working-days' } });
    expect(d.issues.map((i) => i.code)).toEqual([
      'VERTICAL_WITHOUT_LEVEL',
      'FINISHED_WITHOUT_TIME',
      'UNSUPPORTED_SHARE_UNIT',
    ]);
    const over = deriveInterAgency([landOffice, tax], { processingTime: { amount: 5, unit: 'working-days' } });
    expect(over.issues.map((i) => i.code)).toEqual(['SHARES_EXCEED_DEADLINE']);
  });

  it('supports hour shares: working hours by the calendar, plain hours as elapsed time', () => {
    const workingHours: Leg = {
      ...tax,
      deadlineShare: { amount: 4, unit: 'working-hours' },
      startedAt: '2025-07-04T15:00:00+07:00',
    };
    const hours: Leg = { ...tax, deadlineShare: { amount: 4, unit: 'hours' }, startedAt: '2025-07-04T15:00:00+07:00' };
    const d = deriveInterAgency([workingHours, hours]);
    expect(d.legs.map((l) => l.dueAt)).toEqual(['2025-07-07T09:30:00+07:00', '2025-07-04T19:00:00+07:00']);
  });

  it('refuses an empty list', () => {
    expect(() => deriveInterAgency([])).toThrow(CoreError);
  });
});
