import { useMemo, useRef } from "preact/hooks";
import { rng, xlnetMasks } from "../../../lib";
import { EquationPicker } from "../primitives/EquationPicker";
import { indices } from "../primitives/NumberSelect";
import { FieldMessage } from "../primitives/FieldMessage";
import { parseOrder, xlnetSpec, xlnetTex } from "./xlnetModel";
import { useWidget } from "../primitives/useWidget";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** A factorisation order and the content- and query-stream masks it implies. */
export default function XLNetIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set, setState } = useWidget(xlnetSpec);
  const parsed = useMemo(() => parseOrder(state.order), [state.order]);
  const last = useRef<number[]>([2, 1, 3, 0]);
  if (parsed.ok) last.current = parsed.order;
  const order = last.current;
  const m = xlnetMasks(order);
  const labels = order.map((_, i) => `x${i + 1}`);
  const shuffle = () =>
    setState((s) => {
      const r = rng(s.shuffles + 1);
      const p = order.map((_, i) => i + 1);
      for (let i = p.length - 1; i > 0; i--) {
        const j = r.int(i + 1);
        [p[i], p[j]] = [p[j], p[i]];
      }
      return { ...s, order: p.join(" "), shuffles: s.shuffles + 1 };
    });
  return (
    <div ref={ref} class="xlnet">
      <div class="widget-controls">
        <label>
          Factorisation order (positions, first predicted first)
          <input
            type="text"
            value={state.order}
            aria-invalid={parsed.ok ? "false" : "true"}
            aria-describedby="xlnet-error"
            onInput={(e) => set("order", (e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" onClick={shuffle}>
          Shuffle the order
        </button>
      </div>
      <FieldMessage id="xlnet-error" error={parsed.ok ? undefined : parsed.error} kept="order" />
      <p data-output="xlnet">
        Predicted in the order {order.map((p) => `x${p + 1}`).join(" → ")}. x{order[0] + 1} is predicted from
        nothing; x{order[order.length - 1] + 1} from all the others.
      </p>
      <div class="xlnet-masks">
        <MatrixGrid
          name="content"
          label="Content stream: rank(j) ≤ rank(i)"
          data={m.content}
          rows={labels}
          cols={labels}
          rowTitle="position i"
          colTitle="position j"
          palette="binary"
          legend={["may attend", "blocked"]}
        />
        <MatrixGrid
          name="query"
          label="Query stream: rank(j) < rank(i)"
          data={m.query}
          rows={labels}
          cols={labels}
          rowTitle="position i"
          colTitle="position j"
          palette="binary"
          legend={["may attend", "blocked"]}
        />
      </div>
      <EquationPicker
        selects={[
          {
            label: "Position in the equation",
            value: Math.min(state.pos, order.length - 1),
            options: indices(order.length),
            show: (i) => `x${i + 1}`,
            onValue: (i) => set("pos", i),
          },
        ]}
        tex={xlnetTex(order, state.pos)}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Factorisation and masks for position ${Math.min(state.pos, order.length - 1) + 1}, with their numbers`}
      />
    </div>
  );
}
