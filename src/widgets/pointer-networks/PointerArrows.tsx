import { upTo } from "../primitives/format";

interface Props {
  /** The input list. */
  xs: number[];
  /** (n × n): row t is output step t's pointer distribution over the input positions. */
  pointers: number[][];
  /** The position chosen at each output step (0-based). */
  order: number[];
  /** Whether each step points at the right value. */
  correct: boolean[];
  /** The output step drawn in full (0-based); earlier steps keep only their chosen arrow. */
  step: number;
}

const W = 56;
const TOP = 26;
const BOTTOM = 150;
const BOX = 30;

/** A number as the widget prints it: at most three decimals, no trailing zeros. */
export const short = (x: number) => upTo(x, 3);

/**
 * The pointers as arrows from output steps (bottom row) to input positions (top row): every
 * position that step `step` gives at least 1 % of its probability gets an arrow whose opacity and
 * width grow with that probability; earlier steps keep a thin arrow to the position they chose.
 * Positions and steps are numbered from 1. Decorative: the readout and the table beside it carry
 * the same numbers.
 */
export function PointerArrows({ xs, pointers, order, correct, step }: Props) {
  const n = xs.length;
  const width = n * W + 8;
  const cx = (j: number) => 4 + j * W + W / 2;
  const arrow = (t: number, j: number, p: number, key: string, cls: string) => (
    <line
      key={key}
      class={cls}
      x1={cx(t)}
      y1={BOTTOM - BOX / 2 - 2}
      x2={cx(j)}
      y2={TOP + BOX / 2 + 6}
      stroke-width={1 + 3 * p}
      stroke-opacity={cls === "ptr-arrow-past" ? 0.45 : Math.max(0.15, p)}
      marker-end="url(#ptr-head)"
    />
  );
  const row = pointers[step] ?? [];
  return (
    <svg
      class="ptr-arrows"
      viewBox={`0 0 ${width} ${BOTTOM + BOX / 2 + 18}`}
      width={width}
      aria-hidden="true"
      data-step={step + 1}
    >
      <defs>
        <marker
          id="ptr-head"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L8,4 L0,8 z" class="ptr-head" />
        </marker>
      </defs>
      <text x={4} y={10} class="trainer-axis">
        input position and value
      </text>
      {xs.map((x, j) => (
        <g key={`in${j}`} class={order.slice(0, step).includes(j) ? "ptr-used" : undefined}>
          <rect
            x={cx(j) - W / 2 + 3}
            y={TOP - BOX / 2 + 6}
            width={W - 6}
            height={BOX}
            rx={4}
            class="ptr-box"
          />
          <text x={cx(j)} y={TOP + 2} text-anchor="middle" class="ptr-pos-label">
            {j + 1}
          </text>
          <text x={cx(j)} y={TOP + 15} text-anchor="middle" class="ptr-val">
            {short(x)}
          </text>
        </g>
      ))}
      {order.slice(0, step).map((j, t) => arrow(t, j, 1, `past${t}`, "ptr-arrow-past"))}
      {row.map((p, j) => (p >= 0.01 ? arrow(step, j, p, `now${j}`, "ptr-arrow") : null))}
      {order.map((j, t) => (
        <g key={`out${t}`} class={t === step ? "ptr-current" : t > step ? "ptr-later" : undefined}>
          <rect
            x={cx(t) - W / 2 + 3}
            y={BOTTOM - BOX / 2}
            width={W - 6}
            height={BOX}
            rx={4}
            class="ptr-box"
          />
          <text x={cx(t)} y={BOTTOM - 3} text-anchor="middle" class="ptr-pos-label">
            step {t + 1}
          </text>
          <text x={cx(t)} y={BOTTOM + 10} text-anchor="middle" class="ptr-val">
            {t <= step ? `${short(xs[j])}${correct[t] ? "" : " ✗"}` : "…"}
          </text>
        </g>
      ))}
      <text x={4} y={BOTTOM + BOX / 2 + 14} class="trainer-axis">
        output step and the value it points at
      </text>
    </svg>
  );
}
