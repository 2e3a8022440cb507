import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Every `src/widgets/**\/*Model.ts`, as a path under src/widgets/. */
function models(): string[] {
  return readdirSync(`${root}src/widgets`, { recursive: true, encoding: "utf8" })
    .map((p) => p.replaceAll("\\", "/"))
    .filter((p) => /(^|\/)[A-Za-z0-9]+Model\.ts$/.test(p))
    .sort();
}

describe("widget models", () => {
  it("every src/widgets/**/*Model.ts has its own unit test at tests/src/widgets/<same path>.test.ts", () => {
    const all = models();
    expect(all.length).toBeGreaterThanOrEqual(25);
    const missing = all.filter(
      (p) => !existsSync(`${root}tests/src/widgets/${p.replace(/\.ts$/, ".test.ts")}`),
    );
    expect(missing, "widget models without a test file").toEqual([]);
  });
});
