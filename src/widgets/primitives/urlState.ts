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
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateSpec = Record<string, Field<any>>;
export type StateOf<S extends StateSpec> = { [K in keyof S]: S[K]["default"] };

const MAX_TEXT = 20_000;

export const fields = {
  text(def: string, maxLength = MAX_TEXT): Field<string> {
    return {
      default: def,
      parse(raw) {
        if (raw.length > maxLength) throw new Error(`is longer than ${maxLength} characters`);
        return raw;
      },
      format: (v) => v,
    };
  },
  number(def: number, min: number, max: number): Field<number> {
    return {
      default: def,
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

/** Read a widget's state from a query string; bad values fall back to defaults with a message. */
export function readState<S extends StateSpec>(
  name: string,
  spec: S,
  search: string,
): { state: StateOf<S>; errors: string[]; found: boolean } {
  const params = new URLSearchParams(search);
  const state = defaults(spec) as Record<string, unknown>;
  const errors: string[] = [];
  let found = false;
  for (const [key, field] of Object.entries(spec)) {
    const raw = params.get(`${name}.${key}`);
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

/** Write a widget's state into a query string (fields equal to their default are left out). */
export function writeState<S extends StateSpec>(
  name: string,
  spec: S,
  state: StateOf<S>,
  search: string,
): string {
  const params = new URLSearchParams(search);
  for (const [key, field] of Object.entries(spec)) {
    const value = (state as Record<string, unknown>)[key];
    const formatted = field.format(value);
    if (formatted === field.format(field.default)) params.delete(`${name}.${key}`);
    else params.set(`${name}.${key}`, formatted);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
