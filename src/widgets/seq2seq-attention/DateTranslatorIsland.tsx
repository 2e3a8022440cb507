import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { DateTranslation, DateTranslator, StoredDateWeights } from "../../../lib/models";
import { LiveEquation } from "../primitives/LiveEquation";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { fixed } from "../primitives/format";
import { useWidget } from "../primitives/useWidget";
import {
  WEIGHTS_PATH,
  charLabel,
  contextTex,
  dateExamples,
  datesSpec,
  outputSummary,
  readDateInput,
  translatorFrom,
} from "./datesModel";
import { SelectField } from "../primitives/SelectField";

interface Props {
  /** The translation of the default input, computed at build time from the same weights. */
  initial: DateTranslation;
  initialEquationHtml: string;
  initialEquationTex: string;
}

type ModelState = "loading" | "ready" | "error";
/** A translation and the generator's reading of its input (null: not a trained format). */
type Shown = { tr: DateTranslation; iso: string | null; format: string | null };
const EXAMPLES = dateExamples();

/**
 * The pretrained date translator: the reader's date, the model's ISO output, the alignment matrix
 * and the context vector of one output character. The weights are fetched when the island first
 * runs (it hydrates when visible); until then the build-time translation of the default input shows.
 */
export default function DateTranslatorIsland({ initial, initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(datesSpec);
  const [model, setModel] = useState<DateTranslator | null>(null);
  const [modelState, setModelState] = useState<ModelState>("loading");
  const [loadError, setLoadError] = useState<string | null>(null);
  const lastGood = useRef<Shown>(null as unknown as Shown);
  if (!lastGood.current) {
    const first = readDateInput(initial.input);
    lastGood.current = {
      tr: initial,
      iso: first.ok ? first.iso : null,
      format: first.ok ? first.format : null,
    };
  }

  useEffect(() => {
    let cancelled = false;
    fetch(`${import.meta.env.BASE_URL}${WEIGHTS_PATH}`)
      .then((r) => {
        if (!r.ok) throw new Error(`the weights file answered ${r.status}`);
        return r.json() as Promise<StoredDateWeights>;
      })
      .then((stored) => {
        if (cancelled) return;
        setModel(translatorFrom(stored));
        setModelState("ready");
      })
      .catch((e: Error) => {
        if (cancelled) return;
        setLoadError(`Could not load the model's weights (${e.message}). The default date is still shown.`);
        setModelState("error");
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>("[data-widget]");
    if (root) root.dataset.model = modelState;
  }, [modelState]);

  const input = readDateInput(state.text);
  const current = useMemo((): Shown | null => {
    if (!input.ok) return null;
    if (input.text === initial.input && !model) return { tr: initial, iso: input.iso, format: input.format };
    if (!model) return null;
    return { tr: model.translate(input.text), iso: input.iso, format: input.format };
  }, [state.text, model]);
  if (current) lastGood.current = current;
  const { tr, iso, format } = current ?? lastGood.current;
  const t = state.t;
  const fieldError = input.ok ? (current ? undefined : "The model is still loading.") : input.error;
  const chars = [...tr.input].map(charLabel);
  const outChars = [...tr.output];
  const verdict =
    iso === null
      ? "This is not one of the formats the model was trained on: it is guessing. The attention below is real, but nothing was trained to make it sensible."
      : tr.output === iso
        ? `Correct: a trained format (${format}), read by the generator's parser as ${iso}.`
        : `Wrong: a trained format (${format}) whose date is ${iso}; the model wrote ${tr.output}.`;
  const summary = outputSummary(tr, t);

  return (
    <div ref={ref} class="dates" data-trained={iso === null ? "false" : "true"}>
      {loadError && (
        <p class="field-error" role="alert">
          {loadError}
        </p>
      )}
      <div class="widget-controls">
        <label>
          A date{" "}
          <input
            type="text"
            value={state.text}
            size={34}
            spellcheck={false}
            autocomplete="off"
            aria-invalid={fieldError ? "true" : "false"}
            aria-describedby="dates-input-msg"
            onInput={(e) => set("text", (e.target as HTMLInputElement).value)}
          />
        </label>
        <SelectField
          label="Try an example"
          placeholder="choose…"
          options={EXAMPLES.map((x) => ({ value: x.text, label: `${x.text} (${x.note})` }))}
          onValue={(v) => set("text", v)}
        />
      </div>
      <p id="dates-input-msg" class={fieldError ? "field-error" : "field-ok"} aria-live="polite">
        {fieldError ? `${fieldError} The last translation is still shown.` : ""}
      </p>
      <p class="dates-answer">
        <span class="dates-in">{tr.input}</span> →{" "}
        <output class="dates-out" data-output="translation">
          {tr.output}
        </output>
      </p>
      <p
        class={iso === null ? "dates-verdict dates-guess" : "dates-verdict"}
        data-output="verdict"
        role="status"
      >
        {verdict}
      </p>
      <div
        class="widget-controls"
        role="radiogroup"
        aria-label="Output character whose context vector is shown"
      >
        <span aria-hidden="true">Output character:</span>
        {outChars.map((c, k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={t === k + 1 ? "true" : "false"}
            aria-label={`character ${k + 1}, ${c}`}
            class="dates-char"
            onClick={() => set("t", k + 1)}
            onKeyDown={(e) => {
              const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
              if (!d) return;
              e.preventDefault();
              const next = Math.min(10, Math.max(1, t + d));
              set("t", next);
              (e.currentTarget.parentElement?.querySelectorAll("button")[next - 1] as HTMLElement)?.focus();
            }}
            tabIndex={t === k + 1 ? 0 : -1}
          >
            {c}
          </button>
        ))}
      </div>
      <p class="dates-summary" data-output="summary">
        {summary}
      </p>
      <MatrixGrid
        name="date-alignment"
        label={`Alignment matrix: row t is αₜ, the weights over the ${chars.length} input characters while writing output character t`}
        data={tr.attention}
        rows={outChars}
        cols={chars}
        rowTitle="output character"
        colTitle="input character"
        palette="sequential"
        domain={[0, 1]}
        legend="weight α"
        format={(a) => fixed(a, 2)}
        showValues={false}
        maxCell={30}
        minCell={14}
        currentRow={t - 1}
      />
      <LiveEquation
        tex={contextTex(tr, t)}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`The context vector of output character ${t}: ${summary}`}
      />
    </div>
  );
}
