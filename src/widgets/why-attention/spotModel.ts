import { attention } from "../../../lib";
import { fields } from "../primitives/urlState";

/** Eight things competing for attention at a party, as keys of length 2 around a circle. */
export const ITEMS = [
  "a friend",
  "music",
  "a waiter",
  "your name",
  "laughter",
  "a phone",
  "the TV",
  "glasses",
] as const;
export const KEY_LENGTH = 2;
export const KEYS = ITEMS.map((_, j) => {
  const a = (j * Math.PI) / 4;
  return [KEY_LENGTH * Math.cos(a), KEY_LENGTH * Math.sin(a)];
});
/** The query pad spans [−R, R]². */
export const R = 3;

/** The state a link to this widget reproduces: the query's coordinates. */
export const spotSpec = {
  qx: fields.number(1.2, -R, R),
  qy: fields.number(0.9, -R, R),
  /** The item (0-based) whose score and weight the equation writes out. */
  item: fields.int(1, 0, ITEMS.length - 1),
};

export interface SpotView {
  scores: number[];
  weights: number[];
  /** The read-out Σ_j α_j k_j (values = keys). */
  readout: [number, number];
  angle: number;
  length: number;
}

/** Dot-product attention of the query over the eight keys, with `lib/`. */
export function computeSpot(qx: number, qy: number): SpotView {
  const r = attention([[qx, qy]], KEYS, null, { score: "dot" });
  const out = r.output.row(0);
  const angle = ((Math.atan2(qy, qx) * 180) / Math.PI + 360) % 360;
  return {
    scores: Array.from(r.scores.row(0)),
    weights: Array.from(r.weights.row(0)),
    readout: [out[0], out[1]],
    angle,
    length: Math.hypot(qx, qy),
  };
}

const clamp = (v: number) => Math.max(-R, Math.min(R, v));
/** Round to 2 decimals and keep inside the pad. */
export const snap = (v: number) => Math.round(clamp(v) * 100) / 100;

/** Query coordinates from a direction (degrees) and a length. */
export function fromPolar(angleDeg: number, length: number): [number, number] {
  const a = (angleDeg * Math.PI) / 180;
  return [snap(length * Math.cos(a)), snap(length * Math.sin(a))];
}
