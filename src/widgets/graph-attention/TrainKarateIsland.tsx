import {
  GRAPH_NETS,
  type GraphNet,
  type NodeAnswer,
  type NodeClassifierView,
  type NodeQuery,
} from "../../../lib/models/nodeClassification";
import { KARATE_FACTIONS, KARATE_NODES } from "../../data/karate";
import { TrainerFrame, useTrainingWidget } from "../../training/TrainerFrame";
import { useModelQuery } from "../../training/useModelQuery";
import { useThrottled } from "../../training/useThrottled";
import { FieldMessage } from "../primitives/FieldMessage";
import { LiveEquation } from "../primitives/LiveEquation";
import { fmt } from "../primitives/matrixText";
import { accuracyText, roundDecimals } from "../primitives/format";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { GraphPanel } from "./GraphPanel";
import { graphPresets } from "./graphCodec";
import { karateCells, karateSummary, karateTex } from "./karateEquation";
import {
  FACTION_LABELS,
  type KarateRunOptions,
  NET_LABELS,
  answerRows,
  conflictCounts,
  karateSpec,
  parseLabelled,
  topIsLargestKey,
  wrongMembers,
} from "./trainKarateModel";

const createWorker = () =>
  new Worker(new URL("./karate.worker.ts", import.meta.url), { type: "module", name: "karate" });

const graph = graphPresets.karate.graph;
const pct = accuracyText;
const list = (xs: number[]) => (xs.length ? xs.join(", ") : "none");

/** Train GAT, GATv2 and GCN side by side on the karate club from a few labelled members, in a Web Worker. */
export default function TrainKarateIsland() {
  // A set the model cannot train from keeps the last good one running.
  const w = useTrainingWidget<
    typeof karateSpec,
    KarateRunOptions,
    NodeQuery,
    NodeClassifierView | NodeAnswer
  >(karateSpec, createWorker, (s) => ({ labelled: parseLabelled(s.labelled) }));
  const { state, set, progress, trainer } = w;
  let labelError: string | undefined;
  try {
    parseLabelled(state.labelled);
  } catch (e) {
    labelError = (e as Error).message;
  }
  const labelled = w.options.labelled;
  const view = (progress?.view ?? null) as NodeClassifierView | null;
  const member = state.member - 1;

  const { answer } = useModelQuery<NodeQuery, NodeClassifierView | NodeAnswer>(
    trainer.query,
    { node: member },
    `${member}`,
    progress,
  );

  const conflicts = view ? conflictCounts(view) : null;
  const asked = answer as NodeAnswer | null;
  const current = asked && asked.node === member ? asked : null;
  const rows = current ? answerRows(current) : null;
  const net: GraphNet = state.net;
  // While the networks train, the equation follows them at most once a second (paused or done, at once).
  const equationTex = useThrottled(
    current ? karateTex(current, net) : "",
    progress?.state === "training" ? 1000 : 0,
  );
  useOpenNotebook(
    w.ref,
    () => (current ? karateCells(current, state.net, progress?.step ?? 0) : null),
    `the trained ${NET_LABELS[state.net]} on the karate club`,
    "The networks have not answered for this member yet; wait a moment, then open it in the notebook.",
  );

  return (
    <TrainerFrame
      widget={w}
      idPrefix="karate"
      defaultSpeed="medium"
      controls={
        <>
          <label>
            Labelled members (changing them starts again){" "}
            <input
              type="text"
              class="kc-labelled"
              value={state.labelled}
              aria-invalid={labelError ? "true" : "false"}
              aria-describedby="karate-labelled-msg"
              onInput={(e) => set("labelled", (e.target as HTMLInputElement).value)}
            />
          </label>
          <FieldMessage
            id="karate-labelled-msg"
            error={labelError}
            kept="set of labelled members, in training,"
          />
        </>
      }
      chart={{
        label:
          "Training loss of the three networks on the labelled members, and the lowest held-out accuracy",
        series: GRAPH_NETS.map((net) => ({ key: net, label: NET_LABELS[net] })),
        lossLabel: "cross-entropy (nats)",
      }}
    >
      <p class="kc-legend">
        <span class="kc-key kc-key-hi" aria-hidden="true" /> {FACTION_LABELS.hi}'s faction{" "}
        <span class="kc-key kc-key-officer" aria-hidden="true" /> the Officer's faction: the fill is the
        faction each member joined, the ring the network's prediction. A thick dark outline marks a labelled
        member; edge width is the attention between the two ends (the selected member's own weights are
        labelled). The status line's held-out accuracy is the lowest of the three networks'.
      </p>
      {view && (
        <div class="ga-panels kc-panels">
          {GRAPH_NETS.map((net) => {
            const v = view[net];
            const wrong = wrongMembers(v, labelled);
            const unlabelled = KARATE_NODES - labelled.length;
            const summary = `${NET_LABELS[net]}: ${unlabelled - wrong.length} of ${unlabelled} unlabelled members right (${pct(v.accuracy)}); wrong: ${list(wrong)}.`;
            return (
              <figure key={net} data-net={net} data-accuracy={roundDecimals(v.accuracy, 4)}>
                <GraphPanel
                  graph={graph}
                  weights={v.attention}
                  selected={member}
                  name={`karate-${net}`}
                  label={`${summary} Member ${member + 1}'s largest weight is on member ${
                    1 + v.attention[member].indexOf(Math.max(...v.attention[member]))
                  }.`}
                  nodeClass={(i) => `kc-${KARATE_FACTIONS[i]}${labelled.includes(i) ? " kc-given" : ""}`}
                  ringClass={(i) => (v.predicted[i] === 0 ? "kc-ring-hi" : "kc-ring-officer")}
                />
                <figcaption data-output="net-summary">
                  {net === "gcn"
                    ? "GCN (fixed weights 1/√(d̃ᵢd̃ⱼ))"
                    : `${NET_LABELS[net]} (learned attention, layer 1)`}
                  <br />
                  {summary}
                </figcaption>
              </figure>
            );
          })}
        </div>
      )}
      <div class="trainer-query widget-controls">
        <NumberSelect
          id="karate-member"
          label="Member"
          labelApart
          value={state.member}
          options={indices(KARATE_NODES).map((i) => i + 1)}
          show={(m) => `${m} (${FACTION_LABELS[KARATE_FACTIONS[m - 1]]})`}
          onValue={(v) => set("member", v)}
        />
      </div>
      {view && conflicts && (
        <p class="kc-static" data-output="static">
          GAT: {topIsLargestKey(view.gat)} of {KARATE_NODES} members put their largest weight on the neighbour
          with the largest key term a₂ᵀWhⱼ. Of the {conflicts.pairs} pairs of members that two or more members
          see together, GAT ranks {conflicts.gat} in opposite orders from different members, GATv2{" "}
          {conflicts.gatv2}, GCN {conflicts.gcn}.
        </p>
      )}
      {rows && (
        <div
          class="number-table ga-scroll"
          data-table="karate-query"
          tabIndex={0}
          role="region"
          aria-label={`Member ${member + 1}'s weights on its neighbours in each network`}
        >
          <table>
            <caption>
              Member {member + 1} ({FACTION_LABELS[KARATE_FACTIONS[member]]}) at step {progress?.step ?? 0}:
              first-layer weight on itself and each neighbour, and its rank in that member's row (1 = largest)
            </caption>
            <thead>
              <tr>
                <th scope="col">j</th>
                <th scope="col">faction</th>
                <th scope="col">GAT e</th>
                <th scope="col">GAT α</th>
                <th scope="col">GAT rank</th>
                <th scope="col">GATv2 e</th>
                <th scope="col">GATv2 α</th>
                <th scope="col">GATv2 rank</th>
                <th scope="col">GCN c</th>
                <th scope="col">GCN rank</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.member} data-j={r.member}>
                  <th scope="row">{r.member}</th>
                  <td>{r.faction}</td>
                  <td>{fmt(r.gat.score, 3)}</td>
                  <td data-col="gat">{fmt(r.gat.weight, 3)}</td>
                  <td data-col="gat-rank">{r.gat.rank}</td>
                  <td>{fmt(r.gatv2.score, 3)}</td>
                  <td data-col="gatv2">{fmt(r.gatv2.weight, 3)}</td>
                  <td data-col="gatv2-rank">{r.gatv2.rank}</td>
                  <td data-col="gcn">{fmt(r.gcn.weight, 3)}</td>
                  <td data-col="gcn-rank">{r.gcn.rank}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current && (
        <div class="trainer-equation">
          <div class="widget-controls">
            <NumberSelect
              label="Network in the equation"
              value={GRAPH_NETS.indexOf(net)}
              options={GRAPH_NETS.map((_, k) => k)}
              show={(k) => NET_LABELS[GRAPH_NETS[k]]}
              onValue={(k) => set("net", GRAPH_NETS[k])}
            />
          </div>
          <p data-output="equation-summary">{karateSummary(current, net)}</p>
          <LiveEquation
            tex={equationTex}
            label={`Member ${member + 1}'s first-layer weights in ${NET_LABELS[net]} with the trained numbers. ${karateSummary(current, net)}`}
          />
        </div>
      )}
    </TrainerFrame>
  );
}
