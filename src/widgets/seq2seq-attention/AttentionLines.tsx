import { useRef } from "preact/hooks";
import { useLegibleText } from "../primitives/useLegibleText";
import { INPUTS, SOURCE, STEPS, TARGET } from "./s2sModel";

interface Props {
  /** (T, n) weights; rows up to `step` are used. */
  alignment: number[][];
  /** Decoder steps done (0–5); the current one is `step`. */
  step: number;
  label: string;
}

const W = 520;
const H = 170;
const sx = (i: number, n: number) => 92 + (i * (W - 124)) / (n - 1);

/** The source words on top, the target words below, and the current step's attention as lines. */
export function AttentionLines({ alignment, step, label }: Props) {
  const cur = step > 0 ? alignment[step - 1] : null;
  const svg = useRef<SVGSVGElement>(null);
  useLegibleText(svg, W, 13);
  return (
    <figure class="s2s-lines-figure">
      <svg
        ref={svg}
        class="s2s-lines"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={label}
      >
        <text x="4" y="30" class="s2s-axis" fill="currentColor">
          source
        </text>
        <text x="4" y="146" class="s2s-axis" fill="currentColor">
          target
        </text>
        {cur &&
          cur.map((a, i) => (
            <line
              key={i}
              class="s2s-line"
              x1={sx(step - 1, STEPS)}
              y1={128}
              x2={sx(i, SOURCE.length)}
              y2={44}
              stroke-width={1 + 10 * a}
              stroke-opacity={0.25 + 0.75 * a}
            />
          ))}
        {SOURCE.map((w, i) => (
          <g key={w} class={cur && cur[i] === Math.max(...cur) ? "s2s-tok s2s-top" : "s2s-tok"}>
            <rect x={sx(i, SOURCE.length) - 28} y={14} width={56} height={26} rx={5} />
            <text x={sx(i, SOURCE.length)} y={27} dy="0.35em" text-anchor="middle" fill="currentColor">
              {w}
            </text>
            {cur && (
              <text
                x={sx(i, SOURCE.length)}
                y={58}
                dy="0.35em"
                text-anchor="middle"
                fill="currentColor"
                class="s2s-w"
              >
                {cur[i].toFixed(2)}
              </text>
            )}
          </g>
        ))}
        {TARGET.map((w, t) => (
          <g
            key={t}
            class={t === step - 1 ? "s2s-tok s2s-current" : t < step ? "s2s-tok" : "s2s-tok s2s-future"}
          >
            <rect x={sx(t, STEPS) - 28} y={130} width={56} height={26} rx={5} />
            <text x={sx(t, STEPS)} y={143} dy="0.35em" text-anchor="middle" fill="currentColor">
              {t < step ? w : "?"}
            </text>
            <text x={sx(t, STEPS)} y={166} text-anchor="middle" fill="currentColor" class="s2s-in">
              in: {INPUTS[t]}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        The current step's attention: a line from the target word being produced to each source word, thicker
        and darker for a larger weight αₜᵢ (printed under the word); the most attended source word is
        highlighted, and target words not produced yet show “?”.
      </figcaption>
    </figure>
  );
}
