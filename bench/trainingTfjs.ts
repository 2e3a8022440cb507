/**
 * Chapter 2's reversal model (`lib/models/reversal.ts`) written again with @tensorflow/tfjs-core
 * ops, so the benchmark can time one forward-plus-backward pass of both on the same weights and
 * the same batch (tfjs computes in float32).
 */
import { createRequire } from "node:module";
import * as tf from "@tensorflow/tfjs-core";
import { buildSync } from "esbuild";
import type { Tensor } from "../lib/autograd/index";
import type { ReversalAttention } from "../lib/models/reversal";
import { BOS, EOS, type ReversalBatch } from "../lib/models/reversalTask";

let gradientsRegistered = false;

/**
 * Register tfjs-core's gradient kernels. They ship only as ES modules with directory imports that
 * Node cannot resolve, so esbuild bundles them once; the registry is global, so the main engine
 * sees them.
 */
export function registerTfjsGradients(): void {
  if (gradientsRegistered) return;
  const out = buildSync({
    stdin: {
      contents: 'import "@tensorflow/tfjs-core/dist/register_all_gradients";',
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    write: false,
    logLevel: "silent",
  });
  new Function("require", out.outputFiles[0].text)(createRequire(import.meta.url));
  gradientsRegistered = true;
}

/** A function that runs forward and backward on the batch and returns the loss. */
export function tfjsReversalGradients(
  parameters: Readonly<Record<string, Tensor>>,
  attention: ReversalAttention,
  batch: ReversalBatch,
): () => number {
  registerTfjsGradients();
  const V: Record<string, tf.Variable> = {};
  for (const [k, t] of Object.entries(parameters))
    V[k] = tf.variable(tf.tensor2d(Float32Array.from(t.data), [t.rows, t.cols]), true);
  const { size: B, length: L } = batch;
  const col = (data: Int32Array, i: number) =>
    tf.tensor1d(
      Int32Array.from({ length: B }, (_, b) => data[b * L + i]),
      "int32",
    );
  const srcCols = Array.from({ length: L }, (_, i) => col(batch.src, i));
  const prevCols = [
    tf.fill([B], BOS, "int32") as tf.Tensor1D,
    ...Array.from({ length: L }, (_, i) => col(batch.tgt, i)),
  ];
  const targets = tf.oneHot(
    tf.tensor1d(
      Int32Array.from({ length: B * (L + 1) }, (_, k) => {
        const t = Math.floor(k / B);
        const b = k % B;
        return t < L ? batch.tgt[b * L + t] : EOS;
      }),
      "int32",
    ),
    parameters.out.rows,
  );
  const lin = (x: tf.Tensor2D, w: string, b?: string): tf.Tensor2D => {
    const y = tf.matMul(x, V[w] as tf.Tensor2D, false, true) as tf.Tensor2D;
    return b ? (tf.add(y, V[b]) as tf.Tensor2D) : y;
  };
  const gru = (x: tf.Tensor2D, h: tf.Tensor2D, p: string): tf.Tensor2D => {
    const [ir, iz, inn] = tf.split(lin(x, `${p}.weightIh`, `${p}.biasIh`), 3, 1);
    const [hr, hz, hn] = tf.split(lin(h, `${p}.weightHh`, `${p}.biasHh`), 3, 1);
    const r = tf.sigmoid(tf.add(ir, hr));
    const z = tf.sigmoid(tf.add(iz, hz));
    const n = tf.tanh(tf.add(inn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  };
  const H = parameters["enc.weightHh"].cols;
  const lossFn = (): tf.Scalar => {
    const emb = srcCols.map((c) => tf.gather(V.embSrc, c) as tf.Tensor2D);
    const fwd: tf.Tensor2D[] = [];
    let h = tf.zeros([B, H]) as tf.Tensor2D;
    for (let i = 0; i < L; i++) fwd.push((h = gru(emb[i], h, "enc")));
    const bwd: tf.Tensor2D[] = new Array(L);
    h = tf.zeros([B, H]) as tf.Tensor2D;
    for (let i = L - 1; i >= 0; i--) bwd[i] = h = gru(emb[i], h, "encBack");
    const keys = tf.stack(fwd.map((f, i) => tf.concat([f, bwd[i]], 1))) as tf.Tensor3D; // (L, B, K)
    const K = keys.shape[2];
    const flat = tf.reshape(keys, [L * B, K]) as tf.Tensor2D;
    const proj = tf.reshape(lin(flat, attention === "bahdanau" ? "w1" : "wa"), [L, B, -1]) as tf.Tensor3D;
    let s = tf.tanh(lin(tf.concat([fwd[L - 1], bwd[0]], 1), "init", "initB")) as tf.Tensor2D;
    const logits: tf.Tensor2D[] = [];
    const read = (alpha: tf.Tensor2D) =>
      tf.sum(tf.mul(tf.expandDims(tf.transpose(alpha), 2), keys), 0) as tf.Tensor2D;
    for (let t = 0; t <= L; t++) {
      const y = tf.gather(V.embTgt, prevCols[t]) as tf.Tensor2D;
      if (attention === "bahdanau") {
        const q = lin(s, "w2"); // (B, A)
        const T = tf.tanh(tf.add(proj, tf.expandDims(q, 0))); // (L, B, A)
        const e = tf.reshape(tf.matMul(tf.reshape(T, [L * B, -1]) as tf.Tensor2D, V.v, false, true), [L, B]);
        const c = read(tf.softmax(tf.transpose(e)) as tf.Tensor2D);
        s = gru(tf.concat([y, c], 1), s, "dec");
        logits.push(lin(tf.concat([s, c], 1), "out", "outB"));
      } else {
        s = gru(y, s, "dec");
        const e = tf.sum(tf.mul(proj, tf.expandDims(s, 0)), 2); // (L, B)
        const c = read(tf.softmax(tf.transpose(e)) as tf.Tensor2D);
        logits.push(lin(tf.tanh(lin(tf.concat([c, s], 1), "wc", "wcB")), "out", "outB"));
      }
    }
    // Mean cross-entropy, written out (tf.losses divides, and RealDiv has no gradient registered here).
    const logp = tf.logSoftmax(tf.concat(logits, 0));
    return tf.mul(tf.sum(tf.mul(targets, logp)), -1 / (B * (L + 1))) as tf.Scalar;
  };
  return () => {
    const { value, grads } = tf.variableGrads(lossFn);
    const loss = value.dataSync()[0];
    for (const g of Object.values(grads)) g.dataSync();
    tf.dispose([value, ...Object.values(grads)]);
    return loss;
  };
}
