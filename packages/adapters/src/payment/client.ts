/**
 * The payment platform client (dvcqg-wire.md §16): `INIT` (not retried but for 429:
 * it creates a transaction), `QUERY` and `GET_BILL` (retried where safe).
 *
 * @module
 */
import {
  type DvcqgPaymentInit,
  dvcqgResponseSchema,
  isDvcqgPaymentSuccess,
  isDvcqgSuccess,
} from '@motcua/schemas/dvcqg';
import { PortalError } from '../errors.ts';
import { maskPersonalIds } from '../http/redact.ts';
import { createTransport, type TransportOptions } from '../http/transport.ts';
import { buildPaymentInit, buildPaymentQuery, type PaymentInitInput, type PaymentPartner } from './messages.ts';

/**
 * Options of {@link createPaymentClient}: the platform's URLs (Thanh Hóa's settings
 * `InitUrl`, `CheckConfirmUrl`, `InitReceiptUrl`), the bearer token and the partner.
 *
 * @example
 * ```ts
 * import type { PaymentClientOptions } from '@motcua/adapters/payment';
 * const o: PaymentClientOptions = {
 *   initUrl: 'http://127.0.0.1:8090/payment/init',
 *   queryUrl: 'http://127.0.0.1:8090/payment/query',
 *   receiptUrl: 'http://127.0.0.1:8090/payment/receipt',
 *   accessToken: async () => 'eyJhbGciOi…',
 *   partner: { partnerCode: 'THANHHOA', secret: 's3cret' },
 * };
 * ```
 * @category Payment
 */
export interface PaymentClientOptions extends TransportOptions {
  /** `INIT` endpoint. */
  initUrl: string;
  /** `QUERY` endpoint (`CheckConfirmUrl`). */
  queryUrl: string;
  /** `GET_BILL` endpoint (`InitReceiptUrl`). */
  receiptUrl: string;
  /** `Authorization: Bearer` token, or a function that returns a current one. */
  accessToken: string | (() => Promise<string>);
  /** Partner code and secret. */
  partner: PaymentPartner;
}

/**
 * An initiated payment: where to send the payer.
 *
 * @example
 * ```ts
 * import type { PaymentInitResult } from '@motcua/adapters/payment';
 * declare const r: PaymentInitResult;
 * // redirect the payer to r.paymentUrl
 * ```
 * @category Payment
 */
export interface PaymentInitResult {
  /** `UrlThanhToan`: the payment page. */
  paymentUrl: string;
  /** The message sent (with its checksum). */
  request: DvcqgPaymentInit;
  /** The object inside the answer's `message`. */
  details: Record<string, unknown>;
}

/**
 * The answer to a `QUERY` for a transaction.
 *
 * @example
 * ```ts
 * import type { PaymentStatus } from '@motcua/adapters/payment';
 * const s: PaymentStatus = { code: '00', ok: true, description: 'Thành công', transactionStatus: '1', raw: {} };
 * ```
 * @category Payment
 */
export interface PaymentStatus {
  /** `MaLoi` as received. */
  code: string | number | undefined;
  /**
   * `MaLoi` means success (`"00"`): the query was answered. Whether the payer has paid is
   * `transactionStatus` (`TrangThaiGD`, values unconfirmed) — or, authoritatively, the
   * confirm callback.
   */
  ok: boolean;
  /** `MoTaLoi`. */
  description?: string | undefined;
  /** `TrangThaiGD` as received (values unconfirmed, §18.4). */
  transactionStatus?: string | number | undefined;
  /** The whole answer object. */
  raw: Record<string, unknown>;
}

/**
 * The payment platform client.
 *
 * @example
 * ```ts
 * import { createPaymentClient } from '@motcua/adapters/payment';
 * declare const options: import('@motcua/adapters/payment').PaymentClientOptions;
 * const payments = createPaymentClient(options);
 * const { paymentUrl } = await payments.init({ reference: 'dvc1', amount: 8000, description: 'Phi', ip: '203.0.113.7' });
 * ```
 * @category Payment
 */
export interface PaymentClient {
  /** Sends `INIT`; returns `UrlThanhToan` from the JSON inside `message` (§16.3). */
  init(input: PaymentInitInput, signal?: AbortSignal): Promise<PaymentInitResult>;
  /** Sends `QUERY` for a reference. */
  query(reference: string, signal?: AbortSignal): Promise<PaymentStatus>;
  /** Sends `GET_BILL`; returns the receipt PDF. */
  getBill(reference: string, signal?: AbortSignal): Promise<Uint8Array>;
}

function parseInner(service: string, message: unknown, payload: unknown): Record<string, unknown> {
  if (typeof message === 'object' && message !== null && !Array.isArray(message)) {
    return message as Record<string, unknown>;
  }
  if (typeof message === 'string') {
    try {
      const inner = JSON.parse(message) as unknown;
      if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) return inner as Record<string, unknown>;
    } catch {
      // fall through
    }
  }
  throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: message is not a JSON object`, { service, payload });
}

/**
 * Creates a {@link PaymentClient}.
 *
 * @example
 * ```ts
 * import { createPaymentClient } from '@motcua/adapters/payment';
 * const payments = createPaymentClient({
 *   initUrl: 'http://127.0.0.1:8090/payment/init',
 *   queryUrl: 'http://127.0.0.1:8090/payment/query',
 *   receiptUrl: 'http://127.0.0.1:8090/payment/receipt',
 *   accessToken: 'token',
 *   partner: { partnerCode: 'THANHHOA', secret: 's3cret' },
 * });
 * ```
 * @category Payment
 */
export function createPaymentClient(options: PaymentClientOptions): PaymentClient {
  const transport = createTransport(options);
  const token = async (): Promise<string> =>
    typeof options.accessToken === 'string' ? options.accessToken : options.accessToken();
  const headers = async (): Promise<Record<string, string>> => ({
    Authorization: `Bearer ${await token()}`,
    Accept: 'application/json',
  });

  function failIfRejected(service: string, body: unknown, status: number, requestId: string): void {
    const envelope = dvcqgResponseSchema.safeParse(body);
    if (envelope.success && !isDvcqgSuccess(envelope.data.error_code)) {
      const message = typeof envelope.data.message === 'string' ? envelope.data.message : undefined;
      throw new PortalError(
        'PORTAL_REJECTED',
        `${service}: error_code ${String(envelope.data.error_code)}${message === undefined ? '' : `: ${maskPersonalIds(message)}`}`,
        { service, errorCode: envelope.data.error_code, portalMessage: message, status, requestId },
      );
    }
  }

  return {
    async init(input, signal): Promise<PaymentInitResult> {
      const request = buildPaymentInit(options.partner, input);
      const service = 'payment:INIT';
      const r = await transport.send({
        service,
        url: options.initUrl,
        json: request,
        headers: await headers(),
        idempotent: false,
        signal,
      });
      failIfRejected(service, r.body, r.status, r.requestId);
      const envelope = dvcqgResponseSchema.safeParse(r.body);
      if (!envelope.success) {
        throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: no error_code envelope`, {
          service,
          status: r.status,
          requestId: r.requestId,
          payload: r.body,
        });
      }
      const details = parseInner(service, envelope.data.message, r.body);
      const url = details.UrlThanhToan;
      if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(url)) {
        throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: no UrlThanhToan in the answer`, {
          service,
          status: r.status,
          requestId: r.requestId,
          payload: r.body,
        });
      }
      return { paymentUrl: url, request, details };
    },

    async query(reference, signal): Promise<PaymentStatus> {
      const service = 'payment:QUERY';
      const r = await transport.send({
        service,
        url: options.queryUrl,
        json: buildPaymentQuery(options.partner, 'QUERY', reference),
        headers: await headers(),
        idempotent: true,
        signal,
      });
      const body = r.body;
      let raw: Record<string, unknown>;
      if (typeof body === 'object' && body !== null && 'MaLoi' in body) raw = body as Record<string, unknown>;
      else {
        failIfRejected(service, body, r.status, r.requestId);
        raw = parseInner(service, (body as { message?: unknown } | undefined)?.message, body);
      }
      const code = raw.MaLoi;
      const status: PaymentStatus = {
        code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
        ok: isDvcqgPaymentSuccess(code),
        raw,
      };
      if (typeof raw.MoTaLoi === 'string') status.description = raw.MoTaLoi;
      const gd = raw.TrangThaiGD;
      if (typeof gd === 'string' || typeof gd === 'number') status.transactionStatus = gd;
      return status;
    },

    async getBill(reference, signal): Promise<Uint8Array> {
      const service = 'payment:GET_BILL';
      const r = await transport.send({
        service,
        url: options.receiptUrl,
        json: buildPaymentQuery(options.partner, 'GET_BILL', reference),
        headers: { ...(await headers()), Accept: 'application/pdf, application/json' },
        idempotent: true,
        responseType: 'bytes',
        signal,
      });
      const bytes = r.body as Uint8Array;
      const head = new TextDecoder().decode(bytes.subarray(0, 5));
      if (head === '%PDF-') return bytes;
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        parsed = undefined;
      }
      failIfRejected(service, parsed, r.status, r.requestId);
      throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: the answer is not a PDF`, {
        service,
        status: r.status,
        requestId: r.requestId,
        payload: parsed ?? `${bytes.length} bytes`,
      });
    },
  };
}
