import {
  type ScaleSaturationPoint,
  type ScaleSaturationSample,
  scaleSaturation,
  scaleSaturationSample,
} from "../../../lib/experiments/scaleSaturation";
import { fields } from "../primitives/urlState";

/** The dimension d from its slider, which moves log2 d. */
export const dimOf = (logd: number) => 2 ** logd;
/** The dimensions measured: 1, 2, 4, …, 1024. */
export const LOG_DIMS = Array.from({ length: 11 }, (_, i) => i);
export const DIMS = LOG_DIMS.map(dimOf);
export const KEY_COUNTS = [4, 8, 16, 32] as const;
/** (query, key) pairs sampled per dimension; queries = PAIRS / n. */
export const PAIRS = 1280;
/** Bars shown in the one-query view. */
export const TOP = 8;

/** The state a link to this widget reproduces. */
// Pure (no side effects), so the measuring worker, which imports this module, leaves the link code out.
export const scaleSpec = {
  seed: /* @__PURE__ */ fields.int(1, 0, 1_000_000),
  keys: /* @__PURE__ */ fields.int(16, 4, 32),
  logd: /* @__PURE__ */ fields.int(8, 0, 10),
  scaled: /* @__PURE__ */ fields.bool(false),
  measure: /* @__PURE__ */ fields.choice<"max" | "entropy">("max", ["max", "entropy"]),
};

export interface ScaleInput {
  seed: number;
  keys: number;
  logd: number;
  scaled: boolean;
  measure: "max" | "entropy";
}

/** The measured curves for one (seed, n): the expensive part, recomputed only when they change. */
export interface Measured {
  /** `seed:keys` the curves belong to. */
  key: string;
  keys: number;
  points: ScaleSaturationPoint[];
  samples: number;
}

export const measuredKey = (s: Pick<ScaleInput, "seed" | "keys">) => `${s.seed}:${s.keys}`;

export interface ScaleView {
  d: number;
  sample: ScaleSaturationSample;
  /** The TOP largest weights of the sample (raw or scaled, as chosen), with their key indices. */
  top: { key: number; weight: number; score: number }[];
  /** Weight left to the keys not shown. */
  rest: number;
}

/** The number of keys measured: one of KEY_COUNTS (16 for anything else). */
export const keyCount = (k: number) => ((KEY_COUNTS as readonly number[]).includes(k) ? k : 16);

/** Sampled queries per dimension for `keys` keys. */
export const samplesFor = (keys: number) => Math.round(PAIRS / keys);

/** What the measuring worker (`scaleWorker.ts`) is sent. */
export type ScaleMeasureInput = Pick<ScaleInput, "seed" | "keys">;

/**
 * The √d experiment with `lib/`, one dimension at a time (1, 2, 4, …, 1024): each dimension draws
 * its own random stream, so these points equal `scaleSaturation(DIMS, …)`'s.
 */
export function* scalePoints(s: ScaleMeasureInput): Generator<ScaleSaturationPoint> {
  const keys = keyCount(s.keys);
  for (const d of DIMS) yield scaleSaturation([d], { keys, samples: samplesFor(keys), seed: s.seed })[0];
}

/** Run the √d experiment at every dimension (a few million random draws): the build's first paint. */
export function measure(s: ScaleMeasureInput): Measured {
  const keys = keyCount(s.keys);
  return { key: measuredKey(s), keys, points: [...scalePoints(s)], samples: samplesFor(keys) };
}

/** One sampled query at the chosen d (cheap): its largest weights, raw or scaled. */
export function pick(s: ScaleInput): ScaleView {
  const keys = keyCount(s.keys);
  const d = dimOf(s.logd);
  const sample = scaleSaturationSample(d, keys, s.seed);
  const w = s.scaled ? sample.weightsScaled : sample.weights;
  const sc = s.scaled ? sample.scaled : sample.raw;
  const order = Array.from(w.keys()).sort((a, b) => w[b] - w[a]);
  const top = order.slice(0, TOP).map((key) => ({ key, weight: w[key], score: sc[key] }));
  const rest = order.slice(TOP).reduce((acc, j) => acc + w[j], 0);
  return { d, sample, top, rest };
}
