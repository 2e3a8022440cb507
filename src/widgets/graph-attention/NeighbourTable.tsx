import { fmt } from "../primitives/matrixText";
import type { GatView } from "./gatView";

const vec = (v: number[]) => `[${v.map((x) => fmt(x, 3)).join(", ")}]`;

/** The selected node's update as a table: one row per neighbour (itself included). */
export function NeighbourTable({ view }: { view: GatView }) {
  const i = view.node + 1;
  const k = view.head + 1;
  return (
    <div
      class="number-table ga-scroll"
      data-table="neighbours"
      tabIndex={0}
      role="region"
      aria-label={`Numbers of node ${i}'s update`}
    >
      <table>
        <caption>
          Node {i}, head {k}: scores, attention and GCN's fixed weight for each neighbour j (self-loop
          included)
        </caption>
        <thead>
          <tr>
            <th scope="col">j</th>
            <th scope="col">
              h<sub>j</sub>
            </th>
            <th scope="col">
              W h<sub>j</sub>
            </th>
            <th scope="col">
              e<sub>{i}j</sub>
            </th>
            <th scope="col">
              α<sub>{i}j</sub> (GAT)
            </th>
            <th scope="col">GCN weight</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr data-j={r.j + 1}>
              <th scope="row">{r.j + 1}</th>
              <td>{vec(view.X[r.j])}</td>
              <td>{vec(r.Wh)}</td>
              <td data-col="e">{fmt(r.e, 3)}</td>
              <td data-col="alpha">{fmt(r.alpha, 3)}</td>
              <td data-col="gcn">{fmt(r.gcn, 3)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Σ</th>
            <td />
            <td data-col="sum">{vec(view.sum)}</td>
            <td />
            <td>
              {fmt(
                view.rows.reduce((s, r) => s + r.alpha, 0),
                3,
              )}
            </td>
            <td>
              {fmt(
                view.rows.reduce((s, r) => s + r.gcn, 0),
                3,
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
