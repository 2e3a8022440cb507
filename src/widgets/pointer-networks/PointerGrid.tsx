import { ScrollBox } from "../soft-hard-local/ScrollBox";
import { dec } from "../soft-hard-local/parseList";
import type { PointerView } from "./pointerModel";

interface Props {
  view: PointerView;
  /** How many steps to show (1-based). */
  shown: number;
}

/** Every step's pointer distribution as a table: rows are output steps, columns input positions. */
export function PointerGrid({ view, shown }: Props) {
  const n = view.xs.length;
  return (
    <ScrollBox label="Pointer distributions table">
      <table class="ptr-grid" data-table="pointer">
        <caption>Pointer distributions so far (— : already chosen, masked)</caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            {view.xs.map((x, j) => (
              <th scope="col">
                <span class="ptr-pos">#{j + 1}</span> {dec(x, 2).replace(/\.?0+$/, "")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.probs.slice(0, shown).map((row, t) => (
            <tr>
              <th scope="row">{t + 1}</th>
              {row.map((p, j) => {
                const masked = !view.allow[t][j];
                const chosen = view.order[t] === j;
                return (
                  <td
                    class={chosen ? "ptr-chosen" : undefined}
                    style={
                      masked
                        ? undefined
                        : {
                            background: `color-mix(in srgb, var(--accent) ${Math.round(p * 40)}%, transparent)`,
                          }
                    }
                  >
                    {masked ? "—" : dec(p, 2)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={n + 1}>
              {shown} of {n} steps shown
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
