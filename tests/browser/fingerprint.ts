/**
 * Determinism, Node against Chromium: a training widget's worker reports the fingerprint of its
 * weights on the widget's root (`data-fingerprint`, whenever the run is not training). The test
 * process runs in Node, so it trains the same model the same steps with the same `lib/` code and
 * compares: equal fingerprints mean bit-identical weights.
 */
import type { Locator } from "@playwright/test";
import { type ModelFactory, parameterFingerprint } from "../../lib/models/trainingModel";
import { check, waitFor } from "./helpers";

/** The fingerprint of `factory(seed, options)` after `steps` training steps, computed here in Node. */
export function nodeFingerprint<O>(
  factory: ModelFactory<O>,
  seed: number,
  options: O,
  steps: number,
): string {
  const m = factory(seed, options);
  for (let i = 0; i < steps; i++) m.trainStep(m.nextBatch());
  const f = parameterFingerprint(m);
  if (f === null) throw new Error("the model does not list its parameters");
  return f;
}

/** Wait until the widget reports a fingerprint at `step`, and check that it is Node's. */
export async function expectNodeWeights(w: Locator, step: number, want: string): Promise<void> {
  const attr = async (name: string) => (await w.getAttribute(`data-${name}`)) ?? "";
  await waitFor(
    async () => (await attr("step")) === String(step) && (await attr("fingerprint")) !== "",
    `a fingerprint at step ${step}`,
  );
  const got = await attr("fingerprint");
  check(got === want, `weights after ${step} steps: Chromium's worker ${got}, Node ${want}`);
}

/**
 * On an idle widget: check its weights against Node's, press Step (one batch) `steps` times, and
 * check them again. The widget is then paused at `steps` (its Train button reads Resume).
 */
export async function expectStepsLikeNode<O>(
  w: Locator,
  factory: ModelFactory<O>,
  seed: number,
  options: O,
  steps: number,
): Promise<void> {
  const m = factory(seed, options);
  await expectNodeWeights(w, 0, parameterFingerprint(m) ?? "");
  for (let i = 0; i < steps; i++) m.trainStep(m.nextBatch());
  const step = w.getByRole("button", { name: "Step (one batch)" });
  for (let i = 0; i < steps; i++) await step.click();
  await expectNodeWeights(w, steps, parameterFingerprint(m) ?? "");
}
