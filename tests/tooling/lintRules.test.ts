/**
 * The project's own ESLint fences (eslint.config.js), tried on planted code: a chapter folder
 * imports only from primitives/, lib/ and the shared runtimes, no file outside primitives/
 * writes a raw slider or select, in .tsx or .astro, and no file in src/ but format.ts formats a
 * number with toFixed, toPrecision or toExponential.
 */
import { resolve } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
let eslint: ESLint;

/** The messages of the project's rules for `code` as if it sat at `path` (relative to the root). */
async function messages(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe("ESLint fences", () => {
  it("a chapter folder imports from primitives/, lib/ and the shared runtimes, nothing else", async () => {
    const ok = [
      'import { Slider } from "../primitives/Slider";',
      'import { softmax } from "../../../lib/index";',
      'import { TrainerFrame } from "../../training/TrainerFrame";',
      'import { x } from "./own";',
      "export const n = [Slider, softmax, TrainerFrame, x].length;",
    ].join("\n");
    expect(await messages(ok, "src/widgets/some-chapter/Ok.tsx")).toEqual([]);
    for (const from of ["../other-chapter/Bars", "../../components/Callout", "../../notebook/engine"]) {
      const found = await messages(
        `import { x } from "${from}";\nexport const y = x;`,
        "src/widgets/some-chapter/Bad.tsx",
      );
      expect(found, from).toHaveLength(1);
    }
  }, 20_000);

  it("no raw slider or select outside primitives/, written either way, in .tsx or .astro", async () => {
    const tsx = [
      'export const A = () => <input type="range" />;',
      'export const B = () => <input type={"range"} />;',
      "export const C = () => <select><option>1</option></select>;",
    ];
    for (const code of tsx) {
      expect(await messages(code, "src/widgets/some-chapter/Bad.tsx"), code).toHaveLength(1);
      expect(await messages(code, "src/notebook/Bad.tsx"), code).toHaveLength(1);
      expect(await messages(code, "src/widgets/primitives/Ok.tsx"), code).toEqual([]);
    }
    const astro = '---\n---\n<input type="range" /><select><option>1</option></select>\n';
    expect(await messages(astro, "src/widgets/some-chapter/Bad.astro")).toHaveLength(2);
  }, 20_000);

  it("numbers a reader sees are formatted by format.ts: no toFixed, toPrecision or toExponential elsewhere in src/", async () => {
    for (const call of ["x.toFixed(2)", "x.toPrecision(3)", "x.toExponential(1)", "(1 / 3).toFixed(2)"]) {
      const code = `const x = 0.5;\nexport const s = ${call};`;
      for (const path of ["src/widgets/some-chapter/model.ts", "src/training/Bad.ts", "src/notebook/Bad.tsx"])
        expect(await messages(code, path), `${call} in ${path}`).toHaveLength(1);
      expect(await messages(code, "src/widgets/primitives/format.ts"), call).toEqual([]);
    }
    // The fence holds beside the slider and select fences (one block's options would replace another's).
    const both =
      "export const A = ({ x }: { x: number }) => <select><option>{x.toFixed(1)}</option></select>;";
    expect(await messages(both, "src/widgets/some-chapter/Bad.tsx")).toHaveLength(2);
    // A method merely named like one is not a call of it.
    expect(await messages("export const toFixedPoint = () => 1;", "src/widgets/some-chapter/Ok.ts")).toEqual(
      [],
    );
  }, 20_000);
});
