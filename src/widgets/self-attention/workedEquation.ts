import { fixed, sig } from "../primitives/format";
import { texAligned } from "../primitives/texNumbers";
import { SPREAD_PAIRS, type WorkedResult } from "./workedModel";

/** The widget's digits: scores as its steps print them, weights to four decimals. */
export const f4 = (x: number) => fixed(x, 4);

/**
 * The worked example's equation with the live numbers: both scores divided by √d_k, the two
 * softmax weights, and the measured spread of q·k for random unit-variance vectors of size d_k.
 */
export function workedTex(r: WorkedResult, dk: number, spread: { raw: number; scaled: number }): string {
  const [s1, s2] = r.scaled.map((x) => sig(x));
  return texAligned([
    `\\frac{q \\cdot k_1}{\\sqrt{d_k}} &= \\frac{${sig(r.raw[0])}}{\\sqrt{${dk}}} = ${s1},\\quad \\frac{q \\cdot k_2}{\\sqrt{d_k}} = \\frac{${sig(r.raw[1])}}{\\sqrt{${dk}}} = ${s2}`,
    `\\alpha_1 &= \\frac{e^{${s1}}}{e^{${s1}} + e^{${s2}}} = ${f4(r.weights[0])},\\quad \\alpha_2 = \\frac{e^{${s2}}}{e^{${s1}} + e^{${s2}}} = ${f4(r.weights[1])}`,
    `\\operatorname{std}(q \\cdot k) &= ${fixed(spread.raw, 1)} \\approx \\sqrt{${dk}} = ${sig(Math.sqrt(dk))},\\quad \\operatorname{std}\\!\\left(\\tfrac{q \\cdot k}{\\sqrt{d_k}}\\right) = ${fixed(spread.scaled, 2)} \\quad (\\text{${SPREAD_PAIRS} random pairs})`,
  ]);
}
