/**
 * The `motcua` command dispatcher.
 *
 * @module
 */
import type { Command, Io } from './command.ts';
import { EXIT } from './command.ts';
import { pickLang } from './lang.ts';

/**
 * A registered sub-command, loaded only when it runs (or for `--help`): `motcua verify`
 * does not pay for loading the validation schemas, and the other way round.
 *
 * @example
 * ```ts
 * import { COMMANDS } from '@motcua/cli';
 * const verify = await COMMANDS.find((c) => c.name === 'verify')?.load();
 * ```
 * @category CLI
 */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<Command>;
}

/**
 * Every registered sub-command, in the order `motcua --help` lists them.
 *
 * @example
 * ```ts
 * import { COMMANDS } from '@motcua/cli';
 * COMMANDS.map((c) => c.name); // ['validate', 'id', 'verify', 'sign', 'calendar', 'warehouse', 'sandbox', 'sync', 'demo']
 * ```
 * @category CLI
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./commands/validate.ts')).validateCommand },
  { name: 'id', load: async () => (await import('./commands/id.ts')).idCommand },
  { name: 'verify', load: async () => (await import('./commands/verify.ts')).verifyCommand },
  { name: 'sign', load: async () => (await import('./commands/sign.ts')).signCommand },
  { name: 'calendar', load: async () => (await import('./commands/calendar.ts')).calendarCommand },
  { name: 'warehouse', load: async () => (await import('./commands/warehouse.ts')).warehouseCommand },
  { name: 'sandbox', load: async () => (await import('./commands/sandbox.ts')).sandboxCommand },
  { name: 'sync', load: async () => (await import('./commands/sync.ts')).syncCommand },
  { name: 'demo', load: async () => (await import('./commands/demo.ts')).demoCommand },
];

/**
 * Runs the CLI with `argv` (the arguments after `motcua`) and resolves to the exit code.
 * Never throws: an unexpected failure is printed as one line and exits 2.
 *
 * @example
 * ```ts
 * import { main } from '@motcua/cli';
 * const code = await main(['id', '001099012345', '--json'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * ```
 * @category CLI
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const lang = pickLang(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText(lang, await Promise.all(COMMANDS.map((c) => c.load()))));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.stderr.write(
      lang === 'en'
        ? `motcua: unknown command '${name}'. Run 'motcua --help'.\n`
        : `motcua: không có lệnh '${name}'. Chạy 'motcua --help' để xem danh sách.\n`,
    );
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`motcua ${name}: ${lang === 'en' ? 'unexpected error' : 'lỗi không mong đợi'}: ${message}\n`);
    return EXIT.usage;
  }
}

const VERSION = '0.0.0';

function helpText(lang: 'vi' | 'en', commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`);
  const head =
    lang === 'en'
      ? 'motcua — tools for Vietnamese administrative-procedure data\n\nUsage: motcua <command> [options]   (--lang en for English)\n\nCommands:'
      : 'motcua — công cụ cho dữ liệu thủ tục hành chính\n\nCách dùng: motcua <lệnh> [tùy chọn]   (--lang en để xem tiếng Anh)\n\nCác lệnh:';
  const tail =
    lang === 'en'
      ? "\nRun 'motcua <command> --help' for a command's options.\n"
      : "\nChạy 'motcua <lệnh> --help' để xem tùy chọn của từng lệnh.\n";
  return `${head}\n${lines.join('\n')}\n${tail}`;
}
