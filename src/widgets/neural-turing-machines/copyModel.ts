import { ntmCopyTask } from "../../../lib";
import { fields } from "../primitives/urlState";
import { fmt, formatMatrixText, parseMatrixText } from "../primitives/matrixText";

/** The state a link to the copy-task widget reproduces: the sequence, the memory size and the frame shown. */
export const copySpec = {
  seq: fields.text(
    formatMatrixText([
      [1, 0, 1, 0],
      [0, 1, 1, 0],
      [1, 1, 0, 1],
      [0, 0, 1, 1],
    ]),
    // 8 items of 8 numbers, each a few characters, in ASCII.
    { maxLength: 320, ascii: true },
  ),
  slots: fields.int(6, 1, 10),
  // The last frame is 2T for T ≤ 10 items (slots ≤ 10).
  frame: fields.int(0, 0, 20),
};

export type CopyInput = { [K in keyof typeof copySpec]: (typeof copySpec)[K]["default"] };

/** One frame of the step-through: frame 0 is the empty memory, then T writes, then T reads. */
export interface CopyView {
  T: number;
  width: number;
  frames: number;
  phase: "start" | "write" | "read";
  /** The sequence item written or read at this frame (−1 at the start). */
  t: number;
  memory: number[][];
  input: number[][];
  /** The write (or read) weighting of this frame; zeros at the start. */
  w: number[];
  /** Output rows read so far (empty rows are not yet read). */
  output: (number[] | null)[];
}

export type CopyOutcome =
  { ok: true; frames: CopyView[] } | { ok: false; field?: "seq" | "slots"; error: string };

/** Run the copy task with `lib/` and lay out every frame for the step-through. */
export function computeCopy(st: CopyInput): CopyOutcome {
  const long = copySpec.seq.message(st.seq, "The sequence");
  if (long) return { ok: false, field: "seq", error: long };
  const p = parseMatrixText(st.seq, "The sequence", { maxRows: 8, maxCols: 8, maxAbs: 100 });
  if (!p.ok) return { ok: false, field: "seq", error: p.error };
  const X = p.value;
  if (st.slots < X.length) {
    return {
      ok: false,
      field: "slots",
      error: `${st.slots} slots cannot hold a sequence of ${X.length} items; use at least ${X.length}.`,
    };
  }
  try {
    const run = ntmCopyTask(X, { slots: st.slots, init: 0 });
    const T = X.length;
    const width = X[0].length;
    const empty = Array.from({ length: st.slots }, () => new Array<number>(width).fill(0));
    const views: CopyView[] = [
      {
        T,
        width,
        frames: 2 * T + 1,
        phase: "start",
        t: -1,
        memory: empty,
        input: X,
        w: new Array(st.slots).fill(0),
        output: new Array(T).fill(null),
      },
    ];
    const output: (number[] | null)[] = new Array(T).fill(null);
    for (const f of run.frames) {
      if (f.phase === "read" && f.read) output[f.t] = Array.from(f.read);
      views.push({
        T,
        width,
        frames: 2 * T + 1,
        phase: f.phase,
        t: f.t,
        memory: f.memory.toArray(),
        input: X,
        w: Array.from(f.w),
        output: output.slice(),
      });
    }
    return { ok: true, frames: views };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

const vec = (v: readonly number[]) => `[${v.map((x) => fmt(x, 3)).join(",\\ ")}]`;

/**
 * The frame's step with its numbers. Both heads shift forward one slot with g = 0 and γ = 1, so
 * the new weighting is the previous one moved by one slot; a write erases the focused slot
 * (e = 1) and adds the item, a read returns wᵀM, whose terms at the other slots are 0 (their
 * weight is 0). Frame 0 states where the heads start.
 */
export function copyTex(frames: readonly CopyView[], frame: number): string {
  const v = frames[frame];
  const n = v.w.length;
  if (v.phase === "start")
    return `w_0 = ${vec(v.w)} \\quad (\\text{both heads on slot } ${n - 1}),\\qquad M_0 = 0`;
  const prev = frames[frame - 1];
  // The read head starts from slot N − 1 again, like the write head did.
  const wPrev = v.phase === "read" && v.t === 0 ? frames[0].w : prev.w;
  const i = v.w.indexOf(Math.max(...v.w));
  const from = (i - 1 + n) % n;
  const shift = `w_{${frame}}(i) &= w_{${frame - 1}}(i - 1) \\;\\Rightarrow\\; w_{${frame}} = ${vec(v.w)}`;
  const moved = `\\quad (w_{${frame - 1}}(${from}) = ${fmt(wPrev[from], 3)})`;
  if (v.phase === "write") {
    const old = prev.memory[i];
    return [
      "\\begin{aligned}",
      `${shift}${moved} \\\\`,
      `M_{${frame}}(${i}) &= M_{${frame - 1}}(${i}) \\circ \\big(\\mathbf{1} - w_{${frame}}(${i})\\, e\\big) + w_{${frame}}(${i})\\, x_{${v.t}} \\\\`,
      `&= ${vec(old)} \\circ ${vec(old.map(() => 1 - v.w[i]))} + ${fmt(v.w[i], 3)} \\cdot ${vec(v.input[v.t])} = ${vec(v.memory[i])}`,
      "\\end{aligned}",
    ].join("\n");
  }
  const y = v.output[v.t] ?? [];
  // The weighting is one-hot, so every other slot's term is 0 (said, not written out).
  const others = v.w.every((x, j) => j === i || x === 0)
    ? "\\ (+\\, 0 \\text{ for every other slot})"
    : ` + \\dots`;
  return [
    "\\begin{aligned}",
    `${shift}${moved} \\\\`,
    `y_{${v.t}} = r_{${frame}} &= \\textstyle\\sum_i w_{${frame}}(i)\\, M(i) = ${fmt(v.w[i], 3)} \\cdot ${vec(v.memory[i])}${others} = ${vec(y)}`,
    "\\end{aligned}",
  ].join("\n");
}
