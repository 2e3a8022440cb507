/**
 * `npm run train:dates`: train chapter 2's date translator with `lib/` and write its weights.
 *
 *   npm run train:dates -- [--seed 1] [--max-steps 8000] [--target 0.995] [--eval-every 250]
 *                          [--out public/models/date-translator.json] [--hidden 32] [--embed 16]
 *
 * Data: `lib/models/dateFormats.ts` (every trained format, years 1950–2049); 1500 held-out days
 * never appear in a training example: 500 validation days decide when to stop, 1000 test days give
 * the reported accuracy. Every evaluation uses the weights as stored (int8 with a scale per row),
 * decoded from the file's own text. The run stops when the validation exact-match accuracy reaches
 * the target; the best weights so far are written at every evaluation, so an interrupted run
 * still leaves a file. The same seed and options reproduce the same weights.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  DATE_FORMATS,
  createDateTranslator,
  dateBatches,
  dateExamplesOf,
  dateHeldOutDays,
  dateStream,
  decodeDateWeights,
  encodeDateWeights,
  type DateExample,
} from "../lib/models";

const { values: args } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    "max-steps": { type: "string", default: "8000" },
    target: { type: "string", default: "0.995" },
    "eval-every": { type: "string", default: "250" },
    out: { type: "string", default: "public/models/date-translator.json" },
    hidden: { type: "string", default: "32" },
    embed: { type: "string", default: "16" },
    batch: { type: "string", default: "32" },
    lr: { type: "string", default: "0.01" },
  },
});
const seed = Number(args.seed);
const maxSteps = Number(args["max-steps"]);
const target = Number(args.target);
const evalEvery = Number(args["eval-every"]);
const sizes = { hidden: Number(args.hidden), embed: Number(args.embed) };
const out = resolve(args.out);

const days = dateHeldOutDays();
const validation = dateExamplesOf(days.validation, 40, 2);
const test = dateExamplesOf(days.test, 200, 3);
const model = createDateTranslator(seed, {
  ...sizes,
  batch: Number(args.batch),
  steps: maxSteps,
  lr: Number(args.lr),
});
const next = dateBatches(dateStream(seed, days.all), Number(args.batch));

/** Exact-match accuracy, overall and per format, of weights as stored. */
function accuracy(stored: string, examples: DateExample[]) {
  const m = createDateTranslator(0, sizes, decodeDateWeights(JSON.parse(stored)));
  const got = m.translateAll(examples.map((e) => e.text));
  const perFormat: Record<string, [number, number]> = {};
  let right = 0;
  examples.forEach((e, k) => {
    const ok = got[k] === e.iso;
    right += ok ? 1 : 0;
    const f = (perFormat[e.format] ??= [0, 0]);
    f[0] += ok ? 1 : 0;
    f[1]++;
  });
  const wrong = examples.flatMap((e, k) =>
    got[k] === e.iso ? [] : [`${e.text} → ${got[k]} (want ${e.iso})`],
  );
  return { accuracy: right / examples.length, perFormat, wrong: wrong.slice(0, 5) };
}

const started = performance.now();
const cpu0 = process.cpuUsage();
let best = -1;
let lossSum = 0;
let lossCount = 0;
let step = 0;
for (step = 1; step <= maxSteps; step++) {
  lossSum += model.trainStep(next());
  lossCount++;
  if (step % evalEvery !== 0 && step !== maxSteps) continue;
  const stored = JSON.stringify(
    encodeDateWeights(model.parameters, sizes, { seed, steps: step, formats: DATE_FORMATS.length }),
  );
  const val = accuracy(stored, validation);
  const secs = (performance.now() - started) / 1000;
  console.log(
    `step ${step}  loss ${(lossSum / lossCount).toFixed(4)}  validation ${(val.accuracy * 100).toFixed(1)} %  ${secs.toFixed(0)} s  ${(step / secs).toFixed(1)} steps/s`,
  );
  if (val.accuracy < 0.97) console.log(`  e.g. ${val.wrong.join("; ")}`);
  lossSum = 0;
  lossCount = 0;
  if (val.accuracy > best) {
    best = val.accuracy;
    const t = accuracy(stored, test);
    const meta = {
      seed,
      steps: step,
      hidden: sizes.hidden,
      embed: sizes.embed,
      validationAccuracy: val.accuracy,
      testAccuracy: t.accuracy,
      testExamples: test.length,
    };
    writeFileSync(out, JSON.stringify(encodeDateWeights(model.parameters, sizes, meta)) + "\n");
    const per = Object.entries(t.perFormat).map(([f, [a, n]]) => `${f} ${a}/${n}`);
    console.log(
      `  wrote ${out}: test ${(t.accuracy * 100).toFixed(2)} % of ${test.length} (${per.join(", ")})`,
    );
  }
  if (val.accuracy >= target) break;
}
const secs = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  `done: ${Math.min(step, maxSteps)} steps in ${secs.toFixed(0)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU; best validation ${(best * 100).toFixed(1)} %`,
);
