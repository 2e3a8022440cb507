import { useRef, useState } from "preact/hooks";
import { fmt } from "../primitives/matrixText";
import { useLegibleText } from "../primitives/useLegibleText";
import { type Graph, HEIGHT, WIDTH } from "./graphCodec";

interface Props {
  graph: Graph;
  /** Edge weights, (N × N): row i is node i's distribution over its neighbours. */
  weights: number[][];
  selected: number;
  /** Accessible name of the drawing (updated with the numbers). */
  label: string;
  name: string;
  /** Editing handlers; without them the panel is a read-only picture. */
  onSelect?: (i: number) => void;
  onMove?: (i: number, x: number, y: number) => void;
  onToggleEdge?: (a: number, b: number) => void;
  onRemove?: (i: number) => void;
  /** Extra classes for node i's group (e.g. its true class, which the stylesheet colours). */
  nodeClass?: (i: number) => string;
  /** A class for a ring drawn around node i (e.g. a prediction), or null for no ring. */
  ringClass?: (i: number) => string | null;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * A graph drawn in SVG. Edges at the selected node are labelled with its weight on each
 * neighbour (width ∝ weight); other edges are faint, with width ∝ the mean of both directions.
 * Interactive panels: drag a node, click to select, Shift+click to connect or disconnect it from
 * the selected node; nodes are focusable buttons (Enter selects, arrows move, Delete removes).
 */
export function GraphPanel({
  graph,
  weights,
  selected,
  label,
  name,
  onSelect,
  onMove,
  onToggleEdge,
  onRemove,
  nodeClass,
  ringClass,
}: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ i: number; x: number; y: number; moved: boolean } | null>(null);
  const n = graph.nodes.length;
  const big = n > 12;
  const r = big ? 17 : 26;
  const pos = (i: number) => (drag && drag.i === i ? drag : graph.nodes[i]);
  const interactive = !!onSelect;

  const toSvg = (e: PointerEvent) => {
    const svg = svgRef.current;
    const m = svg?.getScreenCTM();
    if (!svg || !m) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: clamp(Math.round(p.x), r, WIDTH - r), y: clamp(Math.round(p.y), r, HEIGHT - r) };
  };

  const onKey = (i: number, e: KeyboardEvent) => {
    const step = e.shiftKey ? 5 : 25;
    const d: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect?.(i);
    } else if (d[e.key]) {
      e.preventDefault();
      const p = graph.nodes[i];
      onMove?.(i, clamp(p.x + d[e.key][0], r, WIDTH - r), clamp(p.y + d[e.key][1], r, HEIGHT - r));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      onRemove?.(i);
    }
  };

  // A hub's edges would hide each other's labels: then only its five largest weights are labelled.
  const incident = graph.edges
    .filter(([a, b]) => a === selected || b === selected)
    .map(([a, b]) => (a === selected ? b : a));
  const labelled = new Set(
    incident.length <= 6
      ? incident
      : [...incident].sort((p, q) => weights[selected][q] - weights[selected][p]).slice(0, 5),
  );
  const edges = graph.edges.map(([a, b]) => {
    const at = a === selected || b === selected;
    const other = a === selected ? b : a;
    const w = at ? weights[selected][other] : (weights[a][b] + weights[b][a]) / 2;
    const p = pos(a);
    const q = pos(b);
    return (
      <g key={`${a}-${b}`} class={at ? "ga-edge ga-edge-on" : "ga-edge"}>
        <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke-width={at ? 2 + 16 * w : 1 + 8 * w} />
        {at && labelled.has(other) && (
          <text
            x={(p.x + q.x) / 2}
            y={(p.y + q.y) / 2}
            class="ga-edge-label"
            data-edge-label={`${selected + 1}-${other + 1}`}
          >
            {fmt(w, 2)}
          </text>
        )}
      </g>
    );
  });
  useLegibleText(svgRef, WIDTH, 13);
  const s = pos(selected);
  const self = weights[selected]?.[selected] ?? 0;

  return (
    <svg
      ref={svgRef}
      class={`ga-graph${interactive ? " ga-interactive" : ""}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role={interactive ? "group" : "img"}
      aria-label={label}
      data-graph={name}
      onPointerMove={(e) => {
        if (!drag || !onMove) return;
        const p = toSvg(e);
        if (p) setDrag({ i: drag.i, ...p, moved: drag.moved || Math.hypot(p.x - drag.x, p.y - drag.y) > 2 });
      }}
      onPointerUp={(e) => {
        if (!drag) return;
        if (drag.moved) onMove?.(drag.i, drag.x, drag.y);
        else if (e.shiftKey && drag.i !== selected) onToggleEdge?.(selected, drag.i);
        else onSelect?.(drag.i);
        setDrag(null);
      }}
    >
      {edges}
      {s && (
        <g class="ga-edge ga-edge-on" aria-hidden="true">
          <circle cx={s.x} cy={s.y - r - 14} r={16} fill="none" stroke-width={2 + 10 * self} />
          <text
            x={s.x}
            y={s.y - r - 40}
            class="ga-edge-label"
            data-edge-label={`${selected + 1}-${selected + 1}`}
          >
            {fmt(self, 2)}
          </text>
        </g>
      )}
      {graph.nodes.map((_, i) => {
        const p = pos(i);
        const deg = graph.edges.filter(([a, b]) => a === i || b === i).length;
        const ring = ringClass?.(i) ?? null;
        return (
          <g
            key={i}
            class={`${i === selected ? "ga-node ga-node-on" : "ga-node"}${nodeClass ? ` ${nodeClass(i)}` : ""}`}
            data-node={i + 1}
            tabIndex={interactive ? 0 : undefined}
            role={interactive ? "button" : undefined}
            aria-pressed={interactive ? i === selected : undefined}
            aria-label={interactive ? `Node ${i + 1}, ${deg} neighbours, at (${p.x}, ${p.y})` : undefined}
            onKeyDown={interactive ? (e) => onKey(i, e) : undefined}
            onPointerDown={
              interactive
                ? (e) => {
                    e.preventDefault();
                    (e.currentTarget as SVGGElement).focus();
                    svgRef.current?.setPointerCapture(e.pointerId);
                    setDrag({ i, x: p.x, y: p.y, moved: false });
                  }
                : undefined
            }
          >
            {ring && <circle class={`ga-ring ${ring}`} cx={p.x} cy={p.y} r={r + 6} />}
            <circle cx={p.x} cy={p.y} r={r} />
            <text x={p.x} y={p.y} class="ga-node-label">
              {i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
