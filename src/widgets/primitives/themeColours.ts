/**
 * The site's theme colours for drawing on a canvas, where CSS custom properties do not reach:
 * `themeRgb(el, "--accent")` reads the property as `el` inherits it and returns it as sRGB bytes;
 * `useThemeChange()` re-renders a component when the reader switches between light and dark.
 */
import { useEffect, useState } from "preact/hooks";

let probe: CanvasRenderingContext2D | null = null;
/** Colours already read, by their CSS text. */
const known = new Map<string, [number, number, number]>();

/**
 * The colour held by CSS custom property `name` on `el`, as [r, g, b] (0–255). Any CSS colour the
 * browser knows is accepted (a canvas normalises it); an unset or unparsable value gives black.
 */
export function themeRgb(el: Element, name: string): [number, number, number] {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  const seen = known.get(value);
  if (seen) return seen;
  probe ??= document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!probe || !value) return [0, 0, 0];
  probe.fillStyle = "#000000";
  probe.fillStyle = value;
  probe.clearRect(0, 0, 1, 1);
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  known.set(value, [r, g, b]);
  return [r, g, b];
}

/**
 * A number that changes whenever the theme button switches light and dark (the `atlas:theme`
 * event of ThemeToggle.astro); use it as an effect dependency to redraw a canvas in the new colours.
 */
export function useThemeChange(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    document.addEventListener("atlas:theme", bump);
    return () => document.removeEventListener("atlas:theme", bump);
  }, []);
  return version;
}
