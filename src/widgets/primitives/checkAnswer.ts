import { parseMatrixText } from "./matrixText";

export interface CheckResult {
  status: "correct" | "wrong" | "invalid";
  message: string;
}

/** Check a reader's answer against the expected one (numbers within a tolerance). */
export function checkAnswer(
  kind: "number" | "choice" | "matrix",
  raw: string,
  expected: number | string | number[][],
  tolerance: number,
): CheckResult {
  if (raw.trim() === "") return { status: "invalid", message: "Type or choose an answer first." };
  if (kind === "choice") {
    return raw === expected
      ? { status: "correct", message: "Correct." }
      : { status: "wrong", message: "Not quite. Read the hint, then try again." };
  }
  if (kind === "number") {
    const v = Number(raw.trim());
    if (!Number.isFinite(v)) return { status: "invalid", message: `"${raw.trim()}" is not a number.` };
    return Math.abs(v - (expected as number)) <= tolerance
      ? { status: "correct", message: "Correct." }
      : { status: "wrong", message: `Not quite: ${v} is off by more than ${tolerance}.` };
  }
  const parsed = parseMatrixText(raw, "Your answer", { maxRows: 16, maxCols: 16, maxAbs: 1e9 });
  if (!parsed.ok) return { status: "invalid", message: parsed.error };
  const exp = expected as number[][];
  const got = parsed.value;
  if (got.length !== exp.length || got[0].length !== exp[0].length) {
    return {
      status: "wrong",
      message: `Your matrix is ${got.length}×${got[0].length}; the answer is ${exp.length}×${exp[0].length}.`,
    };
  }
  for (let i = 0; i < exp.length; i++) {
    for (let j = 0; j < exp[0].length; j++) {
      if (Math.abs(got[i][j] - exp[i][j]) > tolerance) {
        return { status: "wrong", message: `Not quite: check row ${i + 1}, column ${j + 1}.` };
      }
    }
  }
  return { status: "correct", message: "Correct." };
}
