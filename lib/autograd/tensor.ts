import { Matrix, type MatrixLike, type VectorLike, asMatrix, shapeOf } from "../core/matrix";
import type { Rng } from "../core/random";

/** The backward rule of one operation: reads `out.grad` and adds into its inputs' gradients. */
export type BackwardFn = (out: Tensor) => void;

/**
 * A node of the reverse-mode graph: a dense row-major matrix value, its gradient and, for the
 * result of an operation, the inputs and the rule that sends the gradient back to them.
 *
 * A tensor that requires a gradient and has no backward rule is a leaf (a parameter): its `grad`
 * accumulates over `backward()` calls until `zeroGrad()`, as in PyTorch. An operation whose
 * inputs need no gradient records no graph (inference costs no closures).
 *
 * $$\bar{x} = \frac{\partial L}{\partial x} = \sum_{y \,\in\, \mathrm{children}(x)} \bar{y}\, \frac{\partial y}{\partial x}$$
 *
 * @example
 * const x = autograd.param([[1, 2]]);
 * autograd.sum(autograd.mul(x, x)).backward();
 * Array.from(x.grad ?? []);
 * // returns [2, 4]
 *
 * @see {@link param}, {@link constant}
 */
export class Tensor {
  readonly rows: number;
  readonly cols: number;
  /** Row-major values, length rows·cols. */
  readonly data: Float64Array;
  /** ∂L/∂(this), row-major; null until a backward pass reaches this tensor. */
  grad: Float64Array | null = null;
  readonly requiresGrad: boolean;
  /** The inputs of the operation that made this tensor (empty for a leaf). */
  readonly parents: readonly Tensor[];
  /** The operation's backward rule (null for a leaf or a constant). */
  readonly backwardFn: BackwardFn | null;

  constructor(
    rows: number,
    cols: number,
    data: Float64Array,
    requiresGrad = false,
    parents: readonly Tensor[] = [],
    backwardFn: BackwardFn | null = null,
  ) {
    if (data.length !== rows * cols) {
      throw new RangeError(`Tensor: data of length ${data.length} does not fit shape ${rows}×${cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.requiresGrad = requiresGrad;
    this.parents = parents;
    this.backwardFn = backwardFn;
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** The value as a `Matrix` view (no copy). */
  get value(): Matrix {
    return new Matrix(this.rows, this.cols, this.data);
  }

  /** The gradient as a `Matrix` (zeros when no gradient has reached this tensor). */
  get gradValue(): Matrix {
    return new Matrix(this.rows, this.cols, this.grad ?? new Float64Array(this.data.length));
  }

  /** The single value of a 1×1 tensor. */
  item(): number {
    if (this.data.length !== 1)
      throw new RangeError(`item: the tensor is ${this.rows}×${this.cols}, not 1×1`);
    return this.data[0];
  }

  toArray(): number[][] {
    return this.value.toArray();
  }

  /** Forget the gradient (a leaf's accumulated gradient starts again from zero). */
  zeroGrad(): void {
    this.grad = null;
  }

  /**
   * Run the backward pass from this tensor. `seed` is ∂L/∂(this); it may be left out only for a
   * 1×1 tensor (then it is 1). Leaves accumulate; every intermediate gradient is recomputed.
   */
  backward(seed?: MatrixLike | VectorLike | number): void {
    const order = topologicalOrder(this);
    for (const t of order) if (t.backwardFn) t.grad = null;
    this.grad = seedGradient(this, seed);
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i];
      if (t.backwardFn && t.grad) t.backwardFn(t);
    }
  }
}

/** Every tensor that needs a gradient and that `root` depends on, inputs before outputs. */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  // Iterative depth-first search: a long BPTT chain would overflow a recursive one.
  const stack: Array<[Tensor, number]> = [[root, 0]];
  seen.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [t, k] = top;
    if (k < t.parents.length) {
      top[1] = k + 1;
      const p = t.parents[k];
      if (p.requiresGrad && !seen.has(p)) {
        seen.add(p);
        stack.push([p, 0]);
      }
    } else {
      stack.pop();
      order.push(t);
    }
  }
  return order;
}

function seedGradient(t: Tensor, seed: MatrixLike | VectorLike | number | undefined): Float64Array {
  const n = t.data.length;
  if (seed === undefined) {
    if (n !== 1) {
      throw new RangeError(`backward: the output is ${t.rows}×${t.cols}; give a seed gradient of that shape`);
    }
    return new Float64Array([1]);
  }
  if (typeof seed === "number") return new Float64Array(n).fill(seed);
  const flat =
    seed instanceof Matrix || (Array.isArray(seed) && Array.isArray(seed[0]))
      ? asMatrix(seed as MatrixLike).data
      : Float64Array.from(seed as VectorLike);
  if (flat.length !== n) {
    throw new RangeError(
      `backward: the seed has ${flat.length} entries but the output is ${t.rows}×${t.cols} (${n} entries)`,
    );
  }
  return flat.slice();
}

/**
 * Make the result of an operation. When no input needs a gradient the result is a constant and
 * no graph is kept.
 *
 * $$y = f(x_1, \dots, x_k),\qquad \bar{x}_i \mathrel{+}= \bar{y}\,\partial f / \partial x_i$$
 *
 * @example
 * const a = autograd.param([[1]]);
 * autograd.result(1, 1, new Float64Array([2]), [a], (o) => autograd.gradOf(a)[0] += 2 * o.grad[0]).requiresGrad;
 * // returns true
 */
export function result(
  rows: number,
  cols: number,
  data: Float64Array,
  parents: readonly Tensor[],
  backwardFn: BackwardFn,
): Tensor {
  let needs = false;
  for (const p of parents) if (p.requiresGrad) needs = true;
  return needs ? new Tensor(rows, cols, data, true, parents, backwardFn) : new Tensor(rows, cols, data);
}

/**
 * The gradient buffer of `t`, created as zeros on first use; backward rules add into it.
 *
 * $$\bar{t} \leftarrow \bar{t} \text{ or } 0$$
 *
 * @example
 * autograd.gradOf(autograd.param([[1, 2]])).length;
 * // returns 2
 */
export function gradOf(t: Tensor): Float64Array {
  if (t.grad === null) t.grad = new Float64Array(t.data.length);
  return t.grad;
}

/**
 * Add `g` (same length as `t`) into `t`'s gradient; nothing when `t` needs no gradient.
 * With `owned`, the array may become the gradient buffer itself (it must be fresh).
 *
 * $$\bar{t} \mathrel{+}= g$$
 *
 * @example
 * const t = autograd.param([[1, 2]]); autograd.addGrad(t, new Float64Array([3, 4])); Array.from(t.grad ?? []);
 * // returns [3, 4]
 */
export function addGrad(t: Tensor, g: Float64Array, owned = false): void {
  if (!t.requiresGrad) return;
  if (t.grad === null) {
    t.grad = owned ? g : g.slice();
    return;
  }
  const d = t.grad;
  for (let i = 0; i < d.length; i++) d[i] += g[i];
}

function toData(x: MatrixLike | VectorLike | number): { rows: number; cols: number; data: Float64Array } {
  if (typeof x === "number") return { rows: 1, cols: 1, data: new Float64Array([x]) };
  if (x instanceof Matrix) return { rows: x.rows, cols: x.cols, data: x.data.slice() };
  if (Array.isArray(x) && x.length > 0 && typeof x[0] !== "number") {
    const m = asMatrix(x as MatrixLike);
    return { rows: m.rows, cols: m.cols, data: m.data };
  }
  const v = Float64Array.from(x as VectorLike);
  return { rows: 1, cols: v.length, data: v };
}

/**
 * A trainable leaf (requires a gradient) holding a copy of the given values. A vector becomes a
 * 1×d row; a number becomes 1×1.
 *
 * $$\theta \in \mathbb{R}^{n \times d}$$
 *
 * @example
 * autograd.param([1, 2, 3]).shape;
 * // returns [1, 3]
 *
 * @see {@link constant}
 */
export function param(x: MatrixLike | VectorLike | number): Tensor {
  const { rows, cols, data } = toData(x);
  return new Tensor(rows, cols, data, true);
}

/**
 * A constant (no gradient) holding a copy of the given values. A vector becomes a 1×d row.
 *
 * $$x \in \mathbb{R}^{n \times d}$$
 *
 * @example
 * autograd.constant([[1, 2], [3, 4]]).requiresGrad;
 * // returns false
 *
 * @see {@link param}
 */
export function constant(x: MatrixLike | VectorLike | number): Tensor {
  const { rows, cols, data } = toData(x);
  return new Tensor(rows, cols, data, false);
}

/**
 * The same values without a gradient: a constant that shares `x`'s data (no copy), so a forward
 * pass through it (inference, a probe while training) records no graph and sends nothing back.
 *
 * $$\mathrm{detach}(x) = x,\qquad \bar{x} \mathrel{+}= 0$$
 *
 * @example
 * const w = autograd.param([[2]]);
 * autograd.tanh(autograd.detach(w)).requiresGrad;
 * // returns false
 *
 * @see {@link constant}
 */
export function detach(x: Tensor): Tensor {
  return new Tensor(x.rows, x.cols, x.data);
}

/**
 * A rows×cols tensor of zeros (a parameter when `requiresGrad`).
 *
 * $$0 \in \mathbb{R}^{n \times d}$$
 *
 * @example
 * autograd.zeros(2, 3).data.length;
 * // returns 6
 */
export function zeros(rows: number, cols: number, requiresGrad = false): Tensor {
  return new Tensor(rows, cols, new Float64Array(rows * cols), requiresGrad);
}

/**
 * A parameter drawn uniformly from [−bound, bound) with a seeded generator (PyTorch's default for
 * `nn.Linear`, `nn.GRU` and `nn.LSTM` is bound = 1/√fan_in or 1/√H).
 *
 * $$\theta_{ij} \sim \mathcal{U}(-b, b)$$
 *
 * @example
 * const t = autograd.uniformParam(3, 4, rng(1), 0.5); t.data.every((x) => Math.abs(x) <= 0.5);
 * // returns true
 *
 * @see {@link normalParam}
 */
export function uniformParam(rows: number, cols: number, random: Rng, bound: number): Tensor {
  const d = new Float64Array(rows * cols);
  for (let i = 0; i < d.length; i++) d[i] = (2 * random.uniform() - 1) * bound;
  return new Tensor(rows, cols, d, true);
}

/**
 * A parameter drawn from N(0, std²) with a seeded generator.
 *
 * $$\theta_{ij} \sim \mathcal{N}(0, \sigma^2)$$
 *
 * @example
 * autograd.normalParam(2, 2, rng(3), 0.1).shape;
 * // returns [2, 2]
 *
 * @see {@link uniformParam}
 */
export function normalParam(rows: number, cols: number, random: Rng, std: number): Tensor {
  const d = new Float64Array(rows * cols);
  for (let i = 0; i < d.length; i++) d[i] = random.normal() * std;
  return new Tensor(rows, cols, d, true);
}

/** Throw a RangeError naming both shapes unless `a` and `b` have the same shape. */
export function requireSameShape(what: string, a: Tensor, b: Tensor): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(`${what}: shapes differ: ${a.rows}×${a.cols} and ${b.rows}×${b.cols}`);
  }
}

/** Throw a RangeError unless `t` is a 1×n row of length `n` (or any length when n is omitted). */
export function requireRow(what: string, name: string, t: Tensor, n?: number): void {
  if (t.rows !== 1 || (n !== undefined && t.cols !== n)) {
    throw new RangeError(`${what}: ${name} must be a 1×${n ?? "d"} row, got ${shapeOf(t.value)}`);
  }
}
