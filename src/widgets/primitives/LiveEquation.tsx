import { useEffect, useState } from "preact/hooks";

type Katex = typeof import("katex");
let katexPromise: Promise<Katex> | null = null;

/** Load KaTeX once, only when a live equation first needs re-typesetting. */
function loadKatex(): Promise<Katex> {
  katexPromise ??= import("katex").then((m) => (m as unknown as { default: Katex }).default ?? m);
  return katexPromise;
}

interface Props {
  /** TeX source of the equation with the live numbers substituted. */
  tex: string;
  /** Build-time KaTeX HTML for the first paint (for the default state). */
  initialHtml?: string;
  /** Text for assistive technology when MathML is not announced. */
  label: string;
}

/**
 * An equation that shows live numbers. The first paint uses HTML typeset at build time; once the
 * reader changes something, KaTeX is loaded and the new TeX is typeset in the browser.
 */
export function LiveEquation({ tex, initialHtml, label }: Props) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [firstTex] = useState(tex);

  useEffect(() => {
    if (tex === firstTex && initialHtml) {
      setHtml(initialHtml);
      return;
    }
    let cancelled = false;
    void loadKatex().then((katex) => {
      if (cancelled) return;
      try {
        setHtml(
          katex.renderToString(tex, { displayMode: true, throwOnError: true, output: "htmlAndMathml" }),
        );
        setError(null);
      } catch (err) {
        setError((err as Error).message);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [tex, firstTex, initialHtml]);

  return (
    // tabIndex: a wide equation scrolls sideways, and keyboard users must be able to scroll it.
    <div class="widget-equation" aria-label={label} role="group" tabIndex={0}>
      <div class="equation-body" dangerouslySetInnerHTML={{ __html: html ?? initialHtml ?? "" }} />
      {error && <p class="field-error">Could not typeset this equation: {error}</p>}
    </div>
  );
}
