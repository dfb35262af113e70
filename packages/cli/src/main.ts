/**
 * The `motcua` command dispatcher.
 *
 * @module
 */
import type { Command, Io } from './command.ts';
import { EXIT } from './command.ts';
import { calendarCommand } from './commands/calendar.ts';
import { demoCommand } from './commands/demo.ts';
import { idCommand } from './commands/id.ts';
import { validateCommand } from './commands/validate.ts';
import { verifyCommand } from './commands/verify.ts';
import { pickLang } from './lang.ts';

/**
 * Every registered sub-command, in the order `motcua --help` lists them.
 *
 * @example
 * ```ts
 * import { COMMANDS } from '@motcua/cli';
 * COMMANDS.map((c) => c.name); // ['validate', 'id', 'verify', 'calendar', 'demo']
 * ```
 * @category CLI
 */
export const COMMANDS: readonly Command[] = [validateCommand, idCommand, verifyCommand, calendarCommand, demoCommand];

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
    io.stdout.write(helpText(lang));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(
      lang === 'en'
        ? `motcua: unknown command '${name}'. Run 'motcua --help'.\n`
        : `motcua: không có lệnh '${name}'. Chạy 'motcua --help' để xem danh sách.\n`,
    );
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`motcua ${name}: ${lang === 'en' ? 'unexpected error' : 'lỗi không mong đợi'}: ${message}\n`);
    return EXIT.usage;
  }
}

const VERSION = '0.0.0';

function helpText(lang: 'vi' | 'en'): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`);
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
