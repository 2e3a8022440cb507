import { describe, expect, it } from "vitest";
import { computeCopy, copySpec } from "../../../../src/widgets/neural-turing-machines/copyModel";
import { defaults } from "../../../../src/widgets/primitives/urlState";

describe("NTM copy-task widget model", () => {
  it("computes the default sequence: 2T + 1 frames, and the read phase returns the input", () => {
    const r = computeCopy(defaults(copySpec));
    if (!r.ok) throw new Error(r.error);
    const last = r.frames.at(-1)!;
    expect(r.frames).toHaveLength(2 * 4 + 1);
    expect(last.phase).toBe("read");
    last.output.forEach((row, t) => row!.forEach((v, j) => expect(v).toBeCloseTo(last.input[t][j], 6)));
  });

  it("reports every field error", () => {
    const base = defaults(copySpec);
    const few = computeCopy({ ...base, slots: 3 });
    expect(few).toEqual({
      ok: false,
      field: "slots",
      error: "3 slots cannot hold a sequence of 4 items; use at least 4.",
    });
    const bad = computeCopy({ ...base, seq: "1 0\n0 x" });
    expect(bad.ok === false && bad.field).toBe("seq");
  });
});
