import { ScrollBox } from "../primitives/ScrollBox";
import { dec } from "../primitives/parseList";
import { FILTERS, type PoolView } from "./poolingModel";

const shade = (v: number, max: number) => ({
  background: `color-mix(in srgb, var(--accent) ${Math.round(Math.min(1, Math.max(0, v / (max || 1))) * 40)}%, transparent)`,
});

/** The feature map of the convolution, with max pooling (outlined cells) and attention pooling (last column). */
export function ConvPanel({ conv }: { conv: NonNullable<PoolView["conv"]> }) {
  const top = Math.max(...conv.map.flat(), 1e-9);
  return (
    <ScrollBox label="Feature map table">
      <table class="pool-table" data-table="conv">
        <caption>Feature map of the convolution (outlined: each filter's maximum)</caption>
        <thead>
          <tr>
            <th scope="col">window</th>
            {FILTERS.map((f) => (
              <th scope="col">{f}</th>
            ))}
            <th scope="col">attention α</th>
          </tr>
        </thead>
        <tbody>
          {conv.map.map((row, t) => (
            <tr>
              <th scope="row">{conv.grams[t]}</th>
              {row.map((v, f) => (
                <td class={conv.argmax[f] === t ? "pool-max" : undefined} style={shade(v, top)}>
                  {dec(v, 2)}
                </td>
              ))}
              <td style={shade(conv.attWeights[t], 1)} data-value={`alpha-${t}`}>
                {dec(conv.attWeights[t], 2)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-row="max">
            <th scope="row">max pooling</th>
            {conv.maxPooled.map((v) => (
              <td>{dec(v, 2)}</td>
            ))}
            <td />
          </tr>
          <tr data-row="attention">
            <th scope="row">attention pooling</th>
            {conv.attPooled.map((v) => (
              <td>{dec(v, 2)}</td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
