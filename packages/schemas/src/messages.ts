/**
 * The message catalogue: every issue code motcua can report, with its Vietnamese and
 * English text. Codes are stable; texts may improve between releases.
 *
 * @module
 */
import { CANONICAL_MESSAGES } from './canonical/messages.ts';
import { COMMON_MESSAGES } from './common-messages.ts';
import { DVCQG_MESSAGES } from './dvcqg/messages.ts';
import { ID_MESSAGES } from './ids/messages.ts';
import type { Lang } from './issues.ts';

/**
 * A message in both languages. `{name}` placeholders are filled from the params.
 *
 * @example
 * ```ts
 * import type { MessageTemplate } from '@motcua/schemas';
 * const t: MessageTemplate = { vi: 'Tối đa {maximum} ký tự', en: 'At most {maximum} characters' };
 * ```
 * @category Validation
 */
export interface MessageTemplate {
  readonly vi: string;
  readonly en: string;
}

/**
 * Every issue code with its texts, merged from each module's catalogue.
 *
 * @example
 * ```ts
 * import { MESSAGES } from '@motcua/schemas';
 * MESSAGES.REQUIRED.en; // 'Required value is missing'
 * ```
 * @category Validation
 */
export const MESSAGES: Readonly<Record<string, MessageTemplate>> = {
  ...COMMON_MESSAGES,
  ...ID_MESSAGES,
  ...DVCQG_MESSAGES,
  ...CANONICAL_MESSAGES,
};

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Renders the message of an issue code in the given language. Unknown codes fall back
 * to the code itself, so a message is never empty.
 *
 * @example
 * ```ts
 * import { formatMessage } from '@motcua/schemas';
 * formatMessage('STRING_TOO_LONG', { maximum: 50 }, 'en'); // 'Text is too long: at most 50 characters'
 * ```
 * @category Validation
 */
export function formatMessage(
  code: string,
  params: Readonly<Record<string, string | number>> | undefined,
  lang: Lang = 'vi',
): string {
  const template = MESSAGES[code];
  if (template === undefined) return code;
  const text = template[lang];
  if (params === undefined) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
