import katex from "katex";
import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  addressingSpec,
  addressingTex,
  computeAddressing,
} from "../../../../src/widgets/neural-turing-machines/ntmModel";
import { computeCopy, copySpec, copyTex } from "../../../../src/widgets/neural-turing-machines/copyModel";
import { answerStory } from "../../../../src/widgets/memory-networks/babi";
import { hopTex, memSpec } from "../../../../src/widgets/memory-networks/memoryModel";

const typesets = (tex: string) => katex.renderToString(tex, { displayMode: true, throwOnError: true });

describe("live equations of chapters 13 and 14 typeset and carry the widgets' numbers", () => {
  it("NTM addressing, every slot: the four stages end at the slot's final weight", () => {
    const s = defaults(addressingSpec);
    for (let slot = 0; slot < 6; slot++) {
      const r = computeAddressing({ ...s, slot, beta: 50 });
      if (!r.ok) throw new Error("addressing");
      const tex = addressingTex(r.result);
      typesets(tex);
      // Slot 3 matches the key 1 1 0 0 exactly (cos = 1): its content term is exp(0) = 1.
      if (slot === 3) expect(tex).toContain("\\exp\\big(50 \\cdot (1 - 1)\\big)");
      expect(
        tex.trim().endsWith(`= ${Number(r.result.sharpened[slot].toPrecision(3))}\n\\end{aligned}`),
      ).toBe(true);
    }
  });

  it("copy task, every frame: writes show the item landing in its slot, reads the item read back", () => {
    const r = computeCopy(defaults(copySpec));
    if (!r.ok) throw new Error("copy");
    r.frames.forEach((v, f) => {
      const tex = copyTex(r.frames, f);
      typesets(tex);
      if (v.phase === "write") expect(tex).toContain(`x_{${v.t}}`);
      if (v.phase === "read") expect(tex).toContain(`y_{${v.t}} = r_{${f}}`);
    });
  });

  it("memory network, every hop of a three-hop run", () => {
    const s = { ...defaults(memSpec), hops: 3 };
    const o = answerStory(s.story, s.question, 3);
    if (!o.ok) throw new Error("story");
    for (const hop of [1, 2, 3]) {
      const tex = hopTex(o.result, hop);
      typesets(tex);
      expect(tex).toContain(`p^{${hop}}`);
      expect(tex.includes("\\hat a")).toBe(hop === 3);
    }
  });
});
