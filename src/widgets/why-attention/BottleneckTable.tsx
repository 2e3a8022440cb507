import type { BnPoint } from "./bnModel";

/** The measured numbers behind the charts (their text alternative). */
export function BottleneckTable({ points }: { points: BnPoint[] }) {
  const f = (x: number) => x.toFixed(3);
  return (
    <details class="bn-table">
      <summary>Numbers behind the charts</summary>
      <div class="number-table" data-table="bottleneck">
        <table>
          <caption>Held-out R², mean over positions (negative: worse than guessing the mean)</caption>
          <thead>
            <tr>
              <th scope="col">L</th>
              <th scope="col">single vector</th>
              <th scope="col">attention</th>
              <th scope="col">bound d/(mL)</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.length}>
                <th scope="row">{p.length}</th>
                <td>{f(p.single)}</td>
                <td>{f(p.attention)}</td>
                <td>{f(p.bound)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
