import { useMemo, useState } from "preact/hooks";
import { LiveEquation } from "../primitives/LiveEquation";
import { fmt } from "../primitives/matrixText";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { RangeField } from "../primitives/RangeField";
import { SeedInput } from "../primitives/SeedInput";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { type GatView, computeGat, gatSpec } from "./gatView";
import {
  type Graph,
  MAX_NODES,
  addNode,
  encodeGraph,
  graphPresets,
  hasEdge,
  removeNode,
  toggleEdge,
} from "./graphCodec";
import { GraphPanel } from "./GraphPanel";
import { NeighbourTable } from "./NeighbourTable";
import { SelectField } from "../primitives/SelectField";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

const vec = (v: number[]) => `[${v.map((x) => fmt(x, 3)).join(", ")}]`;

/** Edit a graph; see GAT's attention and GCN's fixed weights on it, and one node's update. */
export default function GatEditorIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set, setState } = useWidget(gatSpec);
  const [message, setMessage] = useState("");
  const [peer, setPeer] = useState(1);
  const outcome = useMemo(() => {
    try {
      return { ok: true as const, view: computeGat(state) };
    } catch (err) {
      return { ok: false as const, error: (err as Error).message };
    }
  }, [state]);
  const v = useLastGood<GatView>(outcome.ok ? outcome.view : undefined);
  if (!v)
    return (
      <div ref={ref} class="field-error">
        This graph could not be computed.
      </div>
    );
  const g = v.graph;
  const n = g.nodes.length;
  const sel = v.node;
  const a = sel;
  const other = Math.min(peer, n - 1);

  const edit = (next: Graph, node = sel, note = "") => {
    setState((s) => ({
      ...s,
      g: encodeGraph(next),
      node: Math.max(0, Math.min(node, next.nodes.length - 1)),
    }));
    setMessage(note);
  };
  const connected = hasEdge(g, a, other);
  const alphaLabel = (w: number[][], what: string) =>
    `${what} on a graph of ${n} nodes and ${g.edges.length} edges. Node ${sel + 1} weights: ` +
    v.rows.map((r) => `node ${r.j + 1}: ${fmt(w[sel][r.j], 3)}`).join(", ");

  return (
    <div ref={ref} class="ga">
      {!outcome.ok && (
        <p class="field-error" role="alert">
          {outcome.error} The last valid result is still shown.
        </p>
      )}
      <div class="ga-controls">
        <SelectField
          label="Preset"
          placeholder="Load a graph…"
          options={Object.entries(graphPresets).map(([k, p]) => ({ value: k, label: p.label }))}
          onValue={(k) => {
            const p = graphPresets[k];
            if (p) edit(p.graph, 0, `Loaded: ${p.label}.`);
          }}
        />
        <span class="ga-group">
          <RangeField
            id="ga-heads"
            label="Heads K"
            min="1"
            max="8"
            step="1"
            value={state.heads}
            valueText={(v) => `${v} heads`}
            output={(v) => <>K = {v}</>}
            outputName="heads"
            onValue={(v) => set("heads", v)}
          />
        </span>
        <NumberSelect
          label="Head drawn"
          value={v.head + 1}
          options={indices(state.heads).map((k) => k + 1)}
          show={(k) => `head ${k}`}
          onValue={(k) => set("head", k)}
        />
        <SeedInput
          label="Seed"
          value={state.seed}
          max={999999}
          step="1"
          class="ga-seed"
          onSeed={(v) => set("seed", v)}
        />
      </div>
      <div class="ga-controls">
        <NumberSelect
          label="Selected node"
          value={sel}
          options={indices(g.nodes.length)}
          show={(i) => i + 1}
          onValue={(i) => set("node", i)}
        />
        <NumberSelect
          label="and node"
          value={other}
          options={indices(g.nodes.length)}
          show={(i) => i + 1}
          onValue={setPeer}
        />
        <button
          type="button"
          data-action="toggle-edge"
          onClick={() => {
            if (a === other)
              return setMessage("Pick two different nodes to connect (self-loops are always there).");
            edit(
              toggleEdge(g, a, other),
              sel,
              `${connected ? "Removed" : "Added"} the edge ${a + 1}–${other + 1}.`,
            );
          }}
        >
          {connected ? "Disconnect" : "Connect"} {a + 1} and {other + 1}
        </button>
        <button
          type="button"
          data-action="add-node"
          onClick={() =>
            n >= MAX_NODES
              ? setMessage(`A graph here has at most ${MAX_NODES} nodes.`)
              : edit(addNode(g), n, `Added node ${n + 1}; connect it to another node.`)
          }
        >
          Add node
        </button>
        <button
          type="button"
          data-action="remove-node"
          onClick={() =>
            n <= 1
              ? setMessage("The graph needs at least one node.")
              : edit(removeNode(g, sel), sel - 1, `Removed node ${sel + 1}; later nodes were renumbered.`)
          }
        >
          Remove node {sel + 1}
        </button>
      </div>
      <p class="ga-status" role="status">
        {message}
      </p>
      <div class="ga-panels">
        <figure>
          <figcaption>
            GAT, head {v.head + 1}: the weights α node {sel + 1} (filled) gives its neighbours. A thicker edge
            carries more weight; the largest weights are written on their edges where they fit (the table
            lists all), and the small ring beside the node is its weight on itself. Grey edges do not touch
            node {sel + 1}.
          </figcaption>
          <GraphPanel
            name="gat"
            graph={g}
            weights={v.attention}
            selected={sel}
            label={alphaLabel(v.attention, `GAT attention, head ${v.head + 1}`)}
            onSelect={(i) => set("node", i)}
            onMove={(i, x, y) => {
              const nodes = g.nodes.map((p, k) => (k === i ? { x, y } : p));
              edit({ ...g, nodes }, sel);
            }}
            onToggleEdge={(p, q) =>
              edit(
                toggleEdge(g, p, q),
                sel,
                `${hasEdge(g, p, q) ? "Removed" : "Added"} the edge ${p + 1}–${q + 1}.`,
              )
            }
            onRemove={(i) =>
              n <= 1
                ? setMessage("The graph needs at least one node.")
                : edit(removeNode(g, i), i - 1, `Removed node ${i + 1}.`)
            }
          />
        </figure>
        <figure>
          <figcaption>
            GCN: the fixed weights 1/√(d̃ᵢ d̃ⱼ) for the same node, drawn the same way. d̃ is a degree counting
            the self-loop.
          </figcaption>
          <GraphPanel
            name="gcn"
            graph={g}
            weights={v.gcn}
            selected={sel}
            label={alphaLabel(v.gcn, "GCN fixed weights")}
          />
        </figure>
      </div>
      <p class="ga-output" data-output="static">
        Static attention: for {v.staticTop.matches} of the {v.staticTop.asked} nodes with two or more
        candidates, head {v.head + 1}&apos;s largest weight goes to the candidate with the largest key term
        a₂ᵀWhⱼ, whichever node is asking.
      </p>
      <NeighbourTable view={v} />
      <p class="ga-output" data-output="concat">
        Node {sel + 1}'s output with {state.heads} head{state.heads > 1 ? "s" : ""} concatenated:{" "}
        {vec(v.concat)}
      </p>
      <div class="ga-scroll" tabIndex={0} role="region" aria-label={`Update equation of node ${sel + 1}`}>
        <LiveEquation
          tex={v.tex}
          initialHtml={initialEquationHtml}
          initialTex={initialEquationTex}
          label={`Update of node ${sel + 1} with its numbers`}
        />
      </div>
    </div>
  );
}
