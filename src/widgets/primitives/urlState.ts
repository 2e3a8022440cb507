/**
 * Widget state in the URL: each widget declares one typed table of fields (seed included), and
 * its state is read from and written to the query string under `<widget>.<field>` keys, so a
 * copied link reproduces exactly what the reader saw. A corrupted value falls back to the field's
 * default and is reported, never thrown.
 */
import { excerpt } from "../../../lib/core/excerpt";
export interface Field<T> {
  default: T;
  /** Parse a URL value; throw an Error with a reader-facing message if it is not valid. */
  parse(raw: string): T;
  format(value: T): string;
  /**
   * The longest value this field's link can hold once URL-encoded, in characters: a bound a test
   * sums over every field of a page to keep its longest link within what servers accept.
   */
  maxLink: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateSpec = Record<string, Field<any>>;
export type StateOf<S extends StateSpec> = { [K in keyof S]: S[K]["default"] };

/**
 * What a reader may type into a text field, which is also what its link holds: the field's message
 * and the link's check are one function ({@link TextField.check}), so what a field accepts, its
 * link brings back, and a link at the limit stays a URL that servers accept.
 */
export interface TextLimits {
  /** Most characters (UTF-16 units, as `String.length` counts them). */
  maxLength: number;
  /**
   * Most characters in one word (a run of letters, marks and digits, so "word." is 4), for fields
   * whose words are shown on the page. Omitted where only parsed numbers are shown.
   */
  maxWord?: number;
  /**
   * Only printable ASCII characters and white space (numbers, codes, formulas): each character then
   * takes at most 3 characters of the link (`%2C`) instead of 9 (`%E2%80%94`).
   */
  ascii?: boolean;
}

/** A text field: its limits, and the check its input and its link share. */
export interface TextField extends Field<string> {
  limits: Readonly<TextLimits>;
  /**
   * Why `value` is outside the limits, as the end of a sentence that starts with the field's name
   * ("is longer than 150 characters (it has 24,011)"), or `undefined` when it is within them.
   * It quotes at most one character of the value.
   */
  check(value: string): string | undefined;
  /** The same check as a message beside the field: `${noun} ${check(value)}.`, or `undefined`. */
  message(value: string, noun: string): string | undefined;
}

/** Anything but printable ASCII, tab and line breaks. */
const NOT_ASCII = /[^\x20-\x7e\t\n\r]/u;
/** A word: a run of letters, marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const count = (n: number) => n.toLocaleString("en");

export const fields = {
  /**
   * A text field of at most `limits.maxLength` characters (and `limits.maxWord` per word): the
   * model shows `message(value, noun)` beside the field, and a link holding more is refused.
   */
  text(def: string, limits: TextLimits): TextField {
    const { maxLength, maxWord, ascii } = limits;
    const check = (value: string): string | undefined => {
      if (value.length > maxLength)
        return `is longer than ${count(maxLength)} characters (it has ${count(value.length)})`;
      if (ascii) {
        const bad = NOT_ASCII.exec(value);
        // The character and its code, which names it even when it is invisible (U+00A0).
        if (bad)
          return `holds “${bad[0]}” (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}); only plain ASCII letters, digits and signs are allowed`;
      }
      if (maxWord !== undefined) {
        // The longest word, in code points.
        const word = Math.max(0, ...(value.match(WORD) ?? []).map((w) => [...w].length));
        if (word > maxWord)
          return `has a word of ${count(word)} characters; keep each word to at most ${maxWord}`;
      }
      return undefined;
    };
    return {
      default: def,
      limits,
      check,
      message: (value, noun) => {
        const why = check(value);
        return why && `${noun} ${why}.`;
      },
      parse(raw) {
        const why = check(raw);
        if (why) throw new Error(why);
        return raw;
      },
      format: (v) => v,
      // A space is `+`; an ASCII sign is `%2C`; any other character at most 3 UTF-8 bytes per
      // UTF-16 unit (a surrogate pair is 4 bytes for 2 units), each `%XX`.
      maxLink: maxLength * (ascii ? 3 : 9),
    };
  },
  number(def: number, min: number, max: number): Field<number> {
    return {
      default: def,
      // The longest a double prints: "-1.2345678901234567e-300" with "e+" as "e%2B".
      maxLink: 26,
      parse(raw) {
        const v = Number(raw);
        if (raw.trim() === "" || !Number.isFinite(v)) throw new Error(`"${excerpt(raw)}" is not a number`);
        if (v < min || v > max) throw new Error(`${v} is outside [${min}, ${max}]`);
        return v;
      },
      format: (v) => String(v),
    };
  },
  int(def: number, min: number, max: number): Field<number> {
    const base = fields.number(def, min, max);
    return {
      ...base,
      maxLink: Math.max(String(min).length, String(max).length),
      parse(raw) {
        const v = base.parse(raw);
        if (!Number.isInteger(v)) throw new Error(`${v} is not a whole number`);
        return v;
      },
    };
  },
  choice<T extends string>(def: T, options: readonly T[]): Field<T> {
    return {
      default: def,
      maxLink: Math.max(...options.map((o) => new URLSearchParams({ o }).toString().length - 2)),
      parse(raw) {
        if (!(options as readonly string[]).includes(raw))
          throw new Error(`"${excerpt(raw)}" is not one of ${options.join(", ")}`);
        return raw as T;
      },
      format: (v) => v,
    };
  },
  bool(def: boolean): Field<boolean> {
    return {
      default: def,
      maxLink: 1,
      parse(raw) {
        if (raw !== "1" && raw !== "0") throw new Error(`"${excerpt(raw)}" is not 0 or 1`);
        return raw === "1";
      },
      format: (v) => (v ? "1" : "0"),
    };
  },
};

export function defaults<S extends StateSpec>(spec: S): StateOf<S> {
  return Object.fromEntries(Object.entries(spec).map(([k, f]) => [k, f.default])) as StateOf<S>;
}

/**
 * Read a widget's state from a query string; bad values fall back to defaults with a message.
 *
 * @param name the widget's prefix (`statePrefix` in `linkKeys.ts`)
 * @param old the prefix its older links used: a key under it is read when the new key is absent
 */
export function readState<S extends StateSpec>(
  name: string,
  spec: S,
  search: string,
  old?: string,
): { state: StateOf<S>; errors: string[]; found: boolean } {
  const params = new URLSearchParams(search);
  const state = defaults(spec) as Record<string, unknown>;
  const errors: string[] = [];
  let found = false;
  for (const [key, field] of Object.entries(spec)) {
    const raw = params.get(`${name}.${key}`) ?? (old === undefined ? null : params.get(`${old}.${key}`));
    if (raw === null) continue;
    found = true;
    try {
      state[key] = field.parse(raw);
    } catch (err) {
      errors.push(`The link's value for "${key}" ${(err as Error).message}; using the default instead.`);
    }
  }
  return { state: state as StateOf<S>, errors, found };
}

/**
 * Write a widget's state into a query string (fields equal to their default are left out). A value
 * its field's link would refuse (a text past its limit, which the field's message reports) is not
 * written: the link keeps the last value it can bring back, so it never grows past its limit.
 *
 * @param old the prefix its older links used: keys under it are removed (the new keys replace them)
 */
export function writeState<S extends StateSpec>(
  name: string,
  spec: S,
  state: StateOf<S>,
  search: string,
  old?: string,
): string {
  const params = new URLSearchParams(search);
  for (const [key, field] of Object.entries(spec)) {
    if (old !== undefined) params.delete(`${old}.${key}`);
    const value = (state as Record<string, unknown>)[key];
    const formatted = field.format(value);
    if (formatted === field.format(field.default)) params.delete(`${name}.${key}`);
    else
      try {
        field.parse(formatted);
        params.set(`${name}.${key}`, formatted);
      } catch {
        // Refused by its link: the link keeps its last value.
      }
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * `parse` behind a text field's limits: past them it throws the field's message (`${noun} is … long;
 * at most … are allowed.`), so a huge text gets that short message and is never parsed.
 */
export function limited<T>(field: TextField, noun: string, parse: (text: string) => T): (text: string) => T {
  return (text) => {
    const why = field.message(text, noun);
    if (why) throw new Error(why);
    return parse(text);
  };
}
