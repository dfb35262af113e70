import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/canonical/load.ts';
import { validate } from '../registry.ts';
import { identitySchema, identityWarnings, type OrganisationParty, type Party, partyWarnings } from './party.ts';

const issues = (p: unknown) => validate('party', p).issues.map((i) => `${i.severity}:${i.code}@${i.path}`);

describe('party', () => {
  it('accepts a year-only birth date and an address without district', () => {
    const p = fixture<Party>('party.citizen.json');
    if (p.type === 'citizen') p.birthDate = '1990';
    expect(issues(p)).toEqual([]);
  });

  it('accepts every identity type with a valid value', () => {
    for (const identity of [
      { type: 'personal-id', value: '038190012345' },
      { type: 'cmnd', value: '172345678' },
      { type: 'passport', value: 'C1234567' },
      { type: 'tax-code', value: '0100109106' },
      { type: 'tax-code', value: '0100109106-001' },
      { type: 'tax-code', value: '038190012345' },
    ]) {
      expect(identitySchema.safeParse(identity).success, identity.value).toBe(true);
    }
  });

  it('reports identifier errors with the ids code at path value', () => {
    const r = validate('party', {
      type: 'citizen',
      fullName: 'Nguyễn Thị Lan',
      identities: [{ type: 'personal-id', value: ' 038190012345' }],
    });
    expect(r.issues.map((i) => `${i.code}@${i.path}`)).toEqual(['ID_WHITESPACE@identities.0.value']);
  });

  it('reports an empty or over-long identifier once', () => {
    const codes = (value: string) =>
      validate('party', {
        type: 'citizen',
        fullName: 'Nguyễn Thị Lan',
        identities: [{ type: 'personal-id', value }],
      }).issues.map((i) => `${i.code}@${i.path}`);
    expect(codes('')).toEqual(['REQUIRED@identities.0.value']);
    expect(codes('1'.repeat(65))).toEqual(['STRING_TOO_LONG@identities.0.value']);
  });

  it('warns when a party has no identifier', () => {
    expect(issues({ type: 'citizen', fullName: 'Nguyễn Thị Lan', identities: [] })).toEqual([
      'warning:CANON_PARTY_NO_IDENTITY@',
    ]);
    expect(issues({ type: 'organisation', kind: 'other', name: 'Hội Nông dân xã Quảng Phú' })).toEqual([
      'warning:CANON_PARTY_NO_IDENTITY@',
    ]);
    expect(
      issues({ type: 'organisation', kind: 'state-agency', name: 'Sở Tư pháp', agencyCode: '000.00.00.H56' }),
    ).toEqual([]);
  });

  it('warns when the personal ID disagrees with the declared birth year or gender', () => {
    const r = validate(
      'party',
      {
        type: 'citizen',
        fullName: 'Nguyễn Thị Lan',
        birthDate: '1991-05-17',
        gender: 'male',
        identities: [{ type: 'personal-id', value: '038190012345' }],
      },
      { lang: 'en' },
    );
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['CANON_PARTY_ID_MISMATCH', 'identities.0.value', { field: 'birthDate', declared: 1991, decoded: 1990 }],
      ['CANON_PARTY_ID_MISMATCH', 'identities.0.value', { field: 'gender', declared: 'male', decoded: 'female' }],
    ]);
  });

  it('forwards identifier warnings (unknown birth province, CMND placeholder, representative)', () => {
    expect(identityWarnings({ type: 'personal-id', value: '999190012345' }).map((w) => w.code)).toEqual([
      'ID_PERSONAL_PROVINCE_UNKNOWN',
    ]);
    const org = fixture<OrganisationParty>('party.organisation.json');
    org.representative = { fullName: 'Lê Văn Hùng', identity: { type: 'cmnd', value: '000000001' } };
    expect(partyWarnings(org).map((w) => `${w.code}@${w.path.join('.')}`)).toEqual([
      'ID_CMND_PLACEHOLDER@representative.identity.value',
    ]);
  });
});
