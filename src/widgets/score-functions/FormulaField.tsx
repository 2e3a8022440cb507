import { Typeset } from "../../formula/Typeset";
import { FORMULA_EXAMPLES } from "./scoreModel";
import { SelectField } from "../primitives/SelectField";

interface Props {
  value: string;
  onInput: (expr: string) => void;
  /** TeX of the last formula that parsed (typeset on the page, or shown as text). */
  tex: string | null;
  error?: string;
  status?: string;
}

/** The reader's own score function: a text field, examples, the typeset formula, and errors. */
export function FormulaField({ value, onInput, tex, error, status }: Props) {
  return (
    <div class="sf-formula">
      <label for="sf-formula">Your score function s(q, k)</label>
      <div class="sf-formula-row">
        <input
          id="sf-formula"
          type="text"
          spellcheck={false}
          autocomplete="off"
          value={value}
          aria-invalid={error ? "true" : "false"}
          aria-describedby="sf-formula-hint sf-formula-error"
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        />
        <SelectField
          label="Load an example formula"
          hideLabel
          placeholder="Examples…"
          options={FORMULA_EXAMPLES.map((x) => ({ value: x.expr, label: x.label }))}
          onValue={onInput}
        />
      </div>
      <small id="sf-formula-hint" class="hint">
        mathjs syntax. In scope: the vectors <code>q</code> and <code>k</code> and their length <code>d</code>
        ; for example <code>q' * k / sqrt(d)</code>, <code>dot(q, k)</code>, <code>norm(q - k)</code>,{" "}
        <code>exp</code>, <code>tanh</code>.
      </small>
      <div class="sf-formula-tex" aria-live="polite" data-output="formula-tex">
        {tex !== null ? <Typeset tex={tex} source={value} /> : <p class="hint">{status ?? ""}</p>}
      </div>
      <p id="sf-formula-error" class={error ? "field-error" : "field-ok"} role={error ? "alert" : undefined}>
        {error ?? ""}
      </p>
    </div>
  );
}
