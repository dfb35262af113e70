/**
 * `motcua sandbox`: a local Cổng DVCQG on 127.0.0.1 with fault injection, for testing sync
 * code and integrations.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import {
  FAULT_PRESETS,
  parseFaults,
  type ResolvedFaults,
  type SandboxDvcqgConfig,
  startSandbox,
} from '@motcua/sandbox';
import type { Lang } from '@motcua/schemas';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';

const USAGE = `motcua sandbox [--port N] [--faults <preset|json|preset+json>] [--db <file.db>] [--json] [--lang vi|en]

Cổng DVCQG giả lập trên 127.0.0.1: giao thức adapter DVCQG (đăng nhập, LayThuTuc, TraCuuHoSo,
DongBoHoSoMC, CapNhatTienDoHoSoMC…), kho số hóa, CSDL dân cư, nền tảng thanh toán và LGSP;
kiểm tra dữ liệu nhận được bằng lược đồ wire; giả lập lỗi. Ctrl+C để dừng.
A local Cổng DVCQG on 127.0.0.1 (adapter protocol, digitization store, population database,
payment platform, LGSP), validating what it receives, with fault injection. Ctrl+C stops it.

  --port N      cổng TCP (mặc định: cổng trống bất kỳ) / TCP port (default: any free port)
  --faults X    lỗi giả lập / faults: ${Object.keys(FAULT_PRESETS).join(', ')}, JSON
                (vd. '{"errorRate":0.1,"timeoutRate":0.05,"seed":7}'), hoặc 'flaky+{"seed":3}'
  --db FILE     lưu trạng thái vào tệp SQLite (mặc định: bộ nhớ) / keep state in a SQLite file
  --json        in một dòng JSON: url, cấu hình kết nối DVCQG, lỗi giả lập / print one JSON line

Kiểm tra / inspect: GET <url>/__sandbox/requests, /__sandbox/dossiers, /__sandbox/progress/<MaHoSo>,
/__sandbox/stats; POST /__sandbox/faults, /__sandbox/reset.
Exit: 0 stopped, 2 usage error.`;

/**
 * The `sandbox` command.
 *
 * @example
 * ```ts
 * import { sandboxCommand } from '@motcua/cli';
 * // runs until SIGINT / SIGTERM
 * await sandboxCommand.run(['--faults', 'flaky', '--json'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * ```
 * @category CLI
 */
export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: {
    vi: 'Chạy Cổng DVCQG giả lập trên 127.0.0.1, có giả lập lỗi',
    en: 'Run a local Cổng DVCQG on 127.0.0.1, with fault injection',
  },
  usage: USAGE,
  run: (args, io) => runSandbox(args, io),
};

/**
 * Runs `motcua sandbox …` until `signal` aborts, or SIGINT / SIGTERM.
 *
 * @example
 * ```ts
 * import { runSandbox } from '@motcua/cli';
 * const stop = new AbortController();
 * const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
 * const done = runSandbox(['--port', '8088'], io, { signal: stop.signal });
 * stop.abort();
 * await done; // 0
 * ```
 * @category CLI
 */
export async function runSandbox(args: string[], io: Io, options: { signal?: AbortSignal } = {}): Promise<number> {
  const lang = pickLang(args);
  let values: { port?: string; faults?: string; db?: string; json?: boolean; lang?: string };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string' },
        faults: { type: 'string' },
        db: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
      },
    }));
  } catch (err) {
    return usage(io, err instanceof Error ? err.message : String(err));
  }
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return usage(io, t(lang, `cổng không hợp lệ '${values.port}'`, `invalid port '${values.port}'`));
    }
  }
  let faults: ResolvedFaults;
  try {
    faults = parseFaults(values.faults ?? 'none');
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port,
      host: '127.0.0.1',
      faults,
      ...(values.db === undefined ? {} : { dbPath: values.db }),
    });
  } catch (err) {
    io.stderr.write(`motcua sandbox: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  print(io, lang, values.json === true, sandbox.url, sandbox.dvcqg, faults);
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  options.signal?.addEventListener('abort', onSignal);
  if (options.signal?.aborted === true) stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await new Promise((r) => stop.signal.addEventListener('abort', r, { once: true }));
  } finally {
    options.signal?.removeEventListener('abort', onSignal);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await sandbox.close();
  }
  if (values.json !== true) io.stderr.write(t(lang, 'đã dừng Cổng giả lập\n', 'sandbox stopped\n'));
  return EXIT.ok;
}

function usage(io: Io, message: string): number {
  io.stderr.write(`motcua sandbox: ${message}\n\n${USAGE}\n`);
  return EXIT.usage;
}

function print(
  io: Io,
  lang: Lang,
  json: boolean,
  url: string,
  dvcqg: SandboxDvcqgConfig,
  faults: ResolvedFaults,
): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ url, dvcqg, faults })}\n`);
    return;
  }
  const active = Object.entries(faults).filter(([k]) => k !== 'seed');
  io.stdout.write(
    [
      `${t(lang, 'Cổng DVCQG giả lập', 'Sandbox DVCQG portal')}: ${url}`,
      `  adapterUrl           ${dvcqg.adapterUrl}`,
      `  authEndpoint         ${dvcqg.authEndpoint}`,
      `  integrationEndpoint  ${dvcqg.integrationEndpoint}`,
      `  shareEndpoint        ${dvcqg.shareEndpoint}`,
      `  username / password  ${dvcqg.username} / ${dvcqg.password}`,
      `  madonvi              ${dvcqg.madonvi}`,
      `  dstcode              ${dvcqg.dstcode}`,
      `${t(lang, 'Lỗi giả lập', 'Faults')}: ${active.length === 0 ? t(lang, 'không', 'none') : JSON.stringify(Object.fromEntries(active))} (seed ${faults.seed})`,
      `${t(lang, 'Kiểm tra', 'Inspect')}: ${url}/__sandbox/requests · ${url}/__sandbox/dossiers · ${url}/__sandbox/stats`,
      t(lang, 'Ctrl+C để dừng.', 'Ctrl+C to stop.'),
      '',
    ].join('\n'),
  );
}
