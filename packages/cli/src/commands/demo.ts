/**
 * `motcua demo`: the guided tour. For now it validates the bundled sample batch of
 * real-shaped DVCQG `DongBoHoSoMC` payloads and prints a readable report.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';
import { validateCommand } from './validate.ts';

/** The sample batch, in the repository's examples folder. */
const SAMPLE = fileURLToPath(new URL('../../../../examples/data/dvcqg-sample-batch.json', import.meta.url));

/**
 * The `demo` command.
 *
 * @example
 * ```ts
 * import { demoCommand } from '@motcua/cli';
 * await demoCommand.run(['--lang', 'en'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * ```
 * @category CLI
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: {
    vi: 'Chạy thử: kiểm tra lô hồ sơ DVCQG mẫu và in báo cáo',
    en: 'Demo: validate the sample DVCQG dossier batch and print a report',
  },
  usage:
    'motcua demo [--lang vi|en]\n\nValidates examples/data/dvcqg-sample-batch.json as dvcqg-dossier and prints the report.',
  run: async (args: string[], io: Io): Promise<number> => {
    const lang = pickLang(args);
    io.stdout.write(
      t(
        lang,
        'motcua demo — kiểm tra một lô hồ sơ đồng bộ lên Cổng DVCQG (dịch vụ DongBoHoSoMC)\n' +
          'Tệp: examples/data/dvcqg-sample-batch.json\n' +
          'Lỗi (✗) là những gì Cổng sẽ từ chối hoặc dữ liệu vô nghĩa; cảnh báo (⚠) là dữ liệu hợp lệ nhưng làm giảm điểm bộ chỉ số 766.\n\n',
        'motcua demo — validating a batch of dossiers synced to the National Public Service Portal (DongBoHoSoMC)\n' +
          'File: examples/data/dvcqg-sample-batch.json\n' +
          'Errors (✗) are what the portal would reject or meaningless data; warnings (⚠) are legal data that lowers the Decision 766 scores.\n\n',
      ),
    );
    const code = await validateCommand.run([SAMPLE, '--as', 'dvcqg-dossier', '--lang', lang], io);
    // The sample batch deliberately contains invalid dossiers: the demo itself succeeded
    // when it produced a report (exit 0 or 1); only a usage/read failure is a failure.
    return code === EXIT.usage ? EXIT.usage : EXIT.ok;
  },
};
