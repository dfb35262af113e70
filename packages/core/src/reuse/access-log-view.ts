/**
 * The citizen-readable view of the access log: one sentence per look-up, in Vietnamese
 * or English, saying who read what, where, when, why and what came of it — the
 * Estonian Data Tracker's lesson is that a log without the reason confuses people
 * (once-only.md §2.5).
 *
 * @module
 */
import type { AccessLogEntry, EvidenceSource as EvidenceSourceKind, LookupOutcome } from '@motcua/schemas';
import { epochMsOf, vietnamInstantOfMs } from './validity.ts';

const SOURCE_NAMES: Record<EvidenceSourceKind, { vi: string; en: string }> = {
  'dvcqg-store': { vi: 'Kho dữ liệu số hóa của Cổng DVCQG', en: 'the National Public Service Portal data store' },
  'local-store': { vi: 'kho dữ liệu số hóa của bộ, ngành, địa phương', en: 'the local digitization warehouse' },
  'population-database': { vi: 'Cơ sở dữ liệu quốc gia về dân cư', en: 'the National Population Database' },
  'enterprise-database': {
    vi: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
    en: 'the National Business Registration Database',
  },
  other: { vi: 'một cơ sở dữ liệu khác', en: 'another database' },
};

const OUTCOMES: Record<LookupOutcome, { vi: string; en: string }> = {
  found: { vi: 'tìm thấy', en: 'found' },
  'not-found': { vi: 'không có dữ liệu', en: 'nothing found' },
  'identity-mismatch': {
    vi: 'dữ liệu tìm thấy không khớp với thông tin của bạn',
    en: 'records found did not match you',
  },
  denied: { vi: 'bị từ chối', en: 'refused' },
  error: { vi: 'lỗi khi tra cứu', en: 'the look-up failed' },
  'source-unavailable': { vi: 'nguồn dữ liệu tạm thời không phản hồi', en: 'the source was unavailable' },
};

const REQUESTERS = {
  officer: { vi: 'Cán bộ', en: 'Officer' },
  citizen: { vi: 'Bạn (tài khoản', en: 'You (account' },
  system: { vi: 'Hệ thống', en: 'System' },
} as const;

/**
 * One access-log entry as a sentence the citizen can read. The subject's identifier is
 * not repeated (the citizen is reading their own log); documents are named by result
 * code and number only.
 *
 * @example
 * ```ts
 * import { describeAccessLogEntry } from '@motcua/core';
 * describeAccessLogEntry({
 *   id: 'log-1',
 *   at: '2025-07-01T08:31:05+07:00',
 *   requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
 *   subject: { type: 'personal-id', value: '038190012345' },
 *   purpose: { procedureCode: '1.001193', dossierCode: '000.17.22.H56-250701-0001' },
 *   lawfulBasis: 'legal-duty',
 *   source: 'dvcqg-store',
 *   outcome: 'found',
 *   documentsReturned: [{ resultCode: 'KQ.1.001193.01', referenceNumber: '123/2025/KS' }],
 * });
 * // '01/07/2025 08:31 — Cán bộ cb-0042 (cơ quan 000.17.22.H56) tra cứu Kho dữ liệu số hóa của Cổng DVCQG
 * //  để giải quyết thủ tục 1.001193, hồ sơ 000.17.22.H56-250701-0001: tìm thấy 1 giấy tờ (KQ.1.001193.01 số 123/2025/KS).'
 * ```
 * @category Reuse
 */
export function describeAccessLogEntry(entry: AccessLogEntry, lang: 'vi' | 'en' = 'vi'): string {
  const local = vietnamInstantOfMs(epochMsOf(entry.at, 'at'));
  const when = `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
  const r = entry.requester;
  const who =
    r.type === 'citizen'
      ? `${REQUESTERS.citizen[lang]} ${r.id})`
      : `${REQUESTERS[r.type][lang]} ${r.id}${r.agencyCode === undefined ? '' : lang === 'vi' ? ` (cơ quan ${r.agencyCode})` : ` (agency ${r.agencyCode})`}`;
  const source = SOURCE_NAMES[entry.source][lang];
  const p = entry.purpose;
  const why = [
    lang === 'vi' ? `thủ tục ${p.procedureCode}` : `procedure ${p.procedureCode}`,
    p.dossierCode === undefined ? undefined : lang === 'vi' ? `hồ sơ ${p.dossierCode}` : `dossier ${p.dossierCode}`,
    p.text === undefined ? undefined : `“${p.text}”`,
  ]
    .filter((x) => x !== undefined)
    .join(', ');
  let outcome = OUTCOMES[entry.outcome][lang];
  if (entry.outcome === 'found') {
    const docs = entry.documentsReturned
      .map((d) =>
        [
          d.resultCode ?? d.documentType ?? d.documentId,
          d.referenceNumber === undefined
            ? undefined
            : lang === 'vi'
              ? `số ${d.referenceNumber}`
              : `no. ${d.referenceNumber}`,
        ]
          .filter(Boolean)
          .join(' '),
      )
      .join('; ');
    const n = entry.documentsReturned.length;
    outcome = lang === 'vi' ? `tìm thấy ${n} giấy tờ (${docs})` : `found ${n} paper${n === 1 ? '' : 's'} (${docs})`;
  } else if (entry.error !== undefined) {
    outcome = `${outcome}: ${entry.error.message}`;
  }
  if (entry.unavailableUntil !== undefined) {
    outcome += lang === 'vi' ? `, thử lại sau ${entry.unavailableUntil}` : `, retry after ${entry.unavailableUntil}`;
  }
  const basis =
    entry.lawfulBasis === 'consent'
      ? lang === 'vi'
        ? ` theo sự đồng ý ${entry.consentReference ?? ''} của bạn`
        : ` under your consent ${entry.consentReference ?? ''}`
      : '';
  return lang === 'vi'
    ? `${when} — ${who} tra cứu ${source}${basis} để giải quyết ${why}: ${outcome}.`
    : `${when} — ${who} looked up ${source}${basis} for ${why}: ${outcome}.`;
}
