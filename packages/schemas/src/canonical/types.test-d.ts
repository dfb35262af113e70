import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type AccessLogEntry,
  type accessLogEntrySchema,
  type DigitizedDocument,
  DOSSIER_STATUS_TO_DVCQG,
  type Dossier,
  type DossierStatus,
  type DvcqgDossierStatusCode,
  type digitizedDocumentSchema,
  type dossierSchema,
  type Identity,
  type Instant,
  type IssuedDocument,
  type identitySchema,
  type instantSchema,
  type issuedDocumentSchema,
  type Party,
  type Procedure,
  type partySchema,
  type procedureSchema,
  type Validity,
  type VndAmount,
  type validitySchema,
  type vndAmountSchema,
} from '../index.ts';

describe('schemas infer exactly the documented interfaces', () => {
  it('main types', () => {
    expectTypeOf<z.infer<typeof dossierSchema>>().toEqualTypeOf<Dossier>();
    expectTypeOf<z.infer<typeof procedureSchema>>().toEqualTypeOf<Procedure>();
    expectTypeOf<z.infer<typeof partySchema>>().toEqualTypeOf<Party>();
    expectTypeOf<z.infer<typeof issuedDocumentSchema>>().toEqualTypeOf<IssuedDocument>();
    expectTypeOf<z.infer<typeof digitizedDocumentSchema>>().toEqualTypeOf<DigitizedDocument>();
    expectTypeOf<z.infer<typeof accessLogEntrySchema>>().toEqualTypeOf<AccessLogEntry>();
  });

  it('value types', () => {
    expectTypeOf<z.infer<typeof instantSchema>>().toEqualTypeOf<Instant>();
    expectTypeOf<z.infer<typeof vndAmountSchema>>().toEqualTypeOf<VndAmount>();
    expectTypeOf<z.infer<typeof identitySchema>>().toEqualTypeOf<Identity>();
    expectTypeOf<z.infer<typeof validitySchema>>().toEqualTypeOf<Validity>();
  });

  it('typed enums are unions, not string', () => {
    expectTypeOf<DossierStatus>().toEqualTypeOf<
      | 'submitted'
      | 'received'
      | 'rejected'
      | 'processing'
      | 'supplement-requested'
      | 'financial-obligation'
      | 'withdrawn'
      | 'stopped'
      | 'resolved'
      | 'returned'
    >();
    expectTypeOf(DOSSIER_STATUS_TO_DVCQG.returned).toEqualTypeOf<DvcqgDossierStatusCode>();
    expectTypeOf<Dossier['channel']>().toEqualTypeOf<'in-person' | 'online' | 'postal'>();
    expectTypeOf<Party['type']>().toEqualTypeOf<'citizen' | 'organisation'>();
  });

  it('optional fields accept undefined explicitly (exactOptionalPropertyTypes)', () => {
    expectTypeOf<Dossier['dueAt']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<{ dueAt: undefined }>().toExtend<Pick<Dossier, 'dueAt'>>();
  });
});
