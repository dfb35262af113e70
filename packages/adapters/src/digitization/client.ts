/**
 * The DVCQG digitization store (Kho số hóa DVCQG, dvcqg-wire.md §15.2): look up a
 * citizen's digitized results by identity (`GetKetQuaGiayTo`), download a file
 * (`GetGiayToByUrl`), and an evidence source for the reuse engine built on them.
 *
 * The store's request carries no purpose field: the reuse engine records the purpose
 * (procedure and dossier) in its access log for every look-up (once-only.md §7).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { EvidenceAnswer, EvidenceItem, EvidenceRequest, EvidenceSource } from '@motcua/core';
import type { StoredFile } from '@motcua/schemas';
import {
  type DvcqgKhoSoHoaFileRequest,
  type DvcqgKhoSoHoaGiayTo,
  type DvcqgKhoSoHoaRequest,
  type DvcqgKhoSoHoaResponse,
  dvcqgKhoSoHoaFileRequestSchema,
  dvcqgKhoSoHoaRequestSchema,
  dvcqgKhoSoHoaResponseSchema,
  isDvcqgSuccess,
} from '@motcua/schemas/dvcqg';
import { AdapterError, PortalError } from '../errors.ts';
import { maskPersonalIds } from '../http/redact.ts';
import { createTransport, type TransportOptions } from '../http/transport.ts';

/**
 * Options of {@link createDigitizationClient}: the two endpoints of Thanh Hóa's
 * settings `GetKetQuaGiayTo` and `GetGiayToByUrl`.
 *
 * @example
 * ```ts
 * import type { DigitizationClientOptions } from '@motcua/adapters/digitization';
 * const o: DigitizationClientOptions = {
 *   lookupUrl: 'http://127.0.0.1:8080/khososhoa/GetKetQuaGiayTo',
 *   downloadUrl: 'http://127.0.0.1:8080/khososhoa/GetGiayToByUrl',
 * };
 * ```
 * @category Digitization
 */
export interface DigitizationClientOptions extends TransportOptions {
  /** `GetKetQuaGiayTo` endpoint. */
  lookupUrl: string;
  /** `GetGiayToByUrl` endpoint. */
  downloadUrl: string;
  /** Extra headers (an adapter's `dstcode`, an API key). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** `Authorization: Bearer` token or a function returning one, when the route needs it. */
  accessToken?: string | (() => Promise<string>) | undefined;
  /** Largest file accepted, bytes (default 50 MiB). */
  maxFileBytes?: number | undefined;
}

/**
 * A downloaded file.
 *
 * @example
 * ```ts
 * import type { DownloadedFile } from '@motcua/adapters/digitization';
 * declare const f: DownloadedFile;
 * f.sha256; // 64 lower-case hex characters
 * ```
 * @category Digitization
 */
export interface DownloadedFile {
  /** The bytes. */
  bytes: Uint8Array;
  /** `Content-Type` without parameters, lower case (`application/octet-stream` when absent). */
  mediaType: string;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
}

/**
 * The digitization-store client.
 *
 * @example
 * ```ts
 * import { createDigitizationClient } from '@motcua/adapters/digitization';
 * declare const options: import('@motcua/adapters/digitization').DigitizationClientOptions;
 * const store = createDigitizationClient(options);
 * const answer = await store.getKetQuaGiayTo({
 *   SoDinhDanhChuSoHuu: '038190012345', MaThuTuc: '1.001193', KenhThucHien: '1',
 *   DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ.1.000894.01', SoKyHieu: '' }],
 * });
 * ```
 * @category Digitization
 */
export interface DigitizationClient {
  /** `GetKetQuaGiayTo`: the owner's results of the wanted codes. Throws {@link PortalError} for a non-success `errorCode`. */
  getKetQuaGiayTo(request: DvcqgKhoSoHoaRequest, signal?: AbortSignal): Promise<DvcqgKhoSoHoaResponse>;
  /** `GetGiayToByUrl`: one file of a result. */
  download(file: DvcqgKhoSoHoaFileRequest, signal?: AbortSignal): Promise<DownloadedFile>;
}

/**
 * Creates a {@link DigitizationClient}. Both calls change nothing and are retried where
 * the transport allows.
 *
 * @example
 * ```ts
 * import { createDigitizationClient } from '@motcua/adapters/digitization';
 * const store = createDigitizationClient({
 *   lookupUrl: 'http://127.0.0.1:8080/khososhoa/GetKetQuaGiayTo',
 *   downloadUrl: 'http://127.0.0.1:8080/khososhoa/GetGiayToByUrl',
 * });
 * ```
 * @category Digitization
 */
export function createDigitizationClient(options: DigitizationClientOptions): DigitizationClient {
  const transport = createTransport(options);
  const maxBytes = options.maxFileBytes ?? 50 * 1024 * 1024;
  const headers = async (): Promise<Record<string, string>> => {
    const h: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.accessToken !== undefined) {
      h.Authorization = `Bearer ${typeof options.accessToken === 'string' ? options.accessToken : await options.accessToken()}`;
    }
    return h;
  };

  return {
    async getKetQuaGiayTo(request, signal): Promise<DvcqgKhoSoHoaResponse> {
      const service = 'digitization:GetKetQuaGiayTo';
      const checked = dvcqgKhoSoHoaRequestSchema.safeParse(request);
      if (!checked.success) {
        throw new AdapterError('INVALID_ARGUMENT', 'GetKetQuaGiayTo: the request fails the wire schema', {
          details: { issues: checked.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) },
        });
      }
      const r = await transport.send({
        service,
        url: options.lookupUrl,
        json: request,
        headers: await headers(),
        idempotent: true,
        signal,
      });
      const meta = { service, status: r.status, requestId: r.requestId, attempts: r.attempts };
      const parsed = dvcqgKhoSoHoaResponseSchema.safeParse(r.body);
      if (!parsed.success) {
        throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: the answer fails the wire schema`, {
          ...meta,
          payload: r.body,
        });
      }
      const answer = parsed.data;
      if (!isDvcqgSuccess(answer.errorCode)) {
        const message = typeof answer.message === 'string' ? answer.message : undefined;
        throw new PortalError(
          'PORTAL_REJECTED',
          `${service}: errorCode ${String(answer.errorCode)}${message === undefined ? '' : `: ${maskPersonalIds(message)}`}`,
          { ...meta, errorCode: answer.errorCode, portalMessage: message },
        );
      }
      return answer;
    },

    async download(file, signal): Promise<DownloadedFile> {
      const service = 'digitization:GetGiayToByUrl';
      const checked = dvcqgKhoSoHoaFileRequestSchema.safeParse(file);
      if (!checked.success)
        throw new AdapterError('INVALID_ARGUMENT', 'GetGiayToByUrl: CoQuanChuQuan and DuongDan are required');
      const r = await transport.send({
        service,
        url: options.downloadUrl,
        json: file,
        headers: { ...(await headers()), Accept: '*/*' },
        idempotent: true,
        responseType: 'bytes',
        signal,
      });
      const bytes = r.body as Uint8Array;
      const mediaType = (r.headers.get('content-type') ?? 'application/octet-stream')
        .split(';')[0]
        ?.trim()
        .toLowerCase();
      if (mediaType === 'application/json') {
        // An error answer instead of a file.
        let body: unknown;
        try {
          body = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          body = undefined;
        }
        const b = body as { errorCode?: unknown; error_code?: unknown; message?: unknown } | undefined;
        const code = b?.errorCode ?? b?.error_code;
        throw new PortalError('PORTAL_REJECTED', `${service}: no file (errorCode ${String(code)})`, {
          service,
          status: r.status,
          requestId: r.requestId,
          errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
          portalMessage: typeof b?.message === 'string' ? b.message : undefined,
        });
      }
      if (bytes.length > maxBytes) {
        throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: file larger than ${maxBytes} bytes`, {
          service,
          status: r.status,
          requestId: r.requestId,
        });
      }
      return {
        bytes,
        mediaType: mediaType === undefined || mediaType === '' ? 'application/octet-stream' : mediaType,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },
  };
}

/**
 * Options of {@link digitizationEvidenceSource}.
 *
 * @example
 * ```ts
 * import { createDigitizationClient, type DigitizationSourceOptions } from '@motcua/adapters/digitization';
 * declare const client: import('@motcua/adapters/digitization').DigitizationClient;
 * const o: DigitizationSourceOptions = { client, fetchFiles: true };
 * ```
 * @category Digitization
 */
export interface DigitizationSourceOptions {
  /** The client to ask. */
  client: DigitizationClient;
  /** Source id in plans and logs (default `dvcqg-store`). */
  id?: string | undefined;
  /** Download each file to describe it (hash, size, type) in the evidence (default `false`). */
  fetchFiles?: boolean | undefined;
  /** The requester's name for `HoTenNguoiYeuCau`, from the requester's account id. */
  requesterName?: ((requesterId: string) => string | undefined) | undefined;
  /** How long to wait before asking again after a transient failure, ms (default 5 minutes). */
  retryAfterMs?: number | undefined;
  /** Clock for `retryAt` (default: the system clock). */
  now?: (() => Date) | undefined;
}

/**
 * A stable id for a paper in the store: `CoQuanChuQuan`, `MaKetQua` and `SoKyHieu`.
 *
 * @example
 * ```ts
 * import { storeDocumentId } from '@motcua/adapters/digitization';
 * storeDocumentId({ CoQuanChuQuan: 'G15', MaKetQua: 'KQ.1.000894.01', SoKyHieu: '12/2020' }); // 'G15|KQ.1.000894.01|12/2020'
 * ```
 * @category Digitization
 */
export function storeDocumentId(paper: DvcqgKhoSoHoaGiayTo): string {
  return `${paper.CoQuanChuQuan ?? ''}|${paper.MaKetQua ?? ''}|${paper.SoKyHieu ?? ''}`;
}

/**
 * The DVCQG digitization store as an `EvidenceSource` of the reuse engine (kind
 * `dvcqg-store`, result codes only, on legal duty — no consent — and counted as taken
 * from the national store, `DuocLayTuKhoDMQG = 1`). The request is built from the
 * evidence request: owner = subject, `MaThuTuc` = the purpose's procedure,
 * `KenhThucHien` = 2 for a citizen requester else 1, the wanted result codes. Each
 * returned paper whose `MaKetQua` was wanted becomes an item; with `fetchFiles`, its
 * files are downloaded and described (id = the store path, SHA-256, size, type).
 * Transient failures answer `unavailable` with `retryAt`; rejections answer `error`.
 *
 * @example
 * ```ts
 * import { createDigitizationClient, digitizationEvidenceSource } from '@motcua/adapters/digitization';
 * declare const client: import('@motcua/adapters/digitization').DigitizationClient;
 * const source = digitizationEvidenceSource({ client });
 * source.fromNationalStore; // true
 * ```
 * @category Digitization
 */
export function digitizationEvidenceSource(options: DigitizationSourceOptions): EvidenceSource {
  const now = options.now ?? (() => new Date());
  const fail = (error: unknown): EvidenceAnswer => {
    if (error instanceof PortalError && error.transient) {
      return {
        status: 'unavailable',
        retryAt: new Date(now().getTime() + (error.retryAfterMs ?? options.retryAfterMs ?? 300_000)).toISOString(),
        code: error.code,
        message: error.message,
        requestId: error.requestId,
      };
    }
    if (error instanceof PortalError) {
      return {
        status: 'error',
        code: error.errorCode === undefined ? error.code : String(error.errorCode),
        message: error.message,
        requestId: error.requestId,
      };
    }
    throw error;
  };
  return {
    id: options.id ?? 'dvcqg-store',
    kind: 'dvcqg-store',
    supports: ['result-code'],
    requiresConsent: false,
    fromNationalStore: true,
    async lookup(request: EvidenceRequest): Promise<EvidenceAnswer> {
      const codes = request.wanted.filter((w) => w.kind === 'result-code').map((w) => w.value);
      if (codes.length === 0) return { status: 'not-found' };
      const wire: DvcqgKhoSoHoaRequest = {
        SoDinhDanhChuSoHuu: request.subject.value,
        KenhThucHien: request.requester.type === 'citizen' ? '2' : '1',
        SoDinhDanhNguoiYeuCau: request.requester.id,
        MaThuTuc: request.purpose.procedureCode,
        DanhSachDanhMucKetQua: codes.map((MaKetQua) => ({ MaKetQua, SoKyHieu: '' })),
      };
      const name = options.requesterName?.(request.requester.id);
      if (name !== undefined) wire.HoTenNguoiYeuCau = name;
      let answer: DvcqgKhoSoHoaResponse;
      try {
        answer = await options.client.getKetQuaGiayTo(wire);
      } catch (error) {
        return fail(error);
      }
      const items: EvidenceItem[] = [];
      for (const paper of answer.result?.DanhSachGiayToKetQua ?? []) {
        const wanted = request.wanted.find((w) => w.kind === 'result-code' && w.value === paper.MaKetQua);
        if (wanted === undefined) continue;
        const item: EvidenceItem = { evidence: wanted, documentId: storeDocumentId(paper), status: { state: 'valid' } };
        if (typeof paper.TenGiayTo === 'string' && paper.TenGiayTo !== '') item.name = paper.TenGiayTo;
        if (typeof paper.SoKyHieu === 'string' && paper.SoKyHieu !== '') item.referenceNumber = paper.SoKyHieu;
        if (typeof paper.CoQuanChuQuan === 'string' && paper.CoQuanChuQuan !== '') {
          item.issuer = { name: paper.CoQuanChuQuan };
        }
        if (options.fetchFiles === true && typeof paper.CoQuanChuQuan === 'string') {
          const files: StoredFile[] = [];
          for (const f of paper.DanhSachTepDinhKem ?? []) {
            if (typeof f.DuongDan !== 'string' || f.DuongDan === '') continue;
            const req: DvcqgKhoSoHoaFileRequest = { CoQuanChuQuan: paper.CoQuanChuQuan, DuongDan: f.DuongDan };
            if (typeof f.TenTep === 'string') req.TenTep = f.TenTep;
            try {
              const got = await options.client.download(req);
              files.push({
                id: f.DuongDan,
                name: typeof f.TenTep === 'string' && f.TenTep !== '' ? f.TenTep : f.DuongDan,
                mediaType: got.mediaType,
                size: got.bytes.length,
                sha256: got.sha256,
              });
            } catch (error) {
              return fail(error);
            }
          }
          item.files = files;
        }
        items.push(item);
      }
      return items.length === 0 ? { status: 'not-found' } : { status: 'found', items };
    },
  };
}
