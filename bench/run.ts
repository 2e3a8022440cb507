/**
 * `npm run bench`: times lib/ against @tensorflow/tfjs-core (CPU backend) and a straightforward
 * mathjs program on the same seeded inputs, checks that the three agree, and prints a table.
 * `npm run bench -- --write` also writes bench/RESULTS.md; `-- --training` runs only the training
 * cases (bench/training.ts: the reversal model against tfjs, and time to 99 % in Chromium, alone
 * with `-- --reversal`;
 * bench/induction.ts: the induction-head Transformer, time to 95 % in Node and Chromium;
 * bench/trainingPointer.ts: chapter 7's pointer network, time to 95 % in Node and Chromium);
 * `-- --induction` only the induction case; bench/trainingKarate.ts: chapter 12's karate club,
 * seeds 1–5, time to 90 % in Node and Chromium; `-- --karate` only the karate club;
 * bench/memoryNetwork.ts: chapter 13's memory network, time to target on bAbI-style tasks 1 and 2
 * in Node and Chromium; `-- --memnet` only that case; bench/dates.ts: chapter 2's pretrained
 * date translator, time per translation and training steps/s in Node; `-- --dates` only that case;
 * bench/clipping.ts: chapter 16's clipping lab, steps/s in Node and Chromium; `-- --clipping` only
 * that case.
 */
import { cpus } from "node:os";
import { writeFileSync } from "node:fs";
import { CASES } from "./cases";
import { prepareOurs } from "./ours";
import { initTfjs, prepareTfjs } from "./tfjs";
import { prepareMathjs } from "./mathjs";
import { inductionBench } from "./induction";
import { memoryNetworkBench } from "./memoryNetwork";
import { clippingBench } from "./clipping";
import { datesBench } from "./dates";
import { trainingBench } from "./training";
import { pointerBench } from "./trainingPointer";
import { karateBench } from "./trainingKarate";

/** Timing budget per implementation and case. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 1500);
/** tfjs computes in float32: agreement within this tolerance (ours and mathjs agree to 1e-9). */
const TOL_F32 = 1e-4;
const TOL_F64 = 1e-9;

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Median milliseconds per call of each function. After a warm-up, each function runs in batches of
 * ≥ 2 ms, and the functions take turns batch by batch (interleaved), so that a change in machine
 * load during the run affects all of them alike and the ratios stay fair.
 */
function measure<K extends string>(fns: Record<K, () => unknown>): Record<K, number> {
  const names = Object.keys(fns) as K[];
  const batch = {} as Record<K, number>;
  for (const k of names) {
    const warmEnd = now() + Math.min(200, BUDGET_MS / 5);
    for (let calls = 0; now() < warmEnd || calls < 3; calls++) fns[k]();
    const t0 = now();
    fns[k]();
    batch[k] = Math.max(1, Math.ceil(2 / Math.max(now() - t0, 1e-4)));
  }
  const samples = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const end = now() + BUDGET_MS * names.length;
  for (let round = 0; (now() < end || round < 5) && round < 500; round++) {
    for (const k of names) {
      const s = now();
      for (let i = 0; i < batch[k]; i++) fns[k]();
      samples[k].push((now() - s) / batch[k]);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries(names.map((k) => [k, median(samples[k])])) as Record<K, number>;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const fmtMs = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const fmtX = (x: number): string => `${x.toFixed(1)}×`;

async function main(): Promise<void> {
  for (const [flag, bench] of [
    ["--induction", inductionBench],
    ["--karate", karateBench],
    ["--memnet", memoryNetworkBench],
    ["--dates", datesBench],
    ["--clipping", clippingBench],
  ] as const) {
    if (!process.argv.includes(flag)) continue;
    const only = await bench();
    console.log(`${only.tables.join("\n\n")}\n`);
    const f = only.failures;
    console.log(f.length ? `Below target:\n- ${f.join("\n- ")}` : "All targets met.");
    return;
  }
  const backend = await initTfjs();
  if (process.argv.includes("--reversal")) {
    const only = await trainingBench(measure);
    console.log(`${only.tables.join("\n\n")}\n`);
    console.log(only.failures.length ? `Below target:\n- ${only.failures.join("\n- ")}` : "All targets met.");
    return;
  }
  const rows: string[][] = [];
  const failures: string[] = [];
  // `npm run bench -- --training` runs only the training cases.
  for (const c of process.argv.includes("--training") ? [] : CASES) {
    const impls = { ours: prepareOurs(c), tfjs: prepareTfjs(c), mathjs: prepareMathjs(c) };
    const ref = impls.ours();
    const dTf = maxAbsDiff(ref, impls.tfjs());
    const dMj = maxAbsDiff(ref, impls.mathjs());
    if (!(dTf <= TOL_F32) || !(dMj <= TOL_F64)) {
      failures.push(
        `${c.label}: outputs disagree (tfjs ${dTf.toExponential(1)}, mathjs ${dMj.toExponential(1)})`,
      );
    }
    const t = measure(impls);
    const rTf = t.tfjs / t.ours;
    const rMj = t.mathjs / t.ours;
    if (rTf < 2) failures.push(`${c.label}: only ${fmtX(rTf)} faster than tfjs-cpu (target ≥ 2×)`);
    if (rMj < 10) failures.push(`${c.label}: only ${fmtX(rMj)} faster than mathjs (target ≥ 10×)`);
    const row = [
      c.label,
      fmtMs(t.ours),
      fmtMs(t.tfjs),
      fmtMs(t.mathjs),
      fmtX(rTf),
      fmtX(rMj),
      `${dTf.toExponential(1)} / ${dMj.toExponential(1)}`,
    ];
    rows.push(row);
    console.error(`done: ${row.join("  ")}`);
  }
  const header = [
    "case",
    "lib (ours)",
    "tfjs-cpu",
    "mathjs",
    "tfjs/ours",
    "mathjs/ours",
    "max abs. diff. tfjs / mathjs",
  ];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
  const machine =
    `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} logical CPUs, Node ${process.version}, ` +
    `tfjs backend "${backend}" (float32), median time per op`;
  console.log(`${machine}\n\n${table}\n`);
  const training = await trainingBench(measure);
  const induction = await inductionBench();
  training.tables.push(...induction.tables);
  const pointer = await pointerBench();
  training.tables.push(...pointer.tables);
  training.failures.push(...pointer.failures);
  const karate = await karateBench();
  training.tables.push(...karate.tables);
  training.failures.push(...karate.failures);
  const memnet = await memoryNetworkBench();
  training.tables.push(...memnet.tables);
  training.failures.push(...memnet.failures);
  const dates = await datesBench();
  training.tables.push(...dates.tables);
  training.failures.push(...dates.failures);
  const clipping = await clippingBench();
  training.tables.push(...clipping.tables);
  training.failures.push(...clipping.failures);
  console.log(`${training.tables.join("\n\n")}\n`);
  failures.push(...training.failures, ...induction.failures);
  console.log(failures.length ? `Below target:\n- ${failures.join("\n- ")}` : "All targets met.");
  if (process.argv.includes("--write")) {
    writeFileSync(
      new URL("./RESULTS.md", import.meta.url),
      results(machine, `${table}\n\n## Training\n\n${training.tables.join("\n\n")}`, failures),
    );
  }
}

function results(machine: string, table: string, failures: string[]): string {
  return `# Benchmark results

Written by \`npm run bench -- --write\` (\`bench/run.ts\`). Each implementation computes the same
seeded inputs; "max abs. diff." is the largest difference from lib's output (tfjs-cpu computes in float32).

Machine: ${machine}.

${table}

${failures.length ? `Below target (≥ 2× tfjs-cpu, ≥ 10× mathjs; training: ≥ 3× tfjs-cpu, reversal 99 % within 20 s, pointer network 95 % within 60 s, karate club 90 % within 30 s):\n\n- ${failures.join("\n- ")}` : "All targets (≥ 2× tfjs-cpu, ≥ 10× mathjs; training: ≥ 3× tfjs-cpu, reversal 99 % within 20 s, pointer network 95 % within 60 s, karate club 90 % within 30 s) met."}
`;
}

void main();
