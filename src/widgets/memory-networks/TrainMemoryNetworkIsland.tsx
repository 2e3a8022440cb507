import {
  BABI_EXAMPLES,
  BABI_MAX_SENTENCES,
  BABI_VOCAB,
  type BabiTask,
  babiAnswer,
  babiInputErrors,
  splitSentences,
} from "../../../lib/models/babiTask";
import type {
  MemoryNetworkOptions,
  MemoryNetworkOutput,
  StoryInput,
} from "../../../lib/models/memoryNetwork";
import { TrainerFrame, useTrainingWidget } from "../../training/TrainerFrame";
import { useModelQuery } from "../../training/useModelQuery";
import { useThrottled } from "../../training/useThrottled";
import { VariantChoice } from "../../training/VariantChoice";
import { LiveEquation } from "../primitives/LiveEquation";
import { NumberSelect } from "../primitives/NumberSelect";
import { fields } from "../primitives/urlState";
import { formats } from "../primitives/format";
import { QUESTION_LIMITS, STORY_LIMITS, storyLimitErrors } from "./memoryModel";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { HopAttentionTable } from "./HopAttentionTable";
import { StoryFields } from "./StoryFields";
import { hopAndSlot, trainedHopSummary, trainedHopTex, trainedMemoryCells } from "./trainedHopEquation";

const example = (task: BabiTask) => BABI_EXAMPLES[task].sentences.join("\n");

export const spec = {
  task: fields.choice<"1" | "2">("2", ["1", "2"]),
  hops: fields.int(3, 1, 3),
  seed: fields.int(1, 0, 1_000_000),
  story: fields.text(example(2), STORY_LIMITS),
  question: fields.text(BABI_EXAMPLES[2].question, QUESTION_LIMITS),
  /** The hop the equation writes out (clamped to the hops there are). */
  hop: fields.int(1, 1, 3),
  /** The memory slot (sentence) the equation writes out, 1-based (clamped to the story's length). */
  slot: fields.int(1, 1, BABI_MAX_SENTENCES),
};

const createWorker = () =>
  new Worker(new URL("./memoryNetwork.worker.ts", import.meta.url), { type: "module", name: "memn2n" });

/** Train an end-to-end memory network on generated bAbI-style stories, in a Web Worker. */
export default function TrainMemoryNetworkIsland() {
  const w = useTrainingWidget<typeof spec, MemoryNetworkOptions, StoryInput, MemoryNetworkOutput>(
    spec,
    createWorker,
    (s) => ({ task: Number(s.task) as BabiTask, hops: s.hops }),
  );
  const { state, set, setState, progress, trainer } = w;
  // The reader's story and question, checked against the fields' limits, then with the model's own
  // encoder, before they are sent.
  const long = storyLimitErrors(state.story, state.question);
  const within = long.story === null && long.question === null;
  const sentences = within ? splitSentences(state.story) : [];
  const errors = within ? babiInputErrors(sentences, state.question) : long;
  const valid = errors.story === null && errors.question === null;
  const { answer } = useModelQuery<StoryInput, MemoryNetworkOutput>(
    trainer.query,
    valid ? { sentences, question: state.question } : null,
    valid ? JSON.stringify([sentences, state.question]) : "",
    progress,
  );

  const shown = answer ?? progress?.view ?? null;
  const supporting = shown ? (babiAnswer(shown.sentences, shown.question)?.supporting ?? []) : [];
  const top = shown
    ? shown.probs
        .map((p, v) => ({ word: BABI_VOCAB[v], p }))
        .slice(1)
        .sort((a, b) => b.p - a.p)
        .slice(0, 5)
    : [];

  const { k: hop, i: slot } = shown ? hopAndSlot(shown, state.hop, state.slot) : { k: 1, i: 1 };
  // Typesetting this equation is a task of about 60 ms: while the model trains, it is typeset only
  // when the reader picks another hop or sentence or asks about another story (paused or done, at once).
  const equationTex = useThrottled(
    shown ? trainedHopTex(shown, hop, slot) : "",
    progress?.state === "training" ? Infinity : 0,
    `${hop} ${slot} ${shown ? `${shown.sentences.join(" ")} ${shown.question}` : ""}`,
  );
  useOpenNotebook(
    w.ref,
    () => (shown ? trainedMemoryCells(shown, progress?.step ?? 0) : null),
    "the trained memory network",
    "The network has not answered yet; wait for the first report, then open it in the notebook.",
  );

  const chooseTask = (t: "1" | "2") =>
    setState((s) => ({
      ...s,
      task: t,
      story: example(Number(t) as BabiTask),
      question: BABI_EXAMPLES[Number(t) as BabiTask].question,
    }));

  return (
    <TrainerFrame
      widget={w}
      idPrefix="mn2"
      class="mn"
      controls={
        <>
          <VariantChoice
            legend="Task (changing it starts again)"
            name="mn2-task"
            value={state.task}
            options={[
              ["1", "1: single supporting fact"],
              ["2", "2: two supporting facts"],
            ]}
            onChange={chooseTask}
          />
          <NumberSelect
            label="Hops K"
            value={state.hops}
            options={[1, 2, 3]}
            onValue={(v) => set("hops", v)}
          />
        </>
      }
      chart={{ label: "Loss and held-out accuracy", lossLabel: "cross-entropy (nats)" }}
    >
      <StoryFields
        prefix="mn2"
        storyLabel="Your story (one sentence per line)"
        questionLabel="Your question"
        story={state.story}
        question={state.question}
        errors={errors}
        hints={{
          story:
            "Up to 12 sentences of at most 6 words: people move to rooms, pick up (got, grabbed, took) and drop (discarded, put down, left) the football, the apple or the milk.",
          question: "For example: Where is Mary? or Where is the apple?",
        }}
        onStory={(v) => set("story", v)}
        onQuestion={(v) => set("question", v)}
      />
      {shown && (
        <>
          <p class="mn-answer" data-output="answer" aria-live="polite">
            Trained network's answer to “{shown.question}”: <strong>{shown.answer}</strong> (probability{" "}
            {formats.weight(shown.probs[BABI_VOCAB.indexOf(shown.answer)])}).{" "}
            <span data-output="verdict">
              {shown.expected === null
                ? "The story does not determine the answer, so this is a guess."
                : shown.expected === shown.answer
                  ? "Correct by the task's rule."
                  : `Wrong: by the task's rule it is the ${shown.expected}.`}
            </span>
          </p>
          <div class="trainer-figures">
            <HopAttentionTable
              sentences={shown.sentences}
              p={shown.attention}
              supporting={supporting}
              label="Trained network's attention per hop"
            />
            <div class="number-table" data-table="answer">
              <table>
                <caption>Answer distribution softmax(W u), the five most probable words</caption>
                <thead>
                  <tr>
                    <th scope="col">word</th>
                    <th scope="col">p</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map(({ word, p }) => (
                    <tr key={word}>
                      <th scope="row">{word}</th>
                      <td class="mn-bar-cell">
                        <span
                          class="mn-bar"
                          style={{ width: `${Math.round(p * 100)}%` }}
                          aria-hidden="true"
                        />
                        <span class="mn-num">{formats.weight(p)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div class="trainer-equation">
            <div class="widget-controls">
              <NumberSelect
                label="Hop in the equation"
                value={hop}
                options={shown.attention.map((_, k) => k + 1)}
                show={(k) => `hop ${k}`}
                onValue={(v) => set("hop", v)}
              />
              <NumberSelect
                label="Sentence in the equation"
                value={slot}
                options={shown.sentences.map((_, i) => i + 1)}
                onValue={(v) => set("slot", v)}
              />
            </div>
            <p data-output="hop-summary">{trainedHopSummary(shown, hop, slot)}</p>
            <LiveEquation
              tex={equationTex}
              label={`Hop ${hop} of the trained network with its numbers. ${trainedHopSummary(shown, hop, slot)}`}
            />
          </div>
        </>
      )}
    </TrainerFrame>
  );
}
