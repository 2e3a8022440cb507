import {
  TOY_DECODER_INPUTS,
  TOY_SOURCE,
  TOY_TARGET,
  type ToyTranslation,
  toyTranslation,
} from "../../../lib";
import { fields } from "../primitives/urlState";
import { fixed } from "../primitives/format";

export const VARIANTS = ["bahdanau", "luong"] as const;
export type Variant = (typeof VARIANTS)[number];
export const STEPS = TOY_TARGET.length;
export const SOURCE = TOY_SOURCE;
export const TARGET = TOY_TARGET;
export const INPUTS = TOY_DECODER_INPUTS;

/** The state a link to this widget reproduces. `step` counts the decoder steps done (0–5). */
export const s2sSpec = {
  variant: fields.choice<Variant>("bahdanau", VARIANTS),
  weights: fields.choice<"hand" | "random">("hand", ["hand", "random"]),
  seed: fields.int(1, 0, 1_000_000),
  step: fields.int(1, 0, STEPS),
};

export interface S2sInput {
  variant: Variant;
  weights: "hand" | "random";
  seed: number;
  step: number;
}

/** Encode the source and run every decoder step with `lib/` (the widget then shows them one by one). */
export function computeS2s(s: S2sInput): ToyTranslation {
  return toyTranslation(s.variant, { weights: s.weights, seed: s.seed });
}

/**
 * Every number of the step decoder (states, scores, weights, context) with two decimals: the
 * equation, the step table, the lines, the alignment grid and the summary print the same digits.
 */
export const n2 = (x: number) => fixed(x, 2);
const vec = (v: ArrayLike<number>) => `[${Array.from(v, n2).join(",\\ ")}]`;

/** The equations of decoder step t (1-based) with the numbers substituted. */
export function stepTex(tr: ToyTranslation, t: number): string {
  const s = tr.result.steps[t - 1];
  const sum = Array.from(s.weights, (a, i) => `${n2(a)}\\,h_{${i + 1}}`).join(" + ");
  const common = [
    `\\alpha_{${t}} &= \\operatorname{softmax}(e_{${t}}) = ${vec(s.weights)} \\\\`,
    `c_{${t}} &= \\textstyle\\sum_i \\alpha_{${t},i}\\, h_i = ${sum} = ${vec(s.context)}`,
  ];
  const lines =
    tr.variant === "bahdanau"
      ? [
          `e_{${t},i} &= v^\\top \\tanh(W_1 h_i + W_2 s_{${t - 1}}),\\quad s_{${t - 1}} = ${vec(s.query)} \\\\`,
          `e_{${t}} &= ${vec(s.scores)} \\\\`,
          ...common.map((l, i) => (i === common.length - 1 ? `${l} \\\\` : l)),
          `s_{${t}} &= \\tanh(U [y_{${t - 1}}; c_{${t}}] + W_h s_{${t - 1}}) = ${vec(s.state)}`,
        ]
      : [
          `s_{${t}} &= \\tanh(U y_{${t - 1}} + W_h s_{${t - 1}}) = ${vec(s.state)} \\\\`,
          `e_{${t},i} &= s_{${t}}^\\top W_a h_i,\\quad e_{${t}} = ${vec(s.scores)} \\\\`,
          ...common.map((l, i) => (i === common.length - 1 ? `${l} \\\\` : l)),
          `\\tilde s_{${t}} &= \\tanh(W_c [c_{${t}}; s_{${t}}]) = ${vec(s.attentional ?? [])}`,
        ];
  return ["\\begin{aligned}", ...lines, "\\end{aligned}"].join("\n");
}

/** A sentence describing step t for screen readers and the status line. */
export function stepSummary(tr: ToyTranslation, t: number): string {
  if (t === 0) return "No decoder step yet: the encoder has read A B C <EOS>.";
  const w = tr.result.steps[t - 1].weights;
  const top = Array.from(w).indexOf(Math.max(...w));
  return `Step ${t} of ${STEPS}: reading ${INPUTS[t - 1]} to emit ${TARGET[t - 1]}, the decoder attends most to ${SOURCE[top]} (${n2(w[top])}).`;
}
