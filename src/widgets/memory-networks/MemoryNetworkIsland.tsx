import { useMemo } from "preact/hooks";
import { LinkErrors } from "../primitives/LinkErrors";
import { fmt } from "../primitives/matrixText";
import { RangeField } from "../primitives/RangeField";
import { fields } from "../primitives/urlState";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { DIMS, type Outcome, answerStory, generateStory } from "./babi";

const first = generateStory(1);
/** The state a link reproduces: the story and question as written, the seed they came from, hops. */
export const memSpec = {
  seed: fields.int(1, 0, 999999),
  story: fields.text(first.sentences.join("\n"), 2000),
  question: fields.text(first.question, 200),
  hops: fields.int(1, 1, 3),
};

type Result = Extract<Outcome, { ok: true }>["result"];

/** A story, a question, and a memory network's attention per hop and its query updates. */
export default function MemoryNetworkIsland() {
  const { ref, state, set, setState, linkErrors } = useWidget("mem", memSpec);
  const outcome = useMemo(() => answerStory(state.story, state.question, state.hops), [state]);
  const r = useLastGood<Result>(outcome.ok ? outcome.result : undefined);
  const err = outcome.ok ? null : outcome;

  const newStory = (seed: number) => {
    const s = generateStory(seed);
    setState((old) => ({ ...old, seed, story: s.sentences.join("\n"), question: s.question }));
  };

  return (
    <div ref={ref} class="mn">
      <LinkErrors errors={linkErrors} />
      <div class="mn-inputs">
        <label for="mn-story">Story (one sentence per line)</label>
        <textarea
          id="mn-story"
          rows={6}
          spellcheck={false}
          value={state.story}
          aria-invalid={err?.field === "story"}
          aria-describedby="mn-story-error"
          onInput={(e) => set("story", (e.target as HTMLTextAreaElement).value)}
        />
        <p
          id="mn-story-error"
          class={err?.field === "story" ? "field-error" : "mn-hint"}
          role={err?.field === "story" ? "alert" : undefined}
        >
          {err?.field === "story"
            ? `${err.error} The last answer is still shown.`
            : "Words: Mary, John, Sandra, Daniel; moved, went, journeyed, travelled, back, to, the; bathroom, hallway, kitchen, garden, office, bedroom."}
        </p>
        <label for="mn-question">Question</label>
        <input
          id="mn-question"
          type="text"
          value={state.question}
          aria-invalid={err?.field === "question"}
          aria-describedby="mn-question-error"
          onInput={(e) => set("question", (e.target as HTMLInputElement).value)}
        />
        <p
          id="mn-question-error"
          class={err?.field === "question" ? "field-error" : "mn-hint"}
          role={err?.field === "question" ? "alert" : undefined}
        >
          {err?.field === "question"
            ? `${err.error} The last answer is still shown.`
            : "For example: Where is Mary?"}
        </p>
      </div>
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
          valueText={`${state.hops} hops`}
          output={<>K = {state.hops}</>}
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
          <AttentionTable r={r} />
          <UpdateTable r={r} />
        </>
      )}
    </div>
  );
}

function AttentionTable({ r }: { r: Result }) {
  return (
    <div
      class="number-table mn-scroll"
      data-table="attention"
      tabIndex={0}
      role="region"
      aria-label="Attention per hop"
    >
      <table>
        <caption>Attention p over the sentences, one column per hop (bars are p)</caption>
        <thead>
          <tr>
            <th scope="col">i</th>
            <th scope="col">sentence</th>
            {r.p.map((_, k) => (
              <th scope="col">hop {k + 1}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.sentences.map((s, i) => (
            <tr data-i={i + 1}>
              <th scope="row">{i + 1}</th>
              <td class="mn-sentence">{s}</td>
              {r.p.map((p, k) => (
                <td class="mn-bar-cell" data-hop={k + 1}>
                  <span class="mn-bar" style={{ width: `${Math.round(p[i] * 100)}%` }} aria-hidden="true" />
                  <span class="mn-num">{p[i].toFixed(3)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
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
