/** The benchmark through Attention Atlas's `lib/`. */
import { Matrix } from "../lib/core/matrix";
import { scaledDotProduct } from "../lib/attention/scaledDotProduct";
import { multiHeadAttention } from "../lib/attention/multihead";
import { gatLayer } from "../lib/graph/gat";
import { ntmAddress, ntmRead, ntmWrite } from "../lib/memory/ntm";
import type { BenchCase, Rows } from "./cases";

/** Convert inputs once (outside the timing), return the timed operation; it returns the flat output. */
export function prepareOurs(c: BenchCase): () => ArrayLike<number> {
  const m = (name: string) => Matrix.from(c.inputs[name] as Rows);
  const v = (name: string) => Float64Array.from(c.inputs[name] as number[]);
  const x = (name: string) => c.inputs[name] as number;
  switch (c.kind) {
    case "sdpa": {
      const [Q, K, V] = [m("Q"), m("K"), m("V")];
      return () => scaledDotProduct(Q, K, V).output.data;
    }
    case "mha": {
      const X = m("X");
      const p = { qProjWeight: m("Wq"), kProjWeight: m("Wk"), vProjWeight: m("Wv"), outProjWeight: m("Wo") };
      return () => multiHeadAttention(X, X, X, p, { numHeads: x("h") }).output.data;
    }
    case "gat": {
      const [H, A, W, a] = [m("H"), m("A"), m("W"), v("a")];
      return () => gatLayer(H, A, W, a).hPrime.data;
    }
    case "ntm": {
      const Mem = m("Mem");
      const head = { k: v("k"), beta: x("beta"), g: x("g"), s: v("s"), gamma: x("gamma") };
      const [wPrev, e, add] = [v("wPrev"), v("e"), v("add")];
      return () => {
        const w = ntmAddress(Mem, head, wPrev).sharpened;
        const r = ntmRead(Mem, w);
        const M2 = ntmWrite(Mem, w, e, add);
        const out = new Float64Array(r.length + M2.data.length);
        out.set(r);
        out.set(M2.data, r.length);
        return out;
      };
    }
  }
}
