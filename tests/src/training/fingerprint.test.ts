/**
 * Determinism of every trained demo, through the training runtime: the worker side
 * (`serveTraining`, driven here with a fake worker scope) reports the fingerprint of the weights
 * whenever the run is not training, and it equals the fingerprint of the same model trained the
 * same steps directly with `lib/`. The browser tests compare the widgets' `data-fingerprint` with
 * the same Node computation (tests/browser/fingerprint.ts).
 */
import { describe, expect, it } from "vitest";
import { createClippingModel } from "../../../lib/models/clipping";
import { createInductionModel } from "../../../lib/models/induction";
import { createMemoryNetwork } from "../../../lib/models/memoryNetwork";
import { createNodeClassifier } from "../../../lib/models/nodeClassification";
import { createPointerNetModel } from "../../../lib/models/pointerNet";
import { createReversalModel } from "../../../lib/models/reversal";
import {
  type ModelFactory,
  type TrainingModel,
  parameterFingerprint,
} from "../../../lib/models/trainingModel";
import { KARATE_TASK } from "../../../src/data/karate";
import type { FromWorker } from "../../../src/training/protocol";
import { type WorkerScope, serveTraining } from "../../../src/training/serve";

/** Each trained widget's worker factory with the options its default state sends. */
const DEMOS: [string, ModelFactory<never>, unknown][] = [
  ["reversal, Luong (chapter 2)", createReversalModel as ModelFactory<never>, { attention: "luong" }],
  ["reversal, Bahdanau (chapter 2)", createReversalModel as ModelFactory<never>, { attention: "bahdanau" }],
  ["pointer network (chapter 7)", createPointerNetModel as ModelFactory<never>, { mask: true }],
  ["induction heads (chapter 9)", createInductionModel as ModelFactory<never>, {}],
  [
    "karate club GAT, GATv2, GCN (chapter 12)",
    ((seed: number, o: { labelled: number[] }) =>
      createNodeClassifier(seed, { task: KARATE_TASK, labelled: o.labelled })) as ModelFactory<never>,
    { labelled: [0, 33] },
  ],
  ["memory network (chapter 13)", createMemoryNetwork as ModelFactory<never>, { task: 2, hops: 3 }],
  [
    "clipping lab (chapter 16)",
    createClippingModel as ModelFactory<never>,
    { cell: "tanh", optimizer: "sgd", threshold: 1, length: 20 },
  ],
];

const STEPS = 2;

/** The fingerprints of the model trained directly, before the first step and after each one. */
function direct(
  factory: ModelFactory<never>,
  seed: number,
  options: unknown,
  steps: number,
): (string | null)[] {
  const m: TrainingModel = factory(seed, options as never);
  const out = [parameterFingerprint(m)];
  for (let i = 0; i < steps; i++) {
    m.trainStep(m.nextBatch());
    out.push(parameterFingerprint(m));
  }
  return out;
}

describe("parameter fingerprints of every trained demo", () => {
  it.each(DEMOS)(
    "%s: the worker reports Node's fingerprint at init and after each Step",
    (_, factory, options) => {
      const sent: FromWorker[] = [];
      let listener: (e: MessageEvent) => void = () => {};
      const scope: WorkerScope = {
        postMessage: (m) => sent.push(m as FromWorker),
        addEventListener: (_t, l) => (listener = l),
      };
      let t = 0;
      serveTraining(factory, scope, () => (t += 1));
      const send = (data: unknown) => listener({ data } as MessageEvent);
      send({ type: "init", seed: 1, options });
      for (let i = 0; i < STEPS; i++) send({ type: "step" });
      const reports = sent.flatMap((m) => (m.type === "progress" ? [m.progress] : []));
      expect(reports.map((p) => [p.state, p.step])).toEqual([
        ["idle", 0],
        ...Array.from({ length: STEPS }, (_, i) => ["paused", i + 1]),
      ]);
      const want = direct(factory, 1, options, STEPS);
      expect(reports.map((p) => p.fingerprint)).toEqual(want);
      expect(want.every((f) => /^[0-9a-f]{8}$/.test(f ?? ""))).toBe(true);
      // Every step moves the weights.
      expect(new Set(want).size).toBe(STEPS + 1);
    },
  );

  it("is left out while the model trains, and given again once it pauses", () => {
    const sent: FromWorker[] = [];
    let listener: (e: MessageEvent) => void = () => {};
    serveTraining(
      createReversalModel as ModelFactory<never>,
      { postMessage: (m) => sent.push(m as FromWorker), addEventListener: (_t, l) => (listener = l) },
      () => 0,
    );
    const send = (data: unknown) => listener({ data } as MessageEvent);
    send({ type: "init", seed: 1, options: { attention: "luong" } });
    send({ type: "train" });
    send({ type: "pause" });
    const reports = sent.flatMap((m) => (m.type === "progress" ? [m.progress] : []));
    expect(reports.map((p) => [p.state, p.fingerprint === null])).toEqual([
      ["idle", false],
      ["training", true],
      ["paused", false],
    ]);
    // Another seed starts from other weights.
    expect(direct(createReversalModel as ModelFactory<never>, 2, { attention: "luong" }, 0)[0]).not.toBe(
      reports[0].fingerprint,
    );
  });
});
