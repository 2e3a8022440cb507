import { useMemo } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { EquationPicker } from "../primitives/EquationPicker";
import { indices } from "../primitives/NumberSelect";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { HardPanel, LocalPanel, SoftPanel } from "./ShlPanels";
import { MODES, type Mode, type ShlResult, computeShl, shlSpec } from "./softHardLocalModel";
import { shlTex } from "./shlEquation";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

const MODE_LABEL: Record<Mode, string> = {
  soft: "Soft (global)",
  hard: "Hard (sample)",
  local: "Local (Luong)",
};

/** One set of scores, three ways to attend: soft, hard (argmax, sampling, Gumbel-softmax) and local. */
export default function SoftHardLocalIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(shlSpec);
  const outcome = useMemo(() => computeShl(state), [state]);
  const r = useLastGood<ShlResult>(outcome.ok ? outcome.result : undefined);
  const error = outcome.ok ? undefined : outcome.error;
  const pos = r ? Math.min(state.pos, r.scores.length - 1) : 0;
  const tex = useMemo(() => (r ? shlTex(r, state, pos) : ""), [r, state, pos]);
  return (
    <div ref={ref} class="shl">
      <div class="matrix-field">
        <label for="shl-scores">Scores (2 to 12 numbers)</label>
        <input
          id="shl-scores"
          type="text"
          spellcheck={false}
          autocomplete="off"
          value={state.scores}
          aria-invalid={error ? "true" : "false"}
          aria-describedby="shl-scores-error"
          onInput={(e) => set("scores", (e.target as HTMLInputElement).value)}
        />
        <FieldMessage id="shl-scores-error" error={error} kept="result" />
      </div>
      <fieldset class="shl-modes">
        <legend>Mode</legend>
        {MODES.map((m) => (
          <label>
            <input
              type="radio"
              name="shl-mode"
              value={m}
              checked={state.mode === m}
              onChange={() => set("mode", m)}
            />{" "}
            {MODE_LABEL[m]}
          </label>
        ))}
      </fieldset>
      {r && state.mode === "soft" && <SoftPanel r={r} />}
      {r && state.mode === "hard" && <HardPanel r={r} state={state} set={set} />}
      {r && state.mode === "local" && <LocalPanel r={r} state={state} set={set} />}
      {r && (
        <EquationPicker
          selects={[
            {
              label: "Position in the equation",
              value: pos,
              options: indices(r.scores.length),
              show: (j) => j + 1,
              onValue: (j) => set("pos", j),
            },
          ]}
          tex={tex}
          initialHtml={initialEquationHtml}
          initialTex={initialEquationTex}
          label={`Equation for position ${pos + 1}, ${MODE_LABEL[state.mode]}: its weight with the numbers`}
        />
      )}
    </div>
  );
}
