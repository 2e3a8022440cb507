import { fixed } from "../primitives/format";
import { HeatmapCanvas } from "../primitives/charts/HeatmapCanvas";

interface Props {
  /** Row-major N×N weights. */
  data: Float64Array;
  n: number;
  label: string;
}

/** A weight as the heatmap's legend, summary and table print it. */
const weight = (v: number) => fixed(v, 3);

/**
 * The N×N Hebbian weight matrix as a heatmap (HeatmapCanvas: one pixel per weight) in the site's
 * diverging palette, symmetric about zero: blue positive, orange negative, the neutral middle zero.
 */
export function WeightsCanvas({ data, n, label }: Props) {
  let max = 0;
  let pos = 0;
  let neg = 0;
  for (const v of data) {
    max = Math.max(max, Math.abs(v));
    if (v > 0) pos++;
    else if (v < 0) neg++;
  }
  const m = max || 1;
  return (
    <HeatmapCanvas
      name="weights"
      label={label}
      summary={`${label}: ${n}×${n} symmetric, zero diagonal; ${pos} positive and ${neg} negative entries; largest |w| = ${weight(max)}`}
      data={data}
      rows={n}
      cols={n}
      rowTitle="pixel i"
      colTitle="pixel j"
      palette="diverging"
      domain={[-m, m]}
      legend="weight wᵢⱼ"
      format={weight}
    />
  );
}
