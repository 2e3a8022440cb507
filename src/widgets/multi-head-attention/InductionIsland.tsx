import { useState } from "preact/hooks";
import type { InductionInput, InductionOptions, InductionOutput } from "../../../lib/models/induction";
import { letters, parseLetters } from "../../../lib/models/inductionTask";
import { QueryField } from "../../training/QueryField";
import { TrainerFrame, useTrainedQuery, useTrainingWidget } from "../../training/TrainerFrame";
import { useThrottled } from "../../training/useThrottled";
import { EquationPicker } from "../primitives/EquationPicker";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { accuracyText, fixed } from "../primitives/format";
import { fields, limited } from "../primitives/urlState";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { HeadGrid } from "./HeadGrid";
import { ScrollBox } from "../primitives/ScrollBox";
import { HeadLines } from "./HeadLines";
import { inductionCells, inductionSummary, inductionTex } from "./inductionEquation";
import { copyableScore, headSummary } from "./inductionView";

const LAYERS = 2;
const HEADS = 2;
const OPTIONS: InductionOptions = {};

export const spec = {
  seed: fields.int(1, 0, 1_000_000),
  input: fields.text("wordplay wordplay", { maxLength: 60, maxWord: 20 }),
  head: fields.int(2, 0, LAYERS * HEADS - 1),
  /** The query position of the equation (1-based; at most the longest sequence, 20 letters). */
  query: fields.int(13, 1, 20),
};

const createWorker = () =>
  new Worker(new URL("./induction.worker.ts", import.meta.url), { type: "module", name: "induction" });

const headName = (k: number) => `layer ${Math.floor(k / HEADS) + 1}, head ${(k % HEADS) + 1}`;
const pct = accuracyText;

/** Train a two-layer attention-only Transformer on repeated letters in a Web Worker; inspect and knock out its heads. */
export default function InductionIsland() {
  const w = useTrainingWidget<typeof spec, InductionOptions, InductionInput, InductionOutput>(
    spec,
    createWorker,
    () => OPTIONS,
  );
  const { state, set, progress, trainer } = w;
  const [knockout, setKnockout] = useState<number[]>([]);
  const [lineQuery, setLineQuery] = useState<number | null>(null);
  const training = progress?.state === "training";

  // While it trains the figures follow the probe; otherwise they show the reader's sequence.
  const mine = useTrainedQuery(
    trainer,
    state.input,
    limited(spec.input, "The sequence", (text) => ({ tokens: parseLetters(text), knockout })),
    (i) => `${letters(i.tokens)}|${i.knockout.join(",")}`,
    () => training,
  );
  const answer = mine.answer;
  const inputError = mine.error;
  const shown = !training && answer ? answer : (progress?.view ?? null);
  const onProbe = shown !== null && shown === progress?.view;
  const toks = shown ? [...letters(shown.tokens)] : [];
  const head = state.head;
  const hl = Math.floor(head / HEADS);
  const hh = head % HEADS;
  const score = shown ? copyableScore(shown) : null;
  const q = lineQuery !== null && lineQuery < toks.length ? lineQuery : null;
  const pick = { layer: hl, head: hh, query: Math.min(state.query, toks.length) - 1 };
  // Typesetting is the page's largest task: while the model trains, the equation follows it at most
  // once a second (paused or done, at once).
  const equationTex = useThrottled(shown ? inductionTex(shown, pick) : "", training ? 1000 : 0);
  useOpenNotebook(
    w.ref,
    () => (shown ? inductionCells(shown, pick, progress?.step ?? 0) : null),
    "the trained induction heads",
    "The model has not answered yet; wait for the first report, then open it in the notebook.",
  );

  const toggle = (k: number, on: boolean) =>
    setKnockout((ko) => (on ? [...ko, k].sort((a, b) => a - b) : ko.filter((x) => x !== k)));

  return (
    <TrainerFrame
      widget={w}
      idPrefix="ind"
      class="ind"
      chart={{ label: "Loss and held-out accuracy on the repeated half", lossLabel: "cross-entropy (nats)" }}
    >
      <QueryField
        id="ind-input-msg"
        label="Your sequence (letters a–z)"
        value={state.input}
        error={inputError}
        onValue={(v) => set("input", v)}
        input={{ spellcheck: false, autocomplete: "off" }}
      >
        <fieldset class="trainer-variant">
          <legend>Knock out heads</legend>
          {Array.from({ length: LAYERS * HEADS }, (_, k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={knockout.includes(k)}
                onChange={(e) => toggle(k, (e.target as HTMLInputElement).checked)}
              />{" "}
              L{Math.floor(k / HEADS) + 1} H{(k % HEADS) + 1}
            </label>
          ))}
        </fieldset>
      </QueryField>
      <p data-output="knockout" aria-live="polite">
        {knockout.length === 0
          ? "No head knocked out."
          : answer?.heldOut && answer.knockout.join(",") === knockout.join(",")
            ? `Held-out accuracy on the repeated half with ${knockout.map(headName).join(" and ")} knocked out: ${pct(answer.heldOut.accuracy)} (all heads: ${Number.isFinite(progress?.accuracy) ? pct(progress!.accuracy) : "not measured"}).`
            : training
              ? "Knock-outs are measured while paused or done."
              : "Measuring…"}
      </p>
      {shown && (
        <>
          <p data-output="sequence">
            {onProbe
              ? `While it trains: the probe sequence ${toks.join("")} (pause to see yours).`
              : `Your sequence ${toks.join("")}`}
            {score && score.total > 0
              ? `: ${score.correct} of ${score.total} next letters that can be copied from an earlier occurrence are predicted right.`
              : score
                ? ": no letter repeats, so nothing can be copied."
                : ""}
          </p>
          <div class="ind-views">
            <HeadGrid
              attention={shown.attention}
              selected={head}
              onSelect={(k) => set("head", k)}
              knockout={shown.knockout}
              describe={(l, h) => headSummary(shown, l, h)}
            />
            <figure class="ind-headview">
              {/* Drawn at its real size, so its letters stay legible; a long sequence scrolls sideways. */}
              <ScrollBox label="Head view (scrolls sideways)">
                <HeadLines
                  weights={shown.attention[hl][hh]}
                  tokens={toks}
                  query={q}
                  label={`Head view of layer ${hl + 1}, head ${hh + 1}: ${headSummary(shown, hl, hh)}`}
                />
              </ScrollBox>
              <figcaption>
                Head view of layer {hl + 1}, head {hh + 1}: each query (below) joined to the keys it attends
                to (above), thicker for more weight. {headSummary(shown, hl, hh)}.{" "}
                <NumberSelect
                  label="Lines from"
                  value={q ?? -1}
                  options={[-1, ...indices(toks.length)]}
                  show={(i) => (i < 0 ? "every position" : `position ${i + 1} (${toks[i]})`)}
                  onValue={(i) => setLineQuery(i < 0 ? null : i)}
                />
              </figcaption>
              <details>
                <summary>
                  Weights of layer {hl + 1}, head {hh + 1} as a table
                </summary>
                <table data-table="head">
                  <thead>
                    <tr>
                      <th scope="col">query \ key</th>
                      {toks.map((t, j) => (
                        <th scope="col" key={j}>
                          {t}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {shown.attention[hl][hh].map((row, i) => (
                      <tr key={i}>
                        <th scope="row">{toks[i]}</th>
                        {row.map((a, j) => (
                          <td key={j}>{fixed(a, 2)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </figure>
          </div>
          <div class="trainer-equation">
            <EquationPicker
              selects={[
                {
                  label: "Layer in the equation",
                  value: hl,
                  options: indices(LAYERS),
                  show: (l) => `layer ${l + 1}`,
                  onValue: (l) => set("head", l * HEADS + hh),
                },
                {
                  label: "Head in the equation",
                  value: hh,
                  options: indices(HEADS),
                  show: (h) => `head ${h + 1}`,
                  onValue: (h) => set("head", hl * HEADS + h),
                },
                {
                  label: "Query in the equation",
                  value: pick.query,
                  options: indices(toks.length),
                  show: (i) => `position ${i + 1} (${toks[i]})`,
                  onValue: (i) => set("query", i + 1),
                },
              ]}
              tex={equationTex}
              label={`Equation of layer ${hl + 1}, head ${hh + 1} at query ${pick.query + 1}, with the model's numbers. ${inductionSummary(shown, pick)}`}
            />
          </div>
          <div class="ind-predictions" role="region" aria-label="Predicted next letters" tabIndex={0}>
            <table data-table="predictions">
              <caption>Next letter after each position</caption>
              <tbody>
                <tr>
                  <th scope="row">letter</th>
                  {toks.map((t, i) => (
                    <td key={i}>{t}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">predicted next</th>
                  {shown.predictions.map((p, i) => (
                    <td
                      key={i}
                      class={
                        score?.copyable[i] ? (p === shown.tokens[i + 1] ? "ind-right" : "ind-wrong") : ""
                      }
                    >
                      {letters([p])}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </TrainerFrame>
  );
}
