import { type BottleneckPoint, bottleneckPoints } from "../../../lib";
import { fields } from "../primitives/urlState";

export const MAX_LENGTH = 24;
export const TOKEN_SIZE = 4;
export const HIDDEN_SIZES = [4, 8, 16, 32] as const;
/** Sharpness β of the attention read's positional query: softmax_j(β e_iᵀe_j). */
export const BN_SHARPNESS = 8;

/** The state a link to this widget reproduces. */
export const bnSpec = {
  summary: fields.choice<"last" | "mean">("last", ["last", "mean"]),
  hidden: {
    ...fields.int(16, 4, 32),
    // Only the sizes the select offers: another size would be measured as 16 but shown as blank.
    parse(raw: string) {
      const v = fields.int(16, 4, 32).parse(raw);
      if (!(HIDDEN_SIZES as readonly number[]).includes(v))
        throw new Error(`${v} is not one of ${HIDDEN_SIZES.join(", ")}`);
      return v;
    },
  },
  seed: fields.int(1, 0, 1_000_000),
  length: fields.int(12, 1, MAX_LENGTH),
};

export interface BnInput {
  summary: "last" | "mean";
  hidden: number;
  seed: number;
  length: number;
}

/** One length's measurements, with plain arrays (island props must serialise). */
export interface BnPoint {
  length: number;
  single: number;
  attention: number;
  bound: number;
  singleByPosition: number[];
  attentionByPosition: number[];
}

/** The measured curves for one (summary, d, seed): recomputed only when one of them changes. */
export interface BnMeasured {
  key: string;
  hidden: number;
  points: BnPoint[];
}

export const bnKey = (s: Pick<BnInput, "summary" | "hidden" | "seed">) =>
  `${s.summary}:${s.hidden}:${s.seed}`;

/** What the measurement depends on (what the worker is sent). */
export type BnMeasureInput = Pick<BnInput, "summary" | "hidden" | "seed">;

/** The state size measured: one of HIDDEN_SIZES (16 for anything else). */
export const bnHidden = (hidden: number) =>
  (HIDDEN_SIZES as readonly number[]).includes(hidden) ? hidden : 16;

const plain = (p: BottleneckPoint): BnPoint => ({
  ...p,
  singleByPosition: Array.from(p.singleByPosition),
  attentionByPosition: Array.from(p.attentionByPosition),
});

/** The bottleneck experiment with `lib/`, one length at a time (L = 1 … 24, 600 random sequences). */
export function* bnPoints(s: BnMeasureInput): Generator<BnPoint> {
  const points = bottleneckPoints({
    maxLength: MAX_LENGTH,
    tokenSize: TOKEN_SIZE,
    hidden: bnHidden(s.hidden),
    summary: s.summary,
    sharpness: BN_SHARPNESS,
    seed: s.seed,
  });
  for (const p of points) yield plain(p);
}

/** Run the whole bottleneck experiment (at build time, for the first paint). */
export function measureBottleneck(s: BnMeasureInput): BnMeasured {
  return { key: bnKey(s), hidden: bnHidden(s.hidden), points: Array.from(bnPoints(s)) };
}

/** Points for a chart: negative held-out R² (worse than guessing the mean) is drawn at 0. */
export const chartY = (v: number) => Math.max(0, v);
