import { useEffect, useRef } from "preact/hooks";
import { fixed } from "../primitives/format";

interface Props {
  /** Row-major N×N weights. */
  data: Float64Array;
  n: number;
  label: string;
}

/** The N×N weight matrix drawn pixel by pixel on a canvas (blue positive, red negative). */
export function WeightsCanvas({ data, n, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  let max = 0;
  let pos = 0;
  let neg = 0;
  for (const v of data) {
    max = Math.max(max, Math.abs(v));
    if (v > 0) pos++;
    else if (v < 0) neg++;
  }
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    const img = ctx.createImageData(n, n);
    for (let i = 0; i < n * n; i++) {
      const t = max ? data[i] / max : 0;
      const a = Math.abs(t);
      img.data.set(
        t >= 0
          ? [255 - 211 * a, 255 - 169 * a, 255 - 58 * a, 255]
          : [255 - 76 * a, 255 - 217 * a, 255 - 225 * a, 255],
        i * 4,
      );
    }
    ctx.putImageData(img, 0, 0);
  }, [data, n, max]);
  return (
    <canvas
      ref={ref}
      class="weights-canvas"
      width={n}
      height={n}
      role="img"
      aria-label={`${label}: ${n}×${n} symmetric, zero diagonal; ${pos} positive and ${neg} negative entries; largest |w| = ${fixed(max, 3)}`}
    />
  );
}
