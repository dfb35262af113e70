import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { DigitizedDocument } from '@motcua/schemas';
import { openSqliteStore } from '@motcua/store';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/memory-io.ts';
import { maskIdentifier, warehouseCommand } from './warehouse.ts';

const ID = '038190012345';
const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-warehouse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function doc(id: string, overrides: Partial<DigitizedDocument> = {}): DigitizedDocument {
  return {
    id,
    kind: 'result',
    resultCode: 'KQ.1.000894.01',
    name: 'Giấy chứng nhận kết hôn',
    referenceNumber: `${id}/2019/KH`,
    issueDate: '2019-03-02',
    issuingAgency: { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' },
    validity: { permanent: true },
    owner: { identity: { type: 'personal-id', value: ID }, name: 'Nguyễn Thị Hòa' },
    files: [
      {
        id: `tep-${id}`,
        name: 'kh.pdf',
        mediaType: 'application/pdf',
        size: 1000,
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      },
    ],
    digitizedBy: { name: 'Lê Thị Hoa', agencyCode: '000.17.22.H56' },
    digitizedAt: '2019-03-02T10:00:00+07:00',
    status: { state: 'valid' },
    ...overrides,
  };
}

let db: string;
let n = 0;
beforeEach(() => {
  db = join(dir, `w${n++}.db`);
});

function ndjson(lines: string[]): string {
  const file = join(dir, `in${n++}.ndjson`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const lookupArgs = (...extra: string[]) => [
  'lookup',
  '--owner',
  ID,
  '--purpose',
  'Đăng ký khai sinh cho con',
  '--requester',
  'cb-0042',
  '--agency',
  '000.17.22.H56',
  '--procedure',
  '1.001193',
  '--db',
  db,
  ...extra,
];

describe('motcua warehouse import', () => {
  it('streams, validates each record, imports the valid ones and summarizes the rejected ones', async () => {
    const file = ndjson([
      JSON.stringify(doc('1')),
      JSON.stringify(doc('2', { validity: { until: '2020-01-01' }, digitizedAt: '2021-01-01T10:00:00+07:00' })),
      '',
      '{ not json',
      JSON.stringify({ ...doc('3'), owner: { identity: { type: 'personal-id', value: '12345' }, name: 'X' } }),
      JSON.stringify(doc('4', { kind: 'result', resultCode: undefined })),
    ]);
    const io = memoryIo();
    expect(await warehouseCommand.run(['import', file, '--db', db], io)).toBe(1);
    const out = io.out();
    expect(out).toContain('Đã đọc 5 bản ghi: thêm mới 2, không đổi 0, cập nhật 0, từ chối 3.');
    expect(out).toContain('dòng 4:');
    expect(out).toContain('[JSON_MALFORMED]');
    expect(out).toContain('[CANON_DIGITIZED_TYPE_REQUIRED]');
    expect(out).toContain('CANON_DIGITIZED_EXPIRED: 1');
    expect(out).not.toContain(ID);
    expect(io.err()).toBe('');

    const again = memoryIo();
    expect(await warehouseCommand.run(['import', file, '--db', db, '--json', '--lang', 'en'], again)).toBe(1);
    const summary = JSON.parse(again.out());
    expect(summary).toMatchObject({
      records: 5,
      inserted: 0,
      unchanged: 2,
      updated: 0,
      rejected: 3,
      rejectedTruncated: false,
    });
    expect(summary.rejectedRecords.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);

    const store = openSqliteStore({ path: db });
    const stored = await store.warehouse.get('1');
    expect(stored?.provenance.origin).toBe(`import:${file.split('/').at(-1)}`);
    await store.close();
  });

  it('reads standard input and exits 0 when every record is valid', async () => {
    const io = memoryIo(`${JSON.stringify(doc('a'))}\n${JSON.stringify(doc('b'))}\n`);
    expect(await warehouseCommand.run(['import', '-', '--db', db, '--lang', 'en'], io)).toBe(0);
    expect(io.out()).toContain('Read 2 records: inserted 2, unchanged 0, updated 0, rejected 0.');
  });

  it('draws a progress bar on a terminal only', async () => {
    const file = ndjson([JSON.stringify(doc('p'))]);
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    const chunks: Buffer[] = [];
    stderr.on('data', (c: Buffer) => chunks.push(c));
    const io = { stdout: new PassThrough(), stderr, stdin: Readable.from([]) };
    expect(await warehouseCommand.run(['import', file, '--db', db], io)).toBe(0);
    expect(Buffer.concat(chunks).toString()).toMatch(/\r\[█+\] 100% 1 bản ghi\n/);
  });

  it('exits 2 on usage errors and unreadable input', async () => {
    for (const args of [
      ['import'],
      ['import', 'a', 'b'],
      ['import', join(dir, 'missing.ndjson'), '--db', db],
      ['frob'],
      [],
    ]) {
      const io = memoryIo();
      expect(await warehouseCommand.run(args, io), args.join(' ')).toBe(2);
      expect(io.err().length).toBeGreaterThan(0);
    }
  });
});

describe('motcua warehouse lookup', () => {
  beforeEach(async () => {
    const store = openSqliteStore({ path: db });
    await store.warehouse.putMany([
      doc('valid'),
      doc('expired', { issueDate: '2019-01-01', validity: { until: '2024-12-31' } }),
      doc('other', { resultCode: 'KQ.2' }),
    ]);
    await store.warehouse.revoke('other', { reason: 'Thu hồi theo quyết định 12/QĐ', at: '2025-01-01T00:00:00+07:00' });
    await store.close();
  });

  it('prints the owner’s valid papers with the ID masked and logs the look-up', async () => {
    const io = memoryIo();
    expect(await warehouseCommand.run(lookupArgs('--at', '2025-07-01T08:00:00+07:00'), io)).toBe(0);
    const out = io.out();
    expect(out).toContain('Chủ sở hữu: 038190****** (personal-id)');
    expect(out).toContain('valid  KQ.1.000894.01  Giấy chứng nhận kết hôn  số valid/2019/KH');
    expect(out).not.toContain('expired  ');
    expect(out).not.toContain(ID);
    const store = openSqliteStore({ path: db });
    const [entry] = await store.accessLog.bySubject({ type: 'personal-id', value: ID });
    await store.close();
    expect(entry).toMatchObject({
      requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
      purpose: { procedureCode: '1.001193', text: 'Đăng ký khai sinh cho con' },
      source: 'local-store',
      outcome: 'found',
      documentsReturned: [{ documentId: 'valid', resultCode: 'KQ.1.000894.01', referenceNumber: 'valid/2019/KH' }],
    });
    expect(out).toContain(`Đã ghi nhật ký truy cập: ${entry?.id}`);
  });

  it('with --all, says why each paper is not usable; filters by result code; --json masks the owner everywhere', async () => {
    const all = memoryIo();
    expect(await warehouseCommand.run(lookupArgs('--all', '--at', '2025-07-01T08:00:00+07:00'), all)).toBe(0);
    expect(all.out()).toContain('không dùng được: expired 2024-12-31');
    expect(all.out()).toContain('không dùng được: revoked 2025-01-01T00:00:00+07:00 (Thu hồi theo quyết định 12/QĐ)');

    const json = memoryIo();
    expect(await warehouseCommand.run(lookupArgs('--all', '--result-code', 'KQ.2', '--json'), json)).toBe(0);
    expect(json.out()).not.toContain(ID);
    const parsed = JSON.parse(json.out());
    expect(parsed.owner).toEqual({ type: 'personal-id', value: '038190******' });
    expect(parsed.documents.map((d: { document: { id: string } }) => d.document.id)).toEqual(['other']);
    expect(parsed.documents[0].document.owner.identity.value).toBe('038190******');
    expect(parsed.documents[0].validAt).toMatchObject({ valid: false, reason: 'revoked' });
  });

  it('exits 1 when nothing is found, still logging the look-up', async () => {
    const io = memoryIo();
    expect(await warehouseCommand.run(lookupArgs('--result-code', 'KQ.none'), io)).toBe(1);
    const log = memoryIo();
    expect(await warehouseCommand.run(['log', '--owner', ID, '--db', db], log)).toBe(0);
    expect(log.out()).toContain('Nhật ký truy cập dữ liệu của 038190******:');
    expect(log.out()).toContain(
      'tra cứu kho dữ liệu số hóa của bộ, ngành, địa phương để giải quyết thủ tục 1.001193, “Đăng ký khai sinh cho con”: không có dữ liệu.',
    );
    expect(log.out()).not.toContain(ID);
  });

  it('refuses a look-up without purpose, requester, agency or procedure, and logs nothing', async () => {
    const drop = (flag: string) => {
      const args = lookupArgs();
      const i = args.indexOf(flag);
      args.splice(i, 2);
      return args;
    };
    for (const flag of ['--purpose', '--requester', '--agency', '--procedure']) {
      const io = memoryIo();
      expect(await warehouseCommand.run(drop(flag), io), flag).toBe(2);
      expect(io.err()).toContain(flag);
      expect(io.err()).not.toContain(ID);
    }
    const badAgency = memoryIo();
    expect(await warehouseCommand.run([...lookupArgs(), '--agency', 'nope'], badAgency)).toBe(2);
    const badAt = memoryIo();
    expect(await warehouseCommand.run(lookupArgs('--at', '2025-07-01'), badAt)).toBe(2);
    const store = openSqliteStore({ path: db });
    expect(await store.accessLog.bySubject({ type: 'personal-id', value: ID })).toEqual([]);
    await store.close();
  });
});

describe('maskIdentifier', () => {
  it('hides all but the first digits', () => {
    expect(maskIdentifier('038190012345')).toBe('038190******');
    expect(maskIdentifier('172345678')).toBe('172******');
    expect(maskIdentifier('C1234567')).toBe('C12*****');
    expect(maskIdentifier('ABC')).toBe('***');
  });
});
