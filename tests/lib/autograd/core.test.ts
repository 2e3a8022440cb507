import { describe, expect, it } from "vitest";
import * as ag from "../../../lib/autograd/index";
import { rng } from "../../../lib/core/random";
import { gradCheck } from "./gradcheck";

describe("autograd core", () => {
  it("accumulates a gradient used twice (x·x)", () => {
    const x = ag.param([[3, -1]]);
    ag.sum(ag.mul(x, x)).backward();
    expect(Array.from(x.grad ?? [])).toEqual([6, -2]);
  });

  it("records no graph for constants", () => {
    const y = ag.tanh(ag.constant([[1, 2]]));
    expect(y.requiresGrad).toBe(false);
    expect(y.backwardFn).toBeNull();
  });

  it("recomputes intermediate gradients on a second backward, accumulates leaves", () => {
    const x = ag.param([[2]]);
    const y = ag.scale(x, 3);
    const z = ag.sum(y);
    z.backward();
    z.backward();
    expect(Array.from(y.grad ?? [])).toEqual([1]);
    expect(Array.from(x.grad ?? [])).toEqual([6]);
  });

  it("detach shares the values and cuts the graph", () => {
    const w = ag.param([[1, 2]]);
    const d = ag.detach(w);
    expect(d.data).toBe(w.data);
    ag.sum(ag.mul(w, d)).backward();
    expect(Array.from(w.grad ?? [])).toEqual([1, 2]);
  });

  it("clips by value, by global norm and per parameter, in place", () => {
    const a = ag.param([[0, 0]]);
    const b = ag.param([[0]]);
    const set = () => {
      a.grad = new Float64Array([3, 4]);
      b.grad = new Float64Array([12]);
    };
    set();
    expect(ag.clipGradientsByNorm([a, b], 1)).toEqual([13]);
    expect(Math.hypot(...(a.grad ?? []), ...(b.grad ?? []))).toBeCloseTo(13 / (13 + 1e-6), 12);
    set();
    expect(ag.clipGradientsByNorm([a, b], 1, { perParameter: true })).toEqual([5, 12]);
    expect(Math.hypot(...(a.grad ?? []))).toBeCloseTo(5 / (5 + 1e-6), 12);
    expect(Math.abs(b.grad?.[0] ?? 0)).toBeCloseTo(12 / (12 + 1e-6), 12);
    set();
    ag.clipGradientsByValue([a, b], 3.5);
    expect([...(a.grad ?? []), ...(b.grad ?? [])]).toEqual([3, 3.5, 3.5]);
  });

  it("optimisers refuse what torch refuses, and skip a parameter without a gradient", () => {
    const p = ag.param([[1]]);
    expect(() => new ag.SGD([p], { lr: 0 })).toThrow(/lr/);
    expect(() => new ag.SGD([p], { lr: 0.1, nesterov: true })).toThrow(/Nesterov/);
    expect(() => new ag.Adam([p], { beta2: 1 })).toThrow(/beta2/);
    expect(() => new ag.Adam([ag.tanh(p)])).toThrow(/leaf/);
    const opt = new ag.Adam([p], { lr: 0.1 });
    opt.step();
    expect(p.data[0]).toBe(1);
  });

  it("asks for a seed when the output is not 1×1", () => {
    expect(() => ag.param([[1, 2]]).backward()).toThrow(/seed/);
  });

  it("refuses a fully masked softmax row and an empty average instead of a silent NaN", () => {
    const x = ag.constant([
      [1, 2],
      [3, 4],
    ]);
    expect(() => ag.softmax(x, { mask: [1, 1, 0, 0] })).toThrow(/row 1/);
    expect(() => ag.logSoftmax(x, { mask: [0, 0, 1, 1] })).toThrow(/row 0/);
    expect(ag.softmax(x, { mask: [1, 1, 0, 0], emptyRow: "zero" }).toArray()[1]).toEqual([0, 0]);
    expect(ag.softmax(x, { mask: [1, 1, 0, 0], emptyRow: "uniform" }).toArray()[1]).toEqual([0.5, 0.5]);
    expect(() => ag.crossEntropy(x, [-1, -1])).toThrow(/ignored/);
    expect(() => ag.crossEntropy(x, [0, 1], { mask: [1, 0, 1, 0] })).toThrow(/target 1 is 1.*mask/);
    expect(() => ag.crossEntropy(x, [0, 1], { mask: [1, 1, 1] })).toThrow(/3 entries.*2×2/);
  });

  it("masked cross-entropy is the loss over the allowed classes only, with no gradient to the others", () => {
    // Row 0 allows classes 0 and 1 of logits [0, ln 3, 100]: p = [1/4, 3/4, 0].
    const z = ag.param([[0, Math.log(3), 100]]);
    const loss = ag.crossEntropy(z, [1], { mask: [true, true, false] });
    expect(loss.item()).toBeCloseTo(-Math.log(0.75), 14);
    loss.backward();
    const g = Array.from(z.grad ?? []);
    expect(g[0]).toBeCloseTo(0.25, 14);
    expect(g[1]).toBeCloseTo(-0.25, 14);
    expect(g[2]).toBe(0);
    // The ignore index still works, given as a number or in the options.
    const two = ag.constant([
      [5, 1, 2],
      [0, Math.log(3), 100],
    ]);
    const row1 = ag.crossEntropy(ag.constant([[0, Math.log(3), 100]]), [0]).item();
    expect(ag.crossEntropy(two, [7, 0], 7).item()).toBe(row1);
    expect(ag.crossEntropy(two, [7, 0], { ignoreIndex: 7 }).item()).toBe(row1);
    expect(() => ag.mean(ag.zeros(0, 3))).toThrow(/nothing to average/);
  });

  it("names both shapes on a matmul mismatch", () => {
    expect(() => ag.matmul(ag.constant([[1, 2]]), ag.constant([[1, 2]]))).toThrow(/1×2.*1×2/);
  });

  it("matches central differences for matmul in every transpose combination", () => {
    const r = rng(5);
    const m = (n: number, k: number) =>
      Array.from({ length: n }, () => Array.from({ length: k }, () => r.normal()));
    expect(gradCheck(([a, b]) => ag.matmul(a, b), [m(3, 4), m(4, 2)])).toBeLessThan(1e-7);
    expect(gradCheck(([a, b]) => ag.matmul(a, b, false, true), [m(3, 4), m(2, 4)])).toBeLessThan(1e-7);
    expect(gradCheck(([a, b]) => ag.matmul(a, b, true, false), [m(4, 3), m(4, 2)])).toBeLessThan(1e-7);
    expect(gradCheck(([a, b]) => ag.matmul(a, b, true, true), [m(4, 3), m(2, 4)])).toBeLessThan(1e-7);
  });

  it("the gradient check itself catches a wrong backward rule", () => {
    // y = x², with a backward rule that forgets the factor 2.
    const square = ([x]: ag.Tensor[]) => {
      const y = new Float64Array(x.data.length).map((_, i) => x.data[i] ** 2);
      return ag.result(x.rows, x.cols, y, [x], (o) => {
        const g = ag.gradOf(x);
        for (let i = 0; i < g.length; i++) g[i] += (o.grad as Float64Array)[i] * x.data[i];
      });
    };
    expect(gradCheck(square, [[[1, -2, 3]]])).toBeGreaterThan(0.1);
  });

  it("trains: a GRU step and Adam lower a loss", () => {
    const r = rng(2);
    const H = 4;
    const w = {
      weightIh: ag.uniformParam(3 * H, 2, r, 0.5),
      weightHh: ag.uniformParam(3 * H, H, r, 0.5),
      biasIh: ag.zeros(1, 3 * H, true),
      biasHh: ag.zeros(1, 3 * H, true),
    };
    const out = ag.uniformParam(2, H, r, 0.5);
    const params = [w.weightIh, w.weightHh, w.biasIh, w.biasHh, out];
    const opt = new ag.Adam(params, { lr: 0.05 });
    const x = ag.constant([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const loss = () => ag.crossEntropy(ag.linear(ag.gruCell(x, ag.zeros(3, H), w), out), [0, 1, 0]);
    const first = loss().item();
    for (let k = 0; k < 30; k++) {
      opt.zeroGrad();
      loss().backward();
      opt.step();
    }
    expect(loss().item()).toBeLessThan(first / 2);
  });
});
