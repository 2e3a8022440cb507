import { useMemo, useRef } from "preact/hooks";
import { fixed, formats, roundDecimals } from "../primitives/format";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { useLegibleText } from "../primitives/useLegibleText";
import { BarChart } from "../primitives/charts/BarChart";
import { useWidget } from "../primitives/useWidget";
import { ITEMS, KEYS, R, computeSpot, fromPolar, snap, spotSpec } from "./spotModel";
import { spotEquationTex } from "./spotEquation";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

const f2 = (x: number) => fixed(x, 2);
const S = 300; // pixels of the square pad (data range [−R, R]²)
const M = 62; // side margins for the labels
const VIEW = { x: -M, y: -8, w: S + 2 * M, h: S + 16 };
const px = (v: number) => ((v + R) / (2 * R)) * S;
const py = (v: number) => S - ((v + R) / (2 * R)) * S;

/** Move a query over eight items and watch dot-product attention share its weight among them. */
export default function SpotlightIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, setState } = useWidget(spotSpec);
  const view = useMemo(() => computeSpot(state.qx, state.qy), [state.qx, state.qy]);
  const pad = useRef<SVGSVGElement>(null);
  useLegibleText(pad, VIEW.w);
  const tex = useMemo(
    () => spotEquationTex(state.qx, state.qy, view, state.item),
    [state.qx, state.qy, state.item, view],
  );
  const moveTo = (x: number, y: number) => setState((s) => ({ ...s, qx: snap(x), qy: snap(y) }));

  const fromPointer = (e: PointerEvent) => {
    // Client pixels → viewBox units, whatever size the SVG is drawn at.
    const ctm = pad.current!.getScreenCTM();
    if (!ctm) return;
    const { x: vx, y: vy } = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    moveTo((vx / S) * 2 * R - R, R - (vy / S) * 2 * R);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 0.5 : 0.1;
    const d: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    if (e.key === "Home") moveTo(0, 0);
    else if (d[e.key]) moveTo(state.qx + d[e.key][0], state.qy + d[e.key][1]);
    else return;
    e.preventDefault();
  };
  const top = view.weights.indexOf(Math.max(...view.weights));
  const where = `Query at (${f2(state.qx)}, ${f2(state.qy)}), direction ${fixed(view.angle, 0)}°, length ${f2(view.length)}.`;

  return (
    <div ref={ref} class="spot">
      <div class="spot-main">
        <div
          class="spot-pad"
          role="application"
          aria-roledescription="query pad"
          aria-label={`${where} Arrow keys move the query by 0.1 (with Shift by 0.5); Home puts it at the centre.`}
          tabindex={0}
          onKeyDown={onKey}
        >
          <svg
            ref={pad}
            viewBox={`${VIEW.x} ${VIEW.y} ${VIEW.w} ${VIEW.h}`}
            width={VIEW.w}
            height={VIEW.h}
            aria-hidden="true"
            onPointerDown={(e) => {
              (e.currentTarget as SVGSVGElement).setPointerCapture(e.pointerId);
              fromPointer(e);
            }}
            onPointerMove={(e) => {
              if ((e.currentTarget as SVGSVGElement).hasPointerCapture(e.pointerId)) fromPointer(e);
            }}
          >
            <line class="spot-axis" x1={VIEW.x} x2={VIEW.x + VIEW.w} y1={py(0)} y2={py(0)} />
            <line class="spot-axis" x1={px(0)} x2={px(0)} y1={VIEW.y} y2={VIEW.y + VIEW.h} />
            <circle class="spot-ring" cx={px(0)} cy={py(0)} r={px(2) - px(0)} />
            {KEYS.map(([kx, ky], j) => (
              <g key={j} class={j === top ? "spot-item spot-top" : "spot-item"}>
                <circle
                  cx={px(kx)}
                  cy={py(ky)}
                  r={5 + 24 * Math.sqrt(view.weights[j])}
                  fill-opacity={0.25 + 0.6 * view.weights[j]}
                />
                <text
                  x={px(kx * 1.12) + (kx > 0.5 ? 8 : kx < -0.5 ? -8 : 0)}
                  y={py(ky * 1.12) + (Math.abs(kx) <= 0.5 ? (ky > 0 ? -14 : 14) : 0)}
                  dy="0.35em"
                  text-anchor={kx > 0.5 ? "start" : kx < -0.5 ? "end" : "middle"}
                  fill="currentColor"
                >
                  {ITEMS[j]}
                </text>
              </g>
            ))}
            <line class="spot-q-line" x1={px(0)} y1={py(0)} x2={px(state.qx)} y2={py(state.qy)} />
            <circle class="spot-q" cx={px(state.qx)} cy={py(state.qy)} r={9} />
            <text x={px(state.qx) + 12} y={py(state.qy) - 10} fill="currentColor" class="spot-q-label">
              q
            </text>
            <rect
              class="spot-readout"
              x={px(view.readout[0]) - 5}
              y={py(view.readout[1]) - 5}
              width={10}
              height={10}
              transform={`rotate(45 ${px(view.readout[0])} ${py(view.readout[1])})`}
            />
          </svg>
        </div>
        <div class="spot-side">
          <RangeField
            id="spot-angle"
            label="Direction of q"
            min="0"
            max="359"
            step="1"
            value={Math.round(view.angle)}
            valueText={(v) => `${v} degrees`}
            output={(v) => `${v}°`}
            outputName="angle"
            onValue={(a) => moveTo(...fromPolar(a, view.length))}
          />
          <RangeField
            id="spot-length"
            label="Length of q (sharpness)"
            min="0"
            max="3"
            step="0.05"
            value={roundDecimals(view.length, 2)}
            valueText={(v) => `length ${f2(v)}`}
            output={(v) => `|q| = ${f2(v)}`}
            outputName="length"
            onValue={(l) => moveTo(...fromPolar(view.angle, l))}
          />
          <p class="spot-readout-text" data-output="readout">
            <svg width="12" height="12" aria-hidden="true">
              <rect class="spot-readout" x="2" y="2" width="8" height="8" transform="rotate(45 6 6)" />
            </svg>{" "}
            Read-out Σ α<sub>j</sub> k<sub>j</sub> = ({f2(view.readout[0])}, {f2(view.readout[1])})
          </p>
          <NumberSelect
            id="spot-item"
            label="Item in the equation"
            value={state.item}
            options={indices(ITEMS.length)}
            show={(j) => `k${j + 1}: ${ITEMS[j]}`}
            onValue={(item) => setState((s) => ({ ...s, item }))}
          />
        </div>
      </div>
      <p class="spot-status" role="status">
        {where} Most weight: {ITEMS[top]} ({formats.weight(view.weights[top])}).
      </p>
      <BarChart
        orientation="horizontal"
        name="spot-weights"
        label="Attention weights over the eight items"
        labels={[...ITEMS]}
        values={view.weights}
        categoryTitle="item"
        valueTitle="weight"
        notes={{ label: "score q·k", values: view.scores.map((s) => `(q·k = ${f2(s)})`) }}
        highlight={top}
      />
      <LiveEquation
        tex={tex}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Equation for ${ITEMS[state.item]} (k${state.item + 1}): its score, its weight and the read-out, with the numbers`}
      />
    </div>
  );
}
