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
  // The font's size in drawing units grows as the drawing shrinks (13 px on screen at least); a
  // node is drawn at least as wide as its number.
  const font = useLegibleText(svgRef, WIDTH, 13);
  const r = Math.max(big ? 17 : 26, Math.round(0.62 * font));
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

  const labels = placeLabels(graph, weights, selected, pos, r, font);
  const edges = graph.edges.map(([a, b]) => {
    const at = a === selected || b === selected;
    const other = a === selected ? b : a;
    const w = at ? weights[selected][other] : (weights[a][b] + weights[b][a]) / 2;
    const p = pos(a);
    const q = pos(b);
    const spot = at ? labels.edges.get(other) : undefined;
    return (
      <g key={`${a}-${b}`} class={at ? "ga-edge ga-edge-on" : "ga-edge"}>
        <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke-width={at ? 2 + 16 * w : 1 + 8 * w} />
        {spot && (
          <text x={spot.x} y={spot.y} class="ga-edge-label" data-edge-label={`${selected + 1}-${other + 1}`}>
            {fmt(w, 2)}
          </text>
        )}
      </g>
    );
  });
  const s = pos(selected);
  const self = weights[selected]?.[selected] ?? 0;
  const loop = labels.self;

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
      {s && loop && (
        <g class="ga-edge ga-edge-on" aria-hidden="true">
          <circle
            cx={s.x + loop.dx * (r + 14)}
            cy={s.y + loop.dy * (r + 14)}
            r={16}
            fill="none"
            stroke-width={2 + 10 * self}
          />
          <text
            x={loop.x}
            y={loop.y}
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

interface Box {
  x: number;
  y: number;
  /** Half width and half height. */
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => Math.abs(a.x - b.x) < a.w + b.w && Math.abs(a.y - b.y) < a.h + b.h;

/** The box of a label of `chars` characters (digits and a point) at font size `font`. */
const textBox = (x: number, y: number, chars: number, font: number): Box => ({
  x,
  y,
  w: (0.64 * chars * font) / 2 + 2,
  h: 0.62 * font,
});

const DIRECTIONS = [
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
  [0.71, -0.71],
  [-0.71, -0.71],
  [0.71, 0.71],
  [-0.71, 0.71],
] as const;

/**
 * Where the selected node's weights are written, so that no label covers another label or a node:
 * each edge label tries points along its edge, then a little to either side; the self-weight
 * tries eight directions around the node. A label with no free place is left out (the table lists
 * every weight); at most six edges are labelled, the largest weights first.
 */
function placeLabels(
  graph: Graph,
  weights: number[][],
  selected: number,
  pos: (i: number) => { x: number; y: number },
  r: number,
  font: number,
): {
  edges: Map<number, { x: number; y: number }>;
  self: { x: number; y: number; dx: number; dy: number } | null;
} {
  const taken: Box[] = graph.nodes.map((_, i) => {
    const p = pos(i);
    const t = textBox(p.x, p.y, String(i + 1).length, 0.92 * font);
    return { x: p.x, y: p.y, w: Math.max(r, t.w), h: Math.max(r, t.h) };
  });
  const inside = (b: Box) => b.x - b.w >= 0 && b.x + b.w <= WIDTH && b.y - b.h >= 0 && b.y + b.h <= HEIGHT;
  const free = (b: Box) => inside(b) && !taken.some((t) => overlaps(t, b));
  const s = pos(selected);
  const edges = new Map<number, { x: number; y: number }>();
  if (!s) return { edges, self: null };
  const chars = (j: number) => fmt(weights[selected][j], 2).length;
  let self = null;
  const half = textBox(0, 0, chars(selected), font);
  for (const [dx, dy] of DIRECTIONS) {
    const reach = r + 30 + Math.abs(dx) * half.w + Math.abs(dy) * half.h;
    const b = textBox(s.x + dx * reach, s.y + dy * reach, chars(selected), font);
    const ring: Box = { x: s.x + dx * (r + 14), y: s.y + dy * (r + 14), w: 18, h: 18 };
    if (free(b) && free(ring)) {
      taken.push(b, ring);
      self = { x: Math.round(b.x), y: Math.round(b.y), dx, dy };
      break;
    }
  }
  const incident = graph.edges
    .filter(([a, b]) => a === selected || b === selected)
    .map(([a, b]) => (a === selected ? b : a))
    .sort((p, q) => weights[selected][q] - weights[selected][p]);
  for (const j of incident) {
    if (edges.size >= 6) break;
    const q = pos(j);
    const len = Math.hypot(q.x - s.x, q.y - s.y) || 1;
    const [nx, ny] = [-(q.y - s.y) / len, (q.x - s.x) / len];
    search: for (const t of [0.5, 0.62, 0.38, 0.72, 0.28]) {
      for (const side of [0, 1, -1]) {
        const off = side * 0.7 * font;
        const [x, y] = [s.x + t * (q.x - s.x) + off * nx, s.y + t * (q.y - s.y) + off * ny];
        const b = textBox(x, y, chars(j), font);
        if (free(b)) {
          taken.push(b);
          edges.set(j, { x: Math.round(b.x), y: Math.round(b.y) });
          break search;
        }
      }
    }
  }
  return { edges, self };
}
