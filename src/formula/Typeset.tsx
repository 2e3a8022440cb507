import { useEffect, useRef, useState } from "preact/hooks";

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

type Katex = typeof import("katex");
let loading: Promise<Katex> | null = null;
function loadKatex(): Promise<Katex> {
  loading ??= import("katex").then((k) => (k as unknown as { default?: Katex }).default ?? k);
  loading.catch(() => (loading = null));
  return loading;
}

interface Props {
  /** TeX made by `lib/formula` from the formula; empty when there is none. */
  tex: string;
  /** The formula as typed: shown as text when it cannot be typeset. */
  source: string;
}

/**
 * A formula typeset with KaTeX, drawn as DOM nodes (`katex.render`, never an HTML string). A
 * formula KaTeX cannot typeset is shown as its text; typesetting never decides whether it runs.
 */
export function Typeset({ tex, source }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  const [asText, setAsText] = useState(tex === "");
  useEffect(() => {
    if (tex === "") {
      setAsText(true);
      return;
    }
    let live = true;
    loadKatex().then(
      (katex) => {
        const el = ref.current;
        if (!live || !el) return;
        try {
          katex.render(tex, el, KATEX_OPTIONS);
          setAsText(false);
        } catch {
          el.replaceChildren();
          setAsText(true);
        }
      },
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
