/**
 * Dates as people write them, and their ISO form: the data of chapter 2's date translator
 * (`dateTranslator.ts`, `npm run train:dates`). One seeded generator and one parser, shared by the
 * training script, the tests and the widget's examples, so all three agree on what "a trained
 * format" is.
 *
 * Conventions: years 1950–2049 only; a two-digit year yy means 19yy for 50–99 and 20yy for 00–49
 * (so every two-digit year names one year of the range); numeric dates are day first (30/11/26 is
 * 30 November 2026, never 11 March), except the year-first 2026/11/30.
 */
import { type Rng, rng } from "../core/random";

/** The first and last year the translator was trained on. */
export const DATE_MIN_YEAR = 1950;
export const DATE_MAX_YEAR = 2049;

export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;
export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;

/** A calendar date. `month` and `day` are 1-based. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A trained format: its name, its pattern in words, and how it writes a date. */
export interface DateFormat {
  id: string;
  /** The pattern, e.g. "Weekday, Dth of Month YYYY". */
  pattern: string;
  /** Write `d`; `r` picks the free choices (capitals, leading zeros). */
  write(d: CalendarDate, r: Rng): string;
  /** Read a lower-case string of this format; null if it is not one. */
  read(s: string): CalendarDate | null;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
/** Capitalised or lower case, as people write. */
const word = (w: string, r: Rng) => (r.uniform() < 0.5 ? cap(w) : w);
/** 1 → "1", 30 → "30", or with a leading zero half the time. */
const maybePad = (n: number, r: Rng) => (r.uniform() < 0.5 ? pad2(n) : String(n));

/**
 * A day number with its English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st.
 *
 * $$n \mapsto n\,\text{st} \mid n\,\text{nd} \mid n\,\text{rd} \mid n\,\text{th}$$
 *
 * @example
 * [1, 2, 3, 11, 12, 13, 22, 31].map(models.ordinal);
 * // returns ["1st", "2nd", "3rd", "11th", "12th", "13th", "22nd", "31st"]
 */
export function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

const monthIndex = (name: string, short: boolean): number => {
  const i = MONTHS.findIndex((m) => (short ? m.slice(0, 3) === name : m === name));
  return i + 1; // 0 when not found
};

/**
 * Day of the week, 0 = Monday (Sakamoto's method on the proleptic Gregorian calendar).
 *
 * $$w = \big(y + \lfloor y/4 \rfloor - \lfloor y/100 \rfloor + \lfloor y/400 \rfloor + t_m + d\big) \bmod 7$$
 *
 * @example
 * models.weekday({ year: 2026, month: 11, day: 30 });
 * // returns 0
 */
export function weekday(d: CalendarDate): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = d.month < 3 ? d.year - 1 : d.year;
  const sunday0 =
    (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[d.month - 1] + d.day) % 7;
  return (sunday0 + 6) % 7;
}

/**
 * The number of days of a month (Gregorian leap years).
 *
 * $$\text{February} = 29 \iff 4 \mid y \wedge (100 \nmid y \vee 400 \mid y)$$
 *
 * @example
 * [models.daysInMonth(2000, 2), models.daysInMonth(2100, 2), models.daysInMonth(2026, 11)];
 * // returns [29, 28, 30]
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real date in the trained range, or null. */
function valid(year: number, month: number, day: number): CalendarDate | null {
  if (!(year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR)) return null;
  if (!(month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return null;
  return { year, month, day };
}

/** A two-digit year in the trained range: 50–99 → 1950–1999, 00–49 → 2000–2049. */
export const fullYear = (yy: number) => (yy >= 50 ? 1900 + yy : 2000 + yy);

const num = (s: string) => Number(s);

/** The trained formats, in the order the chapter lists them. */
export const DATE_FORMATS: readonly DateFormat[] = [
  {
    id: "weekday-long",
    pattern: "Weekday, Dth of Month YYYY",
    write: (d, r) =>
      `${word(WEEKDAYS[weekday(d)], r)}, ${ordinal(d.day)} of ${word(MONTHS[d.month - 1], r)} ${d.year}`,
    read(s) {
      const m = /^([a-z]+), (\d{1,2})(st|nd|rd|th) of ([a-z]+) (\d{4})$/.exec(s);
      if (!m) return null;
      const d = valid(num(m[5]), monthIndex(m[4], false), num(m[2]));
      if (!d || ordinal(d.day) !== `${m[2]}${m[3]}` || WEEKDAYS[weekday(d)] !== m[1]) return null;
      return d;
    },
  },
  {
    id: "day-month-year",
    pattern: "D Month YYYY",
    write: (d, r) => `${d.day} ${word(MONTHS[d.month - 1], r)} ${d.year}`,
    read(s) {
      const m = /^([1-9]\d?) ([a-z]+) (\d{4})$/.exec(s);
      return m && valid(num(m[3]), monthIndex(m[2], false), num(m[1]));
    },
  },
  {
    id: "month-day-year",
    pattern: "Month D, YYYY",
    write: (d, r) => `${word(MONTHS[d.month - 1], r)} ${d.day}, ${d.year}`,
    read(s) {
      const m = /^([a-z]+) ([1-9]\d?), (\d{4})$/.exec(s);
      return m && valid(num(m[3]), monthIndex(m[1], false), num(m[2]));
    },
  },
  {
    id: "mon-day-year",
    pattern: "mon D YYYY",
    write: (d, r) => `${word(MONTHS[d.month - 1].slice(0, 3), r)} ${d.day} ${d.year}`,
    read(s) {
      const m = /^([a-z]{3}) ([1-9]\d?) (\d{4})$/.exec(s);
      return m && valid(num(m[3]), monthIndex(m[1], true), num(m[2]));
    },
  },
  {
    id: "wkd-day-mon-year",
    pattern: "Wkd D Mon YYYY",
    write: (d, r) =>
      `${word(WEEKDAYS[weekday(d)].slice(0, 3), r)} ${d.day} ${word(MONTHS[d.month - 1].slice(0, 3), r)} ${d.year}`,
    read(s) {
      const m = /^([a-z]{3}) ([1-9]\d?) ([a-z]{3}) (\d{4})$/.exec(s);
      if (!m) return null;
      const d = valid(num(m[4]), monthIndex(m[3], true), num(m[2]));
      return d && WEEKDAYS[weekday(d)].slice(0, 3) === m[1] ? d : null;
    },
  },
  {
    id: "dd-mon-yyyy",
    pattern: "DD-Mon-YYYY",
    write: (d, r) => `${pad2(d.day)}-${word(MONTHS[d.month - 1].slice(0, 3), r)}-${d.year}`,
    read(s) {
      const m = /^(\d\d)-([a-z]{3})-(\d{4})$/.exec(s);
      return m && valid(num(m[3]), monthIndex(m[2], true), num(m[1]));
    },
  },
  {
    id: "d/m/yy",
    pattern: "D/M/YY (day first)",
    write: (d, r) => `${maybePad(d.day, r)}/${maybePad(d.month, r)}/${pad2(d.year % 100)}`,
    read(s) {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d\d)$/.exec(s);
      return m && valid(fullYear(num(m[3])), num(m[2]), num(m[1]));
    },
  },
  {
    id: "dd.mm.yyyy",
    pattern: "DD.MM.YYYY",
    write: (d) => `${pad2(d.day)}.${pad2(d.month)}.${d.year}`,
    read(s) {
      const m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(s);
      return m && valid(num(m[3]), num(m[2]), num(m[1]));
    },
  },
  {
    id: "yyyy/mm/dd",
    pattern: "YYYY/MM/DD",
    write: (d) => `${d.year}/${pad2(d.month)}/${pad2(d.day)}`,
    read(s) {
      const m = /^(\d{4})\/(\d\d)\/(\d\d)$/.exec(s);
      return m && valid(num(m[1]), num(m[2]), num(m[3]));
    },
  },
];

/** A date in ISO 8601 form, e.g. "2026-11-30". */
export const isoDate = (d: CalendarDate) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;

/**
 * Days since 1950-01-01 (0 for that day): the index of a date in the trained range.
 *
 * $$n(d) = \#\{\text{days from 1950-01-01 to } d\}$$
 *
 * @example
 * models.dayIndex({ year: 1950, month: 2, day: 1 });
 * // returns 31
 */
export function dayIndex(d: CalendarDate): number {
  let n = 0;
  for (let y = DATE_MIN_YEAR; y < d.year; y++) n += daysInMonth(y, 2) === 29 ? 366 : 365;
  for (let m = 1; m < d.month; m++) n += daysInMonth(d.year, m);
  return n + d.day - 1;
}

/** The number of days in the trained range (1950-01-01 to 2049-12-31). */
export const DATE_RANGE_DAYS = dayIndex({ year: DATE_MAX_YEAR + 1, month: 1, day: 1 });

/**
 * The date with {@link dayIndex} `n`: the inverse of `dayIndex`.
 *
 * $$d = n^{-1}(n)$$
 *
 * @example
 * models.dateAt(31);
 * // returns { "year": 1950, "month": 2, "day": 1 }
 */
export function dateAt(n: number): CalendarDate {
  let year = DATE_MIN_YEAR;
  for (;;) {
    const len = daysInMonth(year, 2) === 29 ? 366 : 365;
    if (n < len) break;
    n -= len;
    year++;
  }
  let month = 1;
  while (n >= daysInMonth(year, month)) n -= daysInMonth(year, month++);
  return { year, month, day: n + 1 };
}

/** One generated example: the text a person might write, its ISO target and its format. */
export interface DateExample {
  text: string;
  iso: string;
  format: string;
}

/**
 * Write a date in a format (by index in {@link DATE_FORMATS}), with the format's free choices
 * (capitals, leading zeros) drawn from `r`.
 *
 * $$x = \mathrm{write}_f(d),\qquad y = \mathrm{ISO}(d)$$
 *
 * @example
 * models.writeDate({ year: 2026, month: 11, day: 30 }, 0, rng(1)).iso;
 * // returns "2026-11-30"
 */
export function writeDate(d: CalendarDate, format: number, r: Rng): DateExample {
  const f = DATE_FORMATS[format];
  return { text: f.write(d, r), iso: isoDate(d), format: f.id };
}

/**
 * A seeded stream of examples: a uniform day of 1950–2049 (skipping the days in `exclude`,
 * {@link dayIndex} values) written in a uniform trained format.
 *
 * $$d \sim \mathcal{U}(\text{1950-01-01} \ldots \text{2049-12-31} \setminus \text{exclude}),\ f \sim \mathcal{U}(\text{formats})$$
 *
 * @example
 * const next = models.dateStream(7); const e = next(); models.parseDate(e.text)?.iso === e.iso;
 * // returns true
 */
export function dateStream(seed: number, exclude: ReadonlySet<number> = new Set()): () => DateExample {
  const r = rng(seed);
  return () => {
    let n: number;
    do n = r.int(DATE_RANGE_DAYS);
    while (exclude.has(n));
    return writeDate(dateAt(n), r.int(DATE_FORMATS.length), r);
  };
}

/** What {@link parseDate} recognises: the date, its ISO form and the format. */
export interface ParsedDate {
  date: CalendarDate;
  iso: string;
  format: string;
}

/**
 * Recognise a date written in one of the trained formats (case-insensitive, exactly as written:
 * no extra spaces), with a real day of 1950–2049 and, where the format names it, the right
 * weekday. Null for anything else: the translator was not trained on it.
 *
 * $$\mathrm{parse}(x) = d \iff \exists f:\ x = \mathrm{write}_f(d)\ \text{up to case and leading zeros}$$
 *
 * @example
 * models.parseDate("nov 30 2026")?.iso;
 * // returns "2026-11-30"
 */
export function parseDate(text: string): ParsedDate | null {
  const s = text.toLowerCase();
  for (const f of DATE_FORMATS) {
    const d = f.read(s);
    if (d) return { date: d, iso: isoDate(d), format: f.id };
  }
  return null;
}

/**
 * The held-out days: a fixed set of days (the same for every seed) never written in a training
 * example, split into a validation set (stopping) and a test set (the reported accuracy).
 *
 * $$|\text{test}| = 1000,\ |\text{validation}| = 500$$ days, drawn from seed 20261130
 *
 * @example
 * models.dateHeldOutDays().test.size;
 * // returns 1000
 */
export function dateHeldOutDays(): { test: Set<number>; validation: Set<number>; all: Set<number> } {
  const r = rng(20_261_130);
  const all = new Set<number>();
  const test = new Set<number>();
  const validation = new Set<number>();
  while (all.size < 1500) {
    const n = r.int(DATE_RANGE_DAYS);
    if (all.has(n)) continue;
    all.add(n);
    (test.size < 1000 ? test : validation).add(n);
  }
  return { test, validation, all };
}

/**
 * Examples of held-out days: `perFormat` examples of every trained format, each a day from
 * `days` (in order, cycling), seeded.
 *
 * $$\{\mathrm{write}_f(d_k)\},\ f = 1 \ldots 9,\ k = 1 \ldots \text{perFormat}$$
 *
 * @example
 * models.dateExamplesOf(models.dateHeldOutDays().test, 2, 1).length;
 * // returns 18
 */
export function dateExamplesOf(days: ReadonlySet<number>, perFormat: number, seed: number): DateExample[] {
  const r = rng(seed);
  const list = [...days];
  const out: DateExample[] = [];
  let k = 0;
  for (let f = 0; f < DATE_FORMATS.length; f++) {
    for (let i = 0; i < perFormat; i++) out.push(writeDate(dateAt(list[k++ % list.length]), f, r));
  }
  return out;
}
