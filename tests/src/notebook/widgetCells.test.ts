import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/widgets/primitives/urlState";
import { multiHeadSpec, computeMultiHead } from "../../../src/widgets/multi-head-attention/multiHeadModel";
import { multiHeadCells } from "../../../src/widgets/multi-head-attention/multiHeadNotebook";
import { computeQkv, qkvSpec } from "../../../src/widgets/queries-keys-values/qkvModel";
import { qkvCells } from "../../../src/widgets/queries-keys-values/qkvNotebook";
import { KINDS, computeScores, scoreSpec } from "../../../src/widgets/score-functions/scoreModel";
import { scoreCells } from "../../../src/widgets/score-functions/scoreNotebook";
import {
  computeSelfAttention,
  selfAttentionSpec,
} from "../../../src/widgets/self-attention/selfAttentionModel";
import { selfAttentionCells } from "../../../src/widgets/self-attention/selfAttentionNotebook";
import { computeHan, hanSpec } from "../../../src/widgets/stacking-attention/hierarchicalModel";
import { hanCells } from "../../../src/widgets/stacking-attention/hierarchicalNotebook";
import { computePool, poolSpec } from "../../../src/widgets/stacking-attention/poolingModel";
import { poolCells } from "../../../src/widgets/stacking-attention/poolingNotebook";
import { computeSpot, spotSpec } from "../../../src/widgets/why-attention/spotModel";
import { spotCells } from "../../../src/widgets/why-attention/spotNotebook";
import { bnSpec, measureBottleneck } from "../../../src/widgets/why-attention/bnModel";
import { bnCells } from "../../../src/widgets/why-attention/bnNotebook";
import { pick, scaleSpec } from "../../../src/widgets/score-functions/scaleModel";
import { scaleCells } from "../../../src/widgets/score-functions/scaleNotebook";
import { computeGat, gatSpec } from "../../../src/widgets/graph-attention/gatView";
import { gatCells } from "../../../src/widgets/graph-attention/gatNotebook";
import { graphPresets, encodeGraph } from "../../../src/widgets/graph-attention/graphCodec";
import { computeCost, costSpec } from "../../../src/widgets/transformer-encoder/costModel";
import { costCells } from "../../../src/widgets/transformer-encoder/costNotebook";
import { computeEncoder, encoderSpec } from "../../../src/widgets/transformer-encoder/encoderModel";
import { encoderCells } from "../../../src/widgets/transformer-encoder/encoderNotebook";
import { computePe, peSpec } from "../../../src/widgets/transformer-encoder/peModel";
import { peCells } from "../../../src/widgets/transformer-encoder/peNotebook";
import { computeXL, xlSpec } from "../../../src/widgets/beyond-the-transformer/xlModel";
import { xlCells } from "../../../src/widgets/beyond-the-transformer/xlNotebook";
import { parseOrder } from "../../../src/widgets/beyond-the-transformer/xlnetModel";
import { xlnetCells } from "../../../src/widgets/beyond-the-transformer/xlnetNotebook";
import { xlnetMasks } from "../../../lib";
import { computeWorked, workedSpec } from "../../../src/widgets/self-attention/workedModel";
import { workedCells } from "../../../src/widgets/self-attention/workedNotebook";
import { computeShl, shlSpec } from "../../../src/widgets/soft-hard-local/softHardLocalModel";
import { shlCells } from "../../../src/widgets/soft-hard-local/shlNotebook";
import { computePointer, pointerSpec } from "../../../src/widgets/pointer-networks/pointerModel";
import { pointerCells } from "../../../src/widgets/pointer-networks/pointerNotebook";
import { addressingSpec, computeAddressing } from "../../../src/widgets/neural-turing-machines/ntmModel";
import { computeCopy, copySpec } from "../../../src/widgets/neural-turing-machines/copyModel";
import { addressingCells, copyCells } from "../../../src/widgets/neural-turing-machines/ntmNotebook";
import { answerStory } from "../../../src/widgets/memory-networks/babi";
import { memSpec } from "../../../src/widgets/memory-networks/memoryModel";
import { memoryNetworkCells } from "../../../src/widgets/memory-networks/memoryNotebook";
import { computeRecall, recallSpec } from "../../../src/widgets/hopfield-networks/recallModel";
import {
  capacityCells,
  modernCells,
  recallCells,
} from "../../../src/widgets/hopfield-networks/hopfieldNotebook";
import { modernHopfield } from "../../../lib";
import { expectClose, run } from "./runCells";

describe("Open in notebook: each widget's cells recompute what it shows", () => {
  it("QKV explorer: weights and output", async () => {
    const s = { ...defaults(qkvSpec), tau: 0.5 };
    const r = computeQkv(s);
    if (!r.ok) throw new Error("default QKV state");
    const v = await run(qkvCells(s)!);
    expectClose(v.get("A"), r.result.weights);
    expectClose(v.get("H"), r.result.output);
    expect(qkvCells({ ...s, Q: "1 x" })).toBeNull();
  });

  for (const kind of KINDS) {
    it(`score explorer, ${kind}: the softmax weights over the keys`, async () => {
      const s = { ...defaults(scoreSpec), kind, formula: "-norm(q - k)^2 / d" };
      const formula = (q: number[][], K: number[][]) =>
        Float64Array.from(K, (k) => -k.reduce((a, kj, j) => a + (q[0][j] - kj) ** 2, 0) / q[0].length);
      const o = computeScores(s, formula);
      if (!o.ok) throw new Error(`default score state, ${kind}`);
      const v = await run(scoreCells(s)!);
      expectClose(v.get("alpha"), o.view.weights);
    });
  }

  it("self-attention explorer: weights and output, causal and shuffled", async () => {
    for (const over of [{}, { causal: true }, { shuffle: 3 }]) {
      const s = { ...defaults(selfAttentionSpec), ...over };
      const r = computeSelfAttention(s);
      if (!r.ok) throw new Error("default self-attention state");
      const v = await run(selfAttentionCells(s)!);
      expectClose(v.get("A"), r.result.weights);
      expectClose(v.get("H"), r.result.output);
    }
  });

  it("multi-head widget: each head's weights and the output", async () => {
    for (const heads of ["2", "4"] as const) {
      const s = { ...defaults(multiHeadSpec), heads };
      const r = computeMultiHead(s);
      if (!r.ok) throw new Error("default multi-head state");
      const v = await run(multiHeadCells(s)!);
      r.view.weightsPerHead.forEach((w, h) => expectClose(v.get(`A${h + 1}`), w));
      expectClose(v.get("O"), r.view.output);
    }
  });

  it("hierarchical attention: word weights, sentence weights and the document vector", async () => {
    for (const over of [
      {},
      { aspect: "price" as const, kappa: 7.5, seed: 3 },
      { doc: "Just one sentence here" },
    ]) {
      const s = { ...defaults(hanSpec), ...over };
      const r = computeHan(s);
      if (!r.ok) throw new Error("hierarchical state");
      const v = await run(hanCells(s)!);
      r.view.sentences.forEach((sent, i) => expectClose(v.get(`alpha${i + 1}`), sent.weights));
      expectClose(v.get("S"), r.view.sentenceVectors);
      expectClose(v.get("beta"), r.view.sentenceWeights);
      expectClose(v.get("v"), r.view.document);
    }
    expect(hanCells({ ...defaults(hanSpec), doc: "" })).toBeNull();
  });

  it("pooling widget: last, mean and attention pooling, and the convolution's two poolings", async () => {
    for (const over of [
      {},
      { aspect: "service" as const, lambda: 0, k: 1 },
      { k: 4, lambda: 0.95 },
      { text: "soup", k: 3 },
    ]) {
      const s = { ...defaults(poolSpec), ...over };
      const r = computePool(s);
      if (!r.ok) throw new Error("pooling state");
      const v = await run(poolCells(s)!);
      expectClose(v.get("H"), r.view.H);
      expectClose(v.get("hLast"), r.view.seq[0]);
      expectClose(v.get("hMean"), r.view.seq[1]);
      expectClose(v.get("alpha"), r.view.seqWeights);
      expectClose(v.get("c"), r.view.seq[2]);
      if (r.view.conv) {
        expectClose(v.get("C"), r.view.conv.map);
        expectClose(v.get("maxPooled"), r.view.conv.maxPooled);
        expectClose(v.get("beta"), r.view.conv.attWeights);
        expectClose(v.get("attPooled"), r.view.conv.attPooled);
      } else expect(v.has("C")).toBe(false);
    }
  });

  it("graph-attention editor: the selected node's scores, weights and concatenated output", async () => {
    const karate = encodeGraph(graphPresets.karate.graph);
    for (const over of [{}, { heads: 3, head: 2, node: 3 }, { g: karate, heads: 2, head: 2, node: 33 }]) {
      const s = { ...defaults(gatSpec), ...over };
      const view = computeGat(s);
      const v = await run(gatCells(s)!);
      const e = v.get("e") as number[];
      view.rows.forEach((r) => expect(e[r.j]).toBeCloseTo(r.e, 9));
      expectClose(v.get("alpha"), view.attention[view.node]);
      expectClose(v.get("h_i"), view.concat);
    }
    expect(gatCells({ ...defaults(gatSpec), g: "zz" })).toBeNull();
  });

  it("encoder step: every stage of the layer", async () => {
    for (const over of [{}, { text: "a b", seed: 9 }, { text: "one two three four five six", seed: 123 }]) {
      const s = { ...defaults(encoderSpec), ...over };
      const r = computeEncoder(s);
      if (!r.ok) throw new Error("encoder state");
      const v = await run(encoderCells(s)!);
      const res = r.parts.res;
      expectClose(v.get("X"), res.input.toArray());
      res.attention.weightsPerHead.forEach((w, h) => expectClose(v.get(`A${h + 1}`), w.toArray()));
      expectClose(v.get("M"), res.attentionOut.toArray());
      expectClose(v.get("X1"), res.norm1.toArray());
      expectClose(v.get("Z"), res.ffHiddenPre.toArray());
      expectClose(v.get("F"), res.ffHidden.toArray());
      expectClose(v.get("R2"), res.residual2.toArray());
      expectClose(v.get("Y"), res.output.toArray());
    }
    expect(encoderCells({ ...defaults(encoderSpec), text: "one" })).toBeNull();
  });

  it("positional encoding: the codes, the dot products and the chosen pair at p", async () => {
    for (const over of [{}, { n: 5, d: 2, p: 4, i: 9 }, { n: 64, d: 64, p: 63, i: 31 }]) {
      const s = { ...defaults(peSpec), ...over };
      const r = computePe(s);
      if (!r.ok) throw new Error("PE state");
      const v = await run(peCells(s)!);
      expectClose(v.get("PE"), r.view.pe);
      expectClose(v.get("sim"), r.view.sim);
      const pair = [r.view.pe[r.view.p][2 * r.view.i], r.view.pe[r.view.p][2 * r.view.i + 1]];
      expectClose(v.get("codes"), pair);
      expectClose(v.get("fromPE"), pair);
    }
    expect(peCells({ ...defaults(peSpec), d: 5 })).toBeNull();
  });

  it("layer cost: both costs and their ratio at n and d", async () => {
    for (const s of [defaults(costSpec), { n: 4096, d: 8 }, { n: 512, d: 512 }]) {
      const { at } = computeCost(s);
      const v = await run(costCells(s));
      expect(v.get("selfAttention")).toBe(at.selfAttention);
      expect(v.get("recurrent")).toBe(at.recurrent);
      expect(v.get("ratio")).toBeCloseTo(s.n / s.d, 12);
    }
  });

  it("NTM addressing: every stage, the library's weighting, the read and the write", async () => {
    for (const over of [
      {},
      { shift: "forward" as const, g: 0.3, prev: 5, gamma: 1.5 },
      { shift: "custom" as const, custom: "1 2 1", beta: 0, key: "0 0 1 1" },
    ]) {
      const s = { ...defaults(addressingSpec), ...over };
      const r = computeAddressing(s);
      if (!r.ok) throw new Error("addressing state");
      const v = await run(addressingCells(s)!);
      expectClose(v.get("w_c"), r.result.content);
      expectClose(v.get("w_g"), r.result.gated);
      expectClose(v.get("w_s"), r.result.shifted);
      expectClose(v.get("w"), r.result.sharpened);
      expectClose(v.get("w_lib"), r.result.sharpened);
      expectClose(v.get("r"), r.result.read);
      expectClose(v.get("M_after"), r.result.after);
    }
    expect(addressingCells({ ...defaults(addressingSpec), key: "1 x" })).toBeNull();
  });

  it("NTM copy task: the weighting, memory and output at the frame shown", async () => {
    for (const frame of [0, 3, 4, 6, 8]) {
      const s = { ...defaults(copySpec), frame };
      const r = computeCopy(s);
      if (!r.ok) throw new Error("copy state");
      const f = r.frames[frame];
      const v = await run(copyCells(s)!);
      if (frame > 0) expectClose(v.get(`w_${frame}`), f.w);
      expectClose(v.get(`M_${Math.min(frame, f.T)}`), f.memory);
      f.output.forEach((y, t) => (y ? expectClose(v.get(`y_${t}`), y) : expect(v.has(`y_${t}`)).toBe(false)));
    }
    expect(copyCells({ ...defaults(copySpec), slots: 2 })).toBeNull();
  });

  it("memory network: every hop's attention, output and query, and the answer's probability", async () => {
    for (const over of [
      {},
      { hops: 3 },
      {
        story: "Mary went to the kitchen.\nJohn moved to the garden.\nMary travelled to the office.",
        hops: 2,
      },
    ]) {
      const s = { ...defaults(memSpec), ...over };
      const o = answerStory(s.story, s.question, s.hops);
      if (!o.ok) throw new Error("memory network state");
      const v = await run(memoryNetworkCells(s)!);
      o.result.p.forEach((p, k) => {
        expectClose(v.get(`p_${k + 1}`), p);
        expectClose(v.get(`o_${k + 1}`), o.result.o[k]);
        expectClose(v.get(`u_${k + 2}`), o.result.u[k + 1]);
      });
      expect(v.get("confidence")).toBeCloseTo(o.result.confidence, 9);
    }
    expect(memoryNetworkCells({ ...defaults(memSpec), question: "Where is it?" })).toBeNull();
  });
});

describe("Open in notebook, chapters 1 and 3: the cells give the widget model's numbers", () => {
  it("spotlight: scores, weights and read-out", async () => {
    for (const [qx, qy] of [
      [1.2, 0.9],
      [0, 0],
      [-2.5, 0.4],
    ]) {
      const view = computeSpot(qx, qy);
      const v = await run(spotCells({ ...defaults(spotSpec), qx, qy }));
      expectClose(v.get("s"), view.scores);
      expectClose(v.get("alpha"), view.weights);
      expectClose(v.get("r"), view.readout);
    }
  });

  it("bottleneck: the means, the bound and the attention read at the selected length", async () => {
    const s = { ...defaults(bnSpec), hidden: 8, length: 5 };
    const p = measureBottleneck(s).points[4];
    const v = await run(bnCells(s));
    expectClose(v.get("R2_single"), p.singleByPosition, 9);
    expect(v.get("single")).toBeCloseTo(p.single, 9);
    expect(v.get("attn")).toBeCloseTo(p.attention, 9);
    expect(v.get("bound")).toBeCloseTo(p.bound, 12);
    // softmax(8 e_i) over 5 positions: e^8 / (e^8 + 4) on the diagonal.
    expect(v.get("self")).toBeCloseTo(Math.exp(8) / (Math.exp(8) + 4), 12);
  });

  it("√d experiment: the sampled query's largest weight and entropy, raw and scaled", async () => {
    for (const logd of [0, 4, 8]) {
      const s = { ...defaults(scaleSpec), logd, keys: 8 };
      const view = pick(s);
      const v = await run(scaleCells(s));
      expectClose(v.get("alpha"), Array.from(view.sample.weights));
      expectClose(v.get("alpha_scaled"), Array.from(view.sample.weightsScaled));
      expect(v.get("top")).toBeCloseTo(Math.max(...view.sample.weights), 9);
      expect(v.get("top_scaled")).toBeCloseTo(Math.max(...view.sample.weightsScaled), 9);
      const h = (w: Float64Array) => -Array.from(w).reduce((a, x) => a + (x > 0 ? x * Math.log(x) : 0), 0);
      expect(v.get("H")).toBeCloseTo(h(view.sample.weights), 9);
      expect(v.get("H_scaled")).toBeCloseTo(h(view.sample.weightsScaled), 9);
    }
  });

  it("Hopfield recall: the field of every neuron and the synchronous step", async () => {
    const s = { ...defaults(recallSpec), mode: "sync" as const };
    const r = computeRecall(s);
    if (!r.ok) throw new Error("recall state");
    const { patterns, states } = r.result;
    const v = await run(recallCells(patterns, states[0], 11, 0, "sync"));
    const W = r.result.weights;
    const h = Array.from({ length: 100 }, (_, i) => states[0].reduce((a, x, j) => a + W[i * 100 + j] * x, 0));
    expectClose(v.get("h"), h);
    expect(v.get("h_i")).toBeCloseTo(h[11], 12);
    expectClose(v.get("s_next"), Array.from(states[1]));
  });

  it("modern Hopfield: every update up to the one shown, and past 12 updates only the last", async () => {
    const r = computeRecall(defaults(recallSpec));
    if (!r.ok) throw new Error("recall state");
    const X = r.result.patterns;
    const query = r.result.start;
    for (const steps of [1, 3, 20]) {
      const run2 = modernHopfield(X, [query], { beta: 0.05, steps });
      const prev = steps > 1 ? Array.from(run2.history.xi[steps - 2].row(0)) : query;
      const v = await run(modernCells(X, query, prev, 0.05, steps, 40));
      expectClose(v.get(`p_${steps}`), Array.from(run2.history.p[steps - 1].row(0)), 7);
      expectClose(v.get(`xi_${steps}`), Array.from(run2.xi.row(0)), 7);
      expect(v.get("xi_j")).toBeCloseTo(run2.xi.row(0)[40], 7);
    }
  });

  it("Hopfield capacity: the loads and the exact-recall capacity", async () => {
    const v = await run(
      capacityCells(
        100,
        [
          { patterns: 2, successRate: 1 },
          { patterns: 14, successRate: 0.75 },
        ],
        4,
      ),
    );
    expectClose(v.get("load"), [0.02, 0.14]);
    expect(v.get("capacity")).toBeCloseTo(100 / (2 * Math.log(100)), 12);
    expectClose(v.get("recalled"), [1, 0.75]);
  });
});

describe("Open in notebook, chapter 11: the masks from index grids", () => {
  it("Transformer-XL: the mask over [memory; segment], keys per query and the reach", async () => {
    for (const over of [{}, { step: 0 }, { seg: 8, layers: 6, step: 5 }, { seg: 2, layers: 1, step: 1 }]) {
      const s = { ...defaults(xlSpec), ...over };
      const view = computeXL(s);
      const v = await run(xlCells(s));
      expect(v.get("mask")).toEqual(view.mask);
      expect(v.get("keys")).toEqual(view.mask.map((r) => r.filter(Boolean).length));
      expect(v.get("reach")).toBe(view.total);
    }
  });

  it("XLNet: the ranks and both masks of an order", async () => {
    for (const order of ["3 2 4 1", "1 2", "2 4 1 3", "8 1 7 2 6 3 5 4"]) {
      const parsed = parseOrder(order);
      if (!parsed.ok) throw new Error(order);
      const m = xlnetMasks(parsed.order);
      const v = await run(xlnetCells({ order })!);
      expectClose(v.get("rank"), [m.rank.map((r) => r + 1)]);
      expect(v.get("content")).toEqual(m.content);
      expect(v.get("query")).toEqual(m.query);
    }
    expect(xlnetCells({ order: "1 1 2" })).toBeNull();
  });
});

describe("Open in notebook, chapter 5: the worked example", () => {
  it("raw and scaled scores and the weights, at every d_k", async () => {
    for (const dk of ["4", "64", "1024"] as const) {
      for (const [s1, s2] of [
        [112, 96],
        [3, -7.5],
      ]) {
        const s = { ...defaults(workedSpec), dk, s1, s2 };
        const r = computeWorked(s);
        const v = await run(workedCells(s));
        expectClose(v.get("raw"), [r.raw], 9);
        expectClose(v.get("scaled"), [r.scaled], 12);
        expectClose(v.get("alpha"), [r.weights], 12);
        expectClose(v.get("A"), [r.weights], 12);
      }
    }
  });
});

describe("Open in notebook, chapters 6 and 7: soft/hard/local and the pointer", () => {
  it("soft, hard and local modes: the cells give the model's weights", async () => {
    for (const over of [
      { mode: "soft" as const },
      { mode: "hard" as const, n: 50 },
      { mode: "local" as const },
      { mode: "local" as const, p: 0, D: 1 },
      { mode: "local" as const, p: 4.5, D: 3 },
      { mode: "local" as const, p: 7, D: 6 },
    ]) {
      const s = { ...defaults(shlSpec), ...over };
      const o = computeShl(s);
      if (!o.ok) throw new Error("default soft/hard/local state");
      const r = o.result;
      const v = await run(shlCells(s)!);
      expectClose(v.get("alpha"), r.soft);
      if (s.mode === "hard") {
        expectClose(
          v.get("hard"),
          r.soft.map((_, j) => (j === r.argmax ? 1 : 0)),
        );
        expectClose(v.get("freq"), r.freq);
      }
      if (s.mode === "local") {
        expectClose(v.get("align"), r.local!.align);
        expectClose(v.get("gauss"), r.local!.gaussian);
        expectClose(v.get("a"), r.local!.weights);
        expect(v.get("mass")).toBeCloseTo(r.local!.mass, 12);
      }
    }
    expect(shlCells({ ...defaults(shlSpec), scores: "1 x" })).toBeNull();
  });

  it("pointer: the selected step's scores and masked softmax, ascending and descending", async () => {
    for (const over of [
      {},
      { step: 3 },
      { step: 6, order: "descending" as const },
      { xs: "3 3.1 8", beta: 2, step: 2 },
      { xs: "4 4 4", step: 2 },
    ]) {
      const s = { ...defaults(pointerSpec), ...over };
      const o = computePointer(s);
      if (!o.ok) throw new Error("pointer state");
      const t = Math.min(s.step, o.view.xs.length) - 1;
      const v = await run(pointerCells(s)!);
      expectClose(v.get("u"), o.view.scores[t]);
      expectClose(v.get("p"), o.view.probs[t]);
    }
    expect(pointerCells({ ...defaults(pointerSpec), xs: "" })).toBeNull();
  });
});
