import { SIDE } from "./patterns";
import { coordinate } from "../primitives/format";

interface Props {
  /** ±1 pixels, or any numbers in [−1, 1] (drawn as grey levels). */
  value: ArrayLike<number>;
  label: string;
  size?: number;
  name?: string;
}

/** A read-only picture of a pattern, with an aria-label giving its on-pixels as a text grid. */
export function PixelView({ value, label, size = 90, name }: Props) {
  const rows: string[] = [];
  for (let r = 0; r < SIDE; r++) {
    let s = "";
    for (let c = 0; c < SIDE; c++) s += value[r * SIDE + c] > 0 ? "#" : ".";
    rows.push(s);
  }
  return (
    <svg
      class="pixel-view"
      data-pixels={name}
      data-hex-rows={rows.join("/")}
      viewBox={`0 0 ${SIDE} ${SIDE}`}
      width={size}
      height={size}
      role="img"
      aria-label={`${label}: rows ${rows.join(" ")}`}
    >
      <rect width={SIDE} height={SIDE} fill="var(--bg-soft)" stroke="var(--border)" stroke-width="0.1" />
      {Array.from(value, (v, i) =>
        v > -0.999 ? (
          <rect
            x={i % SIDE}
            y={Math.floor(i / SIDE)}
            width="1"
            height="1"
            fill="currentColor"
            fill-opacity={coordinate(Math.min(1, (v + 1) / 2), 3)}
          />
        ) : null,
      )}
    </svg>
  );
}
