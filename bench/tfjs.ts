/** The benchmark through @tensorflow/tfjs-core on its CPU backend (float32). */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import type { BenchCase, Rows } from "./cases";

/** Select the CPU backend; call once before {@link prepareTfjs}. */
export async function initTfjs(): Promise<string> {
  await tf.setBackend("cpu");
  await tf.ready();
  return tf.getBackend();
}

/** Convert inputs to tensors once; the timed operation computes in `tf.tidy` and reads back with `dataSync()`. */
export function prepareTfjs(c: BenchCase): () => ArrayLike<number> {
  const m = (name: string) => tf.tensor2d(c.inputs[name] as Rows);
  const v = (name: string) => tf.tensor1d(c.inputs[name] as number[]);
  const x = (name: string) => c.inputs[name] as number;
  const run = (f: () => tf.Tensor) => () => tf.tidy(() => f().dataSync());
  switch (c.kind) {
    case "sdpa": {
      const [Q, K, V] = [m("Q"), m("K"), m("V")];
      const scale = 1 / Math.sqrt(Q.shape[1]);
      return run(() => tf.matMul(tf.softmax(tf.mul(tf.matMul(Q, K, false, true), scale)), V));
    }
    case "mha": {
      const [X, Wq, Wk, Wv, Wo] = ["X", "Wq", "Wk", "Wv", "Wo"].map(m);
      const h = x("h");
      const [n, E] = X.shape;
      const hd = E / h;
      const heads = (t: tf.Tensor2D) => tf.transpose(tf.reshape(t, [n, h, hd]), [1, 0, 2]) as tf.Tensor3D; // (h, n, hd)
      return run(() => {
        const Q = heads(tf.matMul(X, Wq, false, true));
        const K = heads(tf.matMul(X, Wk, false, true));
        const V = heads(tf.matMul(X, Wv, false, true));
        const A = tf.softmax(tf.mul(tf.matMul(Q, K, false, true), 1 / Math.sqrt(hd))); // (h, n, n)
        const O = tf.reshape(tf.transpose(tf.matMul(A, V), [1, 0, 2]), [n, E]) as tf.Tensor2D; // (n, E)
        return tf.matMul(O, Wo, false, true);
      });
    }
    case "gat": {
      const [H, A, W] = [m("H"), m("A"), m("W")];
      const a = v("a");
      const f = W.shape[1];
      const a1 = tf.reshape(tf.slice(a, 0, f), [f, 1]);
      const a2 = tf.reshape(tf.slice(a, f, f), [f, 1]);
      const edge = tf.greater(A, 0);
      const minusInf = tf.fill(A.shape, -Infinity);
      return run(() => {
        const Wh = tf.matMul(H, W); // (N, F)
        const e = tf.leakyRelu(tf.add(tf.matMul(Wh, a1), tf.transpose(tf.matMul(Wh, a2))), 0.2); // (N, N)
        const att = tf.softmax(tf.where(edge, e, minusInf));
        return tf.elu(tf.matMul(att, Wh));
      });
    }
    case "ntm": {
      const Mem = m("Mem");
      const [k, s, wPrev, e, add] = ["k", "s", "wPrev", "e", "add"].map(v);
      const [beta, g, gamma] = [x("beta"), x("g"), x("gamma")];
      const N = Mem.shape[0];
      return run(() => {
        const dots = tf.reshape(tf.matMul(Mem, tf.reshape(k, [-1, 1])), [N]);
        const norms = tf.mul(tf.maximum(tf.norm(Mem, 2, 1), 1e-8), tf.maximum(tf.norm(k), 1e-8));
        const wc = tf.softmax(tf.mul(tf.div(dots, norms), beta));
        const wg = tf.add(tf.mul(wc, g), tf.mul(wPrev, 1 - g));
        // out[i] = s0·w[i-1] + s1·w[i] + s2·w[i+1], circularly
        const prev = tf.concat([tf.slice(wg, N - 1, 1), tf.slice(wg, 0, N - 1)]);
        const next = tf.concat([tf.slice(wg, 1, N - 1), tf.slice(wg, 0, 1)]);
        const sv = s.arraySync() as number[];
        const ws = tf.addN([tf.mul(prev, sv[0]), tf.mul(wg, sv[1]), tf.mul(next, sv[2])]);
        const p = tf.pow(ws, gamma);
        const w = tf.div(p, tf.sum(p));
        const r = tf.reshape(tf.matMul(tf.reshape(w, [1, N]), Mem), [-1]);
        const wCol = tf.reshape(w, [N, 1]);
        const M2 = tf.add(
          tf.mul(Mem, tf.sub(1, tf.matMul(wCol, tf.reshape(e, [1, -1])))),
          tf.matMul(wCol, tf.reshape(add, [1, -1])),
        );
        return tf.concat([r, tf.reshape(M2, [-1])]);
      });
    }
  }
}
