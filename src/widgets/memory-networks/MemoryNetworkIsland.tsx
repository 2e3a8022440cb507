import { useMemo } from "preact/hooks";
import { fmt } from "../primitives/matrixText";
import { RangeField } from "../primitives/RangeField";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { HopAttentionTable } from "./HopAttentionTable";
import { StoryFields } from "./StoryFields";
import { DIMS, type Outcome, generateStory } from "./babi";
import { EquationPicker } from "../primitives/EquationPicker";
import { answerWithinLimits, hopTex, memSpec } from "./memoryModel";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

type Result = Extract<Outcome, { ok: true }>["result"];

/** A story, a question, and a memory network's attention per hop and its query updates. */
export default function MemoryNetworkIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set, setState } = useWidget(memSpec);
  const outcome = useMemo(() => answerWithinLimits(state.story, state.question, state.hops), [state]);
  const r = useLastGood<Result>(outcome.ok ? outcome.result : undefined);
  const err = outcome.ok ? null : outcome;

  const newStory = (seed: number) => {
    const s = generateStory(seed);
    setState((old) => ({ ...old, seed, story: s.sentences.join("\n"), question: s.question }));
  };

  return (
    <div ref={ref} class="mn">
      <StoryFields
        prefix="mn"
        storyLabel="Story (one sentence per line)"
        questionLabel="Question"
        story={state.story}
        question={state.question}
        errors={{
          story: err?.field === "story" ? err.error : null,
          question: err?.field === "question" ? err.error : null,
        }}
        hints={{
          story:
            "Words: Mary, John, Sandra, Daniel; moved, went, journeyed, travelled, back, to, the; bathroom, hallway, kitchen, garden, office, bedroom.",
          question: "For example: Where is Mary?",
        }}
        onStory={(v) => set("story", v)}
        onQuestion={(v) => set("question", v)}
      />
      <div class="mn-controls">
        <button type="button" data-action="new-story" onClick={() => newStory(state.seed + 1)}>
          New story
        </button>
        <span class="mn-seed" data-output="seed">
          seed {state.seed}
        </span>
        <RangeField
          id="mn-hops"
          label="Hops K"
          min="1"
          max="3"
          step="1"
          value={state.hops}
          valueText={(v) => `${v} hops`}
          output={(v) => <>K = {v}</>}
          onValue={(v) => set("hops", v)}
        />
      </div>
      {r && (
        <>
          <p class="mn-answer" data-output="answer" aria-live="polite">
            Network's answer to “{r.question}”: <strong>{r.answer}</strong> (probability{" "}
            {fmt(r.confidence, 3)}).{" "}
            {r.expected === null
              ? "The story never says where this person went, so the answer is a guess."
              : r.expected === r.answer
                ? `Correct: the last sentence naming the person puts them in the ${r.expected}.`
                : `Wrong: the story says ${r.expected}.`}
          </p>
          <HopAttentionTable sentences={r.sentences} p={r.p} />
          <UpdateTable r={r} />
          <EquationPicker
            controlsClass="mn-controls"
            selects={[
              {
                label: "Hop in the equation",
                value: Math.min(state.hop, r.p.length),
                options: r.p.map((_, k) => k + 1),
                show: (k) => `hop ${k}`,
                onValue: (k) => set("hop", k),
              },
            ]}
            tex={hopTex(r, state.hop)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Hop ${Math.min(state.hop, r.p.length)} with its numbers`}
          />
          <p class="mn-note">
            In this hand-set network every embedding has 11 dimensions (four people, six places, time); a
            dimension not written in the equation is 0, and a sentence whose weight is below 0.0005 is left
            out of the sum for oᵏ.
          </p>
        </>
      )}
    </div>
  );
}

function UpdateTable({ r }: { r: Result }) {
  const cols: { label: string; v: number[] }[] = [];
  r.o.forEach((o, k) => {
    cols.push({ label: `u${k + 1}`, v: r.u[k] });
    cols.push({ label: `o${k + 1}`, v: o });
  });
  cols.push({ label: `u${r.o.length + 1}`, v: r.u[r.o.length] });
  return (
    <div
      class="number-table mn-scroll"
      data-table="update"
      tabIndex={0}
      role="region"
      aria-label="Query updates"
    >
      <table>
        <caption>Query update u ← u + o, one row per embedding dimension</caption>
        <thead>
          <tr>
            <th scope="col">dimension</th>
            {cols.map((c) => (
              <th scope="col">{c.label.replace(/\d+/, (d) => `${d}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DIMS.map((d, t) => (
            <tr data-dim={d}>
              <th scope="row">{d}</th>
              {cols.map((c) => (
                <td>{Math.abs(c.v[t]) < 5e-4 ? "0" : fmt(c.v[t], 3)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
