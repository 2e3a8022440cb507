import type { ToyTranslation } from "../../../lib";
import { INPUTS, SOURCE, TARGET, n2 } from "./s2sModel";

const v2 = (v: ArrayLike<number>) => `[${Array.from(v, n2).join(", ")}]`;

/** The numbers of decoder step t: each source state h_i with its score and weight, then c_t. */
export function StepDetail({ tr, step }: { tr: ToyTranslation; step: number }) {
  if (step === 0) {
    return (
      <div class="s2s-detail" data-output="detail">
        <p>
          The encoder has read the source. Its states, one per word, are what every decoder step will score.
          Press <strong>Step</strong> to run the first decoder step.
        </p>
        <StatesTable tr={tr} />
      </div>
    );
  }
  const s = tr.result.steps[step - 1];
  const bahdanau = tr.variant === "bahdanau";
  return (
    <div class="s2s-detail" data-output="detail">
      <p>
        Step {step}: the decoder reads <code>{INPUTS[step - 1]}</code> and is to emit{" "}
        <code>{TARGET[step - 1]}</code>.{" "}
        {bahdanau ? (
          <>
            Bahdanau scores the source with the <strong>previous</strong> state s<sub>{step - 1}</sub> ={" "}
            {v2(s.query)}, before reading {INPUTS[step - 1]}.
          </>
        ) : (
          <>
            Luong first updates the state with {INPUTS[step - 1]}, then scores with the{" "}
            <strong>current</strong> state s<sub>{step}</sub> = {v2(s.query)} (Luong's h<sub>t</sub>).
          </>
        )}
      </p>
      <div class="number-table" data-table="step">
        <table>
          <caption>
            Step {step}: {bahdanau ? "additive" : "general"} scores, softmax and the weighted states
          </caption>
          <thead>
            <tr>
              <th scope="col">i</th>
              <th scope="col">word</th>
              <th scope="col">hᵢ</th>
              <th scope="col">score e</th>
              <th scope="col">weight α</th>
            </tr>
          </thead>
          <tbody>
            {SOURCE.map((w, i) => (
              <tr key={w}>
                <td>{i + 1}</td>
                <th scope="row">{w}</th>
                <td>{v2(tr.H.row(i))}</td>
                <td>{n2(s.scores[i])}</td>
                <td>{n2(s.weights[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-output="context">
        Context c<sub>{step}</sub> = Σ α<sub>i</sub> h<sub>i</sub> = <strong>{v2(s.context)}</strong>
        {s.attentional && (
          <>
            ; attentional state tanh(W<sub>c</sub>[c<sub>{step}</sub>; s<sub>{step}</sub>]) ={" "}
            <strong>{v2(s.attentional)}</strong>
          </>
        )}
        .
      </p>
    </div>
  );
}

function StatesTable({ tr }: { tr: ToyTranslation }) {
  return (
    <div class="number-table" data-table="states">
      <table>
        <caption>Encoder states hᵢ = tanh(Wₓxᵢ + Wₕhᵢ₋₁)</caption>
        <tbody>
          {SOURCE.map((w, i) => (
            <tr key={w}>
              <th scope="row">
                h{i + 1} ({w})
              </th>
              <td>{v2(tr.H.row(i))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
