import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/canonical/load.ts';
import { validate } from '../registry.ts';
import type { Procedure } from './procedure.ts';

const issues = (p: unknown) => validate('procedure', p).issues.map((i) => `${i.severity}:${i.code}@${i.path}`);

describe('procedure', () => {
  it('allows one component code once per case', () => {
    const p = fixture<Procedure>('procedure.valid.json');
    p.components = [
      {
        code: 'TP01',
        name: 'Tờ khai',
        required: true,
        case: 'Đăng ký khai sinh đúng hạn',
        templates: [],
        replaceableBy: [],
      },
      {
        code: 'TP01',
        name: 'Tờ khai',
        required: true,
        case: 'Đăng ký khai sinh quá hạn',
        templates: [],
        replaceableBy: [],
      },
    ];
    expect(issues(p)).toEqual([]);
  });

  it('allows a procedure that is not online to have no online channel', () => {
    const p = fixture<Procedure>('procedure.valid.json');
    p.onlineLevel = 'none';
    p.channels = p.channels.filter((c) => c.channel !== 'online');
    expect(issues(p)).toEqual([]);
  });

  it('accepts fractional processing times', () => {
    const p = fixture<Procedure>('procedure.valid.json');
    const first = p.channels[0];
    if (first !== undefined) first.processingTime = { amount: 0.5, unit: 'working-days' };
    expect(issues(p)).toEqual([]);
  });

  it('warns when no result code is listed', () => {
    const p = fixture<Procedure>('procedure.valid.json');
    p.results = [];
    expect(issues(p)).toEqual(['warning:CANON_PROCEDURE_NO_RESULT_CODES@results']);
  });
});
