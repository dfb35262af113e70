/**
 * `motcua calendar`: the Vietnamese lunar calendar and the working-day calendar on the
 * command line.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import {
  type CalendarOverrides,
  createCalendar,
  type DayExplanation,
  formatLocalDate,
  formatVietnamInstant,
  LUNAR_SUPPORTED_RANGE,
  type LunarDate,
  lunarToSolar,
  type ProcessingTimeUnit,
  parseCalendarOverrides,
  parseIsoInstant,
  parseLocalDate,
  solarToLunar,
  type WorkingCalendar,
} from '@motcua/core/calendar';
import type { Lang } from '@motcua/schemas';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';
import { InputError, readWhole } from '../read-input.ts';

const USAGE = `motcua calendar <sub-command> … [--json] [--lang vi|en]

Âm lịch Việt Nam (tính cho UTC+7) và lịch ngày làm việc của cơ quan hành chính
(Bộ luật Lao động 2019 Điều 111–112, lịch nghỉ Chính phủ công bố).
Vietnamese lunar calendar (UTC+7) and the public-administration working-day calendar.

  lunar <YYYY-MM-DD>                 dương lịch → âm lịch / solar to lunar
  solar <YYYY-MM-DD> [--leap]        âm lịch → dương lịch; --leap: tháng nhuận / lunar to solar
  is-working-day <YYYY-MM-DD>        true/false và lý do / true or false, and why
  due --from <instant> (--working-days <n> | --days <n> | --hours <h>)
                                     hạn giải quyết / due instant (instant: 2025-04-29T09:00:00+07:00)
  holidays <YYYY>                    các ngày nghỉ, nghỉ bù, làm bù trong năm / the year's listed days

  --overrides <file.json>  ngày nghỉ/lịch công bố/quy tắc địa phương bổ sung / calendar overrides
  --cutoff <HH:MM|none>    giờ chốt buổi chiều (mặc định 16:30) / afternoon cutoff (default 16:30)
  --json                   in JSON / print JSON
  --lang vi|en             ngôn ngữ thông báo (mặc định vi) / message language (default vi)

Exit: 0 ok (is-working-day: true), 1 false or invalid lunar date, 2 usage error.`;

/**
 * The `calendar` command: `lunar`, `solar`, `is-working-day`, `due`, `holidays`.
 *
 * @example
 * ```ts
 * import { calendarCommand } from '@motcua/cli';
 * await calendarCommand.run(['lunar', '2025-01-29', '--json'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * // {"day":1,"month":1,"year":2025,"leap":false}
 * ```
 * @category CLI
 */
export const calendarCommand: Command = {
  name: 'calendar',
  summary: {
    vi: 'Âm lịch, ngày làm việc, ngày nghỉ lễ và hạn giải quyết hồ sơ',
    en: 'Lunar calendar, working days, public holidays and dossier due dates',
  },
  usage: USAGE,
  run: runCalendar,
};

type Values = {
  json?: boolean | undefined;
  lang?: string | undefined;
  leap?: boolean | undefined;
  from?: string | undefined;
  'working-days'?: string | undefined;
  days?: string | undefined;
  hours?: string | undefined;
  overrides?: string | undefined;
  cutoff?: string | undefined;
};

/** Options each sub-command accepts besides --json and --lang. */
const ALLOWED: Readonly<Record<string, readonly (keyof Values)[]>> = {
  lunar: [],
  solar: ['leap'],
  'is-working-day': ['overrides'],
  due: ['from', 'working-days', 'days', 'hours', 'overrides', 'cutoff'],
  holidays: ['overrides'],
};

/** A usage problem: printed with the usage text, exit 2. */
class UsageError extends Error {}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];
const WEEKDAYS_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
const WEEKDAYS_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The sexagenary name of a lunar year (can chi), e.g. 2025 → Ất Tỵ. */
function yearName(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}

function lunarText(l: LunarDate, lang: Lang): string {
  if (lang === 'en') {
    return `lunar day ${l.day} of ${l.leap ? 'leap ' : ''}month ${l.month}, year ${l.year} (${yearName(l.year)})`;
  }
  return `ngày ${l.day} tháng ${l.month}${l.leap ? ' nhuận' : ''} năm ${yearName(l.year)} (${l.year})`;
}

async function runCalendar(args: string[], io: Io): Promise<number> {
  const lang = pickLang(args);
  try {
    return await dispatch(args, io, lang);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`motcua calendar: ${err.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

async function dispatch(args: string[], io: Io, lang: Lang): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        leap: { type: 'boolean' },
        from: { type: 'string' },
        'working-days': { type: 'string' },
        days: { type: 'string' },
        hours: { type: 'string' },
        overrides: { type: 'string' },
        cutoff: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') {
    throw new UsageError(
      t(lang, `ngôn ngữ không hỗ trợ '${values.lang}' (vi, en)`, `unsupported language '${values.lang}' (vi, en)`),
    );
  }
  const [sub, ...rest] = positionals;
  const allowed = sub === undefined ? undefined : ALLOWED[sub];
  if (sub === undefined || allowed === undefined) {
    throw new UsageError(
      sub === undefined
        ? t(lang, 'thiếu lệnh con', 'missing sub-command')
        : t(lang, `lệnh con không hợp lệ '${sub}'`, `unknown sub-command '${sub}'`),
    );
  }
  const stray = (Object.keys(values) as (keyof Values)[]).filter(
    (k) => k !== 'json' && k !== 'lang' && values[k] !== undefined && !allowed.includes(k),
  );
  if (stray.length > 0) {
    throw new UsageError(
      t(lang, `'${sub}' không nhận --${stray.join(', --')}`, `'${sub}' does not take --${stray.join(', --')}`),
    );
  }
  const expected = sub === 'due' ? 0 : 1;
  if (rest.length !== expected) {
    throw new UsageError(
      expected === 0
        ? t(lang, `'${sub}' không nhận tham số vị trí`, `'${sub}' takes no positional argument`)
        : t(lang, `'${sub}' cần đúng một tham số`, `'${sub}' needs exactly one argument`),
    );
  }
  const arg = rest[0] ?? '';
  const json = values.json === true;
  switch (sub) {
    case 'lunar':
      return lunar(arg, json, io, lang);
    case 'solar':
      return solar(arg, values.leap === true, json, io, lang);
    case 'is-working-day':
      return isWorkingDay(arg, await calendarFrom(values, io, lang), json, io, lang);
    case 'due':
      return due(values, await calendarFrom(values, io, lang), json, io, lang);
    default:
      return holidays(arg, await calendarFrom(values, io, lang), json, io, lang);
  }
}

function solarDate(text: string, lang: Lang): string {
  const r = parseLocalDate(text);
  if (!r.ok) throw new UsageError(r.error[lang]);
  const iso = formatLocalDate(r.value);
  if (iso < LUNAR_SUPPORTED_RANGE.from || iso > LUNAR_SUPPORTED_RANGE.to) {
    throw new UsageError(
      t(
        lang,
        `ngày ${iso} nằm ngoài phạm vi hỗ trợ ${LUNAR_SUPPORTED_RANGE.from}..${LUNAR_SUPPORTED_RANGE.to}`,
        `${iso} is outside the supported range ${LUNAR_SUPPORTED_RANGE.from}..${LUNAR_SUPPORTED_RANGE.to}`,
      ),
    );
  }
  return iso;
}

function lunar(arg: string, json: boolean, io: Io, lang: Lang): number {
  const l = solarToLunar(solarDate(arg, lang));
  io.stdout.write(
    json
      ? `${JSON.stringify({ day: l.day, month: l.month, year: l.year, leap: l.leap })}\n`
      : `${arg} → ${lunarText(l, lang)}\n`,
  );
  return EXIT.ok;
}

function solar(arg: string, leap: boolean, json: boolean, io: Io, lang: Lang): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(arg);
  if (m === null) {
    throw new UsageError(
      t(lang, `'${arg}' không phải ngày âm lịch dạng YYYY-MM-DD`, `'${arg}' is not a lunar date YYYY-MM-DD`),
    );
  }
  const r = lunarToSolar({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), leap });
  if (!r.ok) {
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: r.error[lang] })}\n`);
    else io.stderr.write(`motcua calendar: ${r.error[lang]}\n`);
    return EXIT.invalid;
  }
  const iso = formatLocalDate(r.value);
  io.stdout.write(json ? `${JSON.stringify({ date: iso, ...r.value })}\n` : `${iso}\n`);
  return EXIT.ok;
}

async function calendarFrom(values: Values, io: Io, lang: Lang): Promise<WorkingCalendar> {
  let overrides: CalendarOverrides | undefined;
  if (values.overrides !== undefined) overrides = await loadOverrides(values.overrides, io, lang);
  let cutoff: string | null | undefined;
  if (values.cutoff !== undefined) {
    if (values.cutoff === 'none') cutoff = null;
    else if (/^([01]\d|2[0-3]):[0-5]\d$/.test(values.cutoff)) cutoff = values.cutoff;
    else {
      throw new UsageError(
        t(
          lang,
          `--cutoff cần HH:MM hoặc none, nhận '${values.cutoff}'`,
          `--cutoff needs HH:MM or none, got '${values.cutoff}'`,
        ),
      );
    }
  }
  return createCalendar({
    ...(overrides === undefined ? {} : { overrides }),
    ...(cutoff === undefined ? {} : { afternoonCutoff: cutoff }),
  });
}

async function loadOverrides(file: string, io: Io, lang: Lang): Promise<CalendarOverrides> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readWhole(file, io.stdin, 4 * 1024 * 1024));
  } catch (err) {
    const code = err instanceof InputError ? err.code : 'READ_FAILED';
    throw new UsageError(t(lang, `không đọc được tệp ${file} (${code})`, `cannot read ${file} (${code})`));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new UsageError(t(lang, `${file}: JSON không hợp lệ: ${detail}`, `${file}: malformed JSON: ${detail}`));
  }
  const r = parseCalendarOverrides(json, { lang });
  const lines = r.issues.map(
    (i) => `  ${i.severity === 'error' ? '✗' : '⚠'} ${i.path === '' ? '(root)' : i.path} [${i.code}] ${i.message}`,
  );
  if (!r.ok) {
    throw new UsageError(
      `${t(lang, `tệp ghi đè ${file} không hợp lệ`, `overrides file ${file} is invalid`)}:\n${lines.join('\n')}`,
    );
  }
  if (lines.length > 0) io.stderr.write(`${file}:\n${lines.join('\n')}\n`);
  return r.value;
}

function explanationJson(e: DayExplanation, lang: Lang): Record<string, unknown> {
  return {
    date: formatLocalDate(e.date),
    working: e.working,
    dayOfWeek: e.dayOfWeek,
    lunar: e.lunar,
    reasons: e.reasons.map((r) => ({
      kind: r.kind,
      name: r.name[lang],
      ...(r.holiday === undefined ? {} : { holiday: r.holiday }),
      ...(r.relatedDate === undefined ? {} : { relatedDate: r.relatedDate }),
      ...(r.source === undefined ? {} : { source: r.source }),
    })),
  };
}

function explanationLines(e: DayExplanation, lang: Lang): string[] {
  const weekday = (lang === 'en' ? WEEKDAYS_EN : WEEKDAYS_VI)[e.dayOfWeek];
  const verdict = e.working ? t(lang, 'ngày làm việc', 'working day') : t(lang, 'ngày nghỉ', 'day off');
  const lines = [`${formatLocalDate(e.date)} (${weekday}; ${lunarText(e.lunar, lang)}): ${verdict}`];
  for (const r of e.reasons) lines.push(`  - ${r.name[lang]} [${r.kind}]`);
  return lines;
}

function isWorkingDay(arg: string, calendar: WorkingCalendar, json: boolean, io: Io, lang: Lang): number {
  const e = calendar.explainDay(solarDate(arg, lang));
  io.stdout.write(
    json ? `${JSON.stringify(explanationJson(e, lang))}\n` : `${e.working}\n${explanationLines(e, lang).join('\n')}\n`,
  );
  return e.working ? EXIT.ok : EXIT.invalid;
}

function holidays(arg: string, calendar: WorkingCalendar, json: boolean, io: Io, lang: Lang): number {
  if (!/^\d{4}$/.test(arg) || Number(arg) < 1800 || Number(arg) > 2199) {
    throw new UsageError(t(lang, `năm không hợp lệ '${arg}' (1800–2199)`, `invalid year '${arg}' (1800–2199)`));
  }
  const days = calendar.holidays(Number(arg));
  io.stdout.write(
    json
      ? `${JSON.stringify(days.map((d) => explanationJson(d, lang)))}\n`
      : `${days.map((d) => explanationLines(d, lang).join('\n')).join('\n')}\n`,
  );
  return EXIT.ok;
}

const UNITS: readonly ProcessingTimeUnit[] = ['working-days', 'days', 'hours'];

function due(values: Values, calendar: WorkingCalendar, json: boolean, io: Io, lang: Lang): number {
  if (values.from === undefined) throw new UsageError(t(lang, 'thiếu --from <thời điểm>', 'missing --from <instant>'));
  const from = parseIsoInstant(values.from);
  if (!from.ok) throw new UsageError(`--from: ${from.error[lang]}`);
  const given = UNITS.filter((unit) => values[unit] !== undefined);
  if (given.length !== 1) {
    throw new UsageError(
      t(
        lang,
        'cần đúng một trong --working-days, --days, --hours',
        'exactly one of --working-days, --days, --hours is required',
      ),
    );
  }
  const unit = given[0] as ProcessingTimeUnit;
  const text = values[unit] as string;
  const pattern = unit === 'hours' ? /^\d{1,6}(\.\d{1,4})?$/ : /^\d{1,5}$/;
  if (!pattern.test(text)) {
    throw new UsageError(
      unit === 'hours'
        ? t(lang, `--hours cần số giờ không âm, nhận '${text}'`, `--hours needs a non-negative number, got '${text}'`)
        : t(
            lang,
            `--${unit} cần số nguyên không âm, nhận '${text}'`,
            `--${unit} needs a non-negative integer, got '${text}'`,
          ),
    );
  }
  const amount = Number(text);
  const received = from.value;
  let receivedDate: string;
  let dueAt: Date;
  try {
    receivedDate = formatLocalDate(calendar.receptionDate(received));
    dueAt = calendar.dueDate(received, { amount, unit });
  } catch (err) {
    // Only the supported date range can fail here: every argument was checked above.
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
  const dueText = formatVietnamInstant(dueAt);
  io.stdout.write(
    json
      ? `${JSON.stringify({
          receivedAt: formatVietnamInstant(received),
          receptionDate: receivedDate,
          processingTime: { amount, unit },
          afternoonCutoff: calendar.rules.afternoonCutoff,
          due: dueText,
        })}\n`
      : `${dueText}\n`,
  );
  return EXIT.ok;
}
