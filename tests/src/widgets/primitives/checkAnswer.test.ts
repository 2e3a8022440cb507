import { describe, expect, it } from "vitest";
import { type AnswerSpec, checkAnswer, numberMatches } from "../../../../src/widgets/primitives/checkAnswer";

const num = (answer: number, tolerance: number, extra: Partial<AnswerSpec> = {}): AnswerSpec =>
  ({ kind: "number", answer, tolerance, ...extra }) as AnswerSpec;
const mat = (answer: number[][], tolerance = 1e-3, extra: Partial<AnswerSpec> = {}): AnswerSpec =>
  ({ kind: "matrix", answer, tolerance, ...extra }) as AnswerSpec;

describe("checkAnswer: numbers", () => {
  it("asks for an answer when there is none", () => {
    expect(checkAnswer(num(1, 0), "  ")).toEqual({ status: "invalid", message: "Type an answer first." });
    expect(checkAnswer(mat([[1]]), "")).toEqual({ status: "invalid", message: "Type an answer first." });
  });

  it("within the tolerance is correct, outside is not quite, text is invalid", () => {
    expect(checkAnswer(num(0.880797, 5e-4), "0.8808")).toEqual({ status: "correct", message: "Correct." });
    expect(checkAnswer(num(0.880797, 5e-4), " 0.881 ").status).toBe("correct");
    const wrong = checkAnswer(num(0.880797, 5e-4), "0.5");
    expect(wrong).toEqual({
      status: "wrong",
      message: "Not quite: 0.5 is more than 0.0005 away from the answer.",
    });
    const bad = checkAnswer(num(1, 0), "abc");
    expect(bad.status).toBe("invalid");
    expect(bad.message).toMatch(/^Could not read "abc": "abc" is not a number/);
  });

  it("tolerance 0 says the answer is not that number, never 'off by more than 0'", () => {
    const r = checkAnswer(num(64, 0), "65");
    expect(r).toEqual({ status: "wrong", message: "Not quite: the answer is not 65." });
    expect(r.message).not.toContain("more than 0");
    expect(checkAnswer(num(64, 0), "64").status).toBe("correct");
  });

  it("accepts the prose's own forms: fractions, arithmetic, a decimal comma, brackets", () => {
    expect(checkAnswer(num(0.125, 1e-9), "1/8").status).toBe("correct");
    expect(checkAnswer(num(0.6652, 5e-4), "0,6652").status).toBe("correct");
    expect(checkAnswer(num(0.75, 1e-9), "[0.75]").status).toBe("correct");
    expect(checkAnswer(num(Math.exp(2) / (Math.exp(2) + 3 * Math.E), 1e-9), "e^2/(e^2+3e)").status).toBe(
      "correct",
    );
    expect(checkAnswer(num(6, 0), "2 3").status).toBe("invalid");
    expect(checkAnswer(num(Math.exp(2) / (Math.exp(2) + 3 * Math.E), 1e-9), "e^2/(e^2+3*e)").status).toBe(
      "correct",
    );
    expect(checkAnswer(num(1 / Math.sqrt(8), 5e-4), "1/√8").status).toBe("correct");
    expect(checkAnswer(num(1664, 0), "1,664").status).toBe("correct");
    expect(checkAnswer(num(3, 0), "12 ÷ 4").status).toBe("correct");
  });

  it("three decimals: a rounded or a truncated answer both count (0.750 and 0.749 for 0.74966)", () => {
    const spec = num(0.74966, 5e-4, { decimals: 3 });
    expect(checkAnswer(spec, "0.750").status).toBe("correct");
    expect(checkAnswer(spec, "0.749").status).toBe("correct");
    expect(checkAnswer(spec, "0.748")).toEqual({
      status: "wrong",
      message: "Not quite: 0.748 does not match the answer to three decimals.",
    });
    expect(numberMatches(-0.74966, -0.74966, 0, 3)).toBe(true);
    expect(numberMatches(-0.749, -0.74966, 0, 3)).toBe(true);
    expect(numberMatches(-0.75, -0.74966, 0, 3)).toBe(true);
  });

  it("a known mistake gets its explanation", () => {
    const spec = num(0.8808, 5e-4, { mistakes: [[0.9997, "Divide the scores by √d_k first."]] });
    expect(checkAnswer(spec, "0.99966")).toEqual({
      status: "wrong",
      message: "Not quite. Divide the scores by √d_k first.",
    });
  });
});

describe("checkAnswer: matrices and vectors", () => {
  it("shape, entries within tolerance, and parse errors", () => {
    expect(checkAnswer(mat([[0.5, 1.5]]), "0.5 1.5")).toEqual({ status: "correct", message: "Correct." });
    expect(checkAnswer(mat([[0.5, 1.5]]), "0.5004, 1.4996").status).toBe("correct");
    expect(checkAnswer(mat([[0.5, 1.5]]), "0.5 1.5 2")).toEqual({
      status: "wrong",
      message: "Your answer is 3 numbers; the answer is 2 numbers.",
    });
    expect(
      checkAnswer(
        mat([
          [1, 0],
          [0, 1],
        ]),
        "1 0\n0 2",
      ),
    ).toEqual({ status: "wrong", message: "Not quite: check row 2, column 2." });
    const bad = checkAnswer(mat([[1, 2]]), "1 x");
    expect(bad.status).toBe("invalid");
    expect(bad.message).toContain('"x"');
  });

  it("a vector may be typed as a row or a column, with brackets, commas or decimal commas", () => {
    const spec = mat([[0.75, 0.5]]);
    for (const typed of [
      "[0.75, 0.5]",
      "0.75,0.5",
      "0,75 0,5",
      "0.75\n0.5",
      "3/4 1/2",
      "[3/4; 1/2]",
      "0,75, 0,5",
    ])
      expect(checkAnswer(spec, typed).status, typed).toBe("correct");
    expect(checkAnswer(spec, "0.75 0.6")).toEqual({ status: "wrong", message: "Not quite: check entry 2." });
  });

  it("a matrix with nested brackets or semicolons", () => {
    const spec = mat([
      [2, 4],
      [1, 3],
    ]);
    for (const typed of ["[[2, 4], [1, 3]]", "2 4; 1 3", "2,4\n1,3", "[2 4]\n[1 3]"])
      expect(checkAnswer(spec, typed).status, typed).toBe("correct");
    expect(checkAnswer(spec, "2 4\n1").message).toMatch(/row 2 has 1 numbers but row 1 has 2/i);
  });

  it("a known matrix mistake gets its explanation", () => {
    const spec = mat([[0.5, 1.5]], 1e-3, {
      mistakes: [[[[1, 2]], "That is v_1 alone: both weights are 0.5."]],
    });
    expect(checkAnswer(spec, "1 2").message).toBe("Not quite. That is v_1 alone: both weights are 0.5.");
  });
});

describe("checkAnswer: choices and order", () => {
  it("one answer: exact match, with the picked choice's feedback", () => {
    const spec: AnswerSpec = {
      kind: "choice",
      answer: ["b"],
      multiple: false,
      feedback: { a: "That is GCN." },
    };
    expect(checkAnswer(spec, ["b"]).status).toBe("correct");
    expect(checkAnswer(spec, ["a"])).toEqual({ status: "wrong", message: "Not quite. That is GCN." });
    expect(checkAnswer(spec, [])).toEqual({ status: "invalid", message: "Choose an answer first." });
  });

  it("several answers: all and only the right ones", () => {
    const spec: AnswerSpec = { kind: "choice", answer: ["a", "c"], multiple: true };
    expect(checkAnswer(spec, ["c", "a"]).status).toBe("correct");
    expect(checkAnswer(spec, ["a"]).message).toBe("Not quite. 1 right choice is missing.");
    expect(checkAnswer(spec, ["a", "b", "c"]).message).toBe("Not quite. 1 of your choices is wrong.");
  });

  it("order: correct, one pair off by one position, or a count of steps in place", () => {
    const spec: AnswerSpec = { kind: "order", steps: ["content", "interpolate", "shift", "sharpen"] };
    expect(checkAnswer(spec, [0, 1, 2, 3]).status).toBe("correct");
    expect(checkAnswer(spec, [0, 2, 1, 3]).message).toBe(
      'Not quite: "shift" and "interpolate" are each one position off; swap them.',
    );
    expect(checkAnswer(spec, [3, 2, 1, 0]).message).toBe("Not quite: 0 of 4 steps are in the right place.");
  });
});
