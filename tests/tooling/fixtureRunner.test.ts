/**
 * The fixture runner as a reader of a held-out set would use it: `FIXTURES_DIR` pointing at a
 * folder that holds training families at its top level, every case named in the output, and a
 * failing exit for an unknown family, an empty file or an output that is never compared.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const SHARED = resolve(ROOT, process.env.FIXTURES_DIR ?? "../shared/fixtures");
const dirs: string[] = [];

function runner(dir: string): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/vitest/vitest.mjs"),
      "run",
      "--config",
      "vitest.fixtures.config.ts",
      "--color=false",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, FIXTURES_DIR: dir, NO_COLOR: "1" },
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function tempFolder(): string {
  const d = mkdtempSync(join(tmpdir(), "fixtures-"));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("fixture runner", () => {
  it("checks training families at a folder's top level and names every case", () => {
    const dir = tempFolder();
    const training = join(SHARED, "training");
    const files = readdirSync(training).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) cpSync(join(training, f), join(dir, f));
    const { status, out } = runner(dir);
    expect(out).toMatch(/fixtures: \d+ passed, 0 failed \(15 families\)/);
    expect(status).toBe(0);
    expect(out).toContain("grad_rnn_bptt.json > rnn_bptt_exploding_T12_rho1.5");
    expect(out).toContain("optim_clip_then_adam.json > clip_adam_wd_K5");
  }, 180_000);

  it("fails on an unknown family, an empty or broken file and an output never compared", () => {
    const dir = tempFolder();
    const c = { name: "c1", source: "", params: {}, tolerance: 1e-9 };
    writeFileSync(
      join(dir, "no_such_family.json"),
      JSON.stringify([{ ...c, inputs: {}, outputs: { y: 1 } }]),
    );
    writeFileSync(join(dir, "grad_embedding.json"), "[]");
    writeFileSync(join(dir, "grad_linear.json"), "not json");
    // A family found in a subfolder, with an output its handler never computes.
    mkdirSync(join(dir, "held"));
    const inputs = { weight: [[1, 2]], indices: [0], grad_output: [[1, 1]] };
    const outputs = { output: [[1, 2]], grad_weight: [[1, 1]], not_computed: 3 };
    writeFileSync(join(dir, "held", "grad_embedding.json"), JSON.stringify([{ ...c, inputs, outputs }]));
    cpSync(join(SHARED, "softmax.json"), join(dir, "softmax.json"));
    const { status, out } = runner(dir);
    expect(status).not.toBe(0);
    expect(out).toContain('unknown family "no_such_family"');
    expect(out).toContain("grad_embedding: the file holds no cases");
    expect(out).toContain("grad_linear: the file cannot be parsed");
    expect(out).toContain('output "not_computed" was not compared');
    expect(out).toMatch(/softmax\.json > \w+/);
    expect(out).toMatch(/fixtures: \d+ passed, 4 failed/);
  }, 180_000);
});
