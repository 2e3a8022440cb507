import { formats } from "../primitives/format";
import { type Kind, KINDS, KIND_LABELS } from "./scoreModel";

interface Props {
  all: Partial<Record<Kind, number[]>>;
  selected: Kind;
  keys: number;
}

/** The weights of every score function for the same q and K: one row per function. */
export function CompareTable({ all, selected, keys }: Props) {
  const rows = KINDS.filter((k) => all[k]);
  return (
    // A scroll container on narrow screens; focusable so keyboard readers can scroll it.
    <div
      class="number-table sf-compare"
      data-table="compare"
      tabindex={0}
      role="region"
      aria-label="Weights under every score function"
    >
      <table>
        <caption>Weights for the same q and K under every score function</caption>
        <thead>
          <tr>
            <th scope="col">score</th>
            {Array.from({ length: keys }, (_, j) => (
              <th scope="col" key={j}>
                k{j + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((kind) => {
            const w = all[kind]!;
            const top = Math.max(...w);
            return (
              <tr
                key={kind}
                data-kind={kind}
                class={kind === selected ? "selected" : undefined}
                aria-current={kind === selected ? "true" : undefined}
              >
                <th scope="row">{KIND_LABELS[kind]}</th>
                {w.map((x, j) => (
                  <td key={j} class={x >= top - 1e-9 ? "top" : undefined}>
                    {formats.weight(x)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
