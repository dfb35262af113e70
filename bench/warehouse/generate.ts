/**
 * Deterministic generator of a realistic digitization warehouse: citizens with a
 * personal identification number, each holding a handful of digitized results and
 * papers (birth and marriage certificates, land-use rights, residence, licences …)
 * with the metadata real systems store (dvcqg-wire.md §15.4). Synthetic people only.
 */
import type { DigitizedDocument } from '@motcua/schemas';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thị Thu', 'Văn Hoàng'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Khánh',
  'Linh',
  'Nam',
  'Phương',
  'Quân',
  'Thảo',
  'Vy',
  'Hòa',
];
const PROVINCES = ['001', '031', '038', '040', '048', '079', '092', '024', '036', '034'];
const AGENCIES = ['000.17.22.H56', '000.20.22.H56', '000.00.12.H56', '000.00.00.H40', '000.31.15.H29'];

/** Result codes (MaKetQua) with the paper's name and how long it stays valid (years; 0 = permanent). */
export const RESULTS: ReadonlyArray<readonly [string, string, number]> = [
  ['KQ.1.001193.01', 'Giấy khai sinh', 0],
  ['KQ.1.000894.01', 'Giấy chứng nhận kết hôn', 0],
  ['KQ.1.004227.01', 'Giấy xác nhận tình trạng hôn nhân', 0.5],
  ['KQ.1.003560.01', 'Giấy chứng nhận quyền sử dụng đất', 0],
  ['KQ.2.000986.01', 'Giấy phép xây dựng', 1],
  ['KQ.2.002492.01', 'Giấy chứng nhận đăng ký hộ kinh doanh', 0],
  ['KQ.1.001022.01', 'Phiếu lý lịch tư pháp số 1', 0.5],
  ['KQ.1.002051.01', 'Giấy phép lái xe', 10],
  ['KQ.1.000656.01', 'Bản sao trích lục khai tử', 0],
  ['KQ.1.010052.01', 'Giấy xác nhận thông tin cư trú', 1],
  ['KQ.2.001611.01', 'Chứng chỉ hành nghề', 5],
  ['KQ.1.008926.01', 'Bằng tốt nghiệp trung học phổ thông', 0],
];

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** The personal identification number of owner `i` (unique for i < 10^6 per province/year slot). */
export function ownerId(i: number): string {
  const province = PROVINCES[i % PROVINCES.length] as string;
  const year = 1940 + ((i * 7919) % 66);
  const centuryGender = (year >= 2000 ? 2 : 0) + (i % 2);
  return `${province}${centuryGender}${pad(year % 100, 2)}${pad(Math.floor(i / PROVINCES.length) % 1_000_000, 6)}`;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const START_MS = Date.UTC(1995, 0, 1);
const SPAN_MS = Date.UTC(2026, 0, 1) - START_MS;

/** The papers of owner `i`, `count` of them, document ids starting at `firstId`. */
export function papersOf(i: number, count: number, firstId: number, rand: () => number): DigitizedDocument[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const id = ownerId(i);
  const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const out: DigitizedDocument[] = [];
  for (let k = 0; k < count; k++) {
    const [resultCode, paper, years] = pick(RESULTS);
    const issuedMs = START_MS + Math.floor(rand() * SPAN_MS);
    const issueDate = day(issuedMs);
    const agency = pick(AGENCIES);
    const r = rand();
    const status: DigitizedDocument['status'] =
      r < 0.95
        ? { state: 'valid' }
        : r < 0.98
          ? {
              state: 'revoked',
              reason: 'Thu hồi theo quyết định của cơ quan có thẩm quyền',
              at: `${day(issuedMs + 400 * 86_400_000)}T09:00:00+07:00`,
            }
          : { state: 'superseded', reason: 'Cấp đổi', at: `${day(issuedMs + 800 * 86_400_000)}T09:00:00+07:00` };
    const docId = `gtsh-${firstId + k}`;
    out.push({
      id: docId,
      kind: 'result',
      resultCode,
      name: paper,
      referenceNumber: `${(firstId + k) % 100_000}/${issueDate.slice(0, 4)}/${resultCode.slice(-6, -3)}`,
      issueDate,
      issuingAgency: { name: 'Ủy ban nhân dân phường', code: agency },
      summary: `${paper} của ${name}`,
      validity: years === 0 ? { permanent: true } : { until: day(issuedMs + Math.round(years * 365) * 86_400_000) },
      scope: 'Toàn quốc',
      owner: { identity: { type: 'personal-id', value: id }, name },
      signer: { name: 'Phạm Minh Tuấn', position: 'Chủ tịch' },
      files: [
        {
          id: `tep-${firstId + k}`,
          name: `${docId}.pdf`,
          mediaType: 'application/pdf',
          size: 150_000 + Math.floor(rand() * 400_000),
          sha256: (firstId + k).toString(16).padStart(64, '0'),
        },
      ],
      nationalStoreCode: `KSH-${agency.slice(-3)}-${issueDate.slice(0, 4)}-${pad(firstId + k, 9)}`,
      digitizedBy: { name: 'Lê Thị Hoa', agencyCode: agency },
      digitizedAt: `${issueDate}T10:20:00+07:00`,
      source: { procedureCode: `1.${resultCode.slice(5, 11)}` },
      status,
    });
  }
  return out;
}
