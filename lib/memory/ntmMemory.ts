import { Matrix, type MatrixLike, type VectorLike, asMatrix, shapeOf } from "../core/matrix";
import {
  type NtmAddressing,
  type NtmHead,
  type NtmOptions,
  NTM_DEFAULTS,
  ntmAddress,
  ntmRead,
  ntmShiftKernel,
  ntmWrite,
} from "./ntm";

/** Options of an {@link NTMMemory}. */
export interface NTMMemoryOptions extends NtmOptions {
  /** Initial memory: a constant for every cell, or an N×M matrix. Default 1e-6. */
  init: number | MatrixLike;
  /** Initial weighting of both heads. Default: one-hot on slot 0. */
  initialWeighting: VectorLike | undefined;
}

export const NTM_MEMORY_DEFAULTS: NTMMemoryOptions = {
  ...NTM_DEFAULTS,
  init: 1e-6,
  initialWeighting: undefined,
};

/** A write head's outputs: the addressing parameters plus the erase and add vectors. */
export interface NtmWriteHead extends NtmHead {
  e: VectorLike;
  a: VectorLike;
}

/**
 * An NTM memory whose state persists over time: the N×M matrix and each head's last weighting.
 *
 * $$r_t = w^r_t{}^\top M_t,\qquad M_{t+1} = M_t \circ (1 - w^w_t e_t^\top) + w^w_t a_t^\top$$
 *
 * @example
 * const mem = new NTMMemory(3, 2, { init: 0 });
 * mem.write({ k: [0, 0], beta: 0, g: 0, s: [0, 1, 0], gamma: 1, e: [1, 1], a: [7, 8] });
 * Array.from(mem.read({ k: [7, 8], beta: 50, g: 1, s: [0, 1, 0], gamma: 1 }).read).map((v) => +v.toFixed(4));
 * // returns [7, 8]
 *
 * @see {@link ntmAddress}, {@link ntmCopyTask}
 */
export class NTMMemory {
  memory: Matrix;
  readWeighting: Float64Array;
  writeWeighting: Float64Array;
  readonly options: NtmOptions;

  constructor(n: number, m: number, options: Partial<NTMMemoryOptions> = {}) {
    const opt = { ...NTM_MEMORY_DEFAULTS, ...options };
    if (!(Number.isInteger(n) && n > 0 && Number.isInteger(m) && m > 0)) {
      throw new RangeError(`NTMMemory: need N, M ≥ 1 integers, got ${n}×${m}`);
    }
    if (typeof opt.init === "number") {
      this.memory = new Matrix(n, m, new Float64Array(n * m).fill(opt.init)); // (N, M)
    } else {
      const init = asMatrix(opt.init);
      if (init.rows !== n || init.cols !== m)
        throw new RangeError(`NTMMemory: init is ${shapeOf(init)}, expected ${n}×${m}`);
      this.memory = init.clone(); // (N, M)
    }
    const w0 = new Float64Array(n);
    if (opt.initialWeighting) {
      if (opt.initialWeighting.length !== n) {
        throw new RangeError(
          `NTMMemory: initialWeighting has length ${opt.initialWeighting.length}, expected ${n}`,
        );
      }
      w0.set(opt.initialWeighting);
    } else w0[0] = 1;
    this.readWeighting = w0.slice();
    this.writeWeighting = w0.slice();
    this.options = { epsilon: opt.epsilon };
  }

  /** Address with the read head (from its previous weighting), read, and remember the weighting. */
  read(head: NtmHead): { stages: NtmAddressing; w: Float64Array; read: Float64Array } {
    const stages = ntmAddress(this.memory, head, this.readWeighting, this.options);
    this.readWeighting = stages.sharpened;
    return { stages, w: stages.sharpened, read: ntmRead(this.memory, stages.sharpened) };
  }

  /** Address with the write head, erase then add, and remember the weighting. */
  write(head: NtmWriteHead): { stages: NtmAddressing; w: Float64Array; memory: Matrix } {
    const stages = ntmAddress(this.memory, head, this.writeWeighting, this.options);
    this.writeWeighting = stages.sharpened;
    this.memory = ntmWrite(this.memory, stages.sharpened, head.e, head.a);
    return { stages, w: stages.sharpened, memory: this.memory };
  }
}

/** One step of the copy task, for a step-through widget. */
export interface NtmCopyFrame {
  phase: "write" | "read";
  /** Index of the sequence item written or read. */
  t: number;
  stages: NtmAddressing;
  w: Float64Array;
  /** Memory after this step (a copy). */
  memory: Matrix;
  /** The vector read (read phase only). */
  read?: Float64Array;
}

/**
 * The copy task with hand-set heads: write a sequence into consecutive slots by shifting the write
 * head forward, then read it back by shifting the read head forward from the same start.
 *
 * $$w_t = s_{+1} * w_{t-1}\ (g = 0),\qquad M_{t} = M_{t-1} \circ (1 - w_t \mathbf{1}^\top) + w_t x_t^\top,\qquad y_t = w_t^\top M$$
 *
 * @example
 * ntmCopyTask([[1, 0], [0, 1]]).output.toArray();
 * // returns [[1, 0], [0, 1]]
 *
 * @see {@link NTMMemory}, {@link ntmShift}
 */
export function ntmCopyTask(
  sequence: MatrixLike,
  options: Partial<NTMMemoryOptions> & { slots?: number } = {},
): { frames: NtmCopyFrame[]; output: Matrix; memory: Matrix } {
  const X = asMatrix(sequence);
  if (X.rows === 0 || X.cols === 0) throw new RangeError(`ntmCopyTask: empty sequence (${shapeOf(X)})`);
  const n = options.slots ?? X.rows;
  if (n < X.rows) throw new RangeError(`ntmCopyTask: ${n} slots cannot hold a sequence of ${X.rows} items`);
  const start = new Float64Array(n);
  start[n - 1] = 1; // the first forward shift lands on slot 0
  const mem = new NTMMemory(n, X.cols, { initialWeighting: start, ...options });
  const zeros = new Float64Array(X.cols);
  const ones = new Float64Array(X.cols).fill(1);
  const forward = { k: zeros, beta: 0, g: 0, s: ntmShiftKernel(1), gamma: 1 };
  const frames: NtmCopyFrame[] = [];
  for (let t = 0; t < X.rows; t++) {
    const r = mem.write({ ...forward, e: ones, a: X.row(t) });
    frames.push({ phase: "write", t, stages: r.stages, w: r.w, memory: r.memory.clone() });
  }
  const output = new Matrix(X.rows, X.cols); // (T, M)
  for (let t = 0; t < X.rows; t++) {
    const r = mem.read(forward);
    output.data.set(r.read, t * X.cols);
    frames.push({ phase: "read", t, stages: r.stages, w: r.w, memory: mem.memory.clone(), read: r.read });
  }
  return { frames, output, memory: mem.memory };
}
