import { matrixCell, scalarCell, vectorCell } from "../primitives/notebookCells";
import { parseMatrixText } from "../primitives/matrixText";
import { type AddressingInput, computeAddressing } from "./ntmModel";
import { type CopyInput, computeCopy } from "./copyModel";

/**
 * Notebook cells that recompute the addressing widget stage by stage from matrix operations: the
 * cosine of the key to every slot, the content softmax, the gate, the circular shift (slot i takes
 * s₁ of slot i − 1, s₂ of itself and s₃ of slot i + 1) and the sharpening; then the library's
 * `ntmAddress` for the same weighting, the read and the write. Slots are numbered from 1 in the
 * notebook (slot 0 of the widget is entry 1), and a first comment cell tells the reader so. A slot or key of zeros gives NaN cosines here, where
 * the library takes the zero norm as 10⁻⁸ (the `w_lib` cell). `null` while an input has an error.
 */
export function addressingCells(st: AddressingInput): string[] | null {
  const r = computeAddressing(st);
  if (!r.ok) return null;
  const v = r.result;
  const row = (text: string) => parseMatrixText(text.replace(/\n/g, " "), "v");
  const key = row(st.key);
  const erase = row(st.erase);
  const add = row(st.add);
  if (!key.ok || !erase.ok || !add.ok) return null;
  return [
    "# Slots are numbered from 1 in these cells, as the notebook counts (mathjs indexes from 1): slot i of the widget and the chapter, counted from 0, is row i + 1 of M and entry i + 1 of every weighting.",
    matrixCell("M", v.memory),
    vectorCell("k", key.value[0]),
    scalarCell("beta", v.beta),
    scalarCell("g", v.g),
    vectorCell("s", v.s),
    scalarCell("gamma", v.gamma),
    vectorCell("w_prev", v.wPrev),
    "n = size(M)[1]",
    "cosines = (M * k) ./ ((M .^ 2 * ones(size(M)[2])) .^ 0.5 * norm(k))",
    "w_c = softmax(beta * cosines)",
    "w_g = g * w_c + (1 - g) * w_prev",
    "w_s = s[1] * concat(w_g[n:n], w_g[1:n-1]) + s[2] * w_g + s[3] * concat(w_g[2:n], w_g[1:1])",
    "w = w_s .^ gamma / sum(w_s .^ gamma)",
    "w_lib = ntmAddress(M, k, beta, g, s, gamma, w_prev)",
    "r = ntmRead(M, w)",
    vectorCell("e", erase.value[0]),
    vectorCell("a", add.value[0]),
    "M_after = ntmWrite(M, w, e, a)",
  ];
}

/**
 * Notebook cells that replay the copy task up to the frame the widget shows, with the library's
 * `ntmAddress`, `ntmWrite` and `ntmRead`: both heads shift forward one slot per step (β = 0,
 * g = 0, s = [1, 0, 0], γ = 1) from the last slot; write step t erases its slot (e = 1) and adds
 * item t, read step t reads it back. `null` while the input has an error.
 */
export function copyCells(st: CopyInput): string[] | null {
  const r = computeCopy(st);
  if (!r.ok) return null;
  const { T } = r.frames[0];
  const frame = Math.min(st.frame, 2 * T);
  const cells = [
    `# Slots and items are numbered from 1 in these cells, as the notebook counts (mathjs indexes from 1): slot i of the widget, counted from 0, is entry i + 1, and the heads start on the last slot, ${st.slots - 1} in the widget. w_t and M_t are the weighting and memory after step t.`,
    matrixCell("X", r.frames[0].input),
    scalarCell("N", st.slots),
    "W = size(X)[2]",
    "k = zeros(W)",
    "s = [1, 0, 0]",
    "w_0 = concat(zeros(N - 1), [1])",
    "M_0 = zeros(N, W)",
  ];
  for (let f = 1; f <= Math.min(frame, T); f++)
    cells.push(
      `w_${f} = ntmAddress(M_${f - 1}, k, 0, 0, s, 1, w_${f - 1})`,
      `M_${f} = ntmWrite(M_${f - 1}, w_${f}, ones(W), flatten(X[${f}, :]))`,
    );
  for (let f = T + 1; f <= frame; f++) {
    const prev = f === T + 1 ? "w_0" : `w_${f - 1}`;
    cells.push(
      `w_${f} = ntmAddress(M_${T}, k, 0, 0, s, 1, ${prev})`,
      `y_${f - T - 1} = ntmRead(M_${T}, w_${f})`,
    );
  }
  return cells;
}
