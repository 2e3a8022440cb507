import { formats } from "../primitives/format";

interface Props {
  sentences: string[];
  /** hops × sentences: each hop's attention weights. */
  p: number[][];
  /** Mark these sentences (0-based) as the supporting facts of the task's rule. */
  supporting?: number[];
  /** The region's accessible name (unique on the page). */
  label?: string;
}

/** Attention over the story's sentences, one column per hop, with bars; the table is its own text alternative. */
export function HopAttentionTable({ sentences, p, supporting = [], label = "Attention per hop" }: Props) {
  return (
    <div class="number-table mn-scroll" data-table="attention" tabIndex={0} role="region" aria-label={label}>
      <table>
        <caption>
          Attention p over the sentences, one column per hop (bars are p)
          {supporting.length > 0 && "; ★ marks a supporting fact"}
        </caption>
        <thead>
          <tr>
            <th scope="col">i</th>
            <th scope="col">sentence</th>
            {p.map((_, k) => (
              <th scope="col">hop {k + 1}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sentences.map((s, i) => (
            <tr data-i={i + 1}>
              <th scope="row">{i + 1}</th>
              <td class="mn-sentence">
                {s}
                {supporting.includes(i) && (
                  <>
                    <span aria-hidden="true"> ★</span>
                    <span class="visually-hidden"> (supporting fact)</span>
                  </>
                )}
              </td>
              {p.map((pk, k) => (
                <td class="mn-bar-cell" data-hop={k + 1}>
                  <span class="mn-bar" style={{ width: `${Math.round(pk[i] * 100)}%` }} aria-hidden="true" />
                  <span class="mn-num">{formats.weight(pk[i])}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
