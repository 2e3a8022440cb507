import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DATE_FORMATS,
  DATE_MAX_INPUT,
  DATE_RANGE_DAYS,
  type StoredDateWeights,
  createDateTranslator,
  dateAt,
  dateBatches,
  dateExamplesOf,
  dateHeldOutDays,
  dateStream,
  dayIndex,
  decodeDateWeights,
  encodeDateText,
  encodeDateWeights,
  parseDate,
  weekday,
  writeDate,
} from "../../../lib/models";
import { rng } from "../../../lib/core/random";

const FILE = readFileSync(new URL("../../../public/models/date-translator.json", import.meta.url));
const STORED: StoredDateWeights = JSON.parse(FILE.toString("utf8"));

describe("date generator and parser", () => {
  it("writes the issue's examples for 30 November 2026", () => {
    const d = { year: 2026, month: 11, day: 30 };
    const r = rng(3);
    const texts = DATE_FORMATS.map((_, f) => writeDate(d, f, r).text.toLowerCase());
    expect(texts).toContain("monday, 30th of november 2026");
    expect(texts).toContain("30 november 2026");
    expect(texts).toContain("november 30, 2026");
    expect(texts).toContain("nov 30 2026");
    expect(texts).toContain("2026/11/30");
    expect(texts).toContain("30.11.2026");
    expect(texts).toContain("mon 30 nov 2026");
    expect(texts).toContain("30-nov-2026");
    expect(texts.some((t) => t === "30/11/26")).toBe(true);
  });

  it("round-trips: every generated text parses back to its own date and format", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: DATE_RANGE_DAYS - 1 }),
        fc.integer({ min: 0, max: DATE_FORMATS.length - 1 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, f, seed) => {
          const e = writeDate(dateAt(n), f, rng(seed));
          const p = parseDate(e.text);
          return p !== null && p.iso === e.iso && p.format === e.format && dayIndex(p.date) === n;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("counts days and weekdays like the JavaScript Date (UTC)", () => {
    for (const n of [0, 59, 365, 18_262, DATE_RANGE_DAYS - 1]) {
      const js = new Date(Date.UTC(1950, 0, 1 + n));
      const d = dateAt(n);
      expect([d.year, d.month, d.day]).toEqual([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]);
      expect(weekday(d)).toBe((js.getUTCDay() + 6) % 7);
    }
    expect(DATE_RANGE_DAYS).toBe(36_525);
  });

  it("reads numeric dates day first and two-digit years in 1950–2049", () => {
    expect(parseDate("3/4/26")?.iso).toBe("2026-04-03");
    expect(parseDate("03/04/49")?.iso).toBe("2049-04-03");
    expect(parseDate("03/04/50")?.iso).toBe("1950-04-03");
    expect(parseDate("12/31/26")).toBeNull(); // month 31: month first is not a trained convention
  });

  it("refuses what is not a trained format, a real date in range, or the right weekday", () => {
    for (const t of [
      "",
      "2026-11-30", // ISO itself is not a trained input format
      "30 nov 2026",
      "november 30 2026",
      "nov  30 2026",
      "31 april 2026",
      "29 february 2026",
      "nov 30 2077",
      "tuesday, 30th of november 2026",
      "monday, 30st of november 2026",
      "tue 30 nov 2026",
      "30/11/2026",
    ])
      expect(parseDate(t), t).toBeNull();
    expect(parseDate("29 February 2028")?.iso).toBe("2028-02-29");
    expect(parseDate("NOV 30 2026")?.iso).toBe("2026-11-30");
  });

  it("keeps held-out days out of the training stream", () => {
    const days = dateHeldOutDays();
    expect(days.test.size + days.validation.size).toBe(days.all.size);
    const next = dateStream(1, days.all);
    for (let i = 0; i < 3000; i++) {
      const p = parseDate(next().text);
      expect(p && days.all.has(dayIndex(p.date))).toBe(false);
    }
    const test = dateExamplesOf(days.test, 5, 3);
    expect(test.every((e) => days.test.has(dayIndex(parseDate(e.text)!.date)))).toBe(true);
  });
});

describe("date translator", () => {
  it("explains bad input in a short message", () => {
    expect(() => encodeDateText("")).toThrow(/Type a date/);
    expect(() => encodeDateText("x".repeat(DATE_MAX_INPUT + 1))).toThrow(/at most 40/);
    expect(() => encodeDateText("nov 30 2026!")).toThrow(/"!" is not a character/);
    expect(encodeDateText("Nov")).toEqual(encodeDateText("nov"));
  });

  it("batches examples of equal length, deterministically", () => {
    const a = dateBatches(dateStream(4), 8);
    const b = dateBatches(dateStream(4), 8);
    for (let i = 0; i < 5; i++) {
      const x = a();
      const y = b();
      expect(x.src.length).toBe(8 * x.length);
      expect(x).toEqual(y);
    }
  });

  it("trains to the same weights with the same seed, and different ones with another", () => {
    const run = (seed: number) => {
      const m = createDateTranslator(seed, { hidden: 8, embed: 4, batch: 4 });
      const next = dateBatches(dateStream(seed), 4);
      const losses = [0, 1, 2].map(() => m.trainStep(next()));
      return { losses, w: Array.from(m.parameters["dec.weightIh"].data) };
    };
    const a = run(5);
    expect(run(5)).toEqual(a);
    expect(run(6).w).not.toEqual(a.w);
    expect(a.losses[2]).toBeLessThan(a.losses[0]);
  });

  it("stores weights as int8 with a scale per row: every weight within half a step of its row's scale", () => {
    const m = createDateTranslator(2, { hidden: 8, embed: 4 });
    const back = decodeDateWeights(encodeDateWeights(m.parameters, { hidden: 8, embed: 4 }, {}));
    for (const [name, t] of Object.entries(m.parameters)) {
      for (let i = 0; i < t.rows; i++) {
        const row = t.data.subarray(i * t.cols, (i + 1) * t.cols);
        const step = Math.max(...row.map(Math.abs)) / 127;
        row.forEach((w, j) =>
          expect(Math.abs(back[name].data[i * t.cols + j] - w)).toBeLessThanOrEqual(step / 2 + 1e-9),
        );
      }
    }
    expect(() => decodeDateWeights({ ...STORED, format: "float32" as "int8-row-scale" })).toThrow(
      /not an int8/,
    );
  });

  it("the committed weights translate held-out dates of every format as well as the file says", () => {
    const m = createDateTranslator(0, STORED.options, decodeDateWeights(STORED));
    const sample = dateExamplesOf(dateHeldOutDays().test, 30, 3);
    const got = m.translateAll(sample.map((e) => e.text));
    const right = sample.filter((e, k) => got[k] === e.iso).length;
    expect(right / sample.length).toBeGreaterThanOrEqual(0.99);
    expect(Number(STORED.meta.testAccuracy)).toBeGreaterThanOrEqual(0.99);
    expect(m.translate("nov 30 2026").output).toBe("2026-11-30");
  });

  it("the committed weights file is at most 300 KB gzipped (the issue's limit for the weights)", () => {
    expect(gzipSync(FILE, { level: 9 }).length).toBeLessThanOrEqual(300 * 1024);
  });
});
