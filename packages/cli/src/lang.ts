import type { Lang } from '@motcua/schemas';

/**
 * The message language requested on a command line: `--lang en` or `--lang=en` gives
 * English; anything else Vietnamese (the default).
 *
 * @example
 * ```ts
 * import { pickLang } from '@motcua/cli';
 * pickLang(['validate', 'x.json', '--lang', 'en']); // 'en'
 * ```
 * @category CLI
 */
export function pickLang(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'vi';
}

/**
 * Picks the text for the language.
 *
 * @example
 * ```ts
 * import { t } from '@motcua/cli';
 * t('en', 'hợp lệ', 'valid'); // 'valid'
 * ```
 * @category CLI
 */
export function t(lang: Lang, vi: string, en: string): string {
  return lang === 'en' ? en : vi;
}
