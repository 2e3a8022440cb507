/** The benchmark as a straightforward mathjs program (dense matrices, library functions). */
import { create, all, type Matrix as MathMatrix } from "mathjs";
import type { BenchCase, Rows } from "./cases";

const math = create(all);

/** Row-wise softmax with the max subtracted; masked entries (−∞) get weight 0. */
function softmaxRows(S: MathMatrix): MathMatrix {
  const rows = (S.toArray() as number[][]).map((r) => {
    const mx = math.max(r) as number;
    const ex = math.map(math.subtract(r, mx) as number[], (x: number) => math.exp(x)) as number[];
    return math.divide(ex, math.sum(ex)) as number[];
  });
  return math.matrix(rows);
}

const attention = (Q: MathMatrix, K: MathMatrix, V: MathMatrix, scale: number): MathMatrix =>
  math.multiply(softmaxRows(math.multiply(math.multiply(Q, math.transpose(K)), scale)), V);

/** Convert inputs to mathjs matrices once; the timed operation returns the flat output. */
export function prepareMathjs(c: BenchCase): () => ArrayLike<number> {
  const m = (name: string) => math.matrix(c.inputs[name] as Rows);
  const v = (name: string) => math.matrix(c.inputs[name] as number[]);
  const x = (name: string) => c.inputs[name] as number;
  const flat = (t: MathMatrix) => math.flatten(t).toArray() as number[];
  switch (c.kind) {
    case "sdpa": {
      const [Q, K, V] = [m("Q"), m("K"), m("V")];
      return () => flat(attention(Q, K, V, 1 / Math.sqrt(Q.size()[1])));
    }
    case "mha": {
      const [X, Wq, Wk, Wv, Wo] = ["X", "Wq", "Wk", "Wv", "Wo"].map(m);
      const h = x("h");
      const [n, E] = X.size();
      const hd = E / h;
      return () => {
        const [Q, K, V] = [Wq, Wk, Wv].map((W) => math.multiply(X, math.transpose(W)));
        const outs = [];
        for (let i = 0; i < h; i++) {
          const cols = math.index(math.range(0, n), math.range(i * hd, (i + 1) * hd));
          outs.push(
            attention(math.subset(Q, cols), math.subset(K, cols), math.subset(V, cols), 1 / Math.sqrt(hd)),
          );
        }
        return flat(math.multiply(math.concat(...outs, 1) as MathMatrix, math.transpose(Wo)));
      };
    }
    case "gat": {
      const [H, A, W] = [m("H"), m("A"), m("W")];
      const a = c.inputs.a as number[];
      const f = W.size()[1];
      const [a1, a2] = [math.matrix(a.slice(0, f)), math.matrix(a.slice(f))];
      return () => {
        const Wh = math.multiply(H, W);
        const src = math.multiply(Wh, a1).toArray() as number[];
        const dst = math.multiply(Wh, a2).toArray() as number[];
        const e = math.map(A, (adj: number, [i, j]: number[]) => {
          const z = src[i] + dst[j];
          return adj > 0 ? (z > 0 ? z : 0.2 * z) : -Infinity;
        });
        const out = math.multiply(softmaxRows(e), Wh);
        return flat(math.map(out, (z: number) => (z > 0 ? z : math.expm1(z))));
      };
    }
    case "ntm": {
      const Mem = m("Mem");
      const [k, wPrev, e, add] = [v("k"), v("wPrev"), v("e"), v("add")];
      const s = c.inputs.s as number[];
      const [beta, g, gamma] = [x("beta"), x("g"), x("gamma")];
      const N = Mem.size()[0];
      return () => {
        const rows = Mem.toArray() as number[][];
        const kn = Math.max(math.norm(k) as number, 1e-8);
        const cos = rows.map(
          (r) => (beta * (math.dot(r, k) as number)) / (Math.max(math.norm(r) as number, 1e-8) * kn),
        );
        const mx = math.max(cos);
        const ex = cos.map((z) => math.exp(z - mx));
        const wc = math.divide(ex, math.sum(ex)) as number[];
        const wg = math.add(math.multiply(wc, g), math.multiply(wPrev, 1 - g)).valueOf() as number[];
        const ws = wg.map((_, i) => s[0] * wg[(i - 1 + N) % N] + s[1] * wg[i] + s[2] * wg[(i + 1) % N]);
        const p = math.dotPow(ws, gamma) as number[];
        const w = math.divide(p, math.sum(p)) as number[];
        const r = math.multiply(w, Mem);
        const wCol = math.reshape(math.matrix(w), [N, 1]);
        const erase = math.multiply(wCol, math.reshape(e, [1, -1]));
        const M2 = math.add(
          math.dotMultiply(Mem, math.subtract(1, erase)),
          math.multiply(wCol, math.reshape(add, [1, -1])),
        ) as MathMatrix;
        return [...flat(r as MathMatrix), ...flat(M2)];
      };
    }
  }
}
