import { hebbianWeights, hopfieldMatch, hopfieldRun } from "../../../lib";
import { fields } from "../primitives/urlState";
import { N, PRESETS, PRESET_LIST, corrupt, parsePatternList, toHex } from "./patterns";

/** The state a link to the recall widget reproduces (patterns as hex bitstrings, seed included). */
export const recallSpec = {
  patterns: fields.text(PRESET_LIST, { maxLength: 300, ascii: true }),
  draft: fields.text(toHex(PRESETS[0]), { maxLength: 30, ascii: true }),
  target: fields.int(0, 0, 7),
  noise: fields.number(0.2, 0, 0.5),
  seed: fields.int(1, 0, 99999),
  mode: fields.choice<"async" | "sync">("async", ["async", "sync"]),
  /** The neuron whose update the equation writes out (0-based; pixel 45 is in the T's stem). */
  neuron: fields.int(44, 0, 99),
};

export type RecallInput = { [K in keyof typeof recallSpec]: (typeof recallSpec)[K]["default"] };

export interface RecallResult {
  patterns: number[][];
  weights: Float64Array;
  start: number[];
  states: Float64Array[];
  energies: number[];
  fixedPointAt: number | null;
  twoCycle: boolean;
  /** Index of the stored pattern that was corrupted (clamped to the patterns there are). */
  target: number;
  /** Pixels that differ from the target, per state. */
  errors: number[];
  match: { pattern: number | null; negated: number | null };
}

/** Store the patterns with Hebb's rule, corrupt the target, and run the network with `lib/`. */
export function computeRecall(
  st: RecallInput,
): { ok: true; result: RecallResult } | { ok: false; error: string } {
  const parsed = parsePatternList(st.patterns);
  if (!parsed.ok) return parsed;
  const X = parsed.value;
  try {
    const W = hebbianWeights(X);
    const targetIndex = Math.min(st.target, X.length - 1);
    const target = X[targetIndex];
    const start = corrupt(target, st.noise, st.seed);
    const run = hopfieldRun(W, start, { mode: st.mode, seed: st.seed, maxSteps: 12 });
    const errors = run.states.map((s) => s.reduce((acc, v, i) => acc + (v !== target[i] ? 1 : 0), 0));
    return {
      ok: true,
      result: {
        patterns: X,
        weights: W.data,
        start,
        states: run.states,
        energies: run.energies,
        fixedPointAt: run.fixedPointAt,
        twoCycle: run.twoCycle,
        target: targetIndex,
        errors,
        match: hopfieldMatch(run.final, X),
      },
    };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

export const NEURONS = N;
