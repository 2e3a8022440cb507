import type { ScaleSaturationPoint } from "../../../lib";

/** The measured numbers behind the two charts, as a table (the charts' text alternative). */
export function ScaleTable({ points, dims }: { points: ScaleSaturationPoint[]; dims: number[] }) {
  const f = (x: number) => x.toFixed(3);
  return (
    <details class="sd-table">
      <summary>Numbers behind the charts</summary>
      <div class="number-table" data-table="scale">
        <table>
          <caption>Measured for each d (mean over the sampled queries)</caption>
          <thead>
            <tr>
              <th scope="col">d</th>
              <th scope="col">√d</th>
              <th scope="col">std qᵀk</th>
              <th scope="col">std qᵀk/√d</th>
              <th scope="col">largest weight</th>
              <th scope="col">largest, scaled</th>
              <th scope="col">entropy</th>
              <th scope="col">entropy, scaled</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={dims[i]}>
                <th scope="row">{p.d}</th>
                <td>{f(Math.sqrt(p.d))}</td>
                <td>{f(p.std)}</td>
                <td>{f(p.stdScaled)}</td>
                <td>{f(p.maxWeight)}</td>
                <td>{f(p.maxWeightScaled)}</td>
                <td>{f(p.entropy)}</td>
                <td>{f(p.entropyScaled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
