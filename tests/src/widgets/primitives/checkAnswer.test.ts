import { describe, expect, it } from "vitest";
import { checkAnswer } from "../../../../src/widgets/primitives/checkAnswer";

describe("checkAnswer", () => {
  it("asks for an answer when there is none", () => {
    for (const kind of ["number", "choice", "matrix"] as const) {
      expect(checkAnswer(kind, "  ", kind === "matrix" ? [[1]] : 1, 0)).toEqual({
        status: "invalid",
        message: "Type or choose an answer first.",
      });
    }
  });

  it("numbers: within the tolerance is correct, outside is not quite, text is invalid", () => {
    expect(checkAnswer("number", "0.8808", 0.880797, 5e-4)).toEqual({
      status: "correct",
      message: "Correct.",
    });
    expect(checkAnswer("number", " 0.881 ", 0.880797, 5e-4).status).toBe("correct");
    const wrong = checkAnswer("number", "0.5", 0.880797, 5e-4);
    expect(wrong.status).toBe("wrong");
    expect(wrong.message).toMatch(/^Not quite/);
    expect(checkAnswer("number", "abc", 1, 0)).toEqual({
      status: "invalid",
      message: '"abc" is not a number.',
    });
  });

  it("choices: exact match only", () => {
    expect(checkAnswer("choice", "b", "b", 0).status).toBe("correct");
    const r = checkAnswer("choice", "a", "b", 0);
    expect(r.status).toBe("wrong");
    expect(r.message).toMatch(/^Not quite/);
  });

  it("matrices: shape, entries within tolerance, and parse errors", () => {
    expect(checkAnswer("matrix", "0.5 1.5", [[0.5, 1.5]], 1e-3)).toEqual({
      status: "correct",
      message: "Correct.",
    });
    expect(checkAnswer("matrix", "0.5004, 1.4996", [[0.5, 1.5]], 1e-3).status).toBe("correct");
    expect(checkAnswer("matrix", "0.5\n1.5", [[0.5, 1.5]], 1e-3)).toEqual({
      status: "wrong",
      message: "Your matrix is 2×1; the answer is 1×2.",
    });
    expect(
      checkAnswer(
        "matrix",
        "1 0\n0 2",
        [
          [1, 0],
          [0, 1],
        ],
        1e-3,
      ),
    ).toEqual({
      status: "wrong",
      message: "Not quite: check row 2, column 2.",
    });
    const bad = checkAnswer("matrix", "1 x", [[1, 2]], 1e-3);
    expect(bad.status).toBe("invalid");
    expect(bad.message).toContain('"x" is not a number');
  });
});
