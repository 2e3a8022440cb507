import { describe, expect, it } from "vitest";
import { seedProblem } from "../../../../src/widgets/primitives/SeedInput";

describe("seedProblem", () => {
  it("accepts whole numbers from 0 to max, typed as digits", () => {
    for (const ok of ["0", "7", "99999", " 12 ", "007"]) expect(seedProblem(ok, 99999)).toBeUndefined();
  });
  it("rejects what issue 9 found typed into seed fields, and more", () => {
    // Empty (was seed 0), 1.5 (was 51), 1e9 (was 9), -5 (kept silently), 2.5 (accepted, its link rejected).
    for (const bad of ["", "  ", "1.5", "1e9", "-5", "2.5", "100000", "+3", "0x10", "abc", "1 2"])
      expect(seedProblem(bad, 99999)).toBe("A seed is a whole number from 0 to 99,999.");
  });
});
