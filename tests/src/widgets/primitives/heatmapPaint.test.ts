import { describe, expect, it } from "vitest";
import { oklabToRgb, rgbToOklab } from "../../../../src/widgets/primitives/charts/heatmapPaint";

describe("heatmapPaint: OKLab, as color-mix(in oklab) mixes the palette", () => {
  it("matches the published OKLab values of white, black and the sRGB primaries", () => {
    // CSS Color 4 / Ottosson's reference values.
    const cases: [[number, number, number], [number, number, number]][] = [
      [
        [255, 255, 255],
        [1, 0, 0],
      ],
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
      [
        [255, 0, 0],
        [0.627955, 0.224863, 0.125846],
      ],
      [
        [0, 255, 0],
        [0.86644, -0.233888, 0.179498],
      ],
      [
        [0, 0, 255],
        [0.452014, -0.032457, -0.311528],
      ],
    ];
    for (const [rgb, lab] of cases) rgbToOklab(rgb).forEach((v, k) => expect(v).toBeCloseTo(lab[k], 4));
  });
  it("goes back to the same sRGB bytes", () => {
    for (const rgb of [
      [244, 248, 253],
      [8, 48, 107],
      [179, 88, 6],
      [29, 32, 38],
      [185, 215, 255],
    ] as [number, number, number][])
      expect(oklabToRgb(rgbToOklab(rgb))).toEqual(rgb);
  });
});
