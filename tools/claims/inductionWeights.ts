/**
 * Chapter 9's numbers, step 1 of 2: train the induction model with lib/ (seed and steps from the
 * command line, default 1 and 1000) and write its weights and lib's own measurements as JSON.
 * Step 2, `python3 tools/claims/induction.py <json>`, recomputes the measurements without lib/.
 *
 *   npx tsx tools/claims/inductionWeights.ts 1 1000 /tmp/induction-seed1.json
 */
import { writeFileSync } from "node:fs";
import { createInductionModel } from "../../lib/models/induction";

const seed = Number(process.argv[2] ?? 1);
const steps = Number(process.argv[3] ?? 1000);
const out = process.argv[4] ?? `/tmp/induction-seed${seed}.json`;
const m = createInductionModel(seed, { steps });
const losses: number[] = [];
let reached = -1;
for (let s = 1; s <= steps; s++) {
  losses.push(m.trainStep(m.nextBatch()).loss);
  if (reached < 0 && s % m.evalEvery === 0 && m.evaluate().accuracy >= 0.95) reached = s;
}
const params: Record<string, { rows: number; cols: number; data: number[] }> = {};
for (const [k, t] of Object.entries(m.parameters))
  params[k] = { rows: t.rows, cols: t.cols, data: Array.from(t.data) };
const lib = {
  reached,
  evaluate: m.evaluate(),
  headScores: m.headScores(),
  knockout: [[0], [1], [2], [3], [0, 1], [2, 3]].map((k) => ({ k, ...m.evaluateWith(k) })),
  firstLosses: losses.slice(0, 10),
};
writeFileSync(out, JSON.stringify({ seed, steps, params, lib }));
console.log(JSON.stringify(lib, (_, v) => (typeof v === "number" ? Math.round(v * 1e4) / 1e4 : v)));
