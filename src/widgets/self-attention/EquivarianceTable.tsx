import { fmt } from "../primitives/matrixText";
import { exponential } from "../primitives/format";

interface Props {
  tokens: string[];
  perm: number[];
  output: number[][];
  baseOutput: number[][];
  maxMoveError: number;
  causal: boolean;
}

/** Each token's output in the shown order beside its output in the original order. */
export function EquivarianceTable({ tokens, perm, output, baseOutput, maxMoveError, causal }: Props) {
  const shuffled = perm.some((p, i) => p !== i);
  const equal = maxMoveError < 1e-9;
  return (
    <div class="sa-equi" data-table="equivariance">
      <p data-output="equivariance">
        {!shuffled
          ? "Original order. Press “Shuffle the words” to permute the sentence."
          : equal
            ? `Every output row moved with its token: the largest difference from the original order is ${exponential(maxMoveError, 1)}.`
            : `With the causal mask on, the outputs do not just move: the largest difference is ${fmt(maxMoveError)}, because each token now sees a different set of words.`}
        {shuffled && causal && equal ? " (Here the mask happened not to matter.)" : ""}
      </p>
      <table>
        <caption>Output rows h (first two of {output[0].length} numbers)</caption>
        <thead>
          <tr>
            <th scope="col">token</th>
            <th scope="col">now at</th>
            <th scope="col">h now</th>
            <th scope="col">was at</th>
            <th scope="col">h before shuffling</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t, i) => (
            <tr>
              <th scope="row">{t}</th>
              <td>{i + 1}</td>
              <td>
                {output[i]
                  .slice(0, 2)
                  .map((v) => fmt(v, 3))
                  .join(", ")}
              </td>
              <td>{perm[i] + 1}</td>
              <td>
                {baseOutput[perm[i]]
                  .slice(0, 2)
                  .map((v) => fmt(v, 3))
                  .join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
