/**
 * Deployment profiles of the DVCQG wire: the choices real systems make differently
 * where the official specification is silent (dvcqg-wire.md §4.4, §8, §11.3.5).
 *
 * @module
 */
import type { NationalDatabase, StoredFile } from '@motcua/schemas';

/**
 * How boolean-like values (`isUpdating`, `IsDeleted`) are written: OpenCPS sends `"True"` /
 * `"False"`, Thanh Hóa `1` / `0` (dvcqg-wire.md §4.4).
 *
 * @example
 * ```ts
 * import type { WireBooleanStyle } from '@motcua/adapters/dvcqg';
 * const style: WireBooleanStyle = 'opencps';
 * ```
 * @category Codecs
 */
export type WireBooleanStyle = 'opencps' | 'thanh-hoa';

/**
 * Where a file link is needed: a submitted component or a result document.
 *
 * @example
 * ```ts
 * import type { FileUrlContext } from '@motcua/adapters/dvcqg';
 * const c: FileUrlContext = { dossierCode: '000.00.00.H56-250701-0001', kind: 'component' };
 * ```
 * @category Codecs
 */
export interface FileUrlContext {
  /** The dossier's code. */
  dossierCode: string;
  /** `component` for `TaiLieuNop[].DuongDanTaiTepTin`, `result` for `DanhSachGiayToKetQua[].DuongDanTepTinKetQua`. */
  kind: 'component' | 'result';
}

/**
 * Production truncations (§11.3.5: official maximum lengths are unknown). A longer value
 * is cut to `max − 5` characters followed by "…" (Thanh Hóa: 995 + "…").
 *
 * @example
 * ```ts
 * import type { WireTruncations } from '@motcua/adapters/dvcqg';
 * const t: WireTruncations = { summary: 1000, fileName: 4000, handler: 50 };
 * ```
 * @category Codecs
 */
export interface WireTruncations {
  /** `TrichYeuHoSo` (default 1000). */
  summary: number;
  /** `TaiLieuNop[].TenTepDinhKem` (default 4000). */
  fileName: number;
  /** `CapNhatTienDoHoSoMC[].NguoiXuLy` (default 50). */
  handler: number;
}

/**
 * A deployment's wire profile.
 *
 * @example
 * ```ts
 * import { createWireProfile } from '@motcua/adapters/dvcqg';
 * const profile = createWireProfile({
 *   booleanStyle: 'thanh-hoa',
 *   fileUrl: (file) => `https://dichvucong.thanhhoa.gov.vn/tep/${encodeURIComponent(file.id)}?download=true`,
 *   submissionPlace: '2',
 * });
 * ```
 * @category Codecs
 */
export interface WireProfile {
  /** Boolean-like fields (`IsDeleted`): OpenCPS `"True"`/`"False"` or Thanh Hóa `0`/`1`. */
  booleanStyle: WireBooleanStyle;
  /**
   * The public download URL DVCQG will fetch for a stored file (§8), or `undefined` when
   * the file is not published. Default: the file's own `url`.
   */
  fileUrl: (file: StoredFile, context: FileUrlContext) => string | undefined;
  /** `DSKetNoiCSDL[].MaCSDL` per national database; databases without a code are not sent. Default `{ population: '7' }` (unconfirmed, §4.4). */
  nationalDatabaseCodes: Readonly<Partial<Record<NationalDatabase, string>>>;
  /** `NoiNopHoSo` to send (Thanh Hóa always `"2"`; meaning unconfirmed); `undefined`: not sent. */
  submissionPlace: string | undefined;
  /** Truncations. */
  truncate: WireTruncations;
}

/**
 * The OpenCPS-style profile: `"True"`/`"False"`, files linked by their own `url`, the
 * population database as `MaCSDL` `"7"`.
 *
 * @example
 * ```ts
 * import { OPENCPS_PROFILE } from '@motcua/adapters/dvcqg';
 * OPENCPS_PROFILE.booleanStyle; // 'opencps'
 * ```
 * @category Codecs
 */
export const OPENCPS_PROFILE: WireProfile = Object.freeze({
  booleanStyle: 'opencps',
  fileUrl: (file: StoredFile) => file.url,
  nationalDatabaseCodes: Object.freeze({ population: '7' }),
  submissionPlace: undefined,
  truncate: Object.freeze({ summary: 1000, fileName: 4000, handler: 50 }),
});

/**
 * The Thanh Hóa-style profile: `0`/`1` booleans and `NoiNopHoSo = "2"`.
 *
 * @example
 * ```ts
 * import { THANH_HOA_PROFILE } from '@motcua/adapters/dvcqg';
 * THANH_HOA_PROFILE.submissionPlace; // '2'
 * ```
 * @category Codecs
 */
export const THANH_HOA_PROFILE: WireProfile = Object.freeze({
  ...OPENCPS_PROFILE,
  booleanStyle: 'thanh-hoa',
  submissionPlace: '2',
});

/**
 * A profile: the OpenCPS defaults with the given overrides.
 *
 * @example
 * ```ts
 * import { createWireProfile } from '@motcua/adapters/dvcqg';
 * createWireProfile({ nationalDatabaseCodes: { population: '7', enterprise: '3' } }).booleanStyle; // 'opencps'
 * ```
 * @category Codecs
 */
export function createWireProfile(overrides: Partial<WireProfile> = {}): WireProfile {
  return Object.freeze({
    ...OPENCPS_PROFILE,
    ...overrides,
    truncate: Object.freeze({ ...OPENCPS_PROFILE.truncate, ...overrides.truncate }),
  });
}

/**
 * Cuts `text` to at most `max` characters as production systems do: `max − 5`
 * characters and "…" (never splitting a surrogate pair). Shorter text is unchanged.
 *
 * @example
 * ```ts
 * import { truncateWireText } from '@motcua/adapters/dvcqg';
 * truncateWireText('Nguyễn Văn An', 50); // 'Nguyễn Văn An'
 * truncateWireText('x'.repeat(60), 50).length; // 46
 * ```
 * @category Codecs
 */
export function truncateWireText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 5);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
