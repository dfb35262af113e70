/**
 * The local digitization warehouse as an {@link EvidenceSource}.
 *
 * @module
 */
import type { DigitizedDocument, EvidenceSource as EvidenceSourceKind, ReplacingEvidence } from '@motcua/schemas';
import type {
  EvidenceAnswer,
  EvidenceItem,
  EvidenceRequest,
  EvidenceSource,
  SignatureVerdict,
  WarehouseStore,
} from './ports.ts';

/**
 * Options of {@link warehouseEvidenceSource}.
 *
 * @example
 * ```ts
 * import type { WarehouseEvidenceSourceOptions } from '@motcua/core';
 * const o: WarehouseEvidenceSourceOptions = { id: 'kho-tinh-thanh-hoa' };
 * ```
 * @category Reuse
 */
export interface WarehouseEvidenceSourceOptions {
  /** Id of the source in plans (default `local-warehouse`). */
  id?: string | undefined;
  /** Kind recorded in the access log (default `local-store`). */
  kind?: EvidenceSourceKind | undefined;
  /** Verifies the signed files of a paper (e.g. with `@motcua/signing`); its verdicts go into the provenance. */
  verifySignatures?: ((document: DigitizedDocument) => Promise<SignatureVerdict[]>) | undefined;
}

function itemOf(document: DigitizedDocument, evidence: ReplacingEvidence): EvidenceItem {
  const item: EvidenceItem = {
    evidence,
    documentId: document.id,
    name: document.name,
    owner: { name: document.owner.name },
    status: document.status,
    files: document.files,
  };
  if (document.issuingAgency !== undefined) item.issuer = document.issuingAgency;
  if (document.referenceNumber !== undefined) item.referenceNumber = document.referenceNumber;
  if (document.issueDate !== undefined) item.issueDate = document.issueDate;
  if (document.validity !== undefined) item.validity = document.validity;
  if (document.scope !== undefined) item.scope = document.scope;
  if (document.nationalStoreCode !== undefined) item.nationalStoreCode = document.nationalStoreCode;
  return item;
}

/**
 * An {@link EvidenceSource} backed by a {@link WarehouseStore}: answers result-code and
 * document-type evidence with every paper of the subject, whatever its status, so the
 * plan can say why a paper cannot be reused (expired, revoked …) rather than only that
 * none was found. Legal duty, no consent needed; not the DVCQG store.
 *
 * @example
 * ```ts
 * import { InMemoryWarehouseStore, fixedClock, warehouseEvidenceSource } from '@motcua/core';
 * const warehouse = new InMemoryWarehouseStore({ clock: fixedClock('2025-07-01T08:00:00+07:00') });
 * const source = warehouseEvidenceSource(warehouse);
 * source.id; // 'local-warehouse'
 * ```
 * @category Reuse
 */
export function warehouseEvidenceSource(
  store: WarehouseStore,
  options: WarehouseEvidenceSourceOptions = {},
): EvidenceSource {
  return {
    id: options.id ?? 'local-warehouse',
    kind: options.kind ?? 'local-store',
    supports: ['result-code', 'document-type'],
    requiresConsent: false,
    fromNationalStore: false,
    async lookup(request: EvidenceRequest): Promise<EvidenceAnswer> {
      const resultCodes = request.wanted.filter((w) => w.kind === 'result-code').map((w) => w.value);
      const documentTypes = request.wanted.filter((w) => w.kind === 'document-type').map((w) => w.value);
      if (resultCodes.length === 0 && documentTypes.length === 0) return { status: 'not-found' };
      const found = await store.find({ owner: request.subject, resultCodes, documentTypes });
      const items: EvidenceItem[] = [];
      for (const { document } of found) {
        const signatures =
          options.verifySignatures === undefined ? undefined : await options.verifySignatures(document);
        for (const wanted of request.wanted) {
          const hit =
            (wanted.kind === 'result-code' && document.resultCode === wanted.value) ||
            (wanted.kind === 'document-type' && document.documentType === wanted.value);
          if (!hit) continue;
          const item = itemOf(document, wanted);
          if (signatures !== undefined) item.signatures = signatures;
          items.push(item);
        }
      }
      return items.length === 0 ? { status: 'not-found' } : { status: 'found', items };
    },
  };
}
