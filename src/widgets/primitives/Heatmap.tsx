import { useEffect, useRef, useState } from "preact/hooks";
import { type HeatmapOptions, heatmapFigure } from "./heatmapSpec";

interface Props extends HeatmapOptions {
  data: number[][];
  /** Accessible name of the figure, e.g. "Attention weights". */
  label: string;
  /** Build-time SVG shown until Plot has loaded in the browser. */
  initialSvg?: string;
}

/**
 * A heatmap drawn by Observable Plot, loaded only when the widget is live. Until then the
 * precomputed SVG is shown. A data table with the same numbers is always available as its text
 * alternative.
 */
export function Heatmap({ data, label, initialSvg, ...opts }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState(false);
  const key = JSON.stringify([data, opts]);

  useEffect(() => {
    let cancelled = false;
    void import("@observablehq/plot").then((Plot) => {
      if (cancelled || !host.current) return;
      const fig = heatmapFigure(Plot, data, opts);
      fig.setAttribute("aria-hidden", "true");
      host.current.replaceChildren(fig);
      setLive(true);
    });
    return () => {
      cancelled = true;
    };
    // key captures data and opts
  }, [key]);

  const summary = describe(data, opts.rows, opts.cols);
  return (
    <figure class="heatmap" data-live={live ? "true" : "false"}>
      <div
        class="heatmap-plot"
        role="img"
        aria-label={`${label}. ${summary}`}
        ref={host}
        // Same string on every render, so Preact never rewrites the host after Plot has drawn into it.
        dangerouslySetInnerHTML={{ __html: initialSvg ?? "" }}
      />
      <details class="heatmap-table">
        <summary>{label} as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">
                {opts.rowLabel} \ {opts.colLabel}
              </th>
              {opts.cols.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, i) => (
              <tr>
                <th scope="row">{opts.rows[i]}</th>
                {row.map((v) => (
                  <td>{v.toFixed(opts.decimals ?? 2)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function describe(data: number[][], rows: string[], cols: string[]): string {
  return data
    .map((row, i) => {
      let j = 0;
      for (let t = 1; t < row.length; t++) if (row[t] > row[j]) j = t;
      return `${rows[i]}: largest at ${cols[j]} (${row[j].toFixed(2)})`;
    })
    .join("; ");
}
