import { useRef } from "preact/hooks";
import { textWidth } from "../primitives/charts/ChartFrame";
import { useLegibleText } from "../primitives/useLegibleText";
import { INPUTS, SOURCE, STEPS, TARGET, n2 } from "./s2sModel";

interface Props {
  /** (T, n) weights; rows up to `step` are used. */
  alignment: number[][];
  /** Decoder steps done (0–5); the current one is `step`. */
  step: number;
  label: string;
}

const W = 520;
/** The small labels (row names, weights, decoder inputs) are 0.85 em (StepDecoder.astro). */
const SMALL = 0.85;

/**
 * Where everything goes for a font size of `u` viewBox units (larger when the drawing is scaled down
 * to a phone, so the text stays legible): the word boxes grow with the longest word, the row names
 * keep the room they need on the left, the outermost labels stay inside the drawing and its height
 * follows the text.
 */
function layout(u: number) {
  const boxW = Math.max(56, textWidth("<EOS>", u) + 12);
  const boxH = Math.max(26, Math.ceil(1.8 * u));
  const inW = Math.max(...INPUTS.map((w) => textWidth(`in: ${w}`, SMALL * u)));
  const first = 4 + Math.max(textWidth("source", SMALL * u), textWidth("target", SMALL * u)) + 8 + boxW / 2;
  const last = W - 4 - Math.max(boxW, inW) / 2;
  const sx = (i: number, n: number) => first + (i * (last - first)) / (n - 1);
  const sourceY = 14;
  const weightY = sourceY + boxH + 0.9 * u;
  const targetY = weightY + 0.6 * u + 64;
  const inY = targetY + boxH + 3 + 0.8 * SMALL * u;
  return { boxW, boxH, sx, sourceY, weightY, targetY, inY, height: Math.ceil(inY + 0.3 * SMALL * u + 3) };
}

/** The source words on top, the target words below, and the current step's attention as lines. */
export function AttentionLines({ alignment, step, label }: Props) {
  const cur = step > 0 ? alignment[step - 1] : null;
  const svg = useRef<SVGSVGElement>(null);
  const u = useLegibleText(svg, W, 13);
  const { boxW, boxH, sx, sourceY, weightY, targetY, inY, height: H } = layout(u);
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
        <text x="4" y={sourceY + boxH / 2} dy="0.35em" class="s2s-axis" fill="currentColor">
          source
        </text>
        <text x="4" y={targetY + boxH / 2} dy="0.35em" class="s2s-axis" fill="currentColor">
          target
        </text>
        {cur &&
          cur.map((a, i) => (
            <line
              key={i}
              class="s2s-line"
              x1={sx(step - 1, STEPS)}
              y1={targetY - 2}
              x2={sx(i, SOURCE.length)}
              y2={sourceY + boxH + 4}
              stroke-width={1 + 10 * a}
              stroke-opacity={0.25 + 0.75 * a}
            />
          ))}
        {SOURCE.map((w, i) => (
          <g key={w} class={cur && cur[i] === Math.max(...cur) ? "s2s-tok s2s-top" : "s2s-tok"}>
            <rect x={sx(i, SOURCE.length) - boxW / 2} y={sourceY} width={boxW} height={boxH} rx={5} />
            <text
              x={sx(i, SOURCE.length)}
              y={sourceY + boxH / 2}
              dy="0.35em"
              text-anchor="middle"
              fill="currentColor"
            >
              {w}
            </text>
            {cur && (
              <text
                x={sx(i, SOURCE.length)}
                y={weightY}
                dy="0.35em"
                text-anchor="middle"
                fill="currentColor"
                class="s2s-w"
              >
                {n2(cur[i])}
              </text>
            )}
          </g>
        ))}
        {TARGET.map((w, t) => (
          <g
            key={t}
            class={t === step - 1 ? "s2s-tok s2s-current" : t < step ? "s2s-tok" : "s2s-tok s2s-future"}
          >
            <rect x={sx(t, STEPS) - boxW / 2} y={targetY} width={boxW} height={boxH} rx={5} />
            <text
              x={sx(t, STEPS)}
              y={targetY + boxH / 2}
              dy="0.35em"
              text-anchor="middle"
              fill="currentColor"
            >
              {t < step ? w : "?"}
            </text>
            <text x={sx(t, STEPS)} y={inY} text-anchor="middle" fill="currentColor" class="s2s-in">
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
