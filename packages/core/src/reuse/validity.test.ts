import { describe, expect, it } from 'vitest';
import { consentStateAt, pickConsent } from './consent.ts';
import { ReuseError } from './errors.ts';
import type { Consent } from './ports.ts';
import { EvidenceRegistry } from './registry.ts';
import { documentValidityAt, epochMsOf, ownerKey, vietnamDayOfMs, vietnamInstantOfMs } from './validity.ts';
import { decidePut, stableStringify } from './warehouse-put.ts';

describe('documentValidityAt', () => {
  it('compares dates as Vietnamese calendar days and status changes at their instant', () => {
    const until = { validity: { until: '2025-06-30' } };
    expect(documentValidityAt(until, '2025-06-30T23:59:59+07:00')).toEqual({ valid: true });
    expect(documentValidityAt(until, '2025-06-30T17:00:00Z')).toEqual({
      valid: false,
      reason: 'expired',
      since: '2025-06-30',
    });
    expect(documentValidityAt({ issueDate: '2025-07-02' }, '2025-07-01T23:00:00+07:00')).toEqual({
      valid: false,
      reason: 'not-yet-issued',
      since: '2025-07-02',
    });
    const revoked = { status: { state: 'revoked' as const, reason: 'Thu hồi', at: '2025-08-01T10:00:00+07:00' } };
    expect(documentValidityAt(revoked, new Date('2025-08-01T02:59:59.999Z')).valid).toBe(true);
    expect(documentValidityAt(revoked, '2025-08-01T10:00:00+07:00')).toEqual({
      valid: false,
      reason: 'revoked',
      since: '2025-08-01T10:00:00+07:00',
      statusReason: 'Thu hồi',
    });
    expect(documentValidityAt({ validity: { permanent: true } }, '2099-01-01T00:00:00Z').valid).toBe(true);
  });

  it('refuses an instant without offset', () => {
    expect(() => documentValidityAt({}, '2025-07-01T08:00:00')).toThrow(ReuseError);
    expect(() => epochMsOf(new Date('nope'), 'x')).toThrow(/invalid Date/);
  });

  it('formats Vietnam days and instants', () => {
    expect(vietnamDayOfMs(Date.UTC(2025, 5, 30, 17))).toBe('2025-07-01');
    expect(vietnamInstantOfMs(Date.UTC(2025, 6, 1, 1))).toBe('2025-07-01T08:00:00+07:00');
  });
});

describe('ownerKey', () => {
  it('treats a 12-digit tax code as the personal number and normalizes case and spaces', () => {
    expect(ownerKey({ type: 'tax-code', value: '038190012345' })).toBe(
      ownerKey({ type: 'personal-id', value: '038190012345' }),
    );
    expect(ownerKey({ type: 'tax-code', value: '0106001236' })).toBe('T:0106001236');
    expect(ownerKey({ type: 'passport', value: ' c 1234567' })).toBe('X:C1234567');
    expect(ownerKey({ type: 'cmnd', value: '172345678' })).toBe('C:172345678');
    expect(() => ownerKey({ type: 'cmnd', value: ' ' })).toThrow(ReuseError);
  });
});

describe('consents', () => {
  const consent: Consent = {
    id: 'c1',
    subject: { type: 'personal-id', value: '038190012345' },
    granteeAgencyCode: '000.17.22.H56',
    sources: ['population-database'],
    procedureCodes: ['1.001193'],
    state: 'active',
    start: '2025-07-01T00:00:00+07:00',
    expiry: '2025-12-31T23:59:59+07:00',
  };
  it('derives the state at an instant', () => {
    expect(consentStateAt(consent, '2025-06-30T23:59:59+07:00')).toBe('not-started');
    expect(consentStateAt(consent, '2025-07-01T00:00:00+07:00')).toBe('active');
    expect(consentStateAt(consent, '2025-12-31T23:59:59+07:00')).toBe('expired');
    expect(consentStateAt({ ...consent, state: 'paused' }, '2025-08-01T00:00:00+07:00')).toBe('paused');
  });
  it('picks an applicable active consent, or explains with the latest one', () => {
    const ctx = { agencyCode: '000.17.22.H56', procedureCode: '1.001193', at: '2025-08-01T00:00:00+07:00' };
    expect(pickConsent([consent], ctx)).toEqual({ state: 'active', consent });
    expect(pickConsent([consent], { ...ctx, agencyCode: '000.00.00.G22' })).toEqual({ state: 'none' });
    expect(pickConsent([consent], { ...ctx, procedureCode: '2.000001' })).toEqual({ state: 'none' });
    const revoked = { ...consent, id: 'c2', state: 'revoked' as const, start: '2025-07-15T00:00:00+07:00' };
    const paused = { ...consent, id: 'c3', state: 'paused' as const };
    expect(pickConsent([paused, revoked], ctx)).toEqual({ state: 'revoked', consent: revoked });
  });
});

describe('EvidenceRegistry', () => {
  it('merges the catalogue’s replaceableBy with local rules and evidence-type constraints', () => {
    const procedure = { code: '1.001193' } as Parameters<EvidenceRegistry['evidenceFor']>[0];
    const component = {
      code: 'TP02',
      name: 'Phiếu lý lịch tư pháp',
      required: true,
      templates: [],
      replaceableBy: [{ kind: 'document-type' as const, value: 'LLTP' }],
    };
    const registry = new EvidenceRegistry({
      rules: [
        { procedureCode: '1.001193', componentCode: 'TP02', evidence: { kind: 'identity-fact', value: 'residence' } },
        { procedureCode: '2.000001', componentCode: 'TP02', evidence: { kind: 'result-code', value: 'KQ.X' } },
        { componentCode: 'TP02', evidence: { kind: 'document-type', value: 'LLTP' }, maxAgeDays: 1 },
      ],
      evidenceTypes: [{ kind: 'document-type', value: 'LLTP', maxAgeDays: 180 }],
    });
    expect(registry.evidenceFor(procedure, component)).toEqual([
      { kind: 'document-type', value: 'LLTP', origin: 'catalogue', maxAgeDays: 180 },
      { kind: 'identity-fact', value: 'residence', origin: 'local' },
    ]);
  });
});

describe('stableStringify and decidePut', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: undefined, e: 3 }] })).toBe('{"a":[{"d":2,"e":3}],"b":1}');
  });
  it('keeps a revoked status when a valid copy arrives', () => {
    const doc = { id: 'x', status: { state: 'valid' } } as unknown as Parameters<typeof decidePut>[1];
    const revoked = { ...doc, status: { state: 'revoked' as const, reason: 'r', at: '2025-01-01T00:00:00Z' } };
    expect(decidePut(revoked, doc, { recordedAt: '2025-07-01T08:00:00+07:00' }).outcome).toBe('unchanged');
  });
});
