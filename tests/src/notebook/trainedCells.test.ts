/**
 * Open in notebook for trained widgets: the cells a trained model's widget gives (its worker's
 * numbers carried, the rest recomputed) give, in the notebook engine, the numbers the widget shows,
 * and the live equation writes those numbers.
 */
import { describe, expect, it } from "vitest";
import { BABI_VOCAB } from "../../../lib/models/babiTask";
import { createMemoryNetwork } from "../../../lib/models/memoryNetwork";
import { fixed, sig } from "../../../src/widgets/primitives/format";
import { trainedHopTex, trainedMemoryCells } from "../../../src/widgets/memory-networks/trainedHopEquation";
import { GRAPH_NETS, createNodeClassifier } from "../../../lib/models/nodeClassification";
import { KARATE_TASK } from "../../../src/data/karate";
import { karateCells, karateSummary, karateTex } from "../../../src/widgets/graph-attention/karateEquation";
import { CLIP_MODES, createClippingModel } from "../../../lib/models/clipping";
import { clipGradNorm, clipGradValue } from "../../../lib/training/gradClip";
import {
  clipCells,
  clipNumbers,
  clipSummary,
  clipTex,
  num,
} from "../../../src/widgets/training-attention/clipEquation";
import { createPointerNetModel } from "../../../lib/models/pointerNet";
import { ptrNetCells, ptrNetTex } from "../../../src/widgets/pointer-networks/trainPointerEquation";
import { createInductionModel } from "../../../lib/models/induction";
import {
  headScores,
  inductionCells,
  inductionTex,
} from "../../../src/widgets/multi-head-attention/inductionEquation";
import { texVector } from "../../../src/widgets/primitives/texNumbers";
import { createReversalModel } from "../../../lib/models/reversal";
import {
  reverseCells,
  reverseSummary,
  reverseTex,
  writtenToken,
} from "../../../src/widgets/seq2seq-attention/reverseEquation";
import { expectClose, run } from "./runCells";

describe("Open in notebook and the live equation, trained widgets", () => {
  it("trained memory network: every hop's attention, the queries and the answer", async () => {
    const m = createMemoryNetwork(3, { task: 2, hops: 3, batch: 8 });
    for (let s = 0; s < 5; s++) m.trainStep(m.nextBatch());
    const story = {
      sentences: [
        "Daniel went to the kitchen.",
        "Daniel grabbed the apple.",
        "Mary moved to the office.",
        "Daniel travelled to the garden.",
      ],
      question: "Where is the apple?",
    };
    const out = m.query(story);
    const cells = trainedMemoryCells(out, 5);
    expect(cells[0]).toMatch(/^# The trained memory network at training step 5/);
    // Adjacent tying: hop k+1's input memories are hop k's output memories, carried once.
    expect(cells).toContain("m_2 = c_1");
    const v = await run(cells);
    out.attention.forEach((p, k) => expectClose(v.get(`p_${k + 1}`), p));
    out.u.forEach((u, k) => expectClose(v.get(`u_${k + 1}`), u));
    expectClose(v.get("probs"), out.probs);
    expect(BABI_VOCAB.indexOf(out.answer)).toBe(out.probs.indexOf(Math.max(...out.probs.slice(1))));

    // The equation of hop 2, sentence 3: its score, weight and next query, as the widget prints them.
    const tex = trainedHopTex(out, 2, 3);
    const score = out.inputMemory[1][2].reduce((a, x, j) => a + x * out.u[1][j], 0);
    expect(tex).toContain(`u^{2\\top} m^{2}_{3} &= ${fixed(score, 3)}`);
    expect(tex).toContain(`p^{2}_{3} &= \\frac{\\exp(${fixed(score, 3)})}`);
    expect(tex).toContain(`= ${fixed(out.attention[1][2], 3)}`);
    expect(tex).toContain(
      `u^{3} &= u^{2} + o^{2} = \\left[${out.u[2].map((x) => fixed(x, 3)).join(",\\ ")}\\right]`,
    );
    // Only the last hop writes the answer; a hop or slot past the story's is clamped.
    expect(tex).not.toContain("\\hat a");
    expect(trainedHopTex(out, 3, 12)).toContain(`m^{3}_{4}`);
    expect(trainedHopTex(out, 3, 1)).toContain(`P(\\text{${out.answer}})`);
  });

  it("trained reversal: an output step's energies and the weights recomputed from them", async () => {
    for (const attention of ["bahdanau", "luong"] as const) {
      // The widget's model (default sizes), three steps in, on its probe and on a reader's input.
      const m = createReversalModel(1, { attention });
      for (let s = 0; s < 3; s++) m.trainStep(m.nextBatch());
      for (const out of [m.probe(), m.query([2, 7, 1])]) {
        expect(out.attention.length).toBeGreaterThan(0);
        for (const t of new Set([1, out.attention.length])) {
          const cells = reverseCells(out, t, 3);
          expect(cells[0]).toMatch(
            new RegExp(
              `^# The trained reversal model at training step 3, input ${out.input.join(" ")}, output step ${t} \\(it wrote ${writtenToken(out, t)}\\)`,
            ),
          );
          const v = await run(cells);
          // The energies are carried as computed; the weights the widget draws come back from them.
          expectClose(v.get("e"), out.scores[t - 1]);
          expectClose(v.get("alpha"), out.attention[t - 1]);
          // softmax by hand, independently of the engine and of lib/.
          const ex = out.scores[t - 1].map(Math.exp);
          const z = ex.reduce((a, x) => a + x, 0);
          expectClose(
            v.get("alpha"),
            ex.map((x) => x / z),
          );
          // The equation and its summary write the same weights, to three decimals.
          const a = out.attention[t - 1];
          const top = a.indexOf(Math.max(...a));
          expect(reverseTex(out, t, attention)).toContain(texVector(a, (x) => fixed(x, 3)));
          expect(reverseSummary(out, t)).toBe(
            `Output step ${t} writes ${writtenToken(out, t)} with its largest weight, ${fixed(a[top], 3)}, on input position ${top + 1} (digit ${out.input[top]}).`,
          );
        }
      }
    }
  });

  it("trained karate club: a member's first-layer weights in GAT, GATv2 and GCN", async () => {
    const m = createNodeClassifier(1, { task: KARATE_TASK, labelled: [0, 33] });
    for (let s = 0; s < 10; s++) m.trainStep(m.nextBatch());
    const answer = m.query({ node: 33 });
    expect(answer.neighbours.length).toBe(18);
    for (const net of GRAPH_NETS) {
      const v = await run(karateCells(answer, net, 10));
      expectClose(v.get(net === "gcn" ? "c" : "alpha"), answer.nets[net].weight);
      if (net !== "gcn") expectClose(v.get("e"), answer.nets[net].score!);
      // The equation writes the widget's weights, to the table's three decimals.
      const tex = karateTex(answer, net);
      const w = answer.nets[net].weight;
      expect(tex).toContain(`\\left[${w.map((x) => sig(x, 3)).join(",\\ ")}\\right]`);
    }
    // GCN's fixed weights: member 34 (d̃ = 18) and member 9 (d̃ = 6).
    const nine = answer.neighbours.indexOf(8);
    expect(answer.nets.gcn.weight[nine]).toBeCloseTo(1 / Math.sqrt(18 * 6), 12);
    expect(karateTex(answer, "gcn")).toContain("\\tilde d_j &= \\left[18,\\ ");
    // GAT's score for the top neighbour from its query and key terms, as the equation writes it.
    const { Wh, a } = answer.layer.gat;
    const q = a.slice(0, 8).reduce((t, x, f) => t + x * Wh[0][f], 0);
    expect(karateTex(answer, "gat")).toContain(`a_1^\\top W h_{34} &= ${sig(q, 3)}`);
    // The carried numbers give the model's scores (LeakyReLU slope 0.2), computed here by hand.
    const leaky = (z: number) => (z > 0 ? z : 0.2 * z);
    Wh.forEach((r, t) => {
      const k = a.slice(8).reduce((s, x, f) => s + x * r[f], 0);
      expect(leaky(q + k)).toBeCloseTo(answer.nets.gat.score![t], 12);
    });
    const v2 = answer.layer.gatv2;
    v2.k.forEach((r, t) => {
      const e = v2.a.reduce((s, x, f) => s + x * leaky(v2.q[f] + r[f]), 0);
      expect(e).toBeCloseTo(answer.nets.gatv2.score![t], 12);
    });
    expect(karateTex(answer, "gatv2")).not.toMatch(/\+ -|\\cdot -/);
    // GCN's largest fixed weight ties among member 34's degree-2 friends (d̃ = 3): the summary names
    // them all, from the degrees counted here, not only the first.
    const edges = KARATE_TASK.edges;
    const degree = (n: number) => edges.filter(([x, y]) => x === n || y === n).length;
    const tied = answer.neighbours.filter((j) => j !== 33 && degree(j) === 2).map((j) => j + 1);
    expect(tied.length).toBeGreaterThan(1);
    expect(karateSummary(answer, "gcn")).toContain(
      `is on members ${tied.slice(0, -1).join(", ")} and ${tied.at(-1)} (a ${tied.length}-way tie).`,
    );
    expect(karateSummary(answer, "gat")).not.toContain("tie");
  });

  it("clipping lab: each run's gradient norm and clipping at its last step", async () => {
    const c = 0.5;
    const m = createClippingModel(1, { cell: "janet", threshold: c, optimizer: "sgd", length: 20 });
    for (let s = 0; s < 2; s++) m.trainStep(m.nextBatch());
    const view = m.probe();
    for (const mode of CLIP_MODES) {
      const r = view[mode];
      const n = clipNumbers(r, mode, c);
      expect(n.norm).toBeCloseTo(r.totalNorm, 12);
      // The rule as the library (torch's semantics) applies it, on the carried gradient.
      const grads = r.grads.map((g) => g.value.flat());
      const byNorm = clipGradNorm(grads, c);
      const byValue = clipGradValue(grads, c).flat();
      if (mode === "norm") expect(n.coef).toBeCloseTo(byNorm.coef, 12);
      if (mode === "value")
        expect(n.after).toBeCloseTo(Math.sqrt(byValue.reduce((t, x) => t + x * x, 0)), 12);
      const v = await run(clipCells(r, mode, c, 2, `clip-${mode} run`)!);
      expect(v.get("g_norm")).toBeCloseTo(n.norm, 9);
      if (mode !== "none") expect(v.get("clipped_norm")).toBeCloseTo(n.after, 9);
      if (mode === "norm") expect(v.get("coef")).toBeCloseTo(n.coef, 9);
      if (mode === "value") {
        expect(n.clipped).toBeGreaterThan(0);
        expect(v.get("clipped")).toBe(n.clipped);
        expect(v.get("cosine")).toBeCloseTo(n.cos, 9);
      }
      // The equation writes the norm the run's table prints.
      expect(clipTex(r, mode, c, 2)).toContain(`= ${num(r.totalNorm)} \\quad \\text{(step 2`);
    }
    expect(clipNumbers(view.norm, "norm", c).after).toBeCloseTo(Math.min(c, view.norm.totalNorm), 5);
    // A diverged run's equation and summary say what overflowed, as the model decided it.
    const stopped = (divergedBy: "gradient" | "training loss" | "held-out loss") =>
      ({ ...view.none, divergedAt: 7, divergedBy }) as const;
    expect(clipTex(stopped("gradient"), "none", c, 7)).toContain(
      "\\text{step } 7 &: \\lVert g \\rVert \\text{ is not finite}",
    );
    expect(clipTex(stopped("training loss"), "none", c, 7)).toContain("the training loss is not finite");
    const heldOut = clipTex(stopped("held-out loss"), "none", c, 7);
    expect(heldOut).toContain("\\text{after step } 7 &: \\text{the held-out loss is not finite");
    expect(heldOut).toContain(`\\lVert g \\rVert = ${num(view.none.totalNorm)}`);
    expect(clipSummary(stopped("held-out loss"), "none", c, 7)).toBe(
      `This run diverged at step 7: its held-out loss after that step is not finite, although that step's gradient was (‖g‖ = ${num(view.none.totalNorm)}).`,
    );
    // A prediction or norm prints with four decimals whatever its sign; only tiny sizes in exponent form.
    expect([-0.17, 0, 0.5, -0.0004, 0.0004, NaN].map(num)).toEqual([
      "-0.1700",
      "0.0000",
      "0.5000",
      "-4.0e-4",
      "4.0e-4",
      "–",
    ]);
  });

  it("pointer network: the scores and the masked pointer of a step, with and without the mask", async () => {
    for (const mask of [true, false]) {
      const out = createPointerNetModel(1, { mask }).sort([0.62, 0.18, 0.91, 0.44, 0.07, 0.5]);
      for (const t of mask ? [1, 3] : [2]) {
        const v = await run(ptrNetCells(out, t, 1));
        // The weights and states are carried to 10 significant digits.
        expectClose(v.get("u"), out.scores.u[t - 1], 7);
        expectClose(v.get("p"), out.pointers[t - 1], 7);
        // The equation writes the pointer the readout and the table show.
        expect(ptrNetTex(out, t)).toContain(texVector(out.pointers[t - 1], (x) => fixed(x, 3)));
        // The softmax excludes the chosen positions only when the mask is on.
        expect(ptrNetTex(out, t).includes("\\notin y_{<")).toBe(mask);
      }
    }
  });

  it("induction heads: the selected head's scores and weights, and the query's row, in both layers", async () => {
    const out = createInductionModel(1).probe();
    for (const pick of [
      { layer: 0, head: 1, query: 4 },
      { layer: 1, head: 0, query: 19 },
    ]) {
      const v = await run(inductionCells(out, pick, 1));
      const row = out.attention[pick.layer][pick.head][pick.query].slice(0, pick.query + 1);
      // The weights and the layer's input are carried to 10 significant digits.
      expectClose(v.get("A"), out.attention[pick.layer][pick.head], 7);
      expectClose(v.get("alpha"), row, 7);
      const s = headScores(out, pick).s;
      expectClose((v.get("S") as number[][])[pick.query].slice(0, pick.query + 1), s, 7);
      // A short row writes every weight, as the head table prints them; a long one its largest.
      const tex = inductionTex(out, pick);
      if (row.length <= 8) expect(tex).toContain(texVector(row, (x) => fixed(x, 2)));
      else expect(tex).toContain(`= ${fixed(Math.max(...row), 2)}\\ (s = `);
      // Every weight in the equation carries its layer and head, α^{(ℓ,h)}, like the scores s^{(ℓ,h)}.
      expect(tex).not.toContain("\\alpha_{");
    }
  });
});
