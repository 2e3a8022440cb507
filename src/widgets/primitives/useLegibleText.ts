import { useLayoutEffect, useState } from "preact/hooks";
import { coordinate } from "./format";

/**
 * Keep the text of a diagram drawn in a scaled SVG (a `viewBox` shrunk to fit a phone) at least
 * `px` CSS pixels: the SVG's font size, in its own units, grows as the drawing is scaled down. Text
 * inside the SVG inherits it (give it no font-size of its own, or one in `em`). Returns that font
 * size in viewBox units (`px` until the drawing has been measured), for placing labels.
 *
 * @example
 * const svg = useRef<SVGSVGElement>(null);
 * useLegibleText(svg, 520); // the viewBox is 520 units wide
 */
export function useLegibleText(
  svg: { current: SVGSVGElement | null },
  viewBoxWidth: number,
  px = 12,
): number {
  const [units, setUnits] = useState(px);
  useLayoutEffect(() => {
    const el = svg.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const update = () => {
      const shown = el.getBoundingClientRect().width;
      if (shown <= 0) return;
      const scale = Math.min(1, shown / viewBoxWidth);
      const size = coordinate(px / scale, 2);
      el.style.fontSize = `${size}px`;
      setUnits(Number(size));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [svg, viewBoxWidth, px]);
  return units;
}
