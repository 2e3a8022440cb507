import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exercisesIn } from "../../../src/data/exercises";

const dir = join(import.meta.dirname, "../../../content/chapters");

describe("exercisesIn", () => {
  it("finds every exercise of every chapter, with unique ids under the chapter's slug", () => {
    let total = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".mdx"))) {
      const slug = f.replace(/\.mdx$/, "");
      const found = exercisesIn(readFileSync(join(dir, f), "utf8"));
      expect(found.length, slug).toBeGreaterThanOrEqual(4);
      for (const e of found) expect(e.id.startsWith(`${slug}/`), e.id).toBe(true);
      expect(new Set(found.map((e) => e.id)).size).toBe(found.length);
      total += found.length;
    }
    expect(total).toBeGreaterThanOrEqual(75);
  });

  it("fails loudly on an exercise whose id and title it cannot read", () => {
    expect(() => exercisesIn('<Exercise title="t" id="a/b" kind="number">')).toThrow(
      /1 <Exercise> tags but 0/,
    );
  });
});
