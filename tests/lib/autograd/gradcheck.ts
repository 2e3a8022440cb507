/**
 * Central-difference gradient check for autograd operations: L = Σ f(x) ∘ s for a fixed seed s,
 * the backward pass against (L(x + h e_i) − L(x − h e_i)) / 2h for every entry of every input.
 */
import { type Tensor, param } from "../../../lib/autograd/index";

/** The largest error of analytic against numeric gradients, scaled by max(1, |numeric|). */
export function gradCheck(
  f: (inputs: Tensor[]) => Tensor,
  values: number[][][],
  seed: (i: number) => number = (i) => Math.sin(1.7 * i + 0.3),
  h = 1e-6,
): number {
  const inputs = values.map((v) => param(v));
  const out = f(inputs);
  const s = new Float64Array(out.data.length).map((_, i) => seed(i));
  out.backward(Array.from(s));
  const loss = (): number => {
    const y = f(inputs).data;
    let l = 0;
    for (let i = 0; i < y.length; i++) l += y[i] * s[i];
    return l;
  };
  let worst = 0;
  for (const t of inputs) {
    const g = t.grad ?? new Float64Array(t.data.length);
    for (let i = 0; i < t.data.length; i++) {
      const x0 = t.data[i];
      t.data[i] = x0 + h;
      const up = loss();
      t.data[i] = x0 - h;
      const down = loss();
      t.data[i] = x0;
      const num = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(num - g[i]) / Math.max(1, Math.abs(num)));
    }
  }
  return worst;
}
