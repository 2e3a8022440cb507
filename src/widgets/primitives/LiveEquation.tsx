import morphdom from "morphdom";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { typeset as typesetTex } from "./typeset";

export interface LiveEquationProps {
  /** TeX source of the equation with the live numbers substituted. */
  tex: string;
  /** Build-time KaTeX HTML for the first paint (for the default state). */
  initialHtml?: string;
  /**
   * The TeX that `initialHtml` was typeset from. The build-time HTML is shown only while `tex`
   * equals it, so a remounted equation never shows the default state's numbers. Without it, the
   * first `tex` this component sees is assumed to match.
   */
  initialTex?: string;
  /** Text for assistive technology when MathML is not announced. */
  label: string;
}

/**
 * An equation that shows live numbers. The first paint uses HTML typeset at build time; once the
 * reader changes something, the new TeX is typeset by KaTeX in a Web Worker (`typeset.ts`), so
 * the page's main thread only inserts the HTML. It is inserted by morphing the equation on screen
 * into the new one (morphdom): a change of numbers rewrites a few text nodes instead of rebuilding
 * every element, so restyling and laying out the equation again stays small (the induction heads'
 * equation has about 1,300 elements, and rebuilding them took 30 ms of a training report's frame).
 */
export function LiveEquation({ tex, initialHtml, initialTex, label }: LiveEquationProps) {
  const [typeset, setTypeset] = useState<{ tex: string; html: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [firstTex] = useState(tex);
  const showInitial = initialHtml !== undefined && tex === (initialTex ?? firstTex);

  useEffect(() => {
    if (showInitial) return;
    let cancelled = false;
    typesetTex(tex).then(
      (html) => {
        if (cancelled) return;
        setTypeset({ tex, html });
        setError(null);
      },
      (err: Error) => {
        if (!cancelled) setError(err.message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [tex, showInitial]);

  // While KaTeX typesets a new equation, the previous one stays (for a few milliseconds).
  const html = showInitial ? initialHtml : (typeset?.html ?? "");
  // Preact writes the HTML it was first rendered with (the server's, when hydrating) and leaves the
  // body alone after that, as long as that string stays the same; later HTML is morphed in.
  const [firstHtml] = useState(html);
  const body = useRef<HTMLDivElement>(null);
  const shown = useRef(firstHtml);
  useLayoutEffect(() => {
    if (!body.current || html === shown.current) return;
    shown.current = html;
    morphdom(body.current, `<div>${html}</div>`, { childrenOnly: true });
  }, [html]);
  return (
    // tabIndex: a wide equation scrolls sideways, and keyboard users must be able to scroll it.
    <div
      class="widget-equation"
      aria-label={label}
      role="group"
      tabIndex={0}
      aria-busy={!showInitial && typeset?.tex !== tex}
    >
      <div class="equation-body" ref={body} dangerouslySetInnerHTML={{ __html: firstHtml }} />
      {error && <p class="field-error">Could not typeset this equation: {error}</p>}
    </div>
  );
}
