import { useEffect, useRef, useState } from "preact/hooks";
import { loadKatex } from "../widgets/primitives/katexMain";

/**
 * KaTeX options for TeX made from readers' formulas: no `\href`/`\url`/`\includegraphics`
 * (`trust` off), bounded sizes and macro expansion, and errors thrown, not drawn.
 */
export const KATEX_OPTIONS = {
  displayMode: true,
  throwOnError: true,
  trust: false,
  maxSize: 20,
  maxExpand: 100,
  strict: "ignore",
  output: "htmlAndMathml",
} as const;

/**
 * Longest TeX typeset, in characters; longer formulas (a large matrix written out) are shown as
 * text, since typesetting one takes the main thread for longer than a frame.
 */
export const MAX_TEX = 1_500;

/** Most time, in milliseconds, the queue below typesets in one task before it lets the page run. */
const SLICE_MS = 8;
const queue: (() => void)[] = [];
let draining = false;

/**
 * Typeset formulas one after another in short tasks: a notebook opened with many formulas
 * typesets them over several frames instead of in one long task, so the page keeps responding.
 */
function enqueue(job: () => void): void {
  queue.push(job);
  if (draining) return;
  draining = true;
  const drain = () => {
    const start = performance.now();
    while (queue.length > 0 && performance.now() - start < SLICE_MS) queue.shift()!();
    if (queue.length > 0) setTimeout(drain, 0);
    else {
      draining = false;
      // The page's script (BaseLayout.astro) gives formulas wider than their box a tab stop.
      dispatchEvent(new Event("atlas:math-changed"));
    }
  };
  setTimeout(drain, 0);
}

interface Props {
  /** TeX made by `lib/formula` from the formula; empty when there is none. */
  tex: string;
  /** The formula as typed: shown as text when it cannot be typeset. */
  source: string;
}

/**
 * A formula typeset with KaTeX, drawn as DOM nodes (`katex.render`, never an HTML string). A
 * formula KaTeX cannot typeset, or whose TeX is longer than {@link MAX_TEX}, is shown as its text;
 * typesetting never decides whether it runs.
 */
export function Typeset({ tex, source }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  const tooLong = tex === "" || tex.length > MAX_TEX;
  const [asText, setAsText] = useState(tooLong);
  useEffect(() => {
    if (tooLong) {
      ref.current?.replaceChildren();
      setAsText(true);
      return;
    }
    let live = true;
    loadKatex().then(
      (katex) =>
        enqueue(() => {
          const el = ref.current;
          if (!live || !el) return;
          try {
            katex.render(tex, el, KATEX_OPTIONS);
            setAsText(false);
          } catch {
            el.replaceChildren();
            setAsText(true);
          }
        }),
      () => live && setAsText(true),
    );
    return () => {
      live = false;
    };
  }, [tex]);
  return (
    <span class="typeset" data-typeset={asText ? "text" : "tex"}>
      <span ref={ref} hidden={asText} />
      {asText && <code class="typeset-text">{source}</code>}
    </span>
  );
}
