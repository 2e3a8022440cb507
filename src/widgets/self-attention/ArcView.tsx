import { useRef } from "preact/hooks";
import { useLegibleText } from "../primitives/useLegibleText";
import { fixed } from "../primitives/format";
interface Props {
  tokens: string[];
  /** The selected query token's weights over the sentence. */
  weights: number[];
  selected: number;
  onSelect: (i: number) => void;
}

const STEP = 76;
const PAD = 40;
const BASE = 150;

/**
 * One token's attention drawn as arcs to every token of the sentence: the thicker and darker an
 * arc, the larger the weight. The query token is circled; its self-weight is the ring's width.
 */
export function ArcView({ tokens, weights, selected, onSelect }: Props) {
  const width = PAD * 2 + STEP * (tokens.length - 1);
  const svg = useRef<SVGSVGElement>(null);
  useLegibleText(svg, width);
  const x = (i: number) => PAD + STEP * i;
  const summary = tokens.map((t, j) => `${t} ${fixed(weights[j], 2)}`).join(", ");
  return (
    <figure class="sa-arcs-figure">
      <svg
        ref={svg}
        class="sa-arcs"
        viewBox={`0 0 ${width} ${BASE + 30}`}
        width={width}
        role="img"
        aria-label={`Attention of “${tokens[selected]}” (position ${selected + 1}) over the sentence: ${summary}`}
      >
        {tokens.map((_, j) => {
          const w = weights[j];
          if (j === selected || w <= 0) return null;
          const x0 = x(selected);
          const x1 = x(j);
          const h = Math.min(BASE - 20, 22 + Math.abs(x1 - x0) * 0.45);
          return (
            <path
              d={`M ${x0} ${BASE - 18} C ${x0} ${BASE - 18 - h}, ${x1} ${BASE - 18 - h}, ${x1} ${BASE - 18}`}
              fill="none"
              stroke="var(--accent)"
              stroke-width={1 + 12 * w}
              stroke-opacity={0.15 + 0.85 * w}
              stroke-linecap="round"
            />
          );
        })}
        <circle
          cx={x(selected)}
          cy={BASE - 4}
          r={26}
          fill="none"
          stroke="var(--accent)"
          stroke-width={1 + 12 * weights[selected]}
          stroke-opacity={0.15 + 0.85 * weights[selected]}
        />
        {tokens.map((t, j) => (
          <g onClick={() => onSelect(j)} style={{ cursor: "pointer" }}>
            <text
              x={x(j)}
              y={BASE}
              text-anchor="middle"
              fill="currentColor"
              font-size="1.15em"
              font-weight={j === selected ? 700 : 400}
            >
              {t.length > 9 ? `${t.slice(0, 8)}…` : t}
            </text>
            <text x={x(j)} y={BASE + 20} text-anchor="middle" fill="currentColor" font-size="0.92em">
              {fixed(weights[j], 2)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        What “{tokens[selected]}” (word {selected + 1}) attends to: the thicker and darker an arc, the larger
        its weight, printed under each word; the ring's width is its weight on itself.
      </figcaption>
    </figure>
  );
}
